//! Words, boundaries and clauses: what the matcher and the scorer agree a word is.
//!
//! A **word character** is a Unicode letter or digit (`char::is_alphanumeric`)
//! or a combining mark (so `plan\u{301}` is one word, not `plan` plus a mark).
//! A **word** is a maximal run of word characters, where an apostrophe between
//! two word characters joins them (`don't`, `manager's` are one word each).
//! Hyphens, spaces, punctuation, symbols and emoji separate words, so
//! `day-to-day` is three words.
//!
//! The tokeniser works on the text after [`normalisation`](crate::classify)
//! (curly apostrophes are then plain `'`), never allocates, and walks ASCII
//! byte by byte, decoding a `char` only where a byte is not ASCII.
//!
//! ```
//! use leadlens::tokenize::word_count;
//!
//! assert_eq!(word_count("Don't plan day-to-day work."), 6);
//! assert_eq!(word_count("  "), 0);
//! assert_eq!(word_count("naïve café"), 2);
//! ```

/// Whether `c` is part of a word: a letter, a digit or a combining mark.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return WORD_BYTE[c as usize];
    }
    // General punctuation (dashes, curly quotes, bullets, odd spaces) is
    // common in scraped text and holds no letters, digits or marks; the
    // Unicode tables are slow to ask.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The main blocks of combining marks (diacritics written after their letter).
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The character starting at byte `i` (which must be a char boundary).
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

/// The character ending at byte `i` (which must be a char boundary).
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    if i == 0 {
        return None;
    }
    let b = text.as_bytes()[i - 1];
    if b < 0x80 {
        Some(b as char)
    } else {
        text[..i].chars().next_back()
    }
}

/// Whether a word may end at byte `i`: nothing, or no word character, after it.
#[inline]
pub(crate) fn is_word_end(text: &str, i: usize) -> bool {
    !char_at(text, i).is_some_and(is_word_char)
}

