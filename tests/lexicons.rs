//! The lexicon loader: the built-in files load, and every error kind names
//! the source, the line and the entry.

use leadlens::{Classifier, Dimension, Lexicon, Pole};
use serde::Deserialize;
use std::collections::HashMap;

#[test]
fn builtin_lexicons_load() {
    let builtin = Lexicon::builtin();
    assert_eq!(builtin.len(), 9);
    let c = Classifier::builder()
        .build()
        .expect("built-in lexicons compile");
    assert!(c.term_count() > 0);
}

#[test]
fn builtin_poles_are_well_stocked() {
    let mut per_pole: HashMap<(Dimension, Pole), usize> = HashMap::new();
    for lex in Lexicon::builtin() {
        for e in lex.entries() {
            *per_pole.entry((e.dimension(), e.pole())).or_default() += 1;
        }
    }
    assert_eq!(per_pole.len(), 14, "every dimension has both poles");
    let total: usize = per_pole.values().sum();
    assert!(total / 14 >= 60, "average entries per pole: {}", total / 14);
    for (k, n) in &per_pole {
        assert!(*n >= 30, "{k:?} has only {n} entries");
    }
}

#[test]
fn no_term_has_two_meanings_in_the_builtin_lexicons() {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut clashes = Vec::new();
    for lex in Lexicon::builtin() {
        for e in lex.entries() {
            let key = e.term().replace('-', " ");
            let here = format!("{}:{}", lex.name(), e.line());
            if let Some(first) = seen.insert(key.clone(), here.clone()) {
                clashes.push(format!("{key:?} at {first} and {here}"));
            }
        }
    }
    assert!(clashes.is_empty(), "{}", clashes.join("\n"));
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    kind: String,
    line: usize,
    entry: Option<String>,
    lexicon: String,
}

#[test]
fn every_error_kind_names_source_line_and_entry() {
    let cases: Cases =
        toml::from_str(include_str!("data/lexicon_errors.toml")).expect("cases parse");
    let mut failures = Vec::new();
    for case in &cases.case {
        let err = match Lexicon::from_str("case.toml", &case.lexicon) {
            Ok(_) => {
                failures.push(format!("{}: loaded without error", case.name));
                continue;
            }
            Err(e) => e,
        };
        let msg = err.to_string();
        let mut problems = Vec::new();
        if format!("{:?}", err.kind()) != case.kind {
            problems.push(format!("kind {:?}", err.kind()));
        }
        if err.source_name() != "case.toml" || !msg.starts_with("case.toml:") {
            problems.push("source not named".to_string());
        }
        if err.line() != Some(case.line) || !msg.starts_with(&format!("case.toml:{}:", case.line)) {
            problems.push(format!("line {:?}", err.line()));
        }
        if let Some(entry) = &case.entry {
            if err.entry() != Some(entry.as_str()) || !msg.contains(&format!("{entry:?}")) {
                problems.push(format!("entry {:?}", err.entry()));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {} ({msg})", case.name, problems.join(", ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_valid_lexicon_with_every_field_loads() {
    let lex = Lexicon::from_str(
        "ok.toml",
        r#"
dimension = "change"
leadership = [
  { term = "transform*", weight = 2.5 },
  { term = "welcome change", inflect = "first", unless = ["welcome change of scenery"] },
]
management = [ { term = "standard operating procedure", weight = 10 } ]
ignore = ["change of address"]
[negation]
window = 3
cues = ["no"]
exceptions = ["no doubt"]
stops = ["but"]
"#,
    )
    .expect("valid");
    assert_eq!(lex.entries().len(), 3);
    assert!(lex.entries()[0].is_stem());
    assert_eq!(lex.entries()[2].weight(), 10.0);
}

#[test]
fn a_stem_is_checked_in_every_spelling_it_matches() {
    // `organis*` also matches `organiz...`: its forms, and the `unless`
    // phrases that may contain it, say so too.
    let lex = Lexicon::from_str(
        "stems.toml",
        r#"
dimension = "people"
management = [ { term = "organis*", unless = ["organizational chart"] } ]
"#,
    )
    .expect("an unless phrase in the other spelling contains the stem");
    assert_eq!(lex.entries()[0].forms(), ["organis", "organiz"]);
    let c = leadlens::Classifier::builder()
        .builtin(false)
        .lexicon(lex)
        .build()
        .expect("builds");
    let found = c.classify("Organize the organizational chart; organising.");
    let texts: Vec<&str> = found.evidence.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["Organize", "organising"]);
}

#[test]
fn lint_reports_suspicious_but_valid_entries() {
    use leadlens::LintKind;
    let first = Lexicon::from_str(
        "first.toml",
        r#"
dimension = "people"
leadership = [
  { term = "organise" },
  { term = "man*" },
]
management = [ { term = "rota" } ]
ignore = [ "rota", "free parking" ]
"#,
    )
    .expect("valid");
    let second = Lexicon::from_str(
        "second.toml",
        r#"
dimension = "horizon"
management = [
  { term = "rota", weight = 2 },
  { term = "organize" },
]
"#,
    )
    .expect("valid");
    let lints = leadlens::lint(&[first, second]);
    let found: Vec<(LintKind, String, usize, String)> = lints
        .iter()
        .map(|l| {
            (
                l.kind(),
                l.source_name().to_string(),
                l.line(),
                l.entry().to_string(),
            )
        })
        .collect();
    let expect = |kind, source: &str, line, entry: &str| {
        assert!(
            found.contains(&(kind, source.to_string(), line, entry.to_string())),
            "missing {kind:?} {source}:{line} {entry:?} in {lints:#?}"
        );
    };
    expect(LintKind::Overridden, "first.toml", 7, "rota");
    expect(LintKind::ShortStem, "first.toml", 5, "man*");
    // British and American spellings are generated: the same patterns.
    expect(LintKind::Shadowed, "second.toml", 5, "organize");
    expect(LintKind::IgnoredTerm, "first.toml", 8, "rota");
    expect(LintKind::IgnoresNothing, "first.toml", 8, "free parking");
    assert_eq!(lints.len(), 5, "{lints:#?}");
}

#[test]
fn lint_judges_entries_in_the_order_the_classifier_compiles_them() {
    // `organize` comes first and is redefined later; it keeps its place,
    // so it, not `organise`, owns the spellings both generate.
    let first = Lexicon::from_str(
        "first.toml",
        "dimension = \"people\"\nleadership = [ { term = \"organize\" }, { term = \"organise\" } ]\n",
    )
    .expect("valid");
    let second = Lexicon::from_str(
        "second.toml",
        "dimension = \"people\"\nmanagement = [ { term = \"organize\" } ]\n",
    )
    .expect("valid");
    let classifier = leadlens::Classifier::builder()
        .builtin(false)
        .lexicon(first.clone())
        .lexicon(second.clone())
        .build()
        .expect("builds");
    let c = classifier.classify("We organise the rota.");
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].term, "organize");
    let shadowed: Vec<(String, String)> = leadlens::lint(&[first, second])
        .iter()
        .filter(|l| l.kind() == leadlens::LintKind::Shadowed)
        .map(|l| (l.source_name().to_string(), l.entry().to_string()))
        .collect();
    assert_eq!(
        shadowed,
        [("first.toml".to_string(), "organise".to_string())]
    );
}

#[test]
fn builtin_lexicons_lint_clean() {
    let lints = leadlens::lint(&Lexicon::builtin());
    let text: Vec<String> = lints.iter().map(ToString::to_string).collect();
    assert!(lints.is_empty(), "{}", text.join("\n"));
}
