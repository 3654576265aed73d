//! Reading documents: files, folders, standard input, JSON Lines and CSV.
//! Every document yields exactly one [`Doc`], in input order; what cannot be
//! read becomes a `Doc` whose text is the error.

use std::io::Read;
use std::path::{Path, PathBuf};

/// How to split an input into documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By the file's extension: `.jsonl`/`.ndjson` JSON Lines, `.csv` CSV,
    /// anything else one document (standard input: one document).
    Auto,
    /// Each input is one document.
    Text,
    /// One JSON object per line; the text is in `--text-field`.
    Jsonl,
    /// CSV with a header row; the text is in the `--text-field` column.
    Csv,
}

/// One document, or the reason it could not be read.
pub struct Doc {
    /// Where it came from: a path, `path:line` or `path:row`, or `-`.
    pub id: String,
    /// Its text, or what went wrong reading it.
    pub text: Result<String, String>,
}

impl Doc {
    fn ok(id: String, text: String) -> Doc {
        Doc { id, text: Ok(text) }
    }
    fn err(id: String, reason: impl Into<String>) -> Doc {
        Doc {
            id,
            text: Err(reason.into()),
        }
    }
}

/// Reads every input, in order. Folders are walked recursively (their
/// `.txt` and `.md` files, sorted by path; links to folders are not
/// followed).
pub fn read_all(inputs: &[String], format: InputFormat, field: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    for input in inputs {
        if input == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => split(&mut docs, Path::new("-"), bytes, format, field),
                Err(e) => docs.push(Doc::err(
                    "-".into(),
                    format!("cannot read standard input: {e}"),
                )),
            }
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut docs);
            files.sort();
            for f in files {
                read_file(&mut docs, &f, format, field);
            }
        } else {
            read_file(&mut docs, path, format, field);
        }
    }
    docs
}

/// Collects the `.txt` and `.md` files below `dir`; a folder that cannot be
/// listed becomes an error record.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, docs: &mut Vec<Doc>) {
    let unlisted = |e: std::io::Error| {
        Doc::err(
            dir.display().to_string(),
            format!("cannot list folder: {e}"),
        )
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            docs.push(unlisted(e));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                docs.push(unlisted(e));
                continue;
            }
        };
        let p = entry.path();
        let kind = entry.file_type().ok();
        if kind.is_some_and(|t| t.is_dir()) {
            walk(&p, files, docs);
            continue;
        }
        // A link to a folder is not followed (a loop would never end); a
        // link to a file is read like the file. Only links (or entries of
        // unknown kind) need the extra look at what they point to.
        let text_file = matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"));
        let may_be_dir = kind.is_none_or(|t| t.is_symlink());
        if text_file && !(may_be_dir && p.is_dir()) {
            files.push(p);
        }
    }
}

fn read_file(docs: &mut Vec<Doc>, path: &Path, format: InputFormat, field: &str) {
    match std::fs::read(path) {
        Ok(bytes) => split(docs, path, bytes, format, field),
        Err(e) => docs.push(Doc::err(
            path.display().to_string(),
            format!("cannot read file: {e}"),
        )),
    }
}

fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}

/// Splits the bytes of the input at `path` (`-` for standard input) into
/// documents.
fn split(docs: &mut Vec<Doc>, path: &Path, bytes: Vec<u8>, format: InputFormat, field: &str) {
    let id = path.display().to_string();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match (format, ext) {
        (InputFormat::Csv, _) | (InputFormat::Auto, "csv") => split_csv(docs, &id, &bytes, field),
        (InputFormat::Jsonl, _) | (InputFormat::Auto, "jsonl" | "ndjson") => {
            for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
                let line_id = format!("{id}:{}", n + 1);
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                docs.push(match serde_json::from_slice::<serde_json::Value>(line) {
                    Ok(value) => match value.get(field).and_then(|v| v.as_str()) {
                        Some(text) => Doc::ok(line_id, text.to_string()),
                        None => Doc::err(line_id, format!("no string field {field:?}")),
                    },
                    Err(e) => Doc::err(line_id, format!("malformed JSON line: {e}")),
                });
            }
        }
        (InputFormat::Text | InputFormat::Auto, _) => docs.push(match utf8(bytes) {
            Ok(text) => Doc::ok(id, text),
            Err(reason) => Doc::err(id, reason),
        }),
    }
}

fn split_csv(docs: &mut Vec<Doc>, id: &str, bytes: &[u8], field: &str) {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let column = match reader.byte_headers() {
        Ok(h) => h.iter().position(|c| c == field.as_bytes()),
        Err(e) => {
            docs.push(Doc::err(
                id.to_string(),
                format!("malformed CSV header: {e}"),
            ));
            return;
        }
    };
    let Some(column) = column else {
        docs.push(Doc::err(
            id.to_string(),
            format!("no column {field:?} in the CSV header"),
        ));
        return;
    };
    for (n, record) in reader.byte_records().enumerate() {
        // Row 1 is the header; data rows start at 2.
        let row_id = format!("{id}:{}", n + 2);
        docs.push(match record {
            Ok(r) => match r.get(column).map(|f| utf8(f.to_vec())) {
                Some(Ok(text)) => Doc::ok(row_id, text),
                Some(Err(reason)) => Doc::err(row_id, reason),
                None => Doc::err(row_id, format!("row has no column {field:?}")),
            },
            Err(e) => Doc::err(row_id, format!("malformed CSV row: {e}")),
        });
    }
}
