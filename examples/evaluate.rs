//! Measures classification quality on the labelled evaluation set in `eval/`.
//!
//! ```text
//! cargo run --release --example evaluate                     # built-in lexicons
//! cargo run --release --example evaluate -- --lexicons DIR   # the vocabularies of DIR instead
//!                                                            # (built-in negation and boilerplate kept)
//! cargo run --release --example evaluate -- --part test      # one part only (dev or test)
//! ```
//!
//! For each part (dev, test) and each file (statements, texts) it prints the
//! accuracy on items with evidence, the accuracy on all items, the coverage
//! (share of items with counted evidence), the confusion matrix, per-dimension
//! label accuracy and dimension precision/recall (statements), and the ten
//! worst misses with their evidence. Exits 2 when the data cannot be read.

use leadlens::{Classification, Classifier, Dimension, Label, Lexicon};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Deserialize)]
struct Item {
    id: String,
    text: String,
    label: Label,
    #[serde(default)]
    dimension: Option<Dimension>,
    split: String,
}

const LABELS: [Label; 4] = [
    Label::Leadership,
    Label::Management,
    Label::Balanced,
    Label::Undetermined,
];

fn main() -> ExitCode {
    let mut lexicon_dir: Option<PathBuf> = None;
    let mut parts = vec!["dev".to_string(), "test".to_string()];
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--lexicons", Some(dir)) => lexicon_dir = Some(dir.into()),
            ("--part", Some(p)) if p == "dev" || p == "test" => parts = vec![p],
            _ => {
                eprintln!("usage: evaluate [--lexicons DIR] [--part dev|test]");
                return ExitCode::from(2);
            }
        }
    }
    let classifier = match build(lexicon_dir.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval");
    let mut files = Vec::new();
    for name in ["statements.jsonl", "texts.jsonl"] {
        match read_items(&root.join(name)) {
            Ok(items) => files.push((name, items)),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!(
        "lexicons: {} ({} terms, {} patterns)",
        lexicon_dir
            .as_deref()
            .map_or("built-in".to_string(), |d| d.display().to_string()),
        classifier.term_count(),
        classifier.pattern_count()
    );
    for part in &parts {
        for (name, items) in &files {
            let selected: Vec<&Item> = items.iter().filter(|i| &i.split == part).collect();
            report(&format!("{part} / {name}"), &selected, &classifier);
        }
    }
    ExitCode::SUCCESS
}

fn build(dir: Option<&Path>) -> Result<Classifier, String> {
    let Some(dir) = dir else {
        return Ok(Classifier::default());
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut builder = Classifier::builder();
    builder.builtin(false);
    // Keep the built-in matching rules (negation, boilerplate): only the
    // vocabularies are replaced.
    for lex in Lexicon::builtin() {
        if lex.entries().is_empty() {
            builder.lexicon(lex);
        }
    }
    for p in paths {
        builder.lexicon(Lexicon::from_file(&p).map_err(|e| e.to_string())?);
    }
    builder.build().map_err(|e| e.to_string())
}

fn read_items(path: &Path) -> Result<Vec<Item>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "   n/a".to_string()
    } else {
        format!("{:5.1}%", 100.0 * n as f64 / d as f64)
    }
}

fn report(title: &str, items: &[&Item], classifier: &Classifier) {
    let results: Vec<Classification> = items.iter().map(|i| classifier.classify(&i.text)).collect();
    let has_evidence = |c: &Classification| c.counted_evidence().next().is_some();
    let scorable: Vec<usize> = (0..items.len())
        .filter(|&k| items[k].label != Label::Undetermined)
        .collect();
    let covered: Vec<usize> = scorable
        .iter()
        .copied()
        .filter(|&k| has_evidence(&results[k]))
        .collect();
    let right = |k: &usize| results[*k].label == items[*k].label;
    let right_covered = covered.iter().filter(|k| right(k)).count();
    let right_all = (0..items.len()).filter(|k| right(k)).count();

    println!("\n=== {title}: {} items", items.len());
    println!(
        "accuracy on items with evidence   {}  ({right_covered}/{})",
        pct(right_covered, covered.len()),
        covered.len()
    );
    println!(
        "accuracy on all items             {}  ({right_all}/{}; undetermined items must stay undetermined)",
        pct(right_all, items.len()),
        items.len()
    );
    println!(
        "coverage (items with evidence)    {}  ({}/{} labelled leadership/management/balanced)",
        pct(covered.len(), scorable.len()),
        covered.len(),
        scorable.len()
    );

    println!("confusion (rows: expected, columns: predicted)");
    println!(
        "{:>14} {:>11} {:>11} {:>9} {:>13}",
        "", "leadership", "management", "balanced", "undetermined"
    );
    for expected in LABELS {
        let row: Vec<usize> = LABELS
            .iter()
            .map(|p| {
                (0..items.len())
                    .filter(|&k| items[k].label == expected && results[k].label == *p)
                    .count()
            })
            .collect();
        if row.iter().sum::<usize>() > 0 {
            println!(
                "{:>14} {:>11} {:>11} {:>9} {:>13}",
                expected.id(),
                row[0],
                row[1],
                row[2],
                row[3]
            );
        }
    }

    if items.iter().any(|i| i.dimension.is_some()) {
        println!(
            "per dimension: label accuracy (items with evidence), dimension precision and recall"
        );
        println!(
            "{:>15} {:>6} {:>10} {:>10} {:>8}",
            "", "items", "accuracy", "precision", "recall"
        );
        let predicted_dim = |k: usize| {
            results[k]
                .strongest_dimensions()
                .first()
                .map(|d| d.dimension)
        };
        for d in Dimension::ALL {
            let of_d: Vec<usize> = (0..items.len())
                .filter(|&k| items[k].dimension == Some(d))
                .collect();
            let with_ev: Vec<usize> = of_d
                .iter()
                .copied()
                .filter(|&k| has_evidence(&results[k]))
                .collect();
            let acc = with_ev.iter().filter(|k| right(k)).count();
            let predicted: Vec<usize> = (0..items.len())
                .filter(|&k| items[k].dimension.is_some() && predicted_dim(k) == Some(d))
                .collect();
            let tp = predicted
                .iter()
                .filter(|&&k| items[k].dimension == Some(d))
                .count();
            println!(
                "{:>15} {:>6} {:>10} {:>10} {:>8}",
                d.id(),
                of_d.len(),
                pct(acc, with_ev.len()),
                pct(tp, predicted.len()),
                pct(tp, of_d.len())
            );
        }
    }

    // The worst misses: wrong label, most confidently wrong first.
    let mut misses: Vec<usize> = (0..items.len()).filter(|k| !right(k)).collect();
    let confidence = |k: usize| -> f64 {
        let c = &results[k];
        match items[k].label {
            Label::Leadership => -c.balance,
            Label::Management => c.balance,
            Label::Balanced => c.balance.abs(),
            _ => c.leadership + c.management,
        }
    };
    misses.sort_by(|&a, &b| confidence(b).total_cmp(&confidence(a)).then(a.cmp(&b)));
    let mut by_label: BTreeMap<&str, usize> = BTreeMap::new();
    for &k in &misses {
        *by_label.entry(items[k].label.id()).or_default() += 1;
    }
    println!("misses: {} {:?}; the ten worst:", misses.len(), by_label);
    for &k in misses.iter().take(10) {
        let c = &results[k];
        let ev: Vec<String> = c
            .evidence
            .iter()
            .map(|e| {
                let pole = if e.negated {
                    "neg"
                } else if e.pole == leadlens::Pole::Leadership {
                    "L"
                } else {
                    "M"
                };
                format!("{}[{pole}]", e.text)
            })
            .collect();
        let mut text: String = items[k].text.chars().take(110).collect();
        if text.len() < items[k].text.len() {
            text.push('…');
        }
        println!(
            "  {} expected {} got {} ({:+.2}): {}\n      evidence: {}",
            items[k].id,
            items[k].label.id(),
            c.label.id(),
            c.balance,
            text.replace('\n', " "),
            if ev.is_empty() {
                "none".to_string()
            } else {
                ev.join(" ")
            }
        );
    }
}
