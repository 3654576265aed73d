//! The matcher: longest match first, whole words only, with negation.
//!
//! Every term (see [`crate::lexicon`]) and every `unless`/`ignore` phrase
//! becomes patterns of one [`Automaton`], a trie walked from each position
//! where a word may start (no word character before it). Going left to
//! right, the longest pattern at such a start that fits wins, so
//! `big picture` beats `big`, `lead time` (a blocker) beats `lead`, and the
//! starts inside a winning match are not looked at again.
//!
//! A pattern ends where the forms of its last word begin to differ (`plan`
//! stands for `plan`, `plans`, `planned`, `planning`); each pattern carries
//! *candidates*, the terms it may stand for with how the match must end: at a
//! word end, with one of the term's inflection suffixes and then a word end,
//! or anywhere in the word for a stem (`strateg*`, extended to the end of the
//! word). The first candidate that fits wins; terms come before blockers.
//! When no candidate of the longest pattern fits (`big picturesque` with
//! `big` and `big picture` in the lexicon), the next shorter pattern at the
//! same start is tried, and so on; when none fits, nothing matches there.
//!
//! The text is lower-cased by the normaliser, so the automaton compares bytes
//! exactly. The starts are found in batches ([`Starts`], which counts the
//! words on the way), and the walks of a batch run interleaved
//! ([`Automaton::longest_at_each`]); only then are the matches chosen, in
//! text order.

use crate::automaton::Automaton;
use crate::error::{ErrorKind, LexiconError};
use crate::lexicon::forms::{Ending, patterns};
use crate::lexicon::{Entry, Inflect, Lexicon, merge};
use crate::negation::NegationRules;
use crate::taxonomy::{Dimension, Pole};
use crate::tokenize::{STARTS_PER_BATCH, Starts, is_word_end, word_end_from};
use std::borrow::Cow;
use std::collections::HashMap;

/// What a compiled term counts for.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub(crate) term: Cow<'static, str>,
    pub(crate) dimension: Dimension,
    pub(crate) pole: Pole,
    pub(crate) weight: f64,
    /// The weight in the scorer's integer units.
    pub(crate) units: u64,
}

/// How a candidate's match must end (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Exact,
    Stem,
    /// Index into `Matcher::suffixes`.
    Suffixes(u32),
}

/// One thing a pattern may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    /// Index into `terms`, or `None` for a blocker (`unless`/`ignore` phrase).
    term: Option<u32>,
    end: End,
}

/// The patterns of the automaton and their candidates, while compiling.
#[derive(Default)]
struct PatternTable {
    strings: Vec<String>,
    candidates: Vec<Vec<Candidate>>,
    index: HashMap<String, usize>,
    suffixes: Vec<Vec<String>>,
    suffix_index: HashMap<Vec<String>, u32>,
}

impl PatternTable {
    fn add(&mut self, text: String, term: Option<u32>, ending: Ending) {
        let end = match ending {
            Ending::Exact => End::Exact,
            Ending::Stem => End::Stem,
            Ending::Suffixes(list) => match self.suffix_index.get(&list) {
                Some(&id) => End::Suffixes(id),
                None => {
                    let id = self.suffixes.len() as u32;
                    self.suffix_index.insert(list.clone(), id);
                    self.suffixes.push(list);
                    End::Suffixes(id)
                }
            },
        };
        let candidate = Candidate { term, end };
        let k = self.slot(text);
        if !self.candidates[k].contains(&candidate) {
            self.candidates[k].push(candidate);
        }
    }

    /// The index of the pattern `text`, added without candidates if new.
    fn slot(&mut self, text: String) -> usize {
        if let Some(&k) = self.index.get(&text) {
            return k;
        }
        self.index.insert(text.clone(), self.strings.len());
        self.strings.push(text);
        self.candidates.push(Vec::new());
        self.strings.len() - 1
    }
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
    automaton: Automaton,
    /// The patterns of the lexicons; the negation cues follow them.
    lexicon_patterns: usize,
    /// Per pattern: whether it begins with a negation cue.
    may_cue: Vec<bool>,
    /// Finds the "n't" of words such as "don't" (a cue too).
    nt: memchr::memmem::Finder<'static>,
    patterns: Vec<String>,
    candidates: Vec<Vec<Candidate>>,
    suffixes: Vec<Vec<String>>,
    pub(crate) terms: Vec<Term>,
    negation: NegationRules,
}

