//! Lexicon parsing on arbitrary bytes: an error or a lexicon, never a panic;
//! an error always names its source.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = leadlens::Lexicon::from_str("fuzz.toml", &text) {
        assert!(e.to_string().starts_with("fuzz.toml"));
    }
});
