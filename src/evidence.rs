//! Where in the text each piece of evidence stands: [`Span`] and [`Evidence`].

use crate::taxonomy::{Dimension, Pole};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::{Index, Range};

/// A half-open range of **byte** offsets into the text exactly as it was
/// given to [`classify`](crate::classify).
///
/// Both ends are always on `char` boundaries, so indexing the text with a
/// span never panics.
///
/// ```
/// use leadlens::Span;
///
/// let text = "Our vision: change.";
/// let span = Span::from(4..10);
/// assert_eq!(&text[span], "vision");
/// assert_eq!(span.range(), 4..10);
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span as a `Range<usize>`.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes (0 for a reversed span).
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no bytes (evidence spans never do).
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// One matched term: what matched, where, and what it counts for.
///
/// Evidence comes in text order and never overlaps. `text` is exactly
/// `&original[start..end]`, and `term` is the lexicon entry that matched
/// (its base form: `plan` for the text `planning`).
///
/// ```
/// use leadlens::{Dimension, Pole};
///
/// let text = "No budget responsibility, but you will shape the vision.";
/// let c = leadlens::classify(text);
/// let budget = c.evidence.iter().find(|e| e.text.starts_with("budget")).unwrap();
/// assert!(budget.negated);
/// assert_eq!(&text[budget.span()], "budget responsibility");
/// assert_eq!(budget.pole, Pole::Management);
///
/// let vision = c.evidence.iter().find(|e| e.text.ends_with("vision")).unwrap();
/// assert!(!vision.negated);
/// assert_eq!(vision.dimension, Dimension::Direction);
/// assert_eq!(vision.pole, Pole::Leadership);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// Byte offset of the match in the original text.
    pub start: usize,
    /// Byte offset one past the end of the match.
    pub end: usize,
    /// The matched words as they stand in the text.
    pub text: String,
    /// The lexicon entry that matched, in its base form (`strateg*` for a
    /// stem). Borrowed from the built-in lexicons when it comes from them
    /// (no allocation); compare it with `==` like a `&str`.
    pub term: Cow<'static, str>,
    /// The dimension the entry belongs to.
    pub dimension: Dimension,
    /// The pole the entry speaks for.
    pub pole: Pole,
    /// The entry's weight, in (0, 10].
    pub weight: f64,
    /// Whether a negation cue governs the match; negated evidence does not count.
    pub negated: bool,
}

impl Evidence {
    /// The byte span of the match.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}
