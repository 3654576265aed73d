//! The built-in lexicons: the files of `lexicons/`, embedded at compile time.

use super::Lexicon;
use std::sync::LazyLock;

/// `(file name, contents)` of every built-in lexicon, in load order.
const FILES: [(&str, &str); 9] = [
    (
        "direction.toml",
        include_str!("../../lexicons/direction.toml"),
    ),
    ("change.toml", include_str!("../../lexicons/change.toml")),
    (
        "accountability.toml",
        include_str!("../../lexicons/accountability.toml"),
    ),
    (
        "communication.toml",
        include_str!("../../lexicons/communication.toml"),
    ),
    ("risk.toml", include_str!("../../lexicons/risk.toml")),
    ("people.toml", include_str!("../../lexicons/people.toml")),
    ("horizon.toml", include_str!("../../lexicons/horizon.toml")),
    (
        "boilerplate.toml",
        include_str!("../../lexicons/boilerplate.toml"),
    ),
    (
        "negation.toml",
        include_str!("../../lexicons/negation.toml"),
    ),
];

static BUILTIN: LazyLock<Vec<Lexicon>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(name, text)| {
            Lexicon::from_str(name, text).unwrap_or_else(|e| {
                // Cannot happen in a release: tests/lexicons.rs
                // (`builtin_lexicons_load`) loads every built-in file.
                panic!("built-in lexicon is invalid: {e}")
            })
        })
        .collect()
});

/// The parsed built-in lexicons (parsed once per process).
pub(crate) fn builtin_lexicons() -> &'static [Lexicon] {
    &BUILTIN
}
