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
//! Text that is ASCII and holds no `&` needs none of this but the case, tab
//! and hyphen rules, which keep every byte where it is: it is matched as a
//! copy of the same length, with no offset map (the fast path).

use crate::tokenize::{HIGHS, ONES, is_word_char, load8};

/// The normalised text and the map from its offsets to the original ones.
#[derive(Debug)]
pub(crate) struct Normalized {
    text: String,
    /// `(normalised offset, original offset)` pairs at both ends of every
    /// stretch whose length changed; between two pairs, bytes map one to one.
    map: Vec<(usize, usize)>,
}

/// Whether `text` needs the general path: it is not ASCII or holds an `&`.
#[inline]
pub(crate) fn needs_normalizing(text: &str) -> bool {
    !text.is_ascii() || text.as_bytes().contains(&b'&')
}

/// Normalises `text`: the fast path for ASCII without `&`, else the general one.
pub(crate) fn normalize(text: &str) -> Normalized {
    if needs_normalizing(text) {
        return normalize_always(text);
    }
    // ASCII: only same-length replacements, so no map.
    let mut out = text.to_ascii_lowercase().into_bytes();
    blank_tabs_and_joining_hyphens(&mut out, 0, text, 0..text.len());
    Normalized {
        // ASCII bytes were only replaced by ASCII bytes, so this cannot fail.
        text: String::from_utf8(out).unwrap_or_else(|_| text.to_ascii_lowercase()),
        map: Vec::new(),
    }
}

/// Normalises `text` on the general path, even when the fast path would do.
pub(crate) fn normalize_always(text: &str) -> Normalized {
    let bytes = text.as_bytes();
    // Bytes: whole characters are appended, so it stays UTF-8 (checked at
    // the end).
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut map = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Copy the run of ASCII without `&` in one go, lower-cased; then its
        // tabs become spaces, and its hyphens between word characters too.
        let run = plain_run_end(bytes, i);
        let from = out.len();
        out.extend(bytes[i..run].iter().map(u8::to_ascii_lowercase));
        blank_tabs_and_joining_hyphens(&mut out, from, text, i..run);
        i = run;
        if i >= bytes.len() {
            break;
        }
        let (c, len) = if bytes[i] == b'&' {
            match decode_entity(&text[i..]) {
                Some(found) => found,
                None => {
                    out.push(b'&');
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
        if out.last() == Some(&b'-') && joins_words(&out[..out.len() - 1], &text[i + len..]) {
            if let Some(last) = out.last_mut() {
                *last = b' ';
            }
        }
        let after = (out.len(), i + len);
        if after.0 - before.0 != len || out[before.0..] != bytes[i..i + len] {
            map.push(before);
            map.push(after);
        }
        i += len;
    }
    let text = String::from_utf8(out)
        // Only whole characters were appended: cannot fail.
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Normalized { text, map }
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

/// Turns the tabs, and the hyphens between two word characters, of the
/// ASCII run `run` of the original `text` into spaces, in its copy at `from`
/// in `out` (lower-cased, same length).
fn blank_tabs_and_joining_hyphens(
    out: &mut [u8],
    from: usize,
    text: &str,
    run: std::ops::Range<usize>,
) {
    let start = run.start;
    for p in memchr::memchr2_iter(b'-', b'\t', &text.as_bytes()[run]) {
        let q = from + p;
        if out[q] == b'\t' || joins_words(&out[..q], &text[start + p + 1..]) {
            out[q] = b' ';
        }
    }
}

/// Whether a hyphen between `before` (normalised so far) and `after` (the
/// rest of the original) joins two word characters.
fn joins_words(before: &[u8], after: &str) -> bool {
    last_char(before).is_some_and(is_word_char) && after.chars().next().is_some_and(is_word_char)
}

/// The last character of `bytes`, which hold whole UTF-8 characters.
fn last_char(bytes: &[u8]) -> Option<char> {
    let mut k = bytes.len().checked_sub(1)?;
    while k > 0 && bytes[k] & 0xC0 == 0x80 {
        k -= 1;
    }
    std::str::from_utf8(&bytes[k..]).ok()?.chars().next()
}

/// Appends `c` to `out`, UTF-8 encoded.
fn push_char(out: &mut Vec<u8>, c: char) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// Appends the normalised form of `c` to `out`.
fn push_mapped(out: &mut Vec<u8>, c: char) {
    match c {
        '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push(b'\n'),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => {
            out.push(b'\'')
        }
        '\u{2010}' | '\u{2011}' => out.push(b'-'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '\u{FF01}'..='\u{FF5E}' => {
            // Full-width ASCII: the same character, 0xFEE0 lower.
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            push_char(out, ascii.to_ascii_lowercase());
        }
        c if c.is_ascii() => push_char(out, c.to_ascii_lowercase()),
        c if c.is_whitespace() => out.push(b' '),
        c if c.is_uppercase() => c.to_lowercase().for_each(|l| push_char(out, l)),
        c => push_char(out, c),
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
