//! Raw lexicon records to validated [`Lexicon`]s: every rule of
//! `lexicons/README.md` ("What the loader rejects") is checked here.

use super::forms::{MAX_FORMS, form_count, surface_forms};
use super::parse::{RawEntry, RawLexicon, RawNegation};
use super::{Entry, Inflect, Lexicon, Negation};
use crate::error::{ErrorKind, LexiconError};
use crate::taxonomy::{Dimension, Pole};
use std::collections::HashMap;

/// Largest weight an entry may have.
pub(crate) const MAX_WEIGHT: f64 = 10.0;
/// Fewest letters a stem needs before its `*`.
pub(crate) const MIN_STEM_LETTERS: usize = 3;
/// Largest negation window, in words.
pub(crate) const MAX_WINDOW: i64 = 10;

pub(super) fn validate(name: &str, raw: RawLexicon) -> Result<Lexicon, LexiconError> {
    let err = |kind, line: usize, entry: &str, detail: String| {
        LexiconError::new(kind, name, detail)
            .at_line(line)
            .with_entry(entry)
    };
    let has_poles = !raw.leadership.is_empty() || !raw.management.is_empty();
    let dimension = match &raw.dimension {
        Some((id, line)) => Some(Dimension::from_id(id).ok_or_else(|| {
            let known: Vec<&str> = Dimension::ALL.iter().map(|d| d.id()).collect();
            err(
                ErrorKind::UnknownDimension,
                *line,
                id,
                format!("expected one of {}", known.join(", ")),
            )
        })?),
        None if has_poles => {
            let line = raw
                .leadership
                .first()
                .or(raw.management.first())
                .map_or(1, |e| e.line);
            return Err(LexiconError::new(
                ErrorKind::UnknownDimension,
                name,
                "`leadership` or `management` terms need a `dimension = \"...\"` line",
            )
            .at_line(line));
        }
        None => None,
    };

    let mut entries = Vec::new();
    let mut seen: HashMap<String, (Pole, usize)> = HashMap::new();
    for (pole, list) in [
        (Pole::Leadership, raw.leadership),
        (Pole::Management, raw.management),
    ] {
        for e in list {
            let dimension = dimension.unwrap_or(Dimension::Direction);
            let as_written = e.term.clone();
            let entry = validate_entry(name, e, dimension, pole)?;
            match seen.get(&entry.key()) {
                Some(&(first_pole, first_line)) if first_pole == pole => {
                    return Err(err(
                        ErrorKind::DuplicateEntry,
                        entry.line,
                        &as_written,
                        format!("already listed on line {first_line}"),
                    ));
                }
                Some(&(first_pole, first_line)) => {
                    return Err(err(
                        ErrorKind::ConflictingPoles,
                        entry.line,
                        &as_written,
                        format!("already listed under {first_pole} on line {first_line}"),
                    ));
                }
                None => {
                    seen.insert(entry.key(), (pole, entry.line));
                }
            }
            entries.push(entry);
        }
    }

    let mut ignore = Vec::new();
    let mut ignore_lines = Vec::new();
    for (phrase, line) in raw.ignore {
        let (clean, stem) = clean_term(&phrase).map_err(|(k, d)| err(k, line, &phrase, d))?;
        if stem {
            return Err(err(
                ErrorKind::MisplacedWildcard,
                line,
                &phrase,
                "ignore phrases cannot be stems".into(),
            ));
        }
        if excess_forms(&clean, Inflect::Auto, false).is_some() {
            return Err(err(
                ErrorKind::TooManyForms,
                line,
                &phrase,
                format!("the phrase would generate more than {MAX_FORMS} forms"),
            ));
        }
        if ignore.contains(&clean) {
            return Err(err(
                ErrorKind::DuplicateEntry,
                line,
                &phrase,
                "ignore phrase listed twice".into(),
            ));
        }
        ignore.push(clean);
        ignore_lines.push(line);
    }

    let negation = raw
        .negation
        .map(|n| validate_negation(name, n))
        .transpose()?;

    Ok(Lexicon {
        name: name.to_string(),
        entries,
        ignore,
        ignore_lines,
        negation,
    })
}