impl Matcher {
    /// Compiles lexicons; for the same term in several, the last one wins.
    ///
    /// The terms of the `builtin` lexicons (which live as long as the
    /// process) are borrowed by the evidence; those of `custom` ones are
    /// copied into it.
    pub(crate) fn compile(
        builtin: &'static [Lexicon],
        custom: &[Lexicon],
    ) -> Result<Matcher, LexiconError> {
        let lexicons: Vec<&Lexicon> = builtin.iter().chain(custom).collect();
        let lexicons = lexicons.as_slice();
        // Merge entries by term, later lexicons replacing earlier ones; a
        // built-in entry keeps its `'static` term.
        let entries: Vec<(&Entry, Option<&'static str>)> = merge(lexicons)
            .in_force
            .into_iter()
            .map(|(li, ei)| match builtin.get(li) {
                Some(lex) => (&lex.entries[ei], Some(lex.entries[ei].term.as_str())),
                None => (&lexicons[li].entries[ei], None),
            })
            .collect();
        let mut table = PatternTable::default();
        let mut terms = Vec::with_capacity(entries.len());
        for (i, &(e, borrowed)) in entries.iter().enumerate() {
            let id = u32::try_from(i).map_err(|_| too_many(lexicons))?;
            terms.push(Term {
                term: borrowed.map_or_else(|| Cow::Owned(e.term.clone()), Cow::Borrowed),
                dimension: e.dimension,
                pole: e.pole,
                weight: e.weight,
                units: crate::score::units(e.weight),
            });
            for (text, ending) in patterns(e.body(), e.inflect, e.stem) {
                table.add(text, Some(id), ending);
            }
        }
        let phrases = lexicons
            .iter()
            .flat_map(|l| l.ignore.iter())
            .chain(entries.iter().flat_map(|(e, _)| e.unless.iter()));
        for phrase in phrases {
            for (text, ending) in patterns(phrase, Inflect::Auto, false) {
                table.add(text, None, ending);
            }
        }
        let lexicon_patterns = table.strings.len();
        // The negation cues go into the automaton too, without candidates
        // (they never match): a walk that passes one shows that negation may
        // be at work from there on (see `find`).
        let negation = NegationRules::merge(lexicons.iter().filter_map(|l| l.negation.as_ref()));
        for cue in negation.cue_words().iter().filter(|c| !c.is_empty()) {
            table.slot(cue.clone());
        }
        let may_cue = table
            .strings
            .iter()
            .map(|p| {
                negation
                    .cue_words()
                    .iter()
                    .any(|c| p.starts_with(c.as_str()))
            })
            .collect();
        let automaton = Automaton::new(&table.strings).map_err(|_| {
            LexiconError::new(
                ErrorKind::Build,
                &names(lexicons),
                "too many patterns: the automaton would need more than 2^32 transitions",
            )
        })?;
        Ok(Matcher {
            automaton,
            lexicon_patterns,
            may_cue,
            nt: memchr::memmem::Finder::new(b"n't"),
            patterns: table.strings,
            candidates: table.candidates,
            suffixes: table.suffixes,
            terms,
            negation,
        })
    }

    /// How many patterns the lexicons give the automaton.
    pub(crate) fn pattern_count(&self) -> usize {
        self.lexicon_patterns
    }

    /// The strings the automaton searches for, for the lexicons (the
    /// negation cues it also holds are not among them).
    pub(crate) fn patterns(&self) -> &[String] {
        &self.patterns[..self.lexicon_patterns]
    }

    /// Heap bytes used by the automata and the tables.
    pub(crate) fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
            + self.may_cue.len()
            + self.patterns.iter().map(|p| p.len() + 24).sum::<usize>()
            + self
                .candidates
                .iter()
                .map(|c| 24 + c.len() * std::mem::size_of::<Candidate>())
                .sum::<usize>()
            + self
                .suffixes
                .iter()
                .flatten()
                .map(|x| x.len() + 24)
                .sum::<usize>()
            + self
                .terms
                .iter()
                .map(|t| std::mem::size_of::<Term>() + t.term.len())
                .sum::<usize>()
    }

