//! The JSON contract of PRODUCT.md: field names, value spellings, round trip.

use leadlens::{Classification, Dimension, Label, Pole};
use serde_json::Value;

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

#[test]
fn field_names_are_pinned() {
    let c = leadlens::classify("We have no budget, but a bold vision for the future.");
    let v = serde_json::to_value(&c).expect("serialises");
    assert_eq!(
        keys(&v),
        [
            "balance",
            "dimensions",
            "evidence",
            "label",
            "leadership",
            "management",
            "word_count"
        ]
    );
    assert_eq!(
        keys(&v["dimensions"][0]),
        [
            "balance",
            "dimension",
            "evidence",
            "leadership",
            "management"
        ]
    );
    assert_eq!(
        keys(&v["evidence"][0]),
        [
            "dimension",
            "end",
            "negated",
            "pole",
            "start",
            "term",
            "text",
            "weight"
        ]
    );
    assert_eq!(v["label"], "leadership");
    assert_eq!(v["dimensions"][0]["dimension"], "direction");
    let poles: Vec<&str> = v["evidence"]
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["pole"].as_str().expect("string"))
        .collect();
    assert!(poles.contains(&"leadership") && poles.contains(&"management"));
    assert_eq!(v["word_count"], 11);
}

#[test]
fn enums_use_the_lower_case_ids() {
    for d in Dimension::ALL {
        assert_eq!(serde_json::to_value(d).expect("ok"), d.id());
    }
    for l in [
        Label::Leadership,
        Label::Management,
        Label::Balanced,
        Label::Undetermined,
    ] {
        assert_eq!(serde_json::to_value(l).expect("ok"), l.id());
    }
    assert_eq!(
        serde_json::to_value(Pole::Management).expect("ok"),
        "management"
    );
}

#[test]
fn round_trips() {
    let c = leadlens::classify("Inspire the team; approve the rota and the budget.");
    let json = serde_json::to_string(&c).expect("serialises");
    let back: Classification = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, c);
}
