//! Text normalisation for matching, with a map back to the original offsets.
//!
//! Matching runs on a normalised copy of the text; evidence is always reported
//! against the text as given. Normalisation:
//!
//! - decodes HTML entities once (`&amp;`, `&nbsp;`, `&rsquo;`, `&#8217;`,
//!   `&#x2019;` …; unknown or unterminated entities stay as they are);
//! - turns tabs and non-ASCII white space (no-break space, thin space, ideographic
//!   space …) into a space, and the Unicode line and paragraph separators into
//!   a line break;
//! - turns curly and modifier apostrophes into `'`, and the Unicode hyphen and
//!   non-breaking hyphen into `-`;
//! - drops soft hyphens and zero-width characters (so `lead\u{AD}er` is
//!   `leader`);
//! - maps full-width Latin letters and digits to ASCII, and lower-cases
//!   non-ASCII letters (ASCII case is folded by the automaton itself).
//!
//! Text that is ASCII and holds no `&` and no tab needs none of this: it is matched as it
//! is, with no copy (the fast path).

use std::borrow::Cow;

/// The normalised text and the map from its offsets to the original ones.
#[derive(Debug)]
pub(crate) struct Normalized<'a> {
    text: Cow<'a, str>,
    /// `(normalised offset, original offset)` pairs at both ends of every
    /// stretch whose length changed; between two pairs, bytes map one to one.
    map: Vec<(usize, usize)>,
}

/// Whether `text` must be normalised, i.e. is not fit for the fast path.
#[inline]
pub(crate) fn needs_normalizing(text: &str) -> bool {
    let bytes = text.as_bytes();
    !text.is_ascii() || bytes.contains(&b'&') || bytes.contains(&b'\t')
}

/// Normalises `text`, borrowing it when nothing needs to change.
pub(crate) fn normalize(text: &str) -> Normalized<'_> {
    if needs_normalizing(text) {
        normalize_always(text)
    } else {
        Normalized {
            text: Cow::Borrowed(text),
            map: Vec::new(),
        }
    }
}

/// Normalises `text` on the general path, even when the fast path would do.
pub(crate) fn normalize_always(text: &str) -> Normalized<'_> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Copy the run of plain ASCII in one go.
        let run = bytes[i..]
            .iter()
            .position(|&b| b >= 0x80 || b == b'&' || b == b'\t')
            .map_or(bytes.len(), |p| i + p);
        out.push_str(&text[i..run]);
        i = run;
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'\t' {
            // Same length: no entry in the map.
            out.push(' ');
            i += 1;
            continue;
        }
        let (c, len) = if bytes[i] == b'&' {
            match decode_entity(&text[i..]) {
                Some(found) => found,
                None => {
                    out.push('&');
                    i += 1;
                    continue;
                }
            }
        } else {
            // `i` is a char boundary: runs end only before ASCII bytes or lead bytes.
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            (c, c.len_utf8())
        };
        let before = (out.len(), i);
        push_mapped(&mut out, c);
        let after = (out.len(), i + len);
        if after.0 - before.0 != len || out[before.0..] != text[i..i + len] {
            map.push(before);
            map.push(after);
        }
        i += len;
    }
    Normalized {
        text: Cow::Owned(out),
        map,
    }
}

/// Appends the normalised form of `c` to `out`.
fn push_mapped(out: &mut String, c: char) {
    match c {
        '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => {
            out.push('\'')
        }
        '\u{2010}' | '\u{2011}' => out.push('-'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '\u{FF01}'..='\u{FF5E}' => {
            // Full-width ASCII: the same character, 0xFEE0 lower.
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            out.push(ascii);
        }
        c if c.is_ascii() => out.push(c),
        c if c.is_whitespace() => out.push(' '),
        c if c.is_uppercase() => out.extend(c.to_lowercase()),
        c => out.push(c),
    }
}

/// Decodes the HTML entity at the start of `s` (which starts with `&`),
/// returning the character and the entity's length in bytes.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let semi = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..semi];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        named_entity(&name.to_ascii_lowercase())?
    };
    Some((c, semi + 1))
}

/// The named entities that scraped job ads use (names compared in lower case).
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "shy" => '\u{AD}',
        "zwj" | "zwnj" => '\u{200D}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hyphen" | "dash" => '\u{2010}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "bull" => '\u{2022}',
        "middot" => '\u{B7}',
        "hellip" => '\u{2026}',
        "copy" => '\u{A9}',
        "reg" => '\u{AE}',
        "trade" => '\u{2122}',
        "eacute" => '\u{E9}',
        _ => return None,
    })
}

impl Normalized<'_> {
    /// The normalised text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The original offset of a match that starts at normalised offset `n`.
    pub(crate) fn start_in_original(&self, n: usize) -> usize {
        let idx = self.map.partition_point(|&(norm, _)| norm <= n);
        match idx.checked_sub(1) {
            Some(k) => {
                let (norm, orig) = self.map[k];
                orig + (n - norm)
            }
            None => n,
        }
    }

    /// The original offset of a match that ends at normalised offset `n`.
    pub(crate) fn end_in_original(&self, n: usize) -> usize {
        let idx = self.map.partition_point(|&(norm, _)| norm < n);
        if let Some(&(norm, orig)) = self.map.get(idx) {
            if norm == n {
                return orig;
            }
        }
        match idx.checked_sub(1) {
            Some(k) => {
                let (norm, orig) = self.map[k];
                orig + (n - norm)
            }
            None => n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, word: &str) -> String {
        let n = normalize(text);
        let s = n.as_str().find(word).expect("word in normalised text");
        let (a, b) = (n.start_in_original(s), n.end_in_original(s + word.len()));
        text[a..b].to_string()
    }

    #[test]
    fn ascii_is_borrowed() {
        let n = normalize("Plain ASCII text.");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(n.start_in_original(3), 3);
    }

    #[test]
    fn entities_and_unicode_map_back() {
        assert_eq!(
            normalize("R&amp;D big&nbsp;picture").as_str(),
            "R&D big picture"
        );
        assert_eq!(
            round_trip("R&amp;D big&nbsp;picture", "big picture"),
            "big&nbsp;picture"
        );
        assert_eq!(
            round_trip("caf\u{e9} \u{201C}vision\u{201D}", "vision"),
            "vision"
        );
        assert_eq!(normalize("don\u{2019}t").as_str(), "don't");
        assert_eq!(normalize("lead\u{AD}er").as_str(), "leader");
        assert_eq!(round_trip("a lead\u{AD}er b", "leader"), "lead\u{AD}er");
        assert_eq!(normalize("VISI\u{d3}N").as_str(), "VISI\u{f3}N");
        assert_eq!(normalize("\u{FF36}ision").as_str(), "Vision");
        assert_eq!(normalize("day\u{2011}to\u{2011}day").as_str(), "day-to-day");
        assert_eq!(
            normalize("&#8217;&#x2019;&bogus; &").as_str(),
            "''&bogus; &"
        );
    }

    #[test]
    fn removed_char_at_match_end_is_left_out() {
        let text = "plan\u{200B} x";
        let n = normalize(text);
        assert_eq!(n.as_str(), "plan x");
        assert_eq!(n.end_in_original(4), 4);
        assert_eq!(n.start_in_original(5), 8);
    }
}