    /// Appends the matches in the normalised `text` to `out`, in text order,
    /// and returns the number of words in `text` (see
    /// [`word_count`](crate::tokenize::word_count)), counted on the way.
    pub(crate) fn find(&self, text: &str, out: &mut Vec<RawMatch>) -> usize {
        let hay = text.as_bytes();
        let mut finder = Starts::new(
            text,
            self.automaton.first_bytes(),
            self.automaton.starts_alphanumeric(),
        );
        let mut starts = [0; STARTS_PER_BATCH];
        let mut found = Vec::with_capacity(STARTS_PER_BATCH);
        // Where the last match ended: starts before it are inside it.
        let mut pos = 0;
        // The end of the last negated match while its negation may still
        // carry over: once it does not reach a match, it reaches none after
        // (more words, or the same break, stand between).
        let mut negated_until: Option<usize> = None;
        // Where the last negation cue seen begins (or a byte inside it), and
        // whether it lies beyond the negation window of the current match.
        // Before a cue, and while the last one lies beyond the window, no
        // match can be negated but by carry-over, and the look-back is
        // skipped. Every cue word is a pattern, so the longest pattern at
        // its start begins with it; a word that ends in n't holds an "n't".
        let mut cue: Option<usize> = None;
        let mut cue_far = false;
        let mut nts = self.nt.find_iter(hay);
        let mut next_nt = if self.negation.cue_words().is_empty() {
            None
        } else {
            nts.next()
        };
        loop {
            let n = finder.next_batch(&mut starts);
            if n == 0 {
                break;
            }
            found.clear();
            self.automaton
                .longest_at_each(hay, &starts[..n], &mut found);
            for &(start, len, pattern) in &found {
                while let Some(p) = next_nt.filter(|&p| p <= start) {
                    (cue, cue_far) = (Some(p), false);
                    next_nt = nts.next();
                }
                if self.may_cue.get(pattern as usize).is_some_and(|&c| c) {
                    (cue, cue_far) = (Some(start), false);
                }
                if start < pos {
                    continue;
                }
                let end = start + len as usize;
                let Some((end, term)) = self.accept_at(text, start, end, pattern as usize) else {
                    continue;
                };
                if let Some(term) = term {
                    if let Some(c) = cue.filter(|_| !cue_far) {
                        // Once beyond, the last cue stays beyond for later matches.
                        cue_far = self.negation.beyond_window(text, c, start);
                    }
                    let near = cue.is_some() && !cue_far;
                    let negated = (near && self.negation.is_negated(text, start))
                        || negated_until
                            .is_some_and(|prev| self.negation.carries_over(text, prev, start));
                    negated_until = negated.then_some(end);
                    out.push(RawMatch {
                        start,
                        end,
                        term,
                        negated,
                    });
                }
                pos = end;
            }
        }
        finder.word_count()
    }

    /// The valid match starting at `start`, given the longest pattern there
    /// (ending at `end`): `(end of the match, term or None for a blocker)`,
    /// or `None` when no pattern there fits on word boundaries. Shorter
    /// patterns at `start` are tried in turn, longest first.
    fn accept_at(
        &self,
        text: &str,
        start: usize,
        mut end: usize,
        mut pattern: usize,
    ) -> Option<(usize, Option<u32>)> {
        loop {
            for c in &self.candidates[pattern] {
                if let Some(match_end) = self.fits(text, end, c.end) {
                    return Some((match_end, c.term));
                }
            }
            (end, pattern) = self.automaton.longest_at(text.as_bytes(), start, end - 1)?;
        }
    }

