//! `classify` on arbitrary text: never panics, and every span is valid.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let c = leadlens::classify(&text);
    let mut last = 0;
    for e in &c.evidence {
        assert!(e.start >= last && e.start < e.end);
        assert_eq!(&text[e.start..e.end], e.text);
        last = e.end;
    }
    assert!((-1.0..=1.0).contains(&c.balance));
    assert!((0.0..=1.0).contains(&c.leadership) && (0.0..=1.0).contains(&c.management));
});
