//! Hostile inputs at 1, 10 and 100 MB: time and peak heap memory of
//! `classify`, to show both grow linearly and nothing panics.
//!
//! ```text
//! cargo run --release --example hostile             # 1, 10 and 100 MB
//! cargo run --release --example hostile -- 1 10     # chosen sizes, in MB
//! ```
//!
//! Inputs (built in memory):
//! - `one line`: the sample ads with every line break replaced by a space;
//! - `one term`: `vision ` repeated (10 million times is 70 MB);
//! - `no space`: the sample ads with all white space removed;
//! - `punctuation`: `.,;:!?-()"'` repeated.

use std::time::Instant;

#[path = "common/alloc.rs"]
mod alloc;
mod common;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

fn fill(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

fn main() {
    let sizes: Vec<usize> = {
        let args: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if args.is_empty() {
            vec![1, 10, 100]
        } else {
            args
        }
    };
    let ads = common::sample_ads().join(" ");
    let one_line = ads.replace(['\n', '\r'], " ");
    let no_space: String = ads.chars().filter(|c| !c.is_whitespace()).collect();
    let inputs: [(&str, &str); 4] = [
        ("one line", &one_line),
        ("one term", "vision "),
        ("no space", &no_space),
        ("punctuation", ".,;:!?-()\"'"),
    ];
    let classifier = leadlens::Classifier::default();
    println!(
        "{:<12} {:>7} {:>10} {:>10} {:>14} {:>12}",
        "input", "MB", "ms", "MB/s", "peak heap MB", "evidence"
    );
    for (name, unit) in inputs {
        // Untimed: the allocator defers some of the work of freeing the last
        // input's evidence (up to millions of small strings) to its next
        // large allocation, which would otherwise be charged to this input's
        // first size (21 ms instead of 2.6 ms for 1 MB without spaces).
        std::hint::black_box(classifier.classify(&fill(unit, 1 << 20)).word_count);
        for &mb in &sizes {
            let text = fill(unit, mb << 20);
            let base = alloc::reset_peak();
            let t = Instant::now();
            let c = classifier.classify(&text);
            let elapsed = t.elapsed();
            let peak = alloc::peak() - base;
            println!(
                "{name:<12} {mb:>7} {:>10.1} {:>10.1} {:>14.1} {:>12}",
                elapsed.as_secs_f64() * 1e3,
                mb as f64 * 1.048_576 / elapsed.as_secs_f64(),
                peak as f64 / 1e6,
                c.evidence.len()
            );
        }
    }
}