fn validate_entry(
    name: &str,
    e: RawEntry,
    dimension: Dimension,
    pole: Pole,
) -> Result<Entry, LexiconError> {
    let err = |kind, detail: String| {
        LexiconError::new(kind, name, detail)
            .at_line(e.line)
            .with_entry(&e.term)
    };
    let (term, stem) = clean_term(&e.term).map_err(|(k, d)| err(k, d))?;
    let weight = e.weight.unwrap_or(1.0);
    if !(weight.is_finite() && weight > 0.0 && weight <= MAX_WEIGHT) {
        return Err(err(
            ErrorKind::WeightOutOfRange,
            format!("weight {weight} is outside (0, {MAX_WEIGHT}]"),
        ));
    }
    let inflect = match &e.inflect {
        None => Inflect::Auto,
        Some(id) => Inflect::from_id(id).ok_or_else(|| {
            err(
                ErrorKind::UnknownInflection,
                format!("inflect = {id:?}; expected auto, first, last, ends, all or none"),
            )
        })?,
    };
    let body = term.strip_suffix('*').unwrap_or(&term).to_string();
    if let Some(count) = excess_forms(&body, inflect, stem) {
        return Err(err(
            ErrorKind::TooManyForms,
            format!("it would generate {count} forms (at most {MAX_FORMS}): inflect fewer words"),
        ));
    }
    let forms = if e.unless.is_empty() {
        Vec::new()
    } else {
        surface_forms(&body, inflect, stem)
    };
    let mut unless = Vec::new();
    for phrase in &e.unless {
        let (clean, phrase_stem) = clean_term(phrase)
            .map_err(|(k, d)| err(k, format!("in unless phrase {phrase:?}: {d}")))?;
        if phrase_stem || !forms.iter().any(|f| contains_words(&clean, f, stem)) {
            return Err(err(
                ErrorKind::UnrelatedContext,
                format!("unless phrase {phrase:?} does not contain the term"),
            ));
        }
        if excess_forms(&clean, Inflect::Auto, false).is_some() {
            return Err(err(
                ErrorKind::TooManyForms,
                format!("unless phrase {phrase:?} would generate more than {MAX_FORMS} forms"),
            ));
        }
        unless.push(clean);
    }
    Ok(Entry {
        term,
        stem,
        dimension,
        pole,
        weight,
        unless,
        inflect,
        line: e.line,
    })
}

fn validate_negation(name: &str, n: RawNegation) -> Result<Negation, LexiconError> {
    let window = n.window.unwrap_or(4);
    if !(1..=MAX_WINDOW).contains(&window) {
        return Err(LexiconError::new(
            ErrorKind::InvalidNegation,
            name,
            format!("window = {window}; expected 1..={MAX_WINDOW}"),
        )
        .at_line(n.line));
    }
    let mut lists = [Vec::new(), Vec::new(), Vec::new()];
    for (k, list) in [n.cues, n.exceptions, n.stops].into_iter().enumerate() {
        for (item, line) in list {
            let clean = item.split_whitespace().collect::<Vec<_>>().join(" ");
            let clean = clean.to_lowercase().replace('\u{2019}', "'");
            let single_word_needed = k != 1;
            if clean.is_empty() || (single_word_needed && clean.contains(' ')) {
                return Err(LexiconError::new(
                    ErrorKind::InvalidNegation,
                    name,
                    if clean.is_empty() {
                        "empty negation word".to_string()
                    } else {
                        "cues and stops are single words".to_string()
                    },
                )
                .at_line(line)
                .with_entry(&item));
            }
            lists[k].push(clean);
        }
    }
    let [cues, exceptions, stops] = lists;
    Ok(Negation {
        window: window as usize,
        cues,
        exceptions,
        stops,
    })
}

