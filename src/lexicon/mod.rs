//! Lexicons: vocabularies as data, loaded from TOML and validated.
//!
//! The format is specified in `lexicons/README.md`; the built-in lexicons are
//! the files of that folder, embedded at compile time. A [`Lexicon`] is one
//! validated file; a [`Classifier`](crate::Classifier) compiles one or more.

mod builtin;
pub(crate) mod forms;
mod liwc;
mod parse;
pub(crate) mod validate;

use crate::error::{ErrorKind, LexiconError};
use crate::taxonomy::{Dimension, Pole};
use std::path::Path;

pub(crate) use builtin::builtin_lexicons;

/// Which words of a term get inflected forms (see `lexicons/README.md`).
///
/// ```
/// use leadlens::Inflect;
///
/// assert_eq!(Inflect::from_id("first"), Some(Inflect::First));
/// assert_eq!(Inflect::default(), Inflect::Auto);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Inflect {
    /// A single word is inflected; in a phrase, its last word.
    #[default]
    Auto,
    /// Only the first word (verb-first phrases: `set the direction`).
    First,
    /// Only the last word.
    Last,
    /// The first and the last word (`own the outcome` → `owns the outcomes`).
    Ends,
    /// Every word.
    All,
    /// No word: only the term as written (plus spelling and separator variants).
    None,
}

impl Inflect {
    /// The value with this id: `auto`, `first`, `last`, `ends`, `all` or `none`.
    pub fn from_id(id: &str) -> Option<Inflect> {
        Some(match id {
            "auto" => Inflect::Auto,
            "first" => Inflect::First,
            "last" => Inflect::Last,
            "ends" => Inflect::Ends,
            "all" => Inflect::All,
            "none" => Inflect::None,
            _ => return None,
        })
    }
}

/// One validated lexicon entry: a word, stem or phrase with its meaning.
///
/// ```
/// use leadlens::{Dimension, Lexicon, Pole};
///
/// let lex = Lexicon::from_str(
///     "<string>",
///     "dimension = \"risk\"\nleadership = [{ term = \"Bold\", weight = 2 }]\n",
/// )?;
/// let entry = &lex.entries()[0];
/// assert_eq!(entry.term(), "bold");
/// assert_eq!(entry.dimension(), Dimension::Risk);
/// assert_eq!(entry.pole(), Pole::Leadership);
/// assert_eq!(entry.weight(), 2.0);
/// assert_eq!(entry.line(), 2);
/// # Ok::<(), leadlens::LexiconError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub(crate) term: String,
    pub(crate) stem: bool,
    pub(crate) dimension: Dimension,
    pub(crate) pole: Pole,
    pub(crate) weight: f64,
    pub(crate) unless: Vec<String>,
    pub(crate) inflect: Inflect,
    pub(crate) line: usize,
}

impl Entry {
    /// The term as written (lower case; a stem keeps its final `*`).
    pub fn term(&self) -> &str {
        &self.term
    }
    /// Whether the term is a stem (`strateg*`).
    pub fn is_stem(&self) -> bool {
        self.stem
    }
    /// The term without the stem's `*`.
    pub(crate) fn body(&self) -> &str {
        self.term.strip_suffix('*').unwrap_or(&self.term)
    }
    /// The key under which two entries are the same term: lower case, with
    /// hyphens read as spaces.
    pub(crate) fn key(&self) -> String {
        term_key(&self.term)
    }
    /// The dimension it belongs to.
    pub fn dimension(&self) -> Dimension {
        self.dimension
    }
    /// The pole it speaks for.
    pub fn pole(&self) -> Pole {
        self.pole
    }
    /// Its weight, in (0, 10].
    pub fn weight(&self) -> f64 {
        self.weight
    }
    /// The phrases in which it is not evidence.
    pub fn unless(&self) -> &[String] {
        &self.unless
    }
    /// Which of its words are inflected.
    pub fn inflect(&self) -> Inflect {
        self.inflect
    }
    /// The 1-based line it stands on in its file.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Every surface form the matcher looks for: the term as written first,
    /// then its spelling variants, inflections and separator variants (for a
    /// stem, its prefix only).
    ///
    /// ```
    /// let lex = leadlens::Lexicon::from_str(
    ///     "<string>",
    ///     "dimension = \"horizon\"\nmanagement = [{ term = \"day-to-day\" }]\n",
    /// )?;
    /// let forms = lex.entries()[0].forms();
    /// assert!(forms.contains(&"day to day".to_string()));
    /// assert!(forms.contains(&"day-to-day".to_string()));
    /// # Ok::<(), leadlens::LexiconError>(())
    /// ```
    pub fn forms(&self) -> Vec<String> {
        forms::surface_forms(self.body(), self.inflect, self.stem)
    }
}