/// The end of the run of word characters that contains or starts at byte `i`.
pub(crate) fn word_end_from(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !is_word_char(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// `0x01` in every byte of a `u64`, for the eight-bytes-at-a-time scans.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte of a `u64`: the high bit of each byte.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` from `i` as a little-endian `u64`, if there are eight.
#[inline]
pub(crate) fn load8(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// ASCII letters and digits are word bytes (see [`is_word_char`]).
const WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Counts the words of `text` (see the module docs for what a word is).
///
/// A word starts at each word character whose previous character is not one,
/// unless that previous character is an apostrophe that follows a word
/// character. The count is the one the matcher makes on its way through a
/// text, here with no pattern to look for: ASCII eight bytes at
/// a time, other characters decoded.
pub fn word_count(text: &str) -> usize {
    let mut starts = Starts::new(text, &[false; 256], true);
    // No byte begins a pattern, so one batch runs to the end of the text.
    while starts.next_batch(&mut [0; STARTS_PER_BATCH]) > 0 {}
    starts.word_count()
}

/// The high bit of each byte of `v` (eight ASCII bytes) is set when that
/// byte is an ASCII letter or digit. Per byte, `x + (127 - hi)` has its high
/// bit set when `x > hi`, and `x + (128 - lo)` when `x >= lo`; no byte
/// overflows into the next for ASCII input.
#[inline]
fn word_mask(v: u64) -> u64 {
    let in_range = |lo: u8, hi: u8| {
        let above_hi = v + ONES * u64::from(127 - hi);
        let at_least_lo = v + ONES * u64::from(128 - lo);
        at_least_lo & !above_hi & HIGHS
    };
    in_range(b'0', b'9') | in_range(b'A', b'Z') | in_range(b'a', b'z')
}

/// How many starts [`Starts::next_batch`] finds at a time.
pub(crate) const STARTS_PER_BATCH: usize = 64;

/// The positions of a text where no word character stands before and whose
/// byte may begin a pattern: where the matcher tries its patterns. On the
/// way, it counts the words (see [`word_count`]).
///
/// Found in batches ([`Starts::next_batch`]); where the text is ASCII and
/// only letters and digits begin patterns, eight bytes at a time.
pub(crate) struct Starts<'t> {
    text: &'t str,
    first: &'t [bool; 256],
    /// Only ASCII letters and digits begin patterns.
    alphanumeric: bool,
    /// The next byte to look at (a char boundary).
    at: usize,
    /// Whether a word character stands just before `at`.
    after_word: bool,
    /// Word characters before `at` with no word character before them.
    run_starts: usize,
}

impl<'t> Starts<'t> {
    /// The starts in `text` of patterns whose first bytes are marked in
    /// `first`; `alphanumeric` must be true only when all of those bytes
    /// are ASCII letters and digits.
    pub(crate) fn new(text: &'t str, first: &'t [bool; 256], alphanumeric: bool) -> Starts<'t> {
        Starts {
            text,
            first,
            alphanumeric,
            at: 0,
            after_word: false,
            run_starts: 0,
        }
    }

    /// Fills `out` with the next starts, in ascending order, and returns how
    /// many: fewer than [`STARTS_PER_BATCH`] only when the text ends, and
    /// none when it has ended.
    pub(crate) fn next_batch(&mut self, out: &mut [usize; STARTS_PER_BATCH]) -> usize {
        let b = self.text.as_bytes();
        let first = self.first;
        // The state in locals while the loop runs.
        let (mut at, mut after_word, mut run_starts) = (self.at, self.after_word, self.run_starts);
        let mut n = 0;
        // Eight bytes give at most four starts (a start follows a non-word
        // byte), so there is room for a chunk while `n` is below this.
        let room = STARTS_PER_BATCH - 4;
        while at < b.len() && n < STARTS_PER_BATCH {
            let i = at;
            if self.alphanumeric && n <= room {
                if let Some(v) = load8(b, i).filter(|v| v & HIGHS == 0) {
                    let mask = word_mask(v);
                    let before = (mask << 8) | if after_word { 0x80 } else { 0 };
                    let mut word_starts = mask & !before;
                    // Counted one by one: `count_ones` is a long bit trick
                    // on processors without a population-count instruction.
                    while word_starts != 0 {
                        run_starts += 1;
                        let p = i + (word_starts.trailing_zeros() / 8) as usize;
                        if first[usize::from(b[p])] {
                            out[n] = p;
                            n += 1;
                        }
                        word_starts &= word_starts - 1;
                    }
                    after_word = mask >> 63 == 1;
                    at = i + 8;
                    continue;
                }
            }
            let byte = b[i];
            if !after_word && first[usize::from(byte)] {
                out[n] = i;
                n += 1;
            }
            let (word, len) = if byte < 0x80 {
                (WORD_BYTE[usize::from(byte)], 1)
            } else {
                let c = char_at(self.text, i).unwrap_or(' ');
                (is_word_char(c), c.len_utf8())
            };
            run_starts += usize::from(word && !after_word);
            after_word = word;
            at = i + len;
        }
        (self.at, self.after_word, self.run_starts) = (at, after_word, run_starts);
        n
    }

    /// The words of the text, once [`Starts::next_batch`] has returned 0:
    /// the runs of word characters, less the apostrophes that join two.
    pub(crate) fn word_count(&self) -> usize {
        let b = self.text.as_bytes();
        let joins = memchr::memchr_iter(b'\'', b)
            .filter(|&p| {
                char_at(self.text, p + 1).is_some_and(is_word_char)
                    && char_before(self.text, p).is_some_and(is_word_char)
            })
            .count();
        self.run_starts.saturating_sub(joins)
    }
}

/// Whether `c`, met between words, ends a clause: sentence and clause
/// punctuation, brackets, a line break, a bullet or a dash.
#[inline]
pub(crate) fn is_clause_break(c: char) -> bool {
    if c.is_ascii() {
        return CLAUSE_BYTE[c as usize];
    }
    listed_clause_break(c)
}

/// [`listed_clause_break`] for the ASCII characters, looked up in a table.
const CLAUSE_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = listed_clause_break(b as u8 as char);
        b += 1;
    }
    t
};

/// The clause breaks, one by one (see [`is_clause_break`]).
const fn listed_clause_break(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '|'
            | '\n'
            | '\r'
            | '\u{2022}'
            | '\u{00B7}'
            | '\u{25AA}'
            | '\u{25E6}'
            | '\u{2023}'
            | '\u{2043}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
    )
}

/// The words before byte `i`, nearest first, within the clause that holds `i`.
///
/// Yields `(start, end)` byte ranges; stops at a clause break (see
/// [`is_clause_break`]), and also at a hyphen with white space on either side
/// (a dash written as ` - `).
pub(crate) fn words_before(text: &str, i: usize) -> WordsBefore<'_> {
    WordsBefore { text, pos: i }
}

