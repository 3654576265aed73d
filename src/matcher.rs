//! The matcher: one Aho-Corasick pass over the normalised text, longest match
//! first, whole words only, with negation.
//!
//! Every surface form of every term (see [`crate::lexicon`]) and of every
//! `unless`/`ignore` phrase is a pattern of one automaton, built with
//! [`MatchKind::LeftmostLongest`]: of the matches that start leftmost, the
//! longest wins, so `big picture` beats `big`, `lead time` (a blocker) beats
//! `lead`, and the words inside a winning match are not looked at again.
//!
//! A match counts only on word boundaries (see [`crate::tokenize`]). When the
//! leftmost-longest match ends inside a word (`big pictures` with only `big
//! picture` in the lexicon), a second, anchored automaton looks for a shorter
//! pattern at the same start; when none fits, the search goes on after the
//! word. A stem pattern (`strateg*`) needs only its start on a boundary and
//! extends to the end of its word.

use crate::error::{ErrorKind, LexiconError};
use crate::lexicon::{Inflect, Lexicon, forms::surface_forms};
use crate::negation::NegationRules;
use crate::taxonomy::{Dimension, Pole};
use crate::tokenize::{char_at, is_word_end, is_word_start, word_end_from};
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;

/// What a compiled term counts for.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub(crate) term: String,
    pub(crate) dimension: Dimension,
    pub(crate) pole: Pole,
    pub(crate) weight: f64,
}

/// What one automaton pattern stands for.
#[derive(Debug, Clone, Copy)]
struct Pattern {
    /// Index into `terms`, or `None` for a blocker (`unless`/`ignore` phrase).
    term: Option<u32>,
    stem: bool,
}

/// A match in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RawMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) term: u32,
    pub(crate) negated: bool,
}

/// The compiled lexicons.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    anchored: AhoCorasick,
    patterns: Vec<Pattern>,
    pub(crate) terms: Vec<Term>,
    negation: NegationRules,
}

/// Priority of a pattern when two sources produce the same surface form.
const PRIO_TERM_AS_WRITTEN: u8 = 3;
const PRIO_TERM_FORM: u8 = 2;
const PRIO_BLOCKER: u8 = 1;

impl Matcher {
    /// Compiles lexicons; for the same term in several, the last one wins.
    pub(crate) fn compile(lexicons: &[&Lexicon]) -> Result<Matcher, LexiconError> {
        // Merge entries by term, later lexicons replacing earlier ones.
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut entries = Vec::new();
        for lex in lexicons {
            for e in &lex.entries {
                match by_key.get(&e.key()) {
                    Some(&i) => entries[i] = e,
                    None => {
                        by_key.insert(e.key(), entries.len());
                        entries.push(e);
                    }
                }
            }
        }
        let mut strings: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut prios: Vec<u8> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add = |form: String, pattern: Pattern, prio: u8| match index.get(&form) {
            Some(&i) if prios[i] >= prio => {}
            Some(&i) => {
                patterns[i] = pattern;
                prios[i] = prio;
            }
            None => {
                index.insert(form.clone(), strings.len());
                strings.push(form);
                patterns.push(pattern);
                prios.push(prio);
            }
        };
        let mut terms = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            let id = u32::try_from(i).map_err(|_| too_many(lexicons))?;
            terms.push(Term {
                term: e.term.clone(),
                dimension: e.dimension,
                pole: e.pole,
                weight: e.weight,
            });
            let pattern = Pattern {
                term: Some(id),
                stem: e.stem,
            };
            for (k, form) in e.forms().into_iter().enumerate() {
                let prio = if k == 0 {
                    PRIO_TERM_AS_WRITTEN
                } else {
                    PRIO_TERM_FORM
                };
                add(form, pattern, prio);
            }
        }
        let blocker = Pattern {
            term: None,
            stem: false,
        };
        let phrases = lexicons
            .iter()
            .flat_map(|l| l.ignore.iter())
            .chain(entries.iter().flat_map(|e| e.unless.iter()));
        for phrase in phrases {
            for form in surface_forms(phrase, Inflect::Auto, false) {
                add(form, blocker, PRIO_BLOCKER);
            }
        }
        let negation = NegationRules::merge(lexicons.iter().filter_map(|l| l.negation.as_ref()));
        let build_err = |e: aho_corasick::BuildError| {
            let names: Vec<&str> = lexicons.iter().map(|l| l.name()).collect();
            LexiconError::new(ErrorKind::Build, &names.join(", "), e.to_string())
        };
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&strings)
            .map_err(build_err)?;
        let anchored = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Anchored)
            .build(&strings)
            .map_err(build_err)?;
        Ok(Matcher {
            automaton,
            anchored,
            patterns,
            terms,
            negation,
        })
    }

    /// How many patterns (surface forms) the automaton holds.
    pub(crate) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Heap bytes used by the automata and the tables.
    pub(crate) fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
            + self.anchored.memory_usage()
            + self.patterns.len() * std::mem::size_of::<Pattern>()
            + self
                .terms
                .iter()
                .map(|t| std::mem::size_of::<Term>() + t.term.len())
                .sum::<usize>()
    }

    /// Appends the matches in the normalised `text` to `out`, in text order.
    pub(crate) fn find(&self, text: &str, out: &mut Vec<RawMatch>) {
        let hay = text.as_bytes();
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = self.automaton.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let start = m.start();
            pos = match self.accept_at(text, start, m.end(), m.pattern().as_usize()) {
                Some((end, pattern)) => {
                    if let Some(term) = self.patterns[pattern].term {
                        out.push(RawMatch {
                            start,
                            end,
                            term,
                            negated: self.negation.is_negated(text, start),
                        });
                    }
                    end
                }
                None => skip_from(text, start),
            };
        }
    }

    /// The valid match starting at `start`, given the longest one found there:
    /// `(end, pattern)`, or `None` when no pattern fits on word boundaries.
    fn accept_at(
        &self,
        text: &str,
        start: usize,
        mut end: usize,
        mut pattern: usize,
    ) -> Option<(usize, usize)> {
        if !is_word_start(text, start) {
            return None;
        }
        loop {
            if self.patterns[pattern].stem {
                return Some((word_end_from(text, end), pattern));
            }
            if is_word_end(text, end) {
                return Some((end, pattern));
            }
            let input = Input::new(text.as_bytes())
                .span(start..end - 1)
                .anchored(Anchored::Yes);
            let shorter = self.anchored.find(input)?;
            end = shorter.end();
            pattern = shorter.pattern().as_usize();
        }
    }
}

