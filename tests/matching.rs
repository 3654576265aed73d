//! How text is matched, on the built-in lexicons: the language handling that
//! PRODUCT.md promises.

use leadlens::{Classification, Label, Pole};

fn terms(text: &str) -> Vec<String> {
    let c = leadlens::classify(text);
    check_spans(text, &c);
    c.evidence.iter().map(|e| e.text.to_lowercase()).collect()
}

fn check_spans(text: &str, c: &Classification) {
    for e in &c.evidence {
        assert_eq!(&text[e.start..e.end], e.text);
    }
}

#[test]
fn whole_words_only() {
    assert!(terms("planet explanation plant misleading").is_empty());
    assert_eq!(
        terms("We plan; she planned; planning"),
        ["plan", "planned", "planning"]
    );
    assert!(terms("a misleading leaderboard, planetary").is_empty());
}

#[test]
fn inflections_and_spellings() {
    for t in [
        "visions",
        "organisational change",
        "organizational change",
        "prioritise",
        "prioritize",
        "budgets",
        "budgeting",
        "prioritising",
    ] {
        assert_eq!(terms(t).len(), 1, "{t} should match");
    }
    assert_eq!(
        leadlens::classify("organisational change").evidence[0].term,
        leadlens::classify("organizational change").evidence[0].term
    );
}

#[test]
fn phrases_and_compounds_longest_match_wins() {
    assert_eq!(terms("the big picture"), ["big picture"]);
    assert_eq!(terms("day-to-day operations").len(), 1);
    assert_eq!(
        leadlens::classify("day to day operations").evidence[0].term,
        leadlens::classify("day-to-day operations").evidence[0].term
    );
    let c = leadlens::classify("the big\u{a0}picture");
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].text, "big\u{a0}picture");
}

#[test]
fn ambiguous_words_only_in_context() {
    let c = leadlens::classify("Short lead time and new sales leads from lead generation.");
    assert!(
        c.evidence.iter().all(|e| e.pole != Pole::Leadership),
        "{:?}",
        c.evidence
    );
    assert!(terms("We are an equal opportunity employer.").is_empty());
    assert!(terms("Experience with computer vision.").is_empty());
    assert!(!terms("You will lead the organisation.").is_empty());
    assert!(!terms("A great opportunity to shape the future.").is_empty());
}

#[test]
fn negation_marks_evidence_and_keeps_it_out_of_scores() {
    let text =
        "There is no budget responsibility. This is not a day-to-day role. Without direct reports.";
    let c = leadlens::classify(text);
    check_spans(text, &c);
    assert!(!c.evidence.is_empty());
    assert!(c.evidence.iter().all(|e| e.negated), "{:?}", c.evidence);
    assert_eq!(c.management, 0.0);
    assert_eq!(c.label, Label::Undetermined);
}

#[test]
fn unicode_and_entities_as_they_come() {
    let text = "\u{201C}Leaders\u{201D} don\u{2019}t plan \u{2014} they set the VISION &amp; strategy\u{2026}";
    let c = leadlens::classify(text);
    check_spans(text, &c);
    assert!(
        c.evidence
            .iter()
            .any(|e| e.text.ends_with("VISION") && e.pole == Pole::Leadership)
    );
    assert!(c.evidence.iter().any(|e| e.text == "plan" && e.negated));
    let text = "R&amp;D budget&nbsp;planning";
    let c = leadlens::classify(text);
    check_spans(text, &c);
    assert!(c.evidence.iter().any(|e| e.text.starts_with("budget")));
}

#[test]
fn evidence_is_ordered_and_disjoint() {
    let text = include_str!("../examples/data/01-chief-executive.txt");
    let c = leadlens::classify(text);
    check_spans(text, &c);
    for w in c.evidence.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn the_builtin_negation_stops_at_but() {
    let c = leadlens::classify("No plan but a vision. Not planning but inspiring people.");
    let vision = c
        .evidence
        .iter()
        .find(|e| e.text == "vision")
        .expect("vision");
    assert!(!vision.negated);
    let inspiring = c
        .evidence
        .iter()
        .find(|e| e.text.starts_with("inspir"))
        .expect("inspire");
    assert!(!inspiring.negated);
    let plans: Vec<_> = c
        .evidence
        .iter()
        .filter(|e| e.text.starts_with("plan"))
        .collect();
    assert_eq!(plans.len(), 2, "plan and planning");
    assert!(plans.iter().all(|e| e.negated));
}
