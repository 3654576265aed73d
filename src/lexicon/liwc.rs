//! Import of LIWC-style `.dic` dictionaries.
//!
//! The format: a header between two lines holding only `%`, one category a
//! line (`id<whitespace>name`), then one word a line (`word<TAB>id id …`),
//! where a word may end in `*` (a stem). Comments (`#` or `//` at the start
//! of a line) and blank lines are skipped.

use super::forms::MAX_FORMS;
use super::validate::{clean_term, excess_forms};
use super::{Entry, Inflect, Lexicon};
use crate::error::{ErrorKind, LexiconError};
use crate::taxonomy::{Dimension, Pole};
use std::collections::HashMap;

impl Lexicon {
    /// Imports a LIWC-style `.dic` dictionary. `mapping` gives, for the
    /// categories to use (by name or by id), the dimension and pole their
    /// words count for; words of other categories are skipped. A word listed
    /// under several mapped categories counts for the first of them. Words
    /// keep the forms the dictionary lists (no inflections are generated);
    /// a trailing `*` makes a stem.
    ///
    /// ```
    /// use leadlens::{Classifier, Dimension, Label, Lexicon, Pole};
    ///
    /// let dic = "%\n1\tvisionary\n2\tcontrol\n%\ndream*\t1\nforesee\t1\naudit\t2\n";
    /// let lex = Lexicon::from_liwc_dic(
    ///     "mine.dic",
    ///     dic,
    ///     &[("visionary", Dimension::Horizon, Pole::Leadership), ("2", Dimension::Risk, Pole::Management)],
    /// )?;
    /// assert_eq!(lex.entries().len(), 3);
    /// let c = Classifier::builder().builtin(false).lexicon(lex).build()?;
    /// assert_eq!(c.classify("They dreamed and foresee").label, Label::Leadership);
    /// # Ok::<(), leadlens::LexiconError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`LexiconError`] naming `name`, the line and the entry: a missing or
    /// unterminated `%` header, a malformed category line, a word line
    /// naming an unknown category id, a term the loader rejects (see
    /// `lexicons/README.md`; a phrase of too many forms among them), the same
    /// word twice, or a mapping that names no category of the dictionary
    /// ([`ErrorKind::UnknownCategory`]).
    pub fn from_liwc_dic(
        name: &str,
        text: &str,
        mapping: &[(&str, Dimension, Pole)],
    ) -> Result<Lexicon, LexiconError> {
        let err =
            |kind, line: usize, detail: String| LexiconError::new(kind, name, detail).at_line(line);
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#') && !l.starts_with("//"));
        match lines.next() {
            Some((_, "%")) => {}
            other => {
                return Err(err(
                    ErrorKind::Syntax,
                    other.map_or(1, |(n, _)| n),
                    "a .dic file starts with a line holding only `%`".into(),
                ));
            }
        }
        // Category id -> name.
        let mut categories: Vec<(String, String)> = Vec::new();
        let mut closed = false;
        for (n, line) in lines.by_ref() {
            if line == "%" {
                closed = true;
                break;
            }
            let mut parts = line.split_whitespace();
            match (parts.next(), parts.next(), parts.next()) {
                (Some(id), Some(cat), None) if id.chars().all(|c| c.is_ascii_digit()) => {
                    categories.push((id.to_string(), cat.to_string()));
                }
                _ => {
                    return Err(err(
                        ErrorKind::Syntax,
                        n,
                        format!("expected `id<TAB>category`, found {line:?}"),
                    ));
                }
            }
        }
        if !closed {
            return Err(err(
                ErrorKind::Syntax,
                text.lines().count().max(1),
                "the category header has no closing `%` line".into(),
            ));
        }
        // Category id -> (dimension, pole), for the mapped ones.
        let mut mapped: HashMap<&str, (Dimension, Pole)> = HashMap::new();
        for &(key, dimension, pole) in mapping {
            let found = categories.iter().find(|(id, cat)| id == key || cat == key);
            match found {
                Some((id, _)) => {
                    mapped.insert(id.as_str(), (dimension, pole));
                }
                None => {
                    return Err(LexiconError::new(
                        ErrorKind::UnknownCategory,
                        name,
                        "the mapping names a category the dictionary does not have",
                    )
                    .with_entry(key));
                }
            }
        }
        let mut entries = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, line) in lines {
            let mut fields = line.split('\t').filter(|f| !f.trim().is_empty());
            let word = fields.next().unwrap_or("").trim();
            let ids: Vec<&str> = fields.flat_map(str::split_whitespace).collect();
            if let Some(bad) = ids
                .iter()
                .find(|id| !categories.iter().any(|(c, _)| c == *id))
            {
                return Err(err(
                    ErrorKind::UnknownCategory,
                    n,
                    format!("category id {bad} is not in the header"),
                )
                .with_entry(word));
            }
            let Some(&(dimension, pole)) = ids.iter().find_map(|id| mapped.get(id)) else {
                continue;
            };
            let (term, stem) = clean_term(word).map_err(|(k, d)| err(k, n, d).with_entry(word))?;
            let body = term.strip_suffix('*').unwrap_or(&term);
            if let Some(count) = excess_forms(body, Inflect::None, stem) {
                return Err(err(
                    ErrorKind::TooManyForms,
                    n,
                    format!("it would generate {count} forms (at most {MAX_FORMS})"),
                )
                .with_entry(word));
            }
            if let Some(first) = seen.insert(super::term_key(&term), n) {
                return Err(err(
                    ErrorKind::DuplicateEntry,
                    n,
                    format!("already listed on line {first}"),
                )
                .with_entry(word));
            }
            entries.push(Entry {
                term,
                stem,
                dimension,
                pole,
                weight: 1.0,
                unless: Vec::new(),
                inflect: Inflect::None,
                line: n,
            });
        }
        Ok(Lexicon {
            name: name.to_string(),
            entries,
            ignore: Vec::new(),
            ignore_lines: Vec::new(),
            negation: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &[(&str, Dimension, Pole)] =
        &[("achieve", Dimension::Accountability, Pole::Management)];

    fn error(dic: &str) -> LexiconError {
        Lexicon::from_liwc_dic("x.dic", dic, MAP).expect_err("should fail")
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = error("1\tachieve\n");
        assert_eq!((e.kind(), e.line()), (ErrorKind::Syntax, Some(1)));
        let e = error("%\n1\tachieve\nword\t1\n");
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert!(e.to_string().starts_with("x.dic:3:"), "{e}");
        let e = error("%\n1 achieve extra\n%\n");
        assert_eq!((e.kind(), e.line()), (ErrorKind::Syntax, Some(2)));
        let e = error("%\n1\tachieve\n%\ngoal\t7\n");
        assert_eq!(
            (e.kind(), e.line(), e.entry()),
            (ErrorKind::UnknownCategory, Some(4), Some("goal"))
        );
        let e = error("%\n1\tachieve\n%\nab*\t1\n");
        assert_eq!((e.kind(), e.line()), (ErrorKind::ShortStem, Some(4)));
        let e = error("%\n1\tachieve\n%\ngoal\t1\n\ngoal\t1\n");
        assert_eq!((e.kind(), e.line()), (ErrorKind::DuplicateEntry, Some(6)));
        // Twelve words with two spellings each: 2^12 forms, times the
        // separators. The automaton would grow without bound.
        let e = error(&format!(
            "%\n1\tachieve\n%\n{}\t1\n",
            "organise ".repeat(12).trim()
        ));
        assert_eq!((e.kind(), e.line()), (ErrorKind::TooManyForms, Some(4)));
        let e = Lexicon::from_liwc_dic(
            "x.dic",
            "%\n1\tachieve\n%\n",
            &[("nope", Dimension::Risk, Pole::Leadership)],
        )
        .expect_err("unknown category");
        assert_eq!(
            (e.kind(), e.entry()),
            (ErrorKind::UnknownCategory, Some("nope"))
        );
    }

    #[test]
    fn unmapped_categories_are_skipped() {
        let dic = "%\n1\tachieve\n2\tother\n%\n// comment\ngoal*\t2 1\nfun\t2\n";
        let lex = Lexicon::from_liwc_dic("x.dic", dic, MAP).expect("valid");
        assert_eq!(lex.entries().len(), 1);
        assert!(lex.entries()[0].is_stem());
        assert_eq!(lex.entries()[0].line(), 6);
    }
}