/// How many forms a term or phrase would generate (see [`form_count`]),
/// when that is more than [`MAX_FORMS`].
pub(crate) fn excess_forms(text: &str, inflect: Inflect, stem: bool) -> Option<usize> {
    let count = form_count(text, inflect, stem);
    (count > MAX_FORMS).then_some(count)
}

/// The letters of the last word of a stem's `body` (the term without `*`).
pub(crate) fn stem_letters(body: &str) -> usize {
    let last = body.rsplit([' ', '-']).next().unwrap_or(body);
    last.chars().filter(|c| c.is_alphabetic()).count()
}

/// Lower-cases and checks a term; returns it (with its `*`) and whether it is a stem.
pub(crate) fn clean_term(raw: &str) -> Result<(String, bool), (ErrorKind, String)> {
    let term = raw
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if term.is_empty() {
        return Err((ErrorKind::EmptyTerm, "the term is empty".into()));
    }
    if let Some(c) = term
        .chars()
        .find(|&c| !(c.is_alphanumeric() || " -'&/.*".contains(c)))
    {
        return Err((
            ErrorKind::InvalidCharacter,
            format!("{c:?} is not allowed in a term"),
        ));
    }
    let stars = term.matches('*').count();
    let stem = term.ends_with('*');
    if stars > 1 || (stars == 1 && !stem) {
        return Err((
            ErrorKind::MisplacedWildcard,
            "a `*` is only allowed at the end of a term".into(),
        ));
    }
    let body = term.trim_end_matches('*');
    if !body.chars().any(char::is_alphanumeric) {
        return Err((
            ErrorKind::EmptyTerm,
            "the term has no letters or digits".into(),
        ));
    }
    if body.starts_with(['-', ' ']) || body.ends_with(['-', ' ']) {
        return Err((
            ErrorKind::InvalidCharacter,
            "a term cannot start or end with a hyphen or a space".into(),
        ));
    }
    if stem && stem_letters(body) < MIN_STEM_LETTERS {
        return Err((
            ErrorKind::ShortStem,
            format!("a stem needs at least {MIN_STEM_LETTERS} letters before the `*`"),
        ));
    }
    Ok((term, stem))
}

/// Whether `phrase` holds `form` as whole words (its last word as a prefix
/// when `stem`). Hyphens and spaces are both word separators here.
pub(crate) fn contains_words(phrase: &str, form: &str, stem: bool) -> bool {
    let p: Vec<&str> = phrase.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let f: Vec<&str> = form.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if f.is_empty() || f.len() > p.len() {
        return false;
    }
    p.windows(f.len()).any(|win| {
        win.iter().zip(&f).enumerate().all(|(i, (pw, fw))| {
            if stem && i == f.len() - 1 {
                pw.starts_with(fw)
            } else {
                pw == fw
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_term_rules() {
        assert_eq!(
            clean_term("  Big   Picture "),
            Ok(("big picture".into(), false))
        );
        assert_eq!(clean_term("strateg*"), Ok(("strateg*".into(), true)));
        assert_eq!(clean_term("st*").unwrap_err().0, ErrorKind::ShortStem);
        assert_eq!(
            clean_term("s*t").unwrap_err().0,
            ErrorKind::MisplacedWildcard
        );
        assert_eq!(
            clean_term("**").unwrap_err().0,
            ErrorKind::MisplacedWildcard
        );
        assert_eq!(clean_term("").unwrap_err().0, ErrorKind::EmptyTerm);
        assert_eq!(
            clean_term("a<b").unwrap_err().0,
            ErrorKind::InvalidCharacter
        );
        assert_eq!(
            clean_term("-lead").unwrap_err().0,
            ErrorKind::InvalidCharacter
        );
        assert_eq!(clean_term("p&l"), Ok(("p&l".into(), false)));
    }

    #[test]
    fn contains_words_is_whole_word() {
        assert!(contains_words("lead time", "lead", false));
        assert!(contains_words("sales lead-generation", "lead", false));
        assert!(!contains_words("leadership team", "lead", false));
        assert!(contains_words("strategy games", "strateg", true));
    }
}
