//! Renders a text with its evidence marked: ANSI colours for terminals, HTML
//! and Markdown.
//!
//! Every renderer takes the text that was classified and its
//! [`Classification`]; evidence that overlaps an earlier piece, falls outside
//! the text or off a `char` boundary (a classification of another text) is
//! skipped, never a panic. The rest of the text is copied as it is, escaped
//! for the format.
//!
//! | format | leadership | management | negated |
//! |---|---|---|---|
//! | ANSI | bold green | bold yellow | dim and struck through |
//! | HTML | `<mark class="ll-leadership">` | `<mark class="ll-management">` | class `ll-negated` added |
//! | Markdown | `**word**` | `_word_` | `~~word~~` |
//!
//! HTML marks also carry `data-pole`, `data-dimension`, `data-term` and a
//! `title`; [`HTML_STYLE`] is a style sheet for them.

use crate::classification::Classification;
use crate::evidence::Evidence;
use crate::taxonomy::Pole;
use std::fmt::Write;

/// A CSS style sheet for the marks of [`to_html`].
pub const HTML_STYLE: &str = "mark.ll-leadership{background:#c8f0d0;color:#0b4d1c}\
mark.ll-management{background:#fde8b0;color:#5c3d00}\
mark.ll-negated{background:#e8e8e8;color:#666;text-decoration:line-through}";

/// The evidence that can be drawn: in order, inside `text`, on char
/// boundaries, not overlapping.
fn drawable<'c>(text: &str, c: &'c Classification) -> Vec<&'c Evidence> {
    let mut out: Vec<&Evidence> = Vec::new();
    let mut sorted: Vec<&Evidence> = c.evidence.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    for e in sorted {
        let fits = e.start < e.end
            && e.end <= text.len()
            && text.is_char_boundary(e.start)
            && text.is_char_boundary(e.end);
        if fits && out.last().is_none_or(|prev| prev.end <= e.start) {
            out.push(e);
        }
    }
    out
}

/// Walks the text: `plain` for the stretches between evidence, `mark` for each piece.
fn render(
    text: &str,
    c: &Classification,
    mut plain: impl FnMut(&mut String, &str),
    mut mark: impl FnMut(&mut String, &Evidence, &str),
) -> String {
    let mut out = String::with_capacity(text.len() + c.evidence.len() * 48);
    let mut at = 0;
    for e in drawable(text, c) {
        plain(&mut out, &text[at..e.start]);
        mark(&mut out, e, &text[e.start..e.end]);
        at = e.end;
    }
    plain(&mut out, &text[at..]);
    out
}

/// The text with ANSI colour codes around the evidence.
///
/// ```
/// let text = "Set the vision, keep the rota.";
/// let c = leadlens::classify(text);
/// let shown = leadlens::highlight::to_ansi(text, &c);
/// assert!(shown.contains("\x1b[1;32m"));
/// assert!(shown.contains("\x1b[0m"));
/// ```
pub fn to_ansi(text: &str, c: &Classification) -> String {
    render(
        text,
        c,
        |out, s| out.push_str(s),
        |out, e, s| {
            let style = match (e.negated, e.pole) {
                (true, _) => "\x1b[2;9m",
                (false, Pole::Leadership) => "\x1b[1;32m",
                (false, Pole::Management) => "\x1b[1;33m",
            };
            out.push_str(style);
            out.push_str(s);
            out.push_str("\x1b[0m");
        },
    )
}

/// `s` escaped for HTML text and attribute values (`& < > " '`).
///
/// ```
/// assert_eq!(leadlens::highlight::escape_html("R&D <b>"), "R&amp;D &lt;b&gt;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped_html(&mut out, s);
    out
}

