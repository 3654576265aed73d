//! The public API: thread safety, builders, custom lexicons, batches.

use leadlens::{
    Classification, Classifier, ClassifierBuilder, Dimension, DimensionScore, Entry, ErrorKind,
    Evidence, Inflect, Label, Lexicon, LexiconError, Lint, LintKind, Pole, Span,
};
use std::panic::{RefUnwindSafe, UnwindSafe};

fn assert_send_sync_static<T: Send + Sync + UnwindSafe + RefUnwindSafe + 'static>() {}

#[test]
fn public_types_are_send_sync_unwind_safe_and_static() {
    assert_send_sync_static::<Classifier>();
    assert_send_sync_static::<ClassifierBuilder>();
    assert_send_sync_static::<Classification>();
    assert_send_sync_static::<Evidence>();
    assert_send_sync_static::<Span>();
    assert_send_sync_static::<Lexicon>();
    assert_send_sync_static::<Entry>();
    assert_send_sync_static::<LexiconError>();
    assert_send_sync_static::<Dimension>();
    assert_send_sync_static::<Pole>();
    assert_send_sync_static::<Label>();
    assert_send_sync_static::<DimensionScore>();
    assert_send_sync_static::<ErrorKind>();
    assert_send_sync_static::<Inflect>();
    assert_send_sync_static::<Lint>();
    assert_send_sync_static::<LintKind>();
}

#[test]
fn default_classifier_is_shared_and_deterministic_across_threads() {
    let text = "Our director will champion innovation and oversee the weekly rota.";
    let expected = leadlens::classify(text);
    let classifier = Classifier::default();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let c = classifier.clone();
            std::thread::spawn(move || c.classify(text))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("thread"), expected);
    }
}

const CUSTOM: &str = r#"
dimension = "people"
leadership = [ { term = "galvanise", weight = 3 } ]
management = [ { term = "vision", weight = 2 } ]
"#;

#[test]
fn custom_lexicon_alone() {
    let lex = Lexicon::from_str("custom.toml", CUSTOM).expect("valid");
    let c = Classifier::builder()
        .builtin(false)
        .lexicon(lex)
        .build()
        .expect("builds");
    assert_eq!(c.term_count(), 2);
    let r = c.classify("They galvanised us. Budget, strategy.");
    assert_eq!(r.label, Label::Leadership);
    assert_eq!(r.evidence.len(), 1);
    // No built-in negation without the built-in lexicons.
    let r = c.classify("no galvanising");
    assert!(!r.evidence[0].negated);
}

#[test]
fn custom_lexicon_merged_overrides_builtin_entries() {
    let lex = Lexicon::from_str("custom.toml", CUSTOM).expect("valid");
    let merged = Classifier::builder().lexicon(lex).build().expect("builds");
    let r = merged.classify("vision");
    assert_eq!(r.evidence[0].pole, Pole::Management);
    assert_eq!(r.evidence[0].dimension, Dimension::People);
    let builtin = leadlens::classify("vision");
    assert_eq!(builtin.evidence[0].pole, Pole::Leadership);
}

#[test]
fn lexicon_from_file_and_missing_file() {
    let dir = std::env::temp_dir().join(format!("leadlens-api-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("mine.toml");
    std::fs::write(&path, CUSTOM).expect("write");
    let lex = Lexicon::from_file(&path).expect("loads");
    assert_eq!(lex.entries().len(), 2);
    let err = Lexicon::from_file(dir.join("missing.toml")).expect_err("missing");
    assert_eq!(err.kind(), leadlens::ErrorKind::Io);
    assert!(err.to_string().contains("missing.toml"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn builder_builds_again() {
    let mut b = Classifier::builder();
    let first = b.build().expect("builds");
    b.builtin(false);
    let second = b.build().expect("builds");
    assert!(first.term_count() > 0);
    assert_eq!(second.term_count(), 0);
    assert_eq!(second.classify("vision").label, Label::Undetermined);
}

#[test]
fn batch_keeps_input_order() {
    let texts: Vec<String> = (0..200)
        .map(|i| {
            if i % 2 == 0 {
                format!("Ad {i}: inspire people with a bold vision.")
            } else {
                format!("Ad {i}: approve timesheets and track the budget.")
            }
        })
        .collect();
    let batch = Classifier::default().classify_batch(&texts);
    assert_eq!(batch.len(), texts.len());
    for (t, c) in texts.iter().zip(&batch) {
        assert_eq!(c, &leadlens::classify(t));
    }
}

#[test]
fn empty_and_whitespace_text() {
    for t in ["", " ", "\n\n", "\u{a0}", "&nbsp;"] {
        let c = leadlens::classify(t);
        assert_eq!(c.label, Label::Undetermined);
        assert_eq!(c.word_count, 0);
        assert_eq!(c.balance, 0.0);
        assert_eq!(c.dimensions.len(), 7);
    }
}
