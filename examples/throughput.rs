//! Prints the throughput of `classify` beside the bare automaton scan of the
//! same terms, the parallel batch API, and the cost of building the default
//! classifier. Release mode, please:
//!
//! ```text
//! cargo run --release --example throughput            # 20 MB from the sample ads
//! cargo run --release --example throughput -- FILE    # a .jsonl ("text" fields) or a text file,
//!                                                      # repeated up to 20 MB
//! ```
//!
//! Every figure is the median of five runs, measured in the same process.

use leadlens::Classifier;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "common/alloc.rs"]
mod alloc;
mod common;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

const RUNS: usize = 5;
const CORPUS_BYTES: usize = 20 << 20;
const LINEARITY_TURNS: usize = 5;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    let times = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    median(times)
}

fn main() {
    let source = std::env::args().nth(1);
    let docs = match &source {
        Some(path) => match common::read_docs(Path::new(path)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(2);
            }
        },
        None => common::sample_ads(),
    };
    let source = source.unwrap_or_else(|| "examples/data (sample ads)".to_string());

    // Building the default classifier, from the embedded files to the automata.
    let before = alloc::reset_peak();
    let t = Instant::now();
    let classifier = Classifier::builder()
        .build()
        .expect("built-in lexicons build");
    let first_build = t.elapsed();
    let build_peak = alloc::peak() - before;
    let retained = alloc::live() - before;
    // Counting costs two atomic operations per allocation: not for timings.
    alloc::stop();
    let build = time(|| Classifier::builder().build().expect("builds"));
    println!(
        "build default classifier: first {:.1} ms (parses the embedded lexicons), then median {:.1} ms",
        first_build.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3
    );
    println!(
        "  {} terms, {} patterns; memory: {:.2} MB retained ({:.2} MB in the automata), peak while building {:.2} MB",
        classifier.term_count(),
        classifier.pattern_count(),
        retained as f64 / 1e6,
        classifier.memory_usage() as f64 / 1e6,
        build_peak as f64 / 1e6
    );

    let corpus = common::repeat_to(&docs, CORPUS_BYTES);
    let bytes: usize = corpus.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let n = corpus.len();
    println!(
        "\ncorpus: {source}, {} documents repeated to {n} documents, {mb:.1} MB",
        docs.len()
    );

    let scan = common::BareScan::builtin();
    let t_scan = time(|| corpus.iter().map(|d| scan.count(d)).sum::<usize>());
    let t_one = time(|| {
        corpus
            .iter()
            .map(|d| classifier.classify(d).evidence.len())
            .sum::<usize>()
    });
    // The batch keeps every result; so does its single-thread comparison.
    let t_seq = time(|| {
        corpus
            .iter()
            .map(|d| classifier.classify(d))
            .collect::<Vec<_>>()
    });
    let t_batch = time(|| classifier.classify_batch(&corpus));
    let line = |name: &str, d: Duration| {
        println!(
            "{name:<34} {:>8.1} MB/s {:>10.0} docs/s   ({:.3} s)",
            mb / d.as_secs_f64(),
            n as f64 / d.as_secs_f64(),
            d.as_secs_f64()
        )
    };
    line("bare scan (1 thread)", t_scan);
    line("classify (1 thread)", t_one);
    line("classify, results kept (1 thread)", t_seq);
    line(
        &format!(
            "classify_batch ({} threads)",
            std::thread::available_parallelism().map_or(1, |n| n.get())
        ),
        t_batch,
    );
    println!(
        "classify / bare scan throughput: {:.2}; batch speed-up over 1 thread (results kept): {:.2}x",
        t_scan.as_secs_f64() / t_one.as_secs_f64(),
        t_seq.as_secs_f64() / t_batch.as_secs_f64()
    );

    // Linearity: one document of 1 MB and one of 100 MB, same text, timed
    // in turns so that both see the same state of the machine. The machine's
    // speed drifts by more than the effect measured, so there are several
    // turns, and the 1 MB median of each turn is of several runs.
    let one_mb = common::repeat_to(&docs, 1 << 20).join("\n\n");
    let hundred_mb = one_mb.repeat(100);
    let (mut t1, mut t100, mut t100x1) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..LINEARITY_TURNS {
        t1.push(time(|| classifier.classify(&one_mb).evidence.len()));
        let t = Instant::now();
        std::hint::black_box(classifier.classify(&hundred_mb).evidence.len());
        t100.push(t.elapsed());
        let t = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(classifier.classify(&one_mb).evidence.len());
        }
        t100x1.push(t.elapsed());
    }
    let (t1, t100, t100x1) = (median(t1), median(t100), median(t100x1));
    println!(
        "\none document of 1 MB: {:.1} ms; of 100 MB: {:.0} ms (medians of {} turns); ratio {:.1} (linear = 100)",
        t1.as_secs_f64() * 1e3,
        t100.as_secs_f64() * 1e3,
        LINEARITY_TURNS,
        t100.as_secs_f64() / t1.as_secs_f64()
    );
    println!(
        "100 documents of 1 MB, one after another: {:.0} ms; the one of 100 MB takes {:.2} times that",
        t100x1.as_secs_f64() * 1e3,
        t100.as_secs_f64() / t100x1.as_secs_f64()
    );
}