/// Where to look next after a failed match at `start`: past the word that
/// holds `start` (no word starts inside it), or past its character.
fn skip_from(text: &str, start: usize) -> usize {
    let next_char = start + char_at(text, start).map_or(1, char::len_utf8);
    word_end_from(text, start).max(next_char)
}

fn too_many(lexicons: &[&Lexicon]) -> LexiconError {
    let names: Vec<&str> = lexicons.iter().map(|l| l.name()).collect();
    LexiconError::new(
        ErrorKind::Build,
        &names.join(", "),
        "more than 2^32 entries",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(toml: &str) -> Matcher {
        let lex = Lexicon::from_str("<test>", toml).unwrap_or_else(|e| panic!("{e}"));
        Matcher::compile(&[&lex]).unwrap_or_else(|e| panic!("{e}"))
    }

    fn found(m: &Matcher, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        m.find(text, &mut out);
        out.iter()
            .map(|r| {
                format!(
                    "{}={}",
                    &text[r.start..r.end],
                    m.terms[r.term as usize].term
                )
            })
            .collect()
    }

    const LEX: &str = r#"
dimension = "direction"
leadership = [
  { term = "big picture" },
  { term = "strateg*" },
  { term = "lead", unless = ["lead time", "sales lead"] },
]
management = [
  { term = "plan" },
  { term = "big" },
]
"#;

    #[test]
    fn whole_words_and_inflections() {
        let m = matcher(LEX);
        assert_eq!(found(&m, "planet explanation plant"), Vec::<String>::new());
        assert_eq!(
            found(&m, "Plans, PLANNED, planning."),
            ["Plans=plan", "PLANNED=plan", "planning=plan"]
        );
    }

    #[test]
    fn longest_match_and_fallback_to_shorter() {
        let m = matcher(LEX);
        assert_eq!(found(&m, "the big picture"), ["big picture=big picture"]);
        assert_eq!(found(&m, "big pictures"), ["big pictures=big picture"]);
        assert_eq!(found(&m, "big picturesque"), ["big=big"]);
        assert_eq!(found(&m, "big-picture"), ["big-picture=big picture"]);
    }

    #[test]
    fn stems_extend_to_the_word_end() {
        let m = matcher(LEX);
        assert_eq!(found(&m, "strategically"), ["strategically=strateg*"]);
        assert_eq!(found(&m, "nonstrategic"), Vec::<String>::new());
    }

    #[test]
    fn blockers_hide_terms() {
        let m = matcher(LEX);
        assert_eq!(found(&m, "short lead time"), Vec::<String>::new());
        assert_eq!(found(&m, "new sales leads"), Vec::<String>::new());
        assert_eq!(found(&m, "we lead"), ["lead=lead"]);
        assert_eq!(found(&m, "sales leadership plan"), ["plan=plan"]);
    }
}
