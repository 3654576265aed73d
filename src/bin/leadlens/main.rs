//! `leadlens`: classify job ads and other texts from the command line.
//!
//! Exit codes: 0 when every document was classified (and, for `lint`, no
//! warning was found); 1 when at least one document failed (its record says
//! why) or `lint` found warnings; 2 for a usage error, a lexicon that does
//! not load, or output that cannot be written.

mod input;
mod output;
mod report;

use clap::{Args, Parser, Subcommand};
use input::{Doc, InputFormat};
use leadlens::{Classifier, Dimension, Lexicon, Pole};
use output::{Format, Outcome};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

const EXIT_CODES: &str = "Exit codes:\n  0  every document classified (lint: no warnings)\n  1  at least one document failed; its record says why (lint: warnings found)\n  2  usage error, a lexicon that does not load, or output that cannot be written";

#[derive(Parser)]
#[command(name = "leadlens", version, about = "Scores how much texts speak the language of leadership versus management, with the evidence.", after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Classify documents and print one record per document.
    #[command(after_help = EXIT_CODES)]
    Classify {
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        lexicons: Lexicons,
        /// Output format.
        #[arg(long, value_enum, default_value = "summary")]
        format: Format,
        /// Print each text with its evidence marked (summary format; colours
        /// on a terminal, Markdown marks otherwise).
        #[arg(long)]
        highlight: bool,
    },
    /// Write one self-contained HTML report for the documents.
    #[command(after_help = EXIT_CODES)]
    Report {
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        lexicons: Lexicons,
        /// Where to write the report.
        #[arg(short, long, default_value = "report.html")]
        output: String,
        /// The report's title.
        #[arg(long, default_value = "leadlens report")]
        title: String,
    },
    /// Check lexicon files: load them (errors name file, line and entry) and
    /// warn about valid but suspicious entries.
    #[command(after_help = EXIT_CODES)]
    Lint {
        /// Lexicon files (TOML).
        #[arg(required = true)]
        files: Vec<String>,
        /// Lint them together with the built-in lexicons (to see overrides).
        #[arg(long)]
        with_builtin: bool,
    },
}

#[derive(Args)]
struct Inputs {
    /// Files, folders (their .txt and .md files, recursively) or - for
    /// standard input. `.jsonl` and `.csv` files hold one document per line
    /// or row.
    #[arg(default_value = "-")]
    inputs: Vec<String>,
    /// How to split inputs into documents.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// The JSON field or CSV column that holds the text.
    #[arg(long, default_value = "text")]
    text_field: String,
}

#[derive(Args)]
struct Lexicons {
    /// A lexicon file (TOML) to add; repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<String>,
    /// A LIWC-style .dic dictionary to add (needs --liwc-map).
    #[arg(long, value_name = "FILE")]
    liwc: Option<String>,
    /// Maps a LIWC category (name or id) to a dimension and pole, e.g.
    /// `achieve=accountability:management`; repeatable.
    #[arg(long, value_name = "CATEGORY=DIMENSION:POLE")]
    liwc_map: Vec<String>,
    /// Use only the lexicons given here, not the built-in ones.
    #[arg(long)]
    only_custom: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("leadlens: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Classify {
            inputs,
            lexicons,
            format,
            highlight,
        } => {
            let (classifier, docs) = prepare(&inputs, &lexicons)?;
            let outcomes = classify_all(&classifier, &docs);
            let stdout = std::io::stdout();
            let color = stdout.is_terminal();
            let mut out = std::io::BufWriter::new(stdout.lock());
            output::write(&mut out, format, &outcomes, highlight, color)
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write the output: {e}"))?;
            Ok(exit(failures(&outcomes) > 0))
        }
        Command::Report {
            inputs,
            lexicons,
            output,
            title,
        } => {
            let (classifier, docs) = prepare(&inputs, &lexicons)?;
            let outcomes = classify_all(&classifier, &docs);
            std::fs::write(&output, report::render(&title, &outcomes))
                .map_err(|e| format!("cannot write {output}: {e}"))?;
            let failed = failures(&outcomes);
            eprintln!(
                "leadlens: wrote {output} ({} documents, {failed} failed)",
                outcomes.len()
            );
            Ok(exit(failed > 0))
        }
        Command::Lint {
            files,
            with_builtin,
        } => {
            let mut lexicons = if with_builtin {
                Lexicon::builtin()
            } else {
                Vec::new()
            };
            lexicons.extend(load(&files)?);
            let lints = leadlens::lint(&lexicons);
            for l in &lints {
                println!("{l}");
            }
            eprintln!("leadlens: {} warnings", lints.len());
            Ok(exit(!lints.is_empty()))
        }
    }
}

