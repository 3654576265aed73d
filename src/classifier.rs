//! [`classify`], the compiled [`Classifier`] and its [`ClassifierBuilder`].

use crate::classification::Classification;
use crate::error::LexiconError;
use crate::evidence::Evidence;
use crate::lexicon::{Lexicon, builtin_lexicons};
use crate::matcher::{Matcher, RawMatch};
use crate::normalize::{Normalized, normalize};
use crate::score;
use std::sync::{Arc, LazyLock};

/// Texts longer than this are processed in segments that end at a line break.
const SEGMENT_BYTES: usize = 64 * 1024;

/// Splits `text` into `(offset, segment)` pieces of at least [`SEGMENT_BYTES`]
/// that end just after a line break (the last piece ends with the text).
///
/// Nothing leadlens matches crosses a line break (phrases, negation scopes,
/// stems, words), so classifying segment by segment gives exactly the result
/// of classifying the whole text, while the normalised copy stays small
/// enough for the processor's caches.
fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let from = start + SEGMENT_BYTES;
        let end = if from >= text.len() {
            text.len()
        } else {
            memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |p| from + p + 1)
        };
        let piece = (start, &text[start..end]);
        start = end;
        Some(piece)
    })
}

static DEFAULT: LazyLock<Classifier> = LazyLock::new(|| {
    ClassifierBuilder::new().build().unwrap_or_else(|e| {
        // Cannot happen in a release: tests/lexicons.rs (`builtin_lexicons_load`)
        // builds the default classifier from the embedded files.
        panic!("built-in lexicons do not compile: {e}")
    })
});

/// Classifies `text` with the built-in lexicons.
///
/// The built-in lexicons are compiled once per process, on first use; later
/// calls reuse them. Never fails and never panics, whatever the text.
///
/// ```
/// use leadlens::{Label, Pole};
///
/// let text = "Leaders create and articulate vision and strategy.";
/// let c = leadlens::classify(text);
/// assert_eq!(c.label, Label::Leadership);
/// assert!(c.balance > 0.0);
/// for e in &c.evidence {
///     assert_eq!(&text[e.start..e.end], e.text);
/// }
/// assert!(c.evidence.iter().all(|e| e.pole == Pole::Leadership));
/// ```
pub fn classify(text: &str) -> Classification {
    DEFAULT.classify(text)
}

/// Compiled lexicons, ready to classify any number of texts.
///
/// A `Classifier` is `Send + Sync + 'static` and cheap to clone (an [`Arc`]
/// inside), so build it once and share it across threads.
/// [`Classifier::default`] gives the built-in lexicons, already compiled.
///
/// ```
/// use leadlens::{Classifier, Label, Lexicon};
///
/// let mine = Lexicon::from_str("<string>", r#"
/// dimension = "people"
/// leadership = [ { term = "galvanise", weight = 3 } ]
/// "#)?;
/// let classifier = Classifier::builder().builtin(false).lexicon(mine).build()?;
/// let c = classifier.classify("She galvanized the volunteers.");
/// assert_eq!(c.label, Label::Leadership);
/// assert_eq!(c.evidence[0].text, "galvanized");
///
/// let shared = classifier.clone();
/// std::thread::spawn(move || shared.classify("galvanise")).join().unwrap();
/// # Ok::<(), leadlens::LexiconError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Classifier {
    matcher: Arc<Matcher>,
}

impl Default for Classifier {
    /// The classifier with the built-in lexicons (compiled once per process).
    fn default() -> Classifier {
        DEFAULT.clone()
    }
}

impl Classifier {
    /// A builder, to choose the lexicons.
    pub fn builder() -> ClassifierBuilder {
        ClassifierBuilder::new()
    }

    /// Classifies one text. Never fails and never panics, whatever the text.
    ///
    /// ```
    /// let c = leadlens::Classifier::default().classify("Maintain the staff rota.");
    /// assert_eq!(c.label, leadlens::Label::Management);
    /// ```
    pub fn classify(&self, text: &str) -> Classification {
        self.classify_with(text, normalize)
    }

    /// Classifies on the general (Unicode) path alone, every character mapped
    /// one by one, even where the ASCII fast path applies; for the test that
    /// proves both paths agree.
    #[cfg(test)]
    pub(crate) fn classify_general_path(&self, text: &str) -> Classification {
        self.classify_with(text, crate::normalize::normalize_per_char)
    }