pub(crate) fn term_key(term: &str) -> String {
    term.replace('-', " ")
}

/// An entry of lexicons compiled together: `(lexicon index, entry index)`.
pub(crate) type EntryAt = (usize, usize);

/// How the entries of lexicons compiled together merge: for each term key,
/// the last definition wins.
#[derive(Debug, Default)]
pub(crate) struct Merged {
    /// The entries in force, in the order their keys first appear. The
    /// matcher compiles them in this order (the first candidate of a shared
    /// pattern wins), and [`crate::lint`] judges them in it.
    pub(crate) in_force: Vec<EntryAt>,
    /// Each entry a later one replaced, with the entry that replaced it.
    pub(crate) replaced: Vec<(EntryAt, EntryAt)>,
}

/// Merges the entries of `lexicons` (see [`Merged`]).
pub(crate) fn merge(lexicons: &[&Lexicon]) -> Merged {
    use std::collections::hash_map::{Entry as Slot, HashMap};
    let mut slot_of: HashMap<String, usize> = HashMap::new();
    let mut merged = Merged::default();
    for (li, lex) in lexicons.iter().enumerate() {
        for (ei, e) in lex.entries.iter().enumerate() {
            match slot_of.entry(e.key()) {
                Slot::Occupied(slot) => {
                    let earlier = std::mem::replace(&mut merged.in_force[*slot.get()], (li, ei));
                    merged.replaced.push((earlier, (li, ei)));
                }
                Slot::Vacant(slot) => {
                    slot.insert(merged.in_force.len());
                    merged.in_force.push((li, ei));
                }
            }
        }
    }
    merged
}

/// The negation settings of a lexicon's `[negation]` table.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Negation {
    pub(crate) window: usize,
    pub(crate) cues: Vec<String>,
    pub(crate) exceptions: Vec<String>,
    pub(crate) stops: Vec<String>,
}

/// One validated lexicon file.
///
/// Load it from text with [`Lexicon::from_str`] or from a file with
/// [`Lexicon::from_file`], then give it to
/// [`ClassifierBuilder::lexicon`](crate::ClassifierBuilder::lexicon).
///
/// ```
/// use leadlens::Lexicon;
///
/// let lex = Lexicon::from_str("people.toml", r#"
/// dimension = "people"
/// leadership = [ { term = "rally the troops", inflect = "first" } ]
/// management = [ { term = "timesheet", weight = 1.5 } ]
/// ignore = [ "people first benefits" ]
/// "#)?;
/// assert_eq!(lex.name(), "people.toml");
/// assert_eq!(lex.entries().len(), 2);
/// assert_eq!(lex.ignore(), ["people first benefits"]);
/// # Ok::<(), leadlens::LexiconError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    pub(crate) name: String,
    pub(crate) entries: Vec<Entry>,
    pub(crate) ignore: Vec<String>,
    pub(crate) ignore_lines: Vec<usize>,
    pub(crate) negation: Option<Negation>,
}

impl Lexicon {
    /// Parses and validates a lexicon from TOML text. `name` is used in error
    /// messages (pass the file name, or `"<string>"`).
    ///
    /// # Errors
    ///
    /// A [`LexiconError`] naming `name`, the line and the entry, for every
    /// problem listed in `lexicons/README.md` ("What the loader rejects").
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(name: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let raw = parse::parse(name, text)?;
        validate::validate(name, raw)
    }

    /// Reads, parses and validates a lexicon file. Errors name the file as
    /// given in `path`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when the file cannot be read or is not UTF-8, and
    /// otherwise the errors of [`Lexicon::from_str`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Lexicon, LexiconError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| LexiconError::new(ErrorKind::Io, &name, e.to_string()))?;
        Lexicon::from_str(&name, &text)
    }

    /// The built-in lexicons, one per file of `lexicons/`.
    ///
    /// ```
    /// let builtin = leadlens::Lexicon::builtin();
    /// assert!(builtin.iter().any(|l| l.name() == "direction.toml"));
    /// ```
    pub fn builtin() -> Vec<Lexicon> {
        builtin_lexicons().to_vec()
    }

    /// The name given when it was loaded.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Its `ignore` phrases (boilerplate that counts for nothing).
    pub fn ignore(&self) -> &[String] {
        &self.ignore
    }
}
