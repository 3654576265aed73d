//! The one error type of the crate: a lexicon that cannot be loaded or built.

use std::fmt;

/// What went wrong with a lexicon. Returned by [`LexiconError::kind`].
///
/// The enum is `#[non_exhaustive]`: new kinds may be added, so match it with a
/// wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read (missing, unreadable, not UTF-8).
    Io,
    /// The text is not valid TOML, or has a field of the wrong type or an
    /// unknown field.
    Syntax,
    /// `dimension` names no known dimension, or poles appear without one.
    UnknownDimension,
    /// A term is empty (or only spaces).
    EmptyTerm,
    /// A term has a character the matcher cannot match.
    InvalidCharacter,
    /// A `*` wildcard appears anywhere but at the end of a term.
    MisplacedWildcard,
    /// A stem (`abc*`) has fewer than three letters before the `*`.
    ShortStem,
    /// A weight is outside (0, 10] or not finite.
    WeightOutOfRange,
    /// The same term appears twice in one lexicon.
    DuplicateEntry,
    /// The same term appears in both poles of one dimension.
    ConflictingPoles,
    /// An `unless` phrase does not contain its term.
    UnrelatedContext,
    /// An `inflect` value is not one of `auto`, `first`, `last`, `ends`, `all`, `none`.
    UnknownInflection,
    /// A term or phrase would generate too many forms (see `lexicons/README.md`).
    TooManyForms,
    /// The `[negation]` table is malformed: an empty cue or a window outside 1..=10.
    InvalidNegation,
    /// A LIWC dictionary line or mapping names a category the dictionary
    /// does not define.
    UnknownCategory,
    /// The automaton could not be built from the lexicons.
    Build,
}

impl ErrorKind {
    fn describe(self) -> &'static str {
        match self {
            ErrorKind::Io => "cannot read the lexicon",
            ErrorKind::Syntax => "malformed lexicon",
            ErrorKind::UnknownDimension => "unknown dimension",
            ErrorKind::EmptyTerm => "empty term",
            ErrorKind::InvalidCharacter => "invalid character in term",
            ErrorKind::MisplacedWildcard => "misplaced wildcard",
            ErrorKind::ShortStem => "stem too short",
            ErrorKind::WeightOutOfRange => "weight out of range",
            ErrorKind::DuplicateEntry => "duplicate entry",
            ErrorKind::ConflictingPoles => "term in both poles",
            ErrorKind::UnrelatedContext => "context phrase without its term",
            ErrorKind::UnknownInflection => "unknown inflection",
            ErrorKind::TooManyForms => "too many forms",
            ErrorKind::InvalidNegation => "invalid negation settings",
            ErrorKind::UnknownCategory => "unknown category",
            ErrorKind::Build => "cannot build the matcher",
        }
    }
}

/// A lexicon failed to load, validate or compile.
///
/// The message names the source (a file name, or `<string>` for text given
/// directly), the line, the entry and the reason, so that the culprit can be
/// found without a debugger:
///
/// ```
/// use leadlens::{ErrorKind, Lexicon};
///
/// let toml = "dimension = \"direction\"\nleadership = [\n  { term = \"st*\" },\n]\n";
/// let err = Lexicon::from_str("mine.toml", toml).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::ShortStem);
/// assert_eq!(err.line(), Some(3));
/// assert_eq!(err.entry(), Some("st*"));
/// assert_eq!(
///     err.to_string(),
///     "mine.toml:3: entry \"st*\": stem too short: a stem needs at least 3 letters before the `*`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    kind: ErrorKind,
    source: String,
    line: Option<usize>,
    entry: Option<String>,
    detail: String,
}

impl LexiconError {
    pub(crate) fn new(kind: ErrorKind, source: &str, detail: impl Into<String>) -> Self {
        LexiconError {
            kind,
            source: source.to_string(),
            line: None,
            entry: None,
            detail: detail.into(),
        }
    }

    pub(crate) fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub(crate) fn with_entry(mut self, entry: &str) -> Self {
        self.entry = Some(entry.to_string());
        self
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file name the lexicon came from, or `<string>`.
    pub fn source_name(&self) -> &str {
        &self.source
    }

    /// The 1-based line of the offending entry, when known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The offending entry (its term, or the cue or phrase), when there is one.
    pub fn entry(&self) -> Option<&str> {
        self.entry.as_deref()
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(entry) = &self.entry {
            write!(f, ": entry {entry:?}")?;
        }
        write!(f, ": {}", self.kind.describe())?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconError {}
