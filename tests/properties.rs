//! Invariants over arbitrary text: no panic, valid spans, scores in range,
//! repetition, case and whitespace invariance.

use leadlens::{Classification, Dimension, Label, Pole, score};
use proptest::prelude::*;

/// Pieces that exercise the matcher: lexicon words and phrases, negation
/// cues, traps, entities, Unicode punctuation, white space, combining marks,
/// right-to-left text, emoji with joiners, control characters and the
/// extreme code points.
const PIECES: &[&str] = &[
    "vision",
    "Vision",
    "VISION",
    "strategy",
    "strategic",
    "plan",
    "planned",
    "planet",
    "budget",
    "big picture",
    "big-picture",
    "day-to-day",
    "day to day",
    "lead",
    "lead time",
    "sales lead",
    "leader",
    "manager",
    "inspire",
    "rota",
    "compliance",
    "risk",
    "opportunity",
    "equal opportunity employer",
    "computer vision",
    "no",
    "not",
    "without",
    "don't",
    "but",
    "not only",
    " ",
    " ",
    " ",
    "\n",
    "\t",
    ".",
    ",",
    "-",
    " - ",
    "\u{2014}",
    "\u{2019}",
    "\u{201C}",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\u{200d}",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&#x2014;",
    "&",
    ";",
    "\u{301}",
    "e\u{301}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{627}\u{644}\u{631}\u{624}\u{64a}\u{629}",
    "\u{1F469}\u{200D}\u{1F4BB}",
    "\u{1F1EC}\u{1F1E7}",
    "\0",
    "\u{7}",
    "\u{10FFFF}",
    "\u{80}",
    "\u{FF36}ision",
    "\u{130}",
    "\u{df}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z]{1,12}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_invariants(text: &str, c: &Classification) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for e in &c.evidence {
        prop_assert!(e.start < e.end, "empty span {:?}", e);
        prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
        prop_assert!(e.start >= last_end, "overlap or disorder at {:?}", e);
        prop_assert!(e.weight > 0.0 && e.weight <= 10.0);
        last_end = e.end;
    }
    prop_assert!((0.0..=1.0).contains(&c.leadership));
    prop_assert!((0.0..=1.0).contains(&c.management));
    prop_assert!((-1.0..=1.0).contains(&c.balance));
    prop_assert_eq!(c.dimensions.len(), 7);
    for d in &c.dimensions {
        prop_assert!((0.0..=1.0).contains(&d.leadership));
        prop_assert!((0.0..=1.0).contains(&d.management));
        prop_assert!((-1.0..=1.0).contains(&d.balance));
    }
    let counted: usize = c.dimensions.iter().map(|d| d.evidence).sum();
    prop_assert_eq!(counted, c.counted_evidence().count());
    if counted == 0 {
        prop_assert_eq!(c.label, Label::Undetermined);
    }
    check_scores_follow_evidence(c)
}

/// Every score, worked out again from the evidence listed with the public
/// formulas of `leadlens::score`: the classifier sums its weights as it finds
/// the evidence, and this checks that sum against the list it returns.
fn check_scores_follow_evidence(c: &Classification) -> Result<(), TestCaseError> {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9;
    let weight = |dimension: Option<Dimension>, pole: Pole| -> f64 {
        c.counted_evidence()
            .filter(|e| e.pole == pole && dimension.is_none_or(|d| e.dimension == d))
            .map(|e| e.weight)
            .sum()
    };
    for d in &c.dimensions {
        let (l, m) = (
            weight(Some(d.dimension), Pole::Leadership),
            weight(Some(d.dimension), Pole::Management),
        );
        let n = c
            .counted_evidence()
            .filter(|e| e.dimension == d.dimension)
            .count();
        prop_assert_eq!(d.evidence, n, "{:?}", d.dimension);
        prop_assert!(
            close(d.leadership, score::strength(l, c.word_count)),
            "{d:?}"
        );
        prop_assert!(
            close(d.management, score::strength(m, c.word_count)),
            "{d:?}"
        );
        prop_assert!(close(d.balance, score::balance(l, m)), "{d:?}");
    }
    let (l, m) = (
        weight(None, Pole::Leadership),
        weight(None, Pole::Management),
    );
    prop_assert!(close(c.leadership, score::strength(l, c.word_count)));
    prop_assert!(close(c.management, score::strength(m, c.word_count)));
    prop_assert!(close(c.balance, score::balance(l, m)));
    prop_assert_eq!(c.label, score::label(l, m, c.word_count));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_scores_and_labels_are_valid(text in text_strategy()) {
        let c = leadlens::classify(&text);
        check_invariants(&text, &c)?;
        prop_assert_eq!(&leadlens::classify(&text), &c, "deterministic");
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let c = leadlens::classify(&text);
        check_invariants(&text, &c)?;
    }

    #[test]
    fn a_repeated_text_keeps_label_and_balance(text in text_strategy()) {
        let once = leadlens::classify(&text);
        let twice_text = format!("{text}\n{text}");
        let twice = leadlens::classify(&twice_text);
        check_invariants(&twice_text, &twice)?;
        prop_assert_eq!(once.label, twice.label);
        prop_assert!((once.balance - twice.balance).abs() <= 0.01);
        prop_assert_eq!(twice.evidence.len(), 2 * once.evidence.len());
    }

    #[test]
    fn ascii_case_and_whitespace_kind_do_not_change_the_label(text in text_strategy()) {
        let base = leadlens::classify(&text);
        let upper = text.to_ascii_uppercase();
        prop_assert_eq!(leadlens::classify(&upper).label, base.label);
        let lower = text.to_ascii_lowercase();
        prop_assert_eq!(leadlens::classify(&lower).label, base.label);
        let spaced = text.replace(' ', "\u{a0}");
        prop_assert_eq!(leadlens::classify(&spaced).label, base.label);
        let tabbed = text.replace(' ', "\t");
        prop_assert_eq!(leadlens::classify(&tabbed).label, base.label);
    }
}
