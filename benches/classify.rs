//! Criterion benchmarks: `classify` against the bare automaton scan of the
//! same terms, on a sentence, a typical ad and 1 MB of ads; building the
//! default classifier; a batch of 1,000 ads, sequential and parallel.
//!
//! Inputs: the sample ads of `examples/data/` (written by the team, see its
//! README), and 1 MB assembled by repeating them.
//!
//! ```text
//! cargo bench --bench classify
//! ```

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use leadlens::Classifier;
use std::hint::black_box;

#[path = "../examples/common/mod.rs"]
mod common;

fn inputs() -> Vec<(&'static str, String)> {
    let ads = common::sample_ads();
    let sentence =
        "Leaders create and articulate vision and strategy; managers plan and budget.".to_string();
    // The engineering manager ad: about 3.5 KB, typical of the corpus.
    let ad = ads[4].clone();
    let mb = common::repeat_to(&ads, 1 << 20).join("\n\n");
    vec![("sentence", sentence), ("job_ad", ad), ("1MB", mb)]
}

fn classify_vs_scan(c: &mut Criterion) {
    let classifier = Classifier::default();
    let scan = common::BareScan::builtin();
    let mut group = c.benchmark_group("classify");
    for (name, text) in inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("classify", name), &text, |b, t| {
            b.iter(|| classifier.classify(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("bare_scan", name), &text, |b, t| {
            b.iter(|| scan.count(black_box(t)))
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    c.bench_function("build_default_classifier", |b| {
        b.iter(|| {
            Classifier::builder()
                .build()
                .expect("built-in lexicons build")
        })
    });
}

fn batch(c: &mut Criterion) {
    let classifier = Classifier::default();
    let ads = common::sample_ads();
    let docs: Vec<String> = ads.iter().cycle().take(1000).cloned().collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("batch_1000_ads");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("sequential", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| classifier.classify(d))
                .collect::<Vec<_>>()
        })
    });
    group.bench_function("classify_batch", |b| {
        b.iter(|| classifier.classify_batch(&docs))
    });
    group.finish();
}

criterion_group!(benches, classify_vs_scan, build, batch);
criterion_main!(benches);
