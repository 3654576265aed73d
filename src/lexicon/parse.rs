//! TOML text to raw lexicon records, each with the line it stands on.

use crate::error::{ErrorKind, LexiconError};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileToml {
    dimension: Option<Spanned<String>>,
    #[serde(default)]
    leadership: Vec<Spanned<EntryToml>>,
    #[serde(default)]
    management: Vec<Spanned<EntryToml>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    negation: Option<Spanned<NegationToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryToml {
    term: String,
    weight: Option<f64>,
    #[serde(default)]
    unless: Vec<String>,
    inflect: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NegationToml {
    window: Option<i64>,
    #[serde(default)]
    cues: Vec<Spanned<String>>,
    #[serde(default)]
    exceptions: Vec<Spanned<String>>,
    #[serde(default)]
    stops: Vec<Spanned<String>>,
}

/// A lexicon file as written, before validation.
pub(super) struct RawLexicon {
    pub(super) dimension: Option<(String, usize)>,
    pub(super) leadership: Vec<RawEntry>,
    pub(super) management: Vec<RawEntry>,
    pub(super) ignore: Vec<(String, usize)>,
    pub(super) negation: Option<RawNegation>,
}

pub(super) struct RawEntry {
    pub(super) term: String,
    pub(super) weight: Option<f64>,
    pub(super) unless: Vec<String>,
    pub(super) inflect: Option<String>,
    pub(super) line: usize,
}

pub(super) struct RawNegation {
    pub(super) window: Option<i64>,
    pub(super) cues: Vec<(String, usize)>,
    pub(super) exceptions: Vec<(String, usize)>,
    pub(super) stops: Vec<(String, usize)>,
    pub(super) line: usize,
}

/// The line starts of a text, to find the line of many offsets quickly.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(memchr::memchr_iter(b'\n', text.as_bytes()).collect())
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        // The line breaks before `offset`, plus one.
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

pub(super) fn parse(name: &str, text: &str) -> Result<RawLexicon, LexiconError> {
    let lines = Lines::new(text);
    let file: FileToml = toml::from_str(text).map_err(|e| {
        let detail = e.message().trim().to_string();
        let err = LexiconError::new(ErrorKind::Syntax, name, detail);
        match e.span() {
            Some(span) => err.at_line(lines.line_of(span.start)),
            None => err,
        }
    })?;
    let line = |s: &std::ops::Range<usize>| lines.line_of(s.start);
    let strings = |v: Vec<Spanned<String>>| -> Vec<(String, usize)> {
        v.into_iter()
            .map(|s| {
                let l = line(&s.span());
                (s.into_inner(), l)
            })
            .collect()
    };
    let entries = |v: Vec<Spanned<EntryToml>>| -> Vec<RawEntry> {
        v.into_iter()
            .map(|s| {
                let l = line(&s.span());
                let e = s.into_inner();
                RawEntry {
                    term: e.term,
                    weight: e.weight,
                    unless: e.unless,
                    inflect: e.inflect,
                    line: l,
                }
            })
            .collect()
    };
    Ok(RawLexicon {
        dimension: file.dimension.map(|d| {
            let l = line(&d.span());
            (d.into_inner(), l)
        }),
        leadership: entries(file.leadership),
        management: entries(file.management),
        ignore: strings(file.ignore),
        negation: file.negation.map(|n| {
            let l = line(&n.span());
            let n = n.into_inner();
            RawNegation {
                window: n.window,
                cues: strings(n.cues),
                exceptions: strings(n.exceptions),
                stops: strings(n.stops),
                line: l,
            }
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based() {
        let lines = Lines::new("a\nb\nc");
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(2), 2);
        assert_eq!(lines.line_of(99), 3);
    }

    #[test]
    fn entries_carry_their_line() {
        let raw = parse(
            "x",
            "dimension = \"risk\"\nleadership = [\n  { term = \"a\" },\n  { term = \"b\" },\n]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let lines: Vec<usize> = raw.leadership.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4]);
        assert_eq!(raw.dimension.map(|d| d.1), Some(1));
    }
}