    /// Where a candidate's match ends, if the text after the pattern (which
    /// ends at `end`) fits its ending.
    #[inline]
    fn fits(&self, text: &str, end: usize, how: End) -> Option<usize> {
        match how {
            End::Exact => is_word_end(text, end).then_some(end),
            End::Stem => Some(word_end_from(text, end)),
            End::Suffixes(id) => {
                let rest = &text.as_bytes()[end..];
                self.suffixes[id as usize].iter().find_map(|suffix| {
                    // Byte by byte: suffixes are short, and most differ at
                    // the first byte.
                    let suffix = suffix.as_bytes();
                    let e = end + suffix.len();
                    (rest.len() >= suffix.len()
                        && suffix.iter().zip(rest).all(|(a, b)| a == b)
                        && is_word_end(text, e))
                    .then_some(e)
                })
            }
        }
    }
}

/// The lexicons' names, for an error about all of them.
fn names(lexicons: &[&Lexicon]) -> String {
    let names: Vec<&str> = lexicons.iter().map(|l| l.name()).collect();
    names.join(", ")
}

fn too_many(lexicons: &[&Lexicon]) -> LexiconError {
    LexiconError::new(ErrorKind::Build, &names(lexicons), "more than 2^32 entries")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(toml: &str) -> Matcher {
        let lex = Lexicon::from_str("<test>", toml).unwrap_or_else(|e| panic!("{e}"));
        Matcher::compile(&[], &[lex]).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Each match of `text` (normalised) as `describe` writes it.
    fn described(
        m: &Matcher,
        text: &str,
        describe: impl Fn(&str, &RawMatch) -> String,
    ) -> Vec<String> {
        let norm = crate::normalize::normalize(text);
        let mut out = Vec::new();
        m.find(norm.as_str(), &mut out);
        out.iter()
            .map(|r| describe(&norm.as_str()[r.start..r.end], r))
            .collect()
    }

    /// The matches of `text` as `matched text=term`.
    fn found(m: &Matcher, text: &str) -> Vec<String> {
        described(m, text, |t, r| {
            format!("{t}={}", m.terms[r.term as usize].term)
        })
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
            ["plans=plan", "planned=plan", "planning=plan"]
        );
    }

    #[test]
    fn longest_match_and_fallback_to_shorter() {
        let m = matcher(LEX);
        assert_eq!(found(&m, "the big picture"), ["big picture=big picture"]);
        assert_eq!(found(&m, "big pictures"), ["big pictures=big picture"]);
        assert_eq!(found(&m, "big picturesque"), ["big=big"]);
        assert_eq!(found(&m, "big-picture"), ["big picture=big picture"]);
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

    /// The matches of `text`, with `!` before the negated ones.
    fn negations(m: &Matcher, text: &str) -> Vec<String> {
        described(m, text, |t, r| {
            format!("{}{t}", if r.negated { "!" } else { "" })
        })
    }

    #[test]
    fn cues_are_seen_wherever_they_stand() {
        let m = matcher(
            r#"
dimension = "direction"
leadership = [ { term = "say no" }, { term = "vision" } ]
management = [ { term = "budget" }, { term = "without delay" } ]
[negation]
window = 4
cues = ["no", "without"]
stops = ["but"]
exceptions = []
"#,
        );
        // Inside an earlier match, at the start of one, in a word ending in
        // n't, alone; and nowhere.
        assert_eq!(negations(&m, "say no budget"), ["say no", "!budget"]);
        assert_eq!(
            negations(&m, "without delay, vision without budget"),
            ["without delay", "vision", "!budget"]
        );
        assert_eq!(negations(&m, "we won't budget"), ["!budget"]);
        assert_eq!(negations(&m, "no budget but vision"), ["!budget", "vision"]);
        assert_eq!(negations(&m, "a budget and a vision"), ["budget", "vision"]);
        assert_eq!(negations(&m, "now a budget"), ["budget"]);
        // Beyond the window, a new cue, and carry-over past the window.
        assert_eq!(negations(&m, "no a b c budget"), ["!budget"]);
        assert_eq!(
            negations(&m, "no a b c d budget no budget"),
            ["budget", "!budget"]
        );
        assert_eq!(
            negations(&m, "no budget or budget or budget or budget"),
            ["!budget", "!budget", "!budget", "!budget"]
        );
        assert_eq!(
            negations(&m, "no vision a b c d e f budget or budget"),
            ["!vision", "budget", "budget"]
        );
    }
}
