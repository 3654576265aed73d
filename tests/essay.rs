//! The essay's ten clauses each land on their pole.

use leadlens::Pole;
use serde::Deserialize;

#[derive(Deserialize)]
struct Clauses {
    clause: Vec<Clause>,
}

#[derive(Deserialize)]
struct Clause {
    bullet: u32,
    pole: Pole,
    text: String,
}

#[test]
fn each_of_the_ten_clauses_lands_on_its_pole() {
    let data = include_str!("data/essay_clauses.toml");
    let clauses: Clauses = toml::from_str(data).expect("tests/data/essay_clauses.toml parses");
    assert_eq!(clauses.clause.len(), 10);
    let mut wrong = Vec::new();
    for c in &clauses.clause {
        let result = leadlens::classify(&c.text);
        let ok = match c.pole {
            Pole::Leadership => result.balance > 0.0,
            Pole::Management => result.balance < 0.0,
        };
        if !ok {
            let ev: Vec<String> = result
                .evidence
                .iter()
                .map(|e| {
                    format!(
                        "{}({}{})",
                        e.text,
                        e.pole,
                        if e.negated { ", negated" } else { "" }
                    )
                })
                .collect();
            wrong.push(format!(
                "bullet {} {}: balance {:.2} [{}] {:?}",
                c.bullet,
                c.pole,
                result.balance,
                ev.join(" "),
                c.text
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "clauses on the wrong pole:\n{}",
        wrong.join("\n")
    );
}
