//! leadlens reads job ads, role profiles and mission statements and says how
//! much they speak the language of **leadership** and how much the language
//! of **management**, dimension by dimension, with every score traced to the
//! words in the text that earned it.
//!
//! # Overview
//!
//! - [`classify`] scores a text with the built-in lexicons, compiled once per
//!   process.
//! - [`Classifier`] is the compiled, reusable object (`Send + Sync`, cheap to
//!   clone); [`ClassifierBuilder`] compiles the built-in lexicons, your own
//!   [`Lexicon`]s, or both merged.
//! - [`Classification`] is the result: a [`Label`], scores, one
//!   [`DimensionScore`] per [`Dimension`], and the [`Evidence`] behind them
//!   with byte [`Span`]s into the text as given.
//! - [`LexiconError`] says which file, line and entry of a lexicon is wrong;
//!   [`lint`] warns about entries that are valid but suspicious.
//! - [`highlight`] renders a text with its evidence marked, for terminals
//!   (ANSI), web pages (HTML) and Markdown.
//!
//! # Example
//!
//! ```
//! use leadlens::{Dimension, Label};
//!
//! let ad = "You will set the strategic vision and inspire a team of 40. \
//!           There is no budget responsibility.";
//! let c = leadlens::classify(ad);
//! assert_eq!(c.label, Label::Leadership);
//! assert!(c.dimension(Dimension::Direction).leadership > 0.0);
//! for e in &c.evidence {
//!     println!("{:>12} {:<10} {:<14} {}", e.text, e.pole, e.dimension, if e.negated { "(negated)" } else { "" });
//! }
//! ```
//!
//! # The dimensions
//!
//! | id | leadership pole | management pole |
//! |---|---|---|
//! | `direction` | vision, strategy, mission, purpose | planning, budgeting, schedules, forecasts, putting strategy into practice |
//! | `change` | welcoming change, opportunity, innovation, transformation | dealing with complexity, stability, procedures, maintaining systems |
//! | `accountability` | accountability, transparency, ownership, integrity | budgets, plans, targets, KPIs, deliverables, efficiency |
//! | `communication` | openness, sharing information, articulating the vision, engaging stakeholders | directives, policies, instructions, reporting lines, guidance |
//! | `risk` | risk as opportunity: bold, entrepreneurial, experimenting | risks understood and controlled: controls, mitigation, compliance, audit |
//! | `people` | influencing, inspiring, empowering people toward a vision | organising, staffing, supervising, developing skills, generating results |
//! | `horizon` | the big picture, the future, anticipating opportunities | day-to-day routine operations, administration, best use of resources |
//!
//! # Output (JSON)
//!
//! [`Classification`] serialises with serde to the stable JSON documented on
//! the type. Spans are half-open **byte** offsets into the text as given,
//! always on `char` boundaries, so `&text[e.start..e.end] == e.text`.
//!
//! # How text is matched
//!
//! - **Whole words, any case**: `plan` never fires in `planet` or
//!   `explanation`, `lead` never in `misleading`.
//! - **Inflections and spellings** are generated from each entry by
//!   documented rules (`plan` → `plans`, `planned`, `planning`;
//!   `organise` ↔ `organize`); false friends such as `plant` are never
//!   generated.
//! - **Longest match wins**: in `big picture thinking` the phrase `big
//!   picture` is one piece of evidence, and its words are not counted again.
//!   Contrast: with `big` and `big picture` in a lexicon, `the big picture`
//!   gives one match (`big picture`) and `big pictures` too, while
//!   `big picturesque` gives `big`.
//! - **Context**: phrases such as `lead time`, `sales lead` or `equal
//!   opportunity employer` are matched too and count for nothing, hiding the
//!   terms inside them.
//! - **Negation**: a cue (`no`, `not`, `without`, a word in `n't`…) up to
//!   four words before a match, in the same clause, marks it
//!   `negated: true`, and it does not count. `no budget responsibility`
//!   is negated; `no travel. Budget owner.` is not (the clause ended); `not
//!   only a vision` is not (an exception).
//! - **Unicode text as it comes**: HTML entities, curly apostrophes,
//!   no-break spaces, soft hyphens and full-width letters are normalised for
//!   matching only; spans always point into the original text. Pure ASCII
//!   text without `&` takes a fast path (a lower-cased copy of the same
//!   length, no offset map), with identical results.
//!
//! The rules are specified for lexicon authors in `lexicons/README.md`.
//!
//! # Scores and labels
//!
//! `leadership` and `management` are strengths in [0, 1] that grow with the
//! weighted matches per 100 words; `balance` runs from −1 (all management)
//! to +1 (all leadership). A text with too little evidence is
//! `undetermined`; one strong in both languages is `balanced`, not a tie to
//! break. The formulas and thresholds are in [`score`].
//!
//! # Untrusted input
//!
//! Classifying never fails and never panics, whatever the text; time and
//! memory grow linearly with its length. Errors come only from lexicons, when
//! they are loaded or compiled.
//!
//! # Crate features
//!
//! - `rayon` (default): [`Classifier::classify_batch`] runs on all cores.
//!   Without it, batches run on the calling thread.

#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

mod automaton;
mod classification;
mod classifier;
mod error;
mod evidence;
pub mod highlight;
mod lexicon;
mod lint;
mod matcher;
mod negation;
mod normalize;
pub mod score;
mod taxonomy;
pub mod tokenize;

pub use classification::{Classification, DimensionScore};
pub use classifier::{Classifier, ClassifierBuilder, classify};
pub use error::{ErrorKind, LexiconError};
pub use evidence::{Evidence, Span};
pub use lexicon::{Entry, Inflect, Lexicon};
pub use lint::{Lint, LintKind, lint};
pub use taxonomy::{Dimension, Label, Pole};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
