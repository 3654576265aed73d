//! Warnings about lexicons that are valid but suspicious: [`lint`].

use crate::lexicon::forms::{Ending, patterns};
use crate::lexicon::validate::{MIN_STEM_LETTERS, contains_words, stem_letters};
use crate::lexicon::{Lexicon, merge, term_key};
use std::collections::HashMap;
use std::fmt;

/// What a [`Lint`] warns about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LintKind {
    /// A stem of only three letters (`man*`) matches many common words.
    ShortStem,
    /// Every pattern of the entry belongs to an earlier entry, so it never matches.
    Shadowed,
    /// An `ignore` phrase contains no term, so it hides nothing.
    IgnoresNothing,
    /// An `ignore` phrase is itself a term; the term wins and the phrase does nothing.
    IgnoredTerm,
    /// A later lexicon replaces this entry (same term).
    Overridden,
}

/// One warning: where, which entry, and why.
///
/// ```
/// use leadlens::{Lexicon, LintKind};
///
/// let lex = Lexicon::from_str("mine.toml", r#"
/// dimension = "people"
/// management = [ { term = "man*" } ]
/// ignore = [ "free parking" ]
/// "#)?;
/// let lints = leadlens::lint(&[lex]);
/// assert_eq!(lints[0].kind(), LintKind::ShortStem);
/// assert_eq!(lints[0].to_string(), "mine.toml:3: entry \"man*\": a stem of 3 letters matches many common words");
/// assert_eq!(lints[1].kind(), LintKind::IgnoresNothing);
/// assert_eq!(lints[1].line(), 4);
/// # Ok::<(), leadlens::LexiconError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    kind: LintKind,
    source: String,
    line: usize,
    entry: String,
    message: String,
}

impl Lint {
    /// What it warns about.
    pub fn kind(&self) -> LintKind {
        self.kind
    }
    /// The lexicon's name.
    pub fn source_name(&self) -> &str {
        &self.source
    }
    /// The 1-based line of the entry.
    pub fn line(&self) -> usize {
        self.line
    }
    /// The entry (term or phrase).
    pub fn entry(&self) -> &str {
        &self.entry
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: entry {:?}: {}",
            self.source, self.line, self.entry, self.message
        )
    }
}

/// Checks lexicons, in the order a [`ClassifierBuilder`](crate::ClassifierBuilder)
/// would merge them, for entries that are valid but probably not what their
/// author meant. Returns the warnings in lexicon and line order.
pub fn lint(lexicons: &[Lexicon]) -> Vec<Lint> {
    // Each lint with the index of its lexicon, for the order of the output.
    let mut found: Vec<(usize, Lint)> = Vec::new();
    let mut warn = |kind, li: usize, line, entry: &str, message: String| {
        let lint = Lint {
            kind,
            source: lexicons[li].name().to_string(),
            line,
            entry: entry.to_string(),
            message,
        };
        found.push((li, lint));
    };
    let refs: Vec<&Lexicon> = lexicons.iter().collect();
    let merged = merge(&refs);
    // Overridden entries.
    for &((pl, pe), (li, ei)) in &merged.replaced {
        let earlier = &lexicons[pl].entries()[pe];
        warn(
            LintKind::Overridden,
            pl,
            earlier.line(),
            earlier.term(),
            format!(
                "replaced by {}:{}",
                lexicons[li].name(),
                lexicons[li].entries()[ei].line()
            ),
        );
    }
    // The patterns of each entry in force, and which entry owns each
    // (pattern, ending) first, in the order the matcher compiles them.
    let mut in_force: HashMap<(usize, usize), Vec<(String, Ending)>> = HashMap::new();
    let mut owner: HashMap<(String, Ending), (usize, usize)> = HashMap::new();
    for &(li, ei) in &merged.in_force {
        let e = &lexicons[li].entries()[ei];
        let pats = patterns(e.body(), e.inflect(), e.is_stem());
        for p in &pats {
            owner.entry(p.clone()).or_insert((li, ei));
        }
        in_force.insert((li, ei), pats);
    }
    for (li, lex) in lexicons.iter().enumerate() {
        for (ei, e) in lex.entries().iter().enumerate() {
            if e.is_stem() && stem_letters(e.body()) == MIN_STEM_LETTERS {
                warn(
                    LintKind::ShortStem,
                    li,
                    e.line(),
                    e.term(),
                    format!("a stem of {MIN_STEM_LETTERS} letters matches many common words"),
                );
            }
            let Some(pats) = in_force.get(&(li, ei)) else {
                continue;
            };
            // Shadowed when other entries own every one of its patterns.
            let mine = |p| owner.get(p) == Some(&(li, ei));
            let first_owner = pats.first().and_then(|p| owner.get(p));
            if let Some(&(ol, oe)) = first_owner.filter(|_| !pats.iter().any(mine)) {
                let o = &lexicons[ol].entries()[oe];
                warn(
                    LintKind::Shadowed,
                    li,
                    e.line(),
                    e.term(),
                    format!(
                        "never matches: its forms belong to {:?} ({}:{})",
                        o.term(),
                        lexicons[ol].name(),
                        o.line()
                    ),
                );
            }
        }
    }
    // Ignore phrases that hide nothing, or that are terms themselves.
    // (Their terms' forms are only worked out when there are phrases.)
    let phrases = lexicons.iter().any(|l| !l.ignore().is_empty());
    let terms: Vec<&crate::Entry> = lexicons
        .iter()
        .filter(|_| phrases)
        .flat_map(|l| l.entries())
        .collect();
    let term_keys: Vec<String> = terms.iter().map(|t| t.key()).collect();
    let term_forms: Vec<Vec<String>> = terms.iter().map(|t| t.forms()).collect();
    for (li, lex) in lexicons.iter().enumerate() {
        for (phrase, &line) in lex.ignore().iter().zip(&lex.ignore_lines) {
            let key = term_key(phrase);
            if let Some(k) = term_keys.iter().position(|t| *t == key) {
                warn(
                    LintKind::IgnoredTerm,
                    li,
                    line,
                    phrase,
                    format!("is also the term {:?}, which wins", terms[k].term()),
                );
                continue;
            }
            let hides = terms
                .iter()
                .zip(&term_forms)
                .any(|(t, forms)| forms.iter().any(|f| contains_words(phrase, f, t.is_stem())));
            if !hides {
                warn(
                    LintKind::IgnoresNothing,
                    li,
                    line,
                    phrase,
                    "contains no term, so it hides nothing".to_string(),
                );
            }
        }
    }
    // In lexicon order, then line order.
    found.sort_by_key(|(li, l)| (*li, l.line));
    found.into_iter().map(|(_, l)| l).collect()
}
