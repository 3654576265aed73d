//! The `leadlens` binary on real files: one record per document in input
//! order, errors as records, exit codes, the report, lint and LIWC import.
//! (Unix only: the fixture makes links.)
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn leadlens(args: &[&str], dir: &Path) -> Output {
    leadlens_reading(args, dir, b"")
}

/// Runs `leadlens` in `dir` with `input` on its standard input.
fn leadlens_reading(args: &[&str], dir: &Path, input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_leadlens"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the leadlens binary runs");
    // Dropped after writing, so the binary sees the end of its input.
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write standard input");
    drop(stdin);
    child.wait_with_output().expect("output")
}

/// A folder with two ads, a file that cannot be read (a dangling link: root
/// can read any permission bits), an invalid-UTF-8 file, a link back to the
/// folder itself (a loop the walk must not follow), and a JSON Lines file
/// with a malformed line. Removed when dropped.
struct Fixture(PathBuf);

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Fixture {
    /// Writes the file `name` (relative to the fixture's folder).
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) {
        std::fs::write(self.0.join(name), contents).expect("write");
    }
}

impl std::ops::Deref for Fixture {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

fn fixture(name: &str) -> Fixture {
    let dir = std::env::temp_dir().join(format!("leadlens-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let ads = dir.join("ads");
    std::fs::create_dir_all(ads.join("sub")).expect("temp dir");
    let fixture = Fixture(dir);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    // Named so that path order is the reverse of balance order.
    std::fs::copy(data.join("01-chief-executive.txt"), ads.join("z-ceo.txt")).expect("copy");
    std::fs::copy(
        data.join("03-operations-manager-warehouse.txt"),
        ads.join("sub/ops.md"),
    )
    .expect("copy");
    fixture.write(
        "ads/b-bad-utf8.txt",
        b"We set the vision \xff\xfe and plan.",
    );
    std::os::unix::fs::symlink("/nonexistent/leadlens", ads.join("c-unreadable.txt"))
        .expect("link");
    std::os::unix::fs::symlink(&ads, ads.join("sub/loop")).expect("link");
    fixture.write("ads/ignored.pdf", "not a text file");
    fixture.write(
        "ads.jsonl",
        "{\"text\": \"Inspire people with a bold vision.\"}\n{\"text\": broken\n\n{\"text\": \"Approve the rota.\"}\n",
    );
    fixture
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// The error of a record that has one.
fn error(record: &serde_json::Value) -> &str {
    record["error"].as_str().expect("an error record")
}

/// The JSON Lines records of a `--format jsonl` run.
fn records(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record per line"))
        .collect()
}

#[test]
fn every_document_gets_one_record_in_order_and_errors_do_not_stop_the_run() {
    let dir = fixture("jsonl");
    let out = leadlens(&["classify", "--format", "jsonl", "ads", "ads.jsonl"], &dir);
    assert_eq!(out.status.code(), Some(1), "some records failed");
    let records = records(&out);
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let sep = std::path::MAIN_SEPARATOR;
    assert_eq!(
        ids,
        [
            format!("ads{sep}b-bad-utf8.txt").as_str(),
            &format!("ads{sep}c-unreadable.txt"),
            &format!("ads{sep}sub{sep}ops.md"),
            &format!("ads{sep}z-ceo.txt"),
            "ads.jsonl:1",
            "ads.jsonl:2",
            "ads.jsonl:4",
        ]
    );
    assert!(error(&records[0]).contains("invalid UTF-8 at byte 18"));
    assert!(error(&records[1]).contains("cannot read file"));
    assert_eq!(records[2]["classification"]["label"], "management");
    assert_eq!(records[3]["classification"]["label"], "leadership");
    assert!(error(&records[5]).contains("malformed JSON line"));
    assert_eq!(records[6]["classification"]["label"], "management");
}

#[test]
fn all_good_exits_zero_and_formats_agree() {
    let dir = fixture("formats");
    let out = leadlens(&["classify", "--format", "json", "ads/z-ceo.txt"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON array");
    assert_eq!(json[0]["classification"]["label"], "leadership");
    let out = leadlens(
        &["classify", "--format", "csv", "ads/z-ceo.txt", "ads.jsonl"],
        &dir,
    );
    let text = stdout(&out);
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .starts_with("id,label,leadership,management,balance")
    );
    assert!(lines.next().expect("row").contains(",leadership,"));
    assert_eq!(text.lines().count(), 1 + 4);
    let out = leadlens(&["classify", "--highlight", "ads/z-ceo.txt"], &dir);
    assert!(
        stdout(&out).contains("**"),
        "Markdown marks when not a terminal"
    );
}

#[test]
fn csv_input_uses_the_text_field_and_reports_bad_rows() {
    let dir = fixture("csv");
    dir.write("ads.csv", "title,body\nCEO,\"Set the vision, inspire the team.\"\nClerk,\"Keep the rota\",extra\nOps,Approve timesheets.\n");
    let out = leadlens(
        &[
            "classify",
            "--format",
            "jsonl",
            "--text-field",
            "body",
            "ads.csv",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    let records = records(&out);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["classification"]["label"], "leadership");
    assert!(error(&records[1]).contains("malformed CSV row"));
    assert_eq!(records[2]["id"], "ads.csv:4");
}

#[test]
fn standard_input_and_custom_lexicons() {
    let dir = fixture("stdin");
    dir.write(
        "mine.toml",
        "dimension = \"people\"\nleadership = [ { term = \"galvanise\", weight = 3 } ]\n",
    );
    let out = leadlens_reading(
        &[
            "classify",
            "--format",
            "jsonl",
            "--only-custom",
            "--lexicon",
            "mine.toml",
            "-",
        ],
        &dir,
        b"She galvanised the team and wrote the budget.",
    );
    let all = records(&out);
    assert_eq!(all.len(), 1);
    let record = &all[0];
    assert_eq!(record["id"], "-");
    let evidence = record["classification"]["evidence"]
        .as_array()
        .expect("evidence");
    assert_eq!(
        evidence.len(),
        1,
        "only the custom lexicon: budget does not count"
    );
    let bad = leadlens(&["classify", "--lexicon", "missing.toml", "ads"], &dir);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("missing.toml"));
}

#[test]
fn report_is_one_self_contained_page() {
    let dir = fixture("report");
    let out = leadlens(
        &["report", "ads", "-o", "r.html", "--title", "Test <ads>"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1), "two files fail");
    let html = std::fs::read_to_string(dir.join("r.html")).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>Test &lt;ads&gt;</title>"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("https://"));
    // Nothing is fetched: no sources, no outside links, no imports.
    assert!(!html.contains("src="));
    assert!(!html.contains("href=\"http"));
    assert!(!html.contains("url("));
    assert!(!html.contains("@import"));
    assert_eq!(
        html.matches("<svg").count(),
        2,
        "a chart per classified document"
    );
    assert!(html.contains("<mark class=\"ll-leadership\""));
    // The summary table lists documents by balance, leadership first,
    // although the CEO ad comes last in path order.
    let ceo = html.find("z-ceo.txt").expect("ceo listed");
    let ops = html.find("ops.md").expect("ops listed");
    assert!(ceo < ops);
}

#[test]
fn lint_and_liwc() {
    let dir = fixture("lint");
    dir.write(
        "mine.toml",
        "dimension = \"people\"\nleadership = [ { term = \"man*\" } ]\n",
    );
    let out = leadlens(&["lint", "mine.toml"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out).trim(),
        "mine.toml:2: entry \"man*\": a stem of 3 letters matches many common words"
    );
    dir.write("mine.dic", "%\n1\tachieve\n%\naccomplish*\t1\ngoal\t1\n");
    dir.write("goals.txt", "We accomplished every goal we set.");
    let out = leadlens(
        &[
            "classify",
            "--format",
            "jsonl",
            "--only-custom",
            "--liwc",
            "mine.dic",
            "--liwc-map",
            "achieve=accountability:management",
            "goals.txt",
        ],
        &dir,
    );
    let all = records(&out);
    let first = &all[0];
    assert_eq!(first["classification"]["label"], "management");
    let terms: Vec<&str> = first["classification"]["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .map(|e| e["term"].as_str().expect("term"))
        .collect();
    assert_eq!(terms, ["accomplish*", "goal"]);
    dir.write("bad.dic", "%\n1\tachieve\n%\ngoal\t9\n");
    let out = leadlens(
        &[
            "classify",
            "--liwc",
            "bad.dic",
            "--liwc-map",
            "achieve=risk:management",
            "ads.jsonl",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.dic:4: entry \"goal\""));
}
