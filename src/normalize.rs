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
//! - turns a hyphen between two word characters into a space, so that
//!   `day-to-day` and `day to day` are matched by the same pattern (a dash
//!   written as ` - ` stays, and still ends a clause);
//! - drops soft hyphens and zero-width characters (so `lead\u{AD}er` is
//!   `leader`);
//! - maps full-width Latin letters and digits to ASCII, and lower-cases
//!   every letter.
//!
//! ASCII other than `&` needs none of this but the case, tab and hyphen
//! rules, which keep every byte where it is: such runs are copied in one go,
//! eight bytes at a time, and text made only of them
//! gets a copy of the same length and no offset map (the fast path). Other
//! characters are mapped one by one (the general path); the two give the
//! same result, which a test checks by mapping everything one by one.

use crate::tokenize::{HIGHS, ONES, char_before, is_word_char, load8};

/// The normalised text and the map from its offsets to the original ones.
#[derive(Debug)]
pub(crate) struct Normalized {
    text: String,
    /// `(normalised offset, original offset)` pairs at both ends of every
    /// stretch whose length changed; between two pairs, bytes map one to one.
    map: Vec<(usize, usize)>,
}

/// Normalises `text`, copying its plain runs (see [`plain_run_end`]) in one
/// go.
pub(crate) fn normalize(text: &str) -> Normalized {
    normalize_with(text, plain_run_end)
}

/// Normalises `text` one character at a time, without the plain runs: the
/// reference the test of the fast path compares it with.
#[cfg(test)]
pub(crate) fn normalize_per_char(text: &str) -> Normalized {
    normalize_with(text, |_, i| i)
}

/// Whether `text` is one plain run, the whole of it copied in one go.
#[cfg(test)]
pub(crate) fn is_plain(text: &str) -> bool {
    plain_run_end(text.as_bytes(), 0) == text.len()
}

/// Normalises `text`; `run_end(bytes, i)` is the end of the plain run that
/// starts at `i` (`i` itself when there is none).
fn normalize_with(text: &str, run_end: fn(&[u8], usize) -> usize) -> Normalized {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let run = run_end(bytes, i);
        push_run(&mut out, text, i..run);
        i = run;
        if i >= bytes.len() {
            break;
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
        if out.ends_with('-') && joins_words(&out[..out.len() - 1], &text[i + len..]) {
            out.pop();
            out.push(' ');
        }
        let after = (out.len(), i + len);
        if after.0 - before.0 != len || out.as_bytes()[before.0..] != bytes[i..i + len] {
            map.push(before);
            map.push(after);
        }
        i += len;
    }
    Normalized { text: out, map }
}

/// The end of the run of plain bytes from `i`: ASCII other than `&`. Looks
/// at eight bytes at a time.
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    // Whether some byte of `v` is zero (the classic bit trick).
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    while let Some(v) = load8(bytes, i) {
        if v & HIGHS != 0 || has_zero(v ^ (ONES * u64::from(b'&'))) {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b >= 0x80 || b == b'&')
        .map_or(bytes.len(), |p| i + p)
}

/// Appends the plain run `run` of `text` to `out`: lower-cased, with its
/// tabs, and its hyphens between two word characters, turned into spaces.
fn push_run(out: &mut String, text: &str, run: std::ops::Range<usize>) {
    let mut from = run.start;
    for p in memchr::memchr2_iter(b'-', b'\t', &text.as_bytes()[run.clone()]) {
        let at = run.start + p;
        push_lowercase(out, &text[from..at]);
        let blank = text.as_bytes()[at] == b'\t' || joins_words(out, &text[at + 1..]);
        out.push(if blank { ' ' } else { '-' });
        from = at + 1;
    }
    push_lowercase(out, &text[from..run.end]);
}

/// Appends the ASCII text `s` to `out`, lower-cased.
fn push_lowercase(out: &mut String, s: &str) {
    let from = out.len();
    out.push_str(s);
    out[from..].make_ascii_lowercase();
}

/// Whether a hyphen between `before` (normalised so far) and `after` (the
/// rest of the original) joins two word characters.
fn joins_words(before: &str, after: &str) -> bool {
    char_before(before, before.len()).is_some_and(is_word_char)
        && after.chars().next().is_some_and(is_word_char)
}

/// Appends the normalised form of `c` to `out`.
fn push_mapped(out: &mut String, c: char) {
    match c {
        '\t' => out.push(' '),
        '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => {
            out.push('\'')
        }
        '\u{2010}' | '\u{2011}' => out.push('-'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '\u{FF01}'..='\u{FF5E}' => {
            // Full-width ASCII: the same character, 0xFEE0 lower.
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            out.push(ascii.to_ascii_lowercase());
        }
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
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
        "pound" => '\u{A3}',
        "euro" => '\u{20AC}',
        "dollar" => '$',
        _ => return None,
    })
}

impl Normalized {
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
    fn ascii_keeps_its_offsets() {
        let n = normalize("Plain ASCII\ttext.");
        assert_eq!(n.as_str(), "plain ascii text.");
        assert!(n.map.is_empty());
        assert_eq!(n.start_in_original(3), 3);
    }

    #[test]
    fn entities_and_unicode_map_back() {
        assert_eq!(
            normalize("R&amp;D big&nbsp;picture").as_str(),
            "r&d big picture"
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
        assert_eq!(normalize("VISI\u{d3}N").as_str(), "visi\u{f3}n");
        assert_eq!(normalize("\u{FF36}ision").as_str(), "vision");
        assert_eq!(normalize("day\u{2011}to\u{2011}day").as_str(), "day to day");
        assert_eq!(
            normalize("day-to-day - and -x y- caf\u{e9}-bar").as_str(),
            "day to day - and -x y- caf\u{e9} bar"
        );
        assert_eq!(
            normalize("day-to-day - and -x y-").as_str(),
            "day to day - and -x y-"
        );
        assert_eq!(
            normalize("&#8217;&#x2019;&bogus; &").as_str(),
            "''&bogus; &"
        );
    }

    proptest::proptest! {
        #[test]
        fn plain_runs_and_one_by_one_agree(
            text in "([A-Za-z]{1,6}|[ \t\n.,;'&-]|&amp;|&nbsp;|\u{e9}|\u{c9}|\u{2014}|\u{2019}|\u{ad}|\u{ff36}){0,40}"
        ) {
            let (runs, one_by_one) = (normalize(&text), normalize_per_char(&text));
            proptest::prop_assert_eq!(runs.as_str(), one_by_one.as_str());
            let norm = runs.as_str();
            for n in (0..=norm.len()).filter(|&n| norm.is_char_boundary(n)) {
                proptest::prop_assert_eq!(runs.start_in_original(n), one_by_one.start_in_original(n));
                proptest::prop_assert_eq!(runs.end_in_original(n), one_by_one.end_in_original(n));
            }
        }
    }

    #[test]
    fn plain_runs_end_at_special_bytes() {
        let text = "abcdefghijklmnop&qrs";
        assert_eq!(plain_run_end(text.as_bytes(), 0), 16);
        assert_eq!(plain_run_end(text.as_bytes(), 17), 20);
        assert_eq!(plain_run_end(b"a-b\tc", 0), 5);
        for special in ["&", "\u{e9}"] {
            for at in 0..20 {
                let text = format!("{}{special}{}", "x".repeat(at), "y".repeat(20));
                assert_eq!(plain_run_end(text.as_bytes(), 0), at, "{special:?} at {at}");
            }
        }
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