    /// Normalises, counts and matches `text` segment by segment (see
    /// [`segments`]), then scores it.
    fn classify_with(&self, text: &str, normalizer: fn(&str) -> Normalized) -> Classification {
        let mut words = 0;
        let mut evidence = Vec::new();
        let mut tally = score::Tally::default();
        // About one match per 64 bytes of job-ad text: one allocation, not
        // a handful of growing ones.
        let mut raw: Vec<RawMatch> = Vec::with_capacity(text.len().min(SEGMENT_BYTES) / 64 + 4);
        for (offset, segment) in segments(text) {
            let norm = normalizer(segment);
            raw.clear();
            words += self.matcher.find(norm.as_str(), &mut raw);
            evidence.reserve(raw.len());
            evidence.extend(raw.iter().filter_map(|m| {
                let start = norm.start_in_original(m.start);
                let end = norm.end_in_original(m.end);
                let matched = segment.get(start..end);
                debug_assert!(
                    matched.is_some(),
                    "evidence span {start}..{end} off the text"
                );
                let matched = matched?;
                let term = &self.matcher.terms[m.term as usize];
                tally.add(term.dimension, term.pole, term.units, m.negated);
                Some(Evidence {
                    start: offset + start,
                    end: offset + end,
                    text: matched.to_string(),
                    term: term.term.clone(),
                    dimension: term.dimension,
                    pole: term.pole,
                    weight: term.weight,
                    negated: m.negated,
                })
            }));
        }
        score::score(words, &tally, evidence)
    }

    /// Classifies many texts, in parallel on all cores when the `rayon`
    /// feature is on (it is by default); results come back in input order.
    ///
    /// ```
    /// use leadlens::{Classifier, Label};
    ///
    /// let ads = ["Set the vision.", "Approve timesheets and the budget.", ""];
    /// let labels: Vec<Label> = Classifier::default()
    ///     .classify_batch(&ads)
    ///     .into_iter()
    ///     .map(|c| c.label)
    ///     .collect();
    /// assert_eq!(labels, [Label::Leadership, Label::Management, Label::Undetermined]);
    /// ```
    pub fn classify_batch<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Classification> {
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            texts
                .par_iter()
                .map(|t| self.classify(t.as_ref()))
                .collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            texts.iter().map(|t| self.classify(t.as_ref())).collect()
        }
    }

    /// How many lexicon entries (terms) it holds, after merging.
    ///
    /// ```
    /// assert!(leadlens::Classifier::default().term_count() > 800);
    /// ```
    pub fn term_count(&self) -> usize {
        self.matcher.terms.len()
    }

    /// How many patterns its automaton holds (see [`Classifier::patterns`]).
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }

    /// The strings its automaton searches for: every term and `unless` or
    /// `ignore` phrase with its spelling variants, words separated by spaces
    /// (hyphens between words are read as spaces), each cut where the forms
    /// of its last word begin to differ (`plan` stands for `plan`, `plans`,
    /// `planned`, `planning`; `strateg` for `strategy`, `strategies`). Useful
    /// to see what a lexicon compiles to, and to measure the bare scan the
    /// benchmarks compare `classify` with.
    ///
    /// ```
    /// let c = leadlens::Classifier::default();
    /// assert!(c.patterns().any(|p| p == "day to day"));
    /// assert!(c.patterns().all(|p| !p.contains('-')));
    /// assert_eq!(c.patterns().count(), c.pattern_count());
    /// ```
    pub fn patterns(&self) -> impl Iterator<Item = &str> {
        self.matcher.patterns().iter().map(String::as_str)
    }

    /// Heap memory of the compiled automata and tables, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.matcher.memory_usage()
    }
}

/// Chooses the lexicons of a [`Classifier`]: the built-in ones, your own, or
/// both merged (a later lexicon's entry replaces an earlier one's for the same
/// term; yours come after the built-in ones).
///
/// Setters take and return `&mut Self`; [`build`](ClassifierBuilder::build)
/// can run any number of times.
///
/// ```
/// use leadlens::{Classifier, Lexicon};
///
/// let extra = Lexicon::from_str("<string>", r#"
/// dimension = "horizon"
/// leadership = [ { term = "stargazing", weight = 2 } ]
/// "#)?;
/// let both = Classifier::builder().lexicon(extra).build()?;
/// assert_eq!(both.term_count(), Classifier::default().term_count() + 1);
/// # Ok::<(), leadlens::LexiconError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClassifierBuilder {
    builtin: bool,
    lexicons: Vec<Lexicon>,
}

impl Default for ClassifierBuilder {
    fn default() -> ClassifierBuilder {
        ClassifierBuilder::new()
    }
}

