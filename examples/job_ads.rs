//! Classifies the sample job ads and prints, per ad, the label, the balance,
//! the strongest dimensions and the evidence words.
//!
//! ```text
//! cargo run --example job_ads                # the ads in examples/data/
//! cargo run --example job_ads -- DIR|FILE... # your own .txt / .md files
//! ```
//!
//! A file that cannot be read is reported on standard error and the run goes
//! on; the exit code is 1 if any file failed.

use leadlens::{Classification, Classifier};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let inputs = if args.is_empty() {
        vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data")]
    } else {
        args
    };
    let mut files = Vec::new();
    let mut failed = 0;
    for input in &inputs {
        if let Err(e) = collect(input, &mut files) {
            eprintln!("error: {}: {e}", input.display());
            failed += 1;
        }
    }
    files.sort();
    let classifier = Classifier::default();
    for path in &files {
        match std::fs::read_to_string(path) {
            Ok(text) => print_ad(path, &text, &classifier.classify(&text)),
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                failed += 1;
            }
        }
    }
    println!(
        "{} ads classified, {} failed",
        files.len() - failed.min(files.len()),
        failed
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Adds `path` if it is a file, or the `.txt` and `.md` files below it (README.md excepted).
fn collect(path: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            let p = entry?.path();
            let wanted = matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
                && p.file_name().is_some_and(|n| n != "README.md");
            if p.is_dir() {
                collect(&p, files)?;
            } else if wanted {
                files.push(p);
            }
        }
        Ok(())
    } else if path.exists() {
        files.push(path.to_path_buf());
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no such file or folder",
        ))
    }
}

fn print_ad(path: &Path, text: &str, c: &Classification) {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let title = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    println!("== {name}: {title}");
    println!(
        "   label {:<12} balance {:+.2}   leadership {:.2}   management {:.2}   words {}",
        c.label.id(),
        c.balance,
        c.leadership,
        c.management,
        c.word_count
    );
    let strongest: Vec<String> = c
        .strongest_dimensions()
        .iter()
        .take(3)
        .map(|d| format!("{} {:+.2} ({} ev.)", d.dimension, d.balance, d.evidence))
        .collect();
    println!("   strongest: {}", strongest.join(", "));
    for (pole, marker) in [
        (leadlens::Pole::Leadership, "L"),
        (leadlens::Pole::Management, "M"),
    ] {
        let words: Vec<&str> = c
            .counted_evidence()
            .filter(|e| e.pole == pole)
            .map(|e| e.text.as_str())
            .collect();
        println!("   {marker}: {}", words.join(", "));
    }
    let negated: Vec<&str> = c
        .evidence
        .iter()
        .filter(|e| e.negated)
        .map(|e| e.text.as_str())
        .collect();
    if !negated.is_empty() {
        println!("   negated: {}", negated.join(", "));
    }
    println!();
}
