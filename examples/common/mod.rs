//! Shared by the throughput and hostile-input examples and the benchmarks:
//! the sample corpus, corpus files, and the bare-scan baseline.
#![allow(dead_code)]

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::path::{Path, PathBuf};

/// The sample ads of `examples/data/` (written by the team; see its README).
pub fn sample_ads() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// Documents repeated from `docs` until they hold at least `min_bytes`.
pub fn repeat_to(docs: &[String], min_bytes: usize) -> Vec<String> {
    assert!(docs.iter().any(|d| !d.is_empty()), "no text to repeat");
    let mut out = Vec::new();
    let mut total = 0;
    while total < min_bytes {
        for d in docs {
            total += d.len();
            out.push(d.clone());
            if total >= min_bytes {
                break;
            }
        }
    }
    out
}

/// Reads documents from a file: the `text` field of each line of a `.jsonl`
/// file, otherwise the whole file as one document.
pub fn read_docs(path: &Path) -> Result<Vec<String>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "jsonl") {
        raw.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| {
                let v: serde_json::Value = serde_json::from_str(l)
                    .map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
                v.get("text")
                    .and_then(|t| t.as_str())
                    .map(str::to_string)
                    .ok_or_else(|| format!("{}:{}: no \"text\" field", path.display(), n + 1))
            })
            .collect()
    } else {
        Ok(vec![raw])
    }
}

/// The baseline: the bare Aho-Corasick DFA scan of the same patterns as the
/// default classifier's automaton (`Classifier::patterns`), leftmost-longest,
/// ASCII case-insensitive, plus a whole-word check.
pub struct BareScan {
    automaton: AhoCorasick,
}

impl BareScan {
    pub fn builtin() -> BareScan {
        let classifier = leadlens::Classifier::default();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(classifier.patterns())
            .expect("the built-in patterns build");
        BareScan { automaton }
    }

    /// Counts whole-word matches.
    pub fn count(&self, text: &str) -> usize {
        let b = text.as_bytes();
        let word = |i: usize| {
            b.get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
        };
        self.automaton
            .find_iter(b)
            .filter(|m| (m.start() == 0 || !word(m.start() - 1)) && !word(m.end()))
            .count()
    }
}
