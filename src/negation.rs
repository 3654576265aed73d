//! Negation: whether a cue such as `no`, `not` or `without` governs a match.
//!
//! A match is negated when one of the `window` words before it, in the same
//! clause, is a cue (or ends in `n't`), and the text at that cue does not
//! start one of the exception phrases (`not only`, `no doubt`). The clause
//! ends at the breaks of [`crate::tokenize`] and at the `stops` words (`but`).
//! A negation also carries over to the next match when at most one word
//! stands between them in the same clause: in `no budget or staff
//! responsibilities` both matches are negated, and in `not a day-to-day
//! operational role` both `day-to-day` and `operational`.
//! All the words are data, in `lexicons/negation.toml`.

use crate::lexicon::Negation;
use crate::tokenize::{char_at, is_word_char, is_word_end, words_before};

/// Most words between a negated match and the next one for the negation to
/// carry over (see [`NegationRules::carries_over`]).
const CARRY_OVER_WORDS: usize = 1;

/// Compiled negation settings.
#[derive(Debug, Clone, Default)]
pub(crate) struct NegationRules {
    window: usize,
    cues: WordSet,
    stops: WordSet,
    /// The end pairs of the cues and the stops together.
    stops_or_cues: EndPairs,
    exceptions: Vec<String>,
    /// The cues as given, for [`NegationRules::cue_words`].
    cue_words: Vec<String>,
}

/// A small set of words. Words of up to eight bytes (nearly all cues) are
/// kept as packed integers, so a look-up compares a handful of `u64`s; and a
/// bitmap of the words' (first byte, last byte) pairs turns most other words
/// away before that.
#[derive(Debug, Clone, Default)]
struct WordSet {
    short: Vec<u64>,
    long: Vec<String>,
    ends: EndPairs,
}

/// The (first byte, last byte) pairs of some words, five bits of each: a
/// word whose pair is not marked is none of them.
#[derive(Debug, Clone, Default)]
struct EndPairs([u64; 16]);

impl EndPairs {
    #[inline]
    fn bit(word: &[u8]) -> Option<(usize, u64)> {
        let (&first, &last) = (word.first()?, word.last()?);
        let k = usize::from(first & 31) << 5 | usize::from(last & 31);
        Some((k / 64, 1 << (k % 64)))
    }

    fn insert(&mut self, word: &str) {
        if let Some((i, bit)) = EndPairs::bit(word.as_bytes()) {
            self.0[i] |= bit;
        }
    }

    fn union(&self, other: &EndPairs) -> EndPairs {
        EndPairs(std::array::from_fn(|k| self.0[k] | other.0[k]))
    }

    #[inline]
    fn may_contain(&self, word: &[u8]) -> bool {
        EndPairs::bit(word).is_some_and(|(i, bit)| self.0[i] & bit != 0)
    }
}

/// A word of up to eight bytes packed into a `u64` (zero-padded; words hold
/// no NUL bytes, so distinct words get distinct keys).
#[inline]
fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    for (k, &x) in bytes.iter().enumerate() {
        key |= u64::from(x) << (8 * k);
    }
    Some(key)
}

impl WordSet {
    fn insert(&mut self, word: &str) {
        self.ends.insert(word);
        match packed(word) {
            Some(key) if !self.short.contains(&key) => self.short.push(key),
            Some(_) => {}
            None if !self.long.iter().any(|w| w == word) => self.long.push(word.to_string()),
            None => {}
        }
    }

    /// Whether `word`, packed as `key`, is in the set.
    #[inline]
    fn contains_packed(&self, key: Option<u64>, word: &str) -> bool {
        match key {
            Some(key) => self.short.contains(&key),
            None => self.long.iter().any(|w| w == word),
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.ends.may_contain(word.as_bytes()) && self.contains_packed(packed(word), word)
    }
}

impl NegationRules {
    /// Merges the `[negation]` tables of several lexicons: the union of their
    /// words and the widest window. Without any table, nothing is negated.
    pub(crate) fn merge<'a>(tables: impl IntoIterator<Item = &'a Negation>) -> NegationRules {
        let mut rules = NegationRules::default();
        for t in tables {
            rules.window = rules.window.max(t.window);
            for cue in &t.cues {
                rules.cues.insert(cue);
                if !rules.cue_words.contains(cue) {
                    rules.cue_words.push(cue.clone());
                }
            }
            for stop in &t.stops {
                rules.stops.insert(stop);
            }
            for e in &t.exceptions {
                if !rules.exceptions.contains(e) {
                    rules.exceptions.push(e.clone());
                }
            }
        }
        rules.stops_or_cues = rules.cues.ends.union(&rules.stops.ends);
        rules
    }

    /// The cue words (besides any word that ends in `n't`); none when
    /// nothing can be negated.
    pub(crate) fn cue_words(&self) -> &[String] {
        if self.window == 0 {
            &[]
        } else {
            &self.cue_words
        }
    }

    /// Whether `window` words or more stand between the word that holds byte
    /// `cue` and byte `start` of `text`, so that no cue at or before `cue`
    /// can negate a match at `start`. Counts so as never to count too
    /// many: any apostrophe joins, and a run of apostrophes alone is no word.
    pub(crate) fn beyond_window(&self, text: &str, cue: usize, start: usize) -> bool {
        let mut words = 0;
        // Inside a run of word characters and apostrophes; whether it holds a
        // word character yet. The run that holds `cue` is the cue's word.
        let (mut in_run, mut counted) = (true, true);
        let mut i = cue;
        while i < start {
            let Some(c) = char_at(text, i) else { break };
            let word = is_word_char(c);
            if word || c == '\'' {
                if !in_run {
                    (in_run, counted) = (true, false);
                }
                if word && !counted {
                    counted = true;
                    words += 1;
                    if words >= self.window {
                        return true;
                    }
                }
            } else {
                in_run = false;
            }
            i += c.len_utf8();
        }
        false
    }