impl ClassifierBuilder {
    /// A builder with the built-in lexicons and no others.
    pub fn new() -> ClassifierBuilder {
        ClassifierBuilder {
            builtin: true,
            lexicons: Vec::new(),
        }
    }

    /// Whether to include the built-in lexicons (default `true`). Without
    /// them, negation and boilerplate phrases come only from your lexicons.
    pub fn builtin(&mut self, yes: bool) -> &mut ClassifierBuilder {
        self.builtin = yes;
        self
    }

    /// Adds a lexicon, after the built-in ones and those added before.
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut ClassifierBuilder {
        self.lexicons.push(lexicon);
        self
    }

    /// Compiles the chosen lexicons.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Build`](crate::ErrorKind::Build) if the automaton cannot
    /// be built (in practice: lexicons too large for memory).
    pub fn build(&self) -> Result<Classifier, LexiconError> {
        let builtin: &'static [Lexicon] = if self.builtin {
            builtin_lexicons()
        } else {
            &[]
        };
        Ok(Classifier {
            matcher: Arc::new(Matcher::compile(builtin, &self.lexicons)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that take the fast path: the sample ads made ASCII, and variations.
    fn ascii_texts() -> Vec<String> {
        let ads = [
            include_str!("../examples/data/01-chief-executive.txt"),
            include_str!("../examples/data/02-vp-transformation.txt"),
            include_str!("../examples/data/03-operations-manager-warehouse.txt"),
            include_str!("../examples/data/05-engineering-manager.txt"),
            include_str!("../examples/data/07-care-home-deputy-manager.txt"),
            include_str!("../examples/data/10-retail-store-manager.txt"),
        ];
        let mut out: Vec<String> = ads
            .iter()
            .map(|t| {
                t.chars()
                    .filter(|c| c.is_ascii() && *c != '&' && *c != '\t')
                    .collect()
            })
            .collect();
        out.push("No budget. Not a day-to-day role; without direct reports.".into());
        out.push("big picture big pictures big picturesque BIG-PICTURE".into());
        out.push("lead time, sales leads; we lead. don't plan".into());
        out
    }

    #[test]
    fn segments_cover_the_text_and_end_at_line_breaks() {
        let text = format!(
            "{}\n{}\n{}",
            "a".repeat(70_000),
            "b".repeat(10),
            "c".repeat(70_000)
        );
        let pieces: Vec<(usize, &str)> = segments(&text).collect();
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].1.len(), 70_001);
        let text = format!("{}\n{}", "x\n".repeat(40_000), "y".repeat(10));
        let pieces: Vec<(usize, &str)> = segments(&text).collect();
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].1.ends_with('\n'));
        assert_eq!(pieces.iter().map(|p| p.1).collect::<String>(), text);
        assert_eq!(pieces[1].0, pieces[0].1.len());
        assert_eq!(segments("").count(), 0);
    }

    #[test]
    fn long_texts_in_segments_match_short_ones() {
        let c = Classifier::default();
        let ad = "You will set the vision; no budget, not a day-to-day role. Rota, KPIs.\n";
        let one = c.classify(ad);
        let many = c.classify(&ad.repeat(3000));
        assert!(ad.len() * 3000 > 3 * SEGMENT_BYTES);
        assert_eq!(many.evidence.len(), 3000 * one.evidence.len());
        assert_eq!(many.word_count, 3000 * one.word_count);
        assert_eq!(many.label, one.label);
        assert_eq!(many.balance, one.balance);
        for (k, e) in many.evidence.iter().enumerate() {
            let first = &one.evidence[k % one.evidence.len()];
            assert_eq!(e.start, first.start + (k / one.evidence.len()) * ad.len());
            assert_eq!(e.text, first.text);
            assert_eq!(e.negated, first.negated);
        }
    }

    proptest::proptest! {
        #[test]
        fn both_paths_agree_on_arbitrary_ascii(
            text in "([A-Za-z]{1,10}|vision|plan|no|not|big picture|day-to-day|[ \t\n.,;'-]){0,60}"
        ) {
            let c = Classifier::default();
            proptest::prop_assert_eq!(c.classify(&text), c.classify_general_path(&text));
        }
    }

    #[test]
    fn fast_path_and_general_path_agree() {
        let c = Classifier::default();
        for text in ascii_texts() {
            assert!(crate::normalize::is_plain(&text));
            assert_eq!(c.classify(&text), c.classify_general_path(&text));
        }
    }
}