/// The classifier, built first (a bad lexicon stops the run before any
/// input is read), and the documents.
fn prepare(inputs: &Inputs, lexicons: &Lexicons) -> Result<(Classifier, Vec<Doc>), String> {
    let classifier = build(lexicons)?;
    let docs = input::read_all(&inputs.inputs, inputs.input_format, &inputs.text_field);
    Ok((classifier, docs))
}

/// Exit code 1 when something failed or was found, else 0.
fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// How many documents have no classification.
fn failures(outcomes: &[Outcome<'_>]) -> usize {
    outcomes.iter().filter(|o| o.1.is_err()).count()
}

/// Loads lexicon files, stopping at the first that fails.
fn load(paths: &[String]) -> Result<Vec<Lexicon>, String> {
    paths
        .iter()
        .map(|p| Lexicon::from_file(p).map_err(|e| e.to_string()))
        .collect()
}

fn build(opts: &Lexicons) -> Result<Classifier, String> {
    let mut builder = Classifier::builder();
    builder.builtin(!opts.only_custom);
    for lexicon in load(&opts.lexicons)? {
        builder.lexicon(lexicon);
    }
    if let Some(path) = &opts.liwc {
        builder.lexicon(liwc(path, &opts.liwc_map)?);
    } else if !opts.liwc_map.is_empty() {
        return Err("--liwc-map needs --liwc FILE".into());
    }
    if opts.only_custom && opts.lexicons.is_empty() && opts.liwc.is_none() {
        return Err("--only-custom needs --lexicon FILE or --liwc FILE".into());
    }
    builder.build().map_err(|e| e.to_string())
}

fn liwc(path: &str, maps: &[String]) -> Result<Lexicon, String> {
    let mut mapping = Vec::new();
    for m in maps {
        let parsed = m.split_once('=').and_then(|(cat, target)| {
            let (d, p) = target.split_once(':')?;
            let pole = match p {
                "leadership" => Pole::Leadership,
                "management" => Pole::Management,
                _ => return None,
            };
            Some((cat, Dimension::from_id(d)?, pole))
        });
        mapping.push(parsed.ok_or_else(|| {
            format!("--liwc-map {m:?}: expected CATEGORY=DIMENSION:POLE, e.g. achieve=accountability:management")
        })?);
    }
    if mapping.is_empty() {
        return Err("--liwc needs at least one --liwc-map CATEGORY=DIMENSION:POLE".into());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Lexicon::from_liwc_dic(path, &text, &mapping).map_err(|e| e.to_string())
}

/// Classifies the readable documents on all cores, in input order, with a
/// progress line on standard error for long batches on a terminal.
fn classify_all<'d>(classifier: &Classifier, docs: &'d [Doc]) -> Vec<Outcome<'d>> {
    let done = AtomicUsize::new(0);
    let finished = AtomicBool::new(false);
    let show = std::io::stderr().is_terminal() && docs.len() >= 200;
    std::thread::scope(|scope| {
        if show {
            scope.spawn(|| {
                while !finished.load(Ordering::Relaxed) {
                    eprint!(
                        "\rclassified {}/{}",
                        done.load(Ordering::Relaxed),
                        docs.len()
                    );
                    std::thread::sleep(Duration::from_millis(100));
                }
                eprintln!("\rclassified {}/{}", docs.len(), docs.len());
            });
        }
        let results = docs
            .par_iter()
            .map(|doc| {
                let r = doc
                    .text
                    .as_ref()
                    .map(|t| classifier.classify(t))
                    .map_err(String::as_str);
                done.fetch_add(1, Ordering::Relaxed);
                (doc, r)
            })
            .collect();
        finished.store(true, Ordering::Relaxed);
        results
    })
}