    /// Whether the match starting at byte `start` of the normalised (lower-case)
    /// `text` is negated.
    pub(crate) fn is_negated(&self, text: &str, start: usize) -> bool {
        if self.window == 0 {
            return false;
        }
        // The normalised text is lower case already.
        for (ws, we) in words_before(text, start).take(self.window) {
            let word = &text[ws..we];
            let nt = matches!(word.as_bytes(), [.., b'n', b'\'', b't']);
            if !nt && !self.stops_or_cues.may_contain(word.as_bytes()) {
                continue;
            }
            let key = packed(word);
            if self.stops.contains_packed(key, word) {
                return false;
            }
            let cue = nt || self.cues.contains_packed(key, word);
            if cue && !self.exception_at(text, ws) {
                return true;
            }
        }
        false
    }

    /// Whether a match at `start` is close enough after a negated match that
    /// ended at `prev_end` to share its negation: in the same clause, with at
    /// most [`CARRY_OVER_WORDS`] words between (`no budget or staff
    /// responsibilities`, `not a day-to-day operational role`).
    pub(crate) fn carries_over(&self, text: &str, prev_end: usize, start: usize) -> bool {
        for (k, (word_start, word_end)) in words_before(text, start).enumerate() {
            if word_end <= prev_end {
                return true;
            }
            if k >= CARRY_OVER_WORDS || self.stops.contains(&text[word_start..word_end]) {
                return false;
            }
        }
        false
    }

    /// Whether an exception phrase starts at byte `at` of `text`.
    fn exception_at(&self, text: &str, at: usize) -> bool {
        let rest = &text[at..];
        self.exceptions.iter().any(|e| {
            let mut rest_words = rest
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty());
            let mut all = true;
            for ew in e.split(' ') {
                match rest_words.next() {
                    Some(w) if w.len() >= ew.len() && w.is_char_boundary(ew.len()) => {
                        let (head, _) = w.split_at(ew.len());
                        let offset = w.as_ptr() as usize - text.as_ptr() as usize;
                        if head != ew || !is_word_end(text, offset + ew.len()) {
                            all = false;
                            break;
                        }
                    }
                    _ => {
                        all = false;
                        break;
                    }
                }
            }
            all
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> NegationRules {
        NegationRules::merge([&Negation {
            window: 4,
            cues: vec!["no".into(), "not".into(), "without".into()],
            exceptions: vec!["not only".into(), "not limited to".into()],
            stops: vec!["but".into()],
        }])
    }

    fn negated(text: &str, word: &str) -> bool {
        let (text, word) = (text.to_lowercase(), word.to_lowercase());
        rules().is_negated(&text, text.find(&word).unwrap_or(0))
    }

    #[test]
    fn cues_within_the_clause() {
        assert!(negated("There is no budget responsibility.", "budget"));
        assert!(negated("This is not a day-to-day role", "day-to-day"));
        assert!(negated("without direct reports", "direct"));
        assert!(negated("We don't plan", "plan"));
        assert!(!negated("No travel. Budget owner.", "Budget"));
        assert!(!negated("no travel, but a vision", "vision"));
        assert!(!negated("not a, b, c: vision", "vision"));
        assert!(!negated("no one two three four vision", "vision"));
    }

    #[test]
    fn exceptions_do_not_negate() {
        assert!(!negated("not only a vision", "vision"));
        assert!(!negated("including but not limited to budgets", "budgets"));
        assert!(negated("not the vision", "vision"));
    }

    #[test]
    fn negation_carries_over_to_the_next_match() {
        let r = rules();
        let carries = |t: &str, after: &str, word: &str| {
            let prev_end = t.find(after).unwrap_or(0);
            r.carries_over(t, prev_end, t.find(word).unwrap_or(0))
        };
        assert!(carries("no budget or staff duties", " or", "staff"));
        assert!(!carries("no budget, staff duties", ",", "staff"));
        assert!(!carries("no budget and then staff", " and", "staff"));
        assert!(!carries("not planning but vision", " but", "vision"));
    }

    #[test]
    fn words_beyond_the_window_are_never_over_counted() {
        let r = rules();
        let beyond = |t: &str, cue: &str| r.beyond_window(t, t.find(cue).unwrap_or(0), t.len());
        assert!(!beyond("no a b c ", "no"));
        assert!(beyond("no a b c d ", "no"));
        // Apostrophes join; apostrophes and symbols alone are no words.
        assert!(!beyond("no a'b c'd e'f ", "no"));
        assert!(!beyond("no ' ' ' ' ' ' ", "no"));
        assert!(!beyond(
            "no \u{20ac} \u{20ac} \u{20ac} \u{20ac} \u{20ac} ",
            "no"
        ));
        assert!(beyond("no caf\u{e9} na\u{ef}ve r\u{e9}sum\u{e9} x ", "no"));
        // From inside the cue's word.
        assert!(!beyond("isn't a b c ", "n't"));
        assert!(beyond("isn't a b c d ", "n't"));
        // Exactly where the look-back stops seeing the cue.
        for t in ["no a b c budget", "no a b c d budget", "no a'b c d budget"] {
            let at = t.find("budget").unwrap_or(0);
            assert_eq!(r.beyond_window(t, 0, at), !r.is_negated(t, at), "{t}");
        }
    }

    #[test]
    fn no_table_means_no_negation() {
        assert!(!NegationRules::default().is_negated("no budget", 3));
    }
}
