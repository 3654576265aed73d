//! Writing one record per document: a readable summary, JSON, JSON Lines or
//! CSV. A document that could not be read or parsed gets an error record in
//! its place.

use crate::input::Doc;
use leadlens::{Classification, Dimension};
use std::io::{self, Write};

/// How to print the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A few readable lines per document.
    Summary,
    /// One JSON array of records.
    Json,
    /// One JSON record per line.
    Jsonl,
    /// One CSV row per document, with a header.
    Csv,
}

/// A document's result: its classification or the reason it has none (the
/// document's own read error, borrowed).
pub type Outcome<'a> = (&'a Doc, Result<Classification, &'a str>);

#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    classification: Option<&'a Classification>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

fn record<'a>(doc: &'a Doc, result: &'a Result<Classification, &str>) -> Record<'a> {
    Record {
        id: &doc.id,
        classification: result.as_ref().ok(),
        error: result.as_ref().err().copied(),
    }
}

pub fn write(
    out: &mut dyn Write,
    format: Format,
    outcomes: &[Outcome<'_>],
    highlight: bool,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Summary => {
            for (doc, result) in outcomes {
                summary(out, doc, result, highlight, color)?;
            }
        }
        Format::Json => {
            let records: Vec<Record<'_>> = outcomes.iter().map(|(d, r)| record(d, r)).collect();
            serde_json::to_writer_pretty(&mut *out, &records)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for (doc, result) in outcomes {
                serde_json::to_writer(&mut *out, &record(doc, result))?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            let mut header = vec![
                "id".to_string(),
                "label".into(),
                "leadership".into(),
                "management".into(),
                "balance".into(),
                "word_count".into(),
                "evidence".into(),
            ];
            header.extend(Dimension::ALL.iter().map(|d| format!("{d}_balance")));
            header.push("error".into());
            w.write_record(&header)?;
            for (doc, result) in outcomes {
                let mut row = vec![doc.id.clone()];
                match result {
                    Ok(c) => {
                        row.push(c.label.to_string());
                        row.push(format!("{:.4}", c.leadership));
                        row.push(format!("{:.4}", c.management));
                        row.push(format!("{:.4}", c.balance));
                        row.push(c.word_count.to_string());
                        row.push(c.counted_evidence().count().to_string());
                        row.extend(
                            Dimension::ALL
                                .iter()
                                .map(|&d| format!("{:.4}", c.dimension(d).balance)),
                        );
                        row.push(String::new());
                    }
                    Err(e) => {
                        // Empty up to the last column, the error.
                        row.resize(header.len() - 1, String::new());
                        row.push(e.to_string());
                    }
                }
                w.write_record(&row)?;
            }
            w.flush()?;
        }
    }
    Ok(())
}

fn summary(
    out: &mut dyn Write,
    doc: &Doc,
    result: &Result<Classification, &str>,
    highlight: bool,
    color: bool,
) -> io::Result<()> {
    let c = match result {
        Ok(c) => c,
        Err(e) => return writeln!(out, "{}\n  error: {e}\n", doc.id),
    };
    writeln!(out, "{}", doc.id)?;
    writeln!(
        out,
        "  {:<12} balance {:+.2}  leadership {:.2}  management {:.2}  words {}",
        c.label.id(),
        c.balance,
        c.leadership,
        c.management,
        c.word_count
    )?;
    let top: Vec<String> = c
        .strongest_dimensions()
        .iter()
        .take(3)
        .map(|d| format!("{} {:+.2}", d.dimension, d.balance))
        .collect();
    if !top.is_empty() {
        writeln!(out, "  strongest: {}", top.join(", "))?;
    }
    if highlight {
        let text = doc.text.as_deref().unwrap_or("");
        let shown = if color {
            leadlens::highlight::to_ansi(text, c)
        } else {
            leadlens::highlight::to_markdown(text, c)
        };
        writeln!(out)?;
        for line in shown.lines() {
            writeln!(out, "    {line}")?;
        }
    }
    writeln!(out)
}