/// Iterator of [`words_before`].
pub(crate) struct WordsBefore<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for WordsBefore<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let b = text.as_bytes();
        // Skip the separators back to the end of the previous word. ASCII
        // bytes are classified by table; other characters are decoded.
        let mut end = self.pos;
        loop {
            let &x = b.get(end.checked_sub(1)?)?;
            let (c, len) = if x < 0x80 {
                (x as char, 1)
            } else {
                let c = char_before(text, end)?;
                (c, c.len_utf8())
            };
            if is_word_char(c) {
                break;
            }
            if is_clause_break(c) {
                return None;
            }
            if c == '-'
                && char_before(text, end - 1).is_some_and(char::is_whitespace)
                && char_at(text, end).is_some_and(char::is_whitespace)
            {
                return None;
            }
            end -= len;
        }
        // Walk back over the word (an apostrophe between word characters joins).
        let mut start = end;
        while start > 0 {
            let x = b[start - 1];
            if x < 0x80 && WORD_BYTE[usize::from(x)] {
                start -= 1;
            } else if x == b'\'' {
                let joins = char_before(text, start - 1).is_some_and(is_word_char)
                    && char_at(text, start).is_some_and(is_word_char);
                if !joins {
                    break;
                }
                start -= 1;
            } else if x >= 0x80 {
                match char_before(text, start) {
                    Some(c) if is_word_char(c) => start -= c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        self.pos = start;
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_with_apostrophes_hyphens_and_unicode() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("plan"), 1);
        assert_eq!(word_count("don't stop"), 2);
        assert_eq!(word_count("'quoted'"), 1);
        assert_eq!(word_count("day-to-day"), 3);
        assert_eq!(word_count("r\u{e9}sum\u{e9} 2024"), 2);
        assert_eq!(word_count("e\u{301}cole"), 1);
        assert_eq!(word_count("\u{1F469}\u{200D}\u{1F4BB} lead"), 1);
        assert_eq!(word_count("a\u{a0}b\tc\nd"), 4);
    }

    /// The definition, one character at a time.
    fn reference_word_count(text: &str) -> usize {
        let chars: Vec<char> = text.chars().collect();
        let joined = |i: usize| chars[i - 1] == '\'' && i >= 2 && is_word_char(chars[i - 2]);
        (0..chars.len())
            .filter(|&i| {
                is_word_char(chars[i]) && (i == 0 || !(is_word_char(chars[i - 1]) || joined(i)))
            })
            .count()
    }

    proptest::proptest! {
        #[test]
        fn word_count_matches_its_definition(text in "([a-zA-Z0-9]{1,9}|[ '.,\\n-]|\u{e9}|\u{2014}|'s|don't){0,80}") {
            proptest::prop_assert_eq!(word_count(&text), reference_word_count(&text));
        }

        #[test]
        fn starts_count_words_and_find_every_start(
            text in "([a-zA-Z0-9]{1,9}|[ '.,\n-]|\u{e9}|\u{2014}|'s|don't|&x|\u{301}){0,80}",
            alphanumeric in proptest::bool::ANY,
        ) {
            let mut first = [false; 256];
            for b in b'a'..=b'z' {
                first[usize::from(b)] = true;
            }
            if !alphanumeric {
                first[usize::from(b'&')] = true;
                first[0xC3] = true;
            }
            let mut starts = Starts::new(&text, &first, alphanumeric);
            let mut found = Vec::new();
            let mut batch = [0; STARTS_PER_BATCH];
            loop {
                let n = starts.next_batch(&mut batch);
                if n == 0 {
                    break;
                }
                found.extend_from_slice(&batch[..n]);
            }
            let expected: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .filter(|&i| first[usize::from(text.as_bytes()[i])])
                .filter(|&i| !char_before(&text, i).is_some_and(is_word_char))
                .collect();
            proptest::prop_assert_eq!(found, expected);
            proptest::prop_assert_eq!(starts.word_count(), reference_word_count(&text));
        }
    }

    #[test]
    fn general_punctuation_holds_no_word_characters() {
        let words: Vec<char> = ('\u{2000}'..='\u{206F}')
            .filter(|&c| c.is_alphanumeric() || is_combining_mark(c))
            .collect();
        assert_eq!(words, []);
    }

    #[test]
    fn word_masks() {
        let mask = word_mask(u64::from_le_bytes(*b"a Z9-'z@"));
        assert_eq!(mask, 0x0080_0000_8080_0080);
    }

    #[test]
    fn boundaries() {
        let t = "explanation plan";
        assert!(is_word_end(t, 16));
        assert!(!is_word_end(t, 4));
        assert_eq!(word_end_from("strategic, x", 0), 9);
    }

    #[test]
    fn ascii_clause_breaks_match_the_list() {
        for b in 0u8..128 {
            let c = b as char;
            let listed = ".,;:!?()[]{}|\n\r".contains(c);
            assert_eq!(is_clause_break(c), listed, "{c:?}");
        }
    }

    #[test]
    fn words_before_stop_at_clause_breaks() {
        let t = "We have no budget, but not a day-to-day role";
        let at = t.find("day-to").unwrap();
        let words: Vec<&str> = words_before(t, at).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(words, ["a", "not", "but"]);
        let at = t.find("budget").unwrap();
        let words: Vec<&str> = words_before(t, at).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(words, ["no", "have", "We"]);
        let t = "don't plan - vision";
        let at = t.find("vision").unwrap();
        assert_eq!(words_before(t, at).count(), 0);
        let at = t.find("plan").unwrap();
        let words: Vec<&str> = words_before(t, at).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(words, ["don't"]);
    }
}