/// Appends `s`, escaped for HTML, to `out`.
fn push_escaped_html(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The text as HTML: everything escaped, the evidence in `<mark>` elements.
///
/// ```
/// let text = "<script>x</script> R&D: set the vision";
/// let c = leadlens::classify(text);
/// let html = leadlens::highlight::to_html(text, &c);
/// assert!(html.starts_with("&lt;script&gt;x&lt;/script&gt; R&amp;D: "));
/// assert!(html.contains("<mark class=\"ll-leadership\" data-pole=\"leadership\" data-dimension=\"direction\""));
/// ```
pub fn to_html(text: &str, c: &Classification) -> String {
    render(text, c, push_escaped_html, |out, e, s| {
        out.push_str("<mark class=\"ll-");
        out.push_str(e.pole.id());
        if e.negated {
            out.push_str(" ll-negated");
        }
        out.push_str("\" data-pole=\"");
        out.push_str(e.pole.id());
        out.push_str("\" data-dimension=\"");
        out.push_str(e.dimension.id());
        out.push_str("\" data-term=\"");
        push_escaped_html(out, &e.term);
        // Writing to a `String` cannot fail.
        let _ = write!(
            out,
            "\" title=\"{} · {} · weight {}{}\">",
            e.pole,
            e.dimension,
            e.weight,
            if e.negated { " · negated" } else { "" }
        );
        push_escaped_html(out, s);
        out.push_str("</mark>");
    })
}

/// Escapes the characters Markdown gives a meaning to.
fn escape_markdown(out: &mut String, s: &str) {
    for ch in s.chars() {
        if "\\`*_{}[]<>()#+-!|~".contains(ch) {
            out.push('\\');
        }
        out.push(ch);
    }
}

/// The text as Markdown: leadership evidence in bold, management in italics,
/// negated evidence struck through; everything else escaped.
///
/// ```
/// let text = "Set the vision; no budget.";
/// let c = leadlens::classify(text);
/// assert_eq!(leadlens::highlight::to_markdown(text, &c), "**Set the vision**; no ~~budget~~.");
/// ```
pub fn to_markdown(text: &str, c: &Classification) -> String {
    render(text, c, escape_markdown, |out, e, s| {
        let marker = match (e.negated, e.pole) {
            (true, _) => "~~",
            (false, Pole::Leadership) => "**",
            (false, Pole::Management) => "_",
        };
        out.push_str(marker);
        escape_markdown(out, s);
        out.push_str(marker);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Dimension;

    fn ev(start: usize, end: usize, text: &str, pole: Pole, negated: bool) -> Evidence {
        Evidence {
            start,
            end,
            text: text.to_string(),
            term: text.to_string().into(),
            dimension: Dimension::Direction,
            pole,
            weight: 1.0,
            negated,
        }
    }

    fn with(evidence: Vec<Evidence>) -> Classification {
        let mut c = crate::classify("");
        c.evidence = evidence;
        c
    }

    #[test]
    fn spans_at_the_edges_adjacent_and_overlapping() {
        let text = "vision&plan";
        let c = with(vec![
            ev(0, 6, "vision", Pole::Leadership, false),
            ev(6, 7, "&", Pole::Management, false),
            ev(5, 8, "n&p", Pole::Management, false),
            ev(7, 11, "plan", Pole::Management, true),
        ]);
        assert_eq!(to_markdown(text, &c), "**vision**_&_~~plan~~");
        let html = to_html(text, &c);
        assert!(html.starts_with("<mark class=\"ll-leadership\""));
        assert!(html.ends_with(">plan</mark>"));
        assert!(html.contains(">&amp;</mark>"));
        assert_eq!(
            to_ansi(text, &c),
            "\x1b[1;32mvision\x1b[0m\x1b[1;33m&\x1b[0m\x1b[2;9mplan\x1b[0m"
        );
    }

    #[test]
    fn multibyte_text_and_foreign_spans() {
        let text = "é vision ✓";
        let c = crate::classify(text);
        assert_eq!(to_markdown(text, &c), "é **vision** ✓");
        // Spans off char boundaries or past the end are skipped, not a panic.
        let bad = with(vec![
            ev(1, 3, "x", Pole::Leadership, false),
            ev(8, 99, "x", Pole::Leadership, false),
        ]);
        assert_eq!(to_markdown(text, &bad), "é vision ✓");
        assert_eq!(to_html("\u{e9}<", &bad), "\u{e9}&lt;");
    }
}
