//! The integration tests: one binary, cases as data under `tests/data/`.

mod api;
mod essay;
mod json;
mod lexicons;
mod matching;
mod properties;
