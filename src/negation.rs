//! Negation: whether a cue such as `no`, `not` or `without` governs a match.
//!
//! A match is negated when one of the `window` words before it, in the same
//! clause, is a cue (or ends in `n't`), and the text at that cue does not
//! start one of the exception phrases (`not only`, `no doubt`). The clause
//! ends at the breaks of [`crate::tokenize`] and at the `stops` words (`but`).
//! All the words are data, in `lexicons/negation.toml`.

use crate::lexicon::Negation;
use crate::tokenize::{is_word_end, words_before};
use std::collections::HashSet;

/// Compiled negation settings.
#[derive(Debug, Clone, Default)]
pub(crate) struct NegationRules {
    window: usize,
    cues: HashSet<String>,
    stops: HashSet<String>,
    exceptions: Vec<String>,
}

impl NegationRules {
    /// Merges the `[negation]` tables of several lexicons: the union of their
    /// words and the widest window. Without any table, nothing is negated.
    pub(crate) fn merge<'a>(tables: impl IntoIterator<Item = &'a Negation>) -> NegationRules {
        let mut rules = NegationRules::default();
        for t in tables {
            rules.window = rules.window.max(t.window);
            rules.cues.extend(t.cues.iter().cloned());
            rules.stops.extend(t.stops.iter().cloned());
            for e in &t.exceptions {
                if !rules.exceptions.contains(e) {
                    rules.exceptions.push(e.clone());
                }
            }
        }
        rules
    }

    /// Whether the match starting at byte `start` of the normalised `text` is negated.
    pub(crate) fn is_negated(&self, text: &str, start: usize) -> bool {
        if self.window == 0 {
            return false;
        }
        let mut buf = String::new();
        for (ws, we) in words_before(text, start).take(self.window) {
            buf.clear();
            buf.extend(text[ws..we].chars().flat_map(char::to_lowercase));
            if self.stops.contains(&buf) {
                return false;
            }
            let cue = self.cues.contains(&buf) || buf.ends_with("n't");
            if cue && !self.exception_at(text, ws) {
                return true;
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
                        if !head.eq_ignore_ascii_case(ew) || !is_word_end(text, offset + ew.len()) {
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
        rules().is_negated(text, text.find(word).unwrap_or(0))
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
    fn no_table_means_no_negation() {
        assert!(!NegationRules::default().is_negated("no budget", 3));
    }
}
