//! A classifier built from a fuzzed lexicon, run on fuzzed text. The input
//! is split at the first NUL byte: the lexicon before it, the text after.
//! The classifier holds only the fuzzed lexicon (with a negation table
//! when the bytes are wrapped as terms).
#![no_main]

use leadlens::{Classifier, Lexicon};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (head, tail) = data.split_at(split);
    let text = String::from_utf8_lossy(tail.get(1..).unwrap_or(&[]));
    let raw = String::from_utf8_lossy(head);
    // Half the time, wrap the bytes as terms of a valid-looking lexicon.
    let lexicon = if raw.starts_with('#') {
        raw.into_owned()
    } else {
        let terms: Vec<String> = raw
            .split(['\n', ','])
            .filter(|t| !t.is_empty())
            .take(64)
            .map(|t| format!("  {{ term = {t:?}, weight = 1.5, inflect = \"ends\" }},"))
            .collect();
        format!(
            "dimension = \"people\"\nleadership = [\n{}\n]\n\n[negation]\ncues = [\"no\", \"not\"]\nexceptions = [\"not only\"]\nstops = [\"but\"]\n",
            terms.join("\n")
        )
    };
    let Ok(lex) = Lexicon::from_str("fuzz.toml", &lexicon) else {
        return;
    };
    // The fuzzed lexicon alone: compiling the built-in ones for every input
    // would leave the fuzzer a few runs a second.
    let Ok(classifier) = Classifier::builder().builtin(false).lexicon(lex).build() else {
        return;
    };
    let c = classifier.classify(&text);
    let mut last = 0;
    for e in &c.evidence {
        assert!(e.start >= last && e.start < e.end);
        assert_eq!(&text[e.start..e.end], e.text);
        last = e.end;
    }
});
