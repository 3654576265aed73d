//! Scores and labels: every formula and threshold, documented where defined.
//!
//! Let `W(p)` be the summed weight of the evidence that counts (not negated)
//! for pole `p`, over the whole text or one dimension, and `N` the text's
//! word count.
//!
//! - **Density**: `D(p) = 100 · W(p) / N`, weighted matches per 100 words.
//!   Because it divides by `N`, a text repeated twice keeps every score.
//! - **Strength** (the `leadership` and `management` fields):
//!   `1 − exp(−D(p) / DENSITY_SCALE)`, in [0, 1): 0 without evidence, about
//!   0.63 at [`DENSITY_SCALE`] weighted matches per 100 words.
//! - **Balance**: `(W(L) − W(M)) / (W(L) + W(M))`, in [−1, 1]; 0 without
//!   evidence.
//! - **Label**: `undetermined` when `D(L) + D(M)` is below [`MIN_DENSITY`];
//!   otherwise `balanced` when `|balance| ≤ BALANCED_BAND`; otherwise
//!   `leadership` when the balance is positive and `management` when
//!   negative.
//!
//! Weights are summed in thousandths as integers, so the thresholds are
//! compared exactly and a repeated text gets exactly the same label.
//!
//! ```
//! use leadlens::{score, Label};
//!
//! // 3 weighted matches for leadership and 1 for management in 40 words:
//! assert_eq!(score::label(3.0, 1.0, 40), Label::Leadership);
//! assert_eq!(score::balance(3.0, 1.0), 0.5);
//! // As much of each: balanced, not a tie to break.
//! assert_eq!(score::label(2.0, 2.0, 40), Label::Balanced);
//! // One match in 400 words is too little to say.
//! assert_eq!(score::label(1.0, 0.0, 400), Label::Undetermined);
//! ```

use crate::classification::{Classification, DimensionScore};
use crate::evidence::Evidence;
use crate::taxonomy::{Dimension, Label, Pole};

/// Weighted matches per 100 words at which a pole's strength is `1 − 1/e`
/// (about 0.63).
pub const DENSITY_SCALE: f64 = 4.0;

/// Fewest weighted matches per 100 words (both poles together) for a label
/// other than `undetermined`.
pub const MIN_DENSITY: f64 = 1.0;

/// Largest `|balance|` still labelled `balanced`.
pub const BALANCED_BAND: f64 = 0.25;

/// Weights are summed as integers in units of `1 / WEIGHT_UNITS`.
const WEIGHT_UNITS: f64 = 1000.0;

/// A weight in integer units; negative and NaN weights count as 0, huge
/// ones saturate.
pub(crate) fn units(weight: f64) -> u64 {
    if weight.is_nan() || weight <= 0.0 {
        0
    } else {
        (weight * WEIGHT_UNITS).round() as u64
    }
}

/// Weighted matches per 100 words.
pub fn density(weight: f64, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        100.0 * weight / words as f64
    }
}

/// How strongly a pole speaks, in [0, 1): `1 − exp(−density / DENSITY_SCALE)`.
///
/// ```
/// assert_eq!(leadlens::score::strength(0.0, 100), 0.0);
/// assert!((leadlens::score::strength(4.0, 100) - 0.632).abs() < 0.001);
/// ```
pub fn strength(weight: f64, words: usize) -> f64 {
    let d = density(weight, words);
    if d == 0.0 {
        // What the formula gives, without calling `exp` (most dimensions of
        // a short text have no evidence).
        return 0.0;
    }
    1.0 - (-d / DENSITY_SCALE).exp()
}

/// `(leadership − management) / (leadership + management)`, 0 when both are 0.
///
/// ```
/// assert_eq!(leadlens::score::balance(0.0, 2.0), -1.0);
/// assert_eq!(leadlens::score::balance(0.0, 0.0), 0.0);
/// ```
pub fn balance(leadership: f64, management: f64) -> f64 {
    let total = leadership + management;
    if total <= 0.0 {
        0.0
    } else {
        (leadership - management) / total
    }
}

/// The label for these summed weights in a text of `words` words (see the
/// module docs for the rule). Weights are meant to be ≥ 0; negative and NaN
/// weights count as 0.
pub fn label(leadership: f64, management: f64, words: usize) -> Label {
    label_units(units(leadership), units(management), words)
}

fn label_units(l: u64, m: u64, words: usize) -> Label {
    let total = u128::from(l) + u128::from(m);
    // D(L) + D(M) < MIN_DENSITY  <=>  100 * total < MIN_DENSITY * WEIGHT_UNITS * words
    let min = (MIN_DENSITY * WEIGHT_UNITS) as u128;
    if total == 0 || 100 * total < min * words as u128 {
        return Label::Undetermined;
    }
    // |L - M| / (L + M) <= BALANCED_BAND, with the band as a ratio of integers.
    let band = (BALANCED_BAND * WEIGHT_UNITS) as u128;
    let diff = u128::from(l.abs_diff(m));
    if diff * (WEIGHT_UNITS as u128) <= band * total {
        Label::Balanced
    } else if l > m {
        Label::Leadership
    } else {
        Label::Management
    }
}

/// The weight of the evidence that counts (not negated), per dimension and
/// pole, summed in units while the evidence is found: no second pass over
/// it, which for a long text no longer sits in the cache.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// `[leadership, management]` units per dimension, by [`Dimension::index`].
    units: [[u64; 2]; Dimension::ALL.len()],
    /// Pieces of evidence that count, per dimension.
    counts: [usize; Dimension::ALL.len()],
}

impl Tally {
    /// Counts one piece of evidence of `units` (see [`units`]) unless it is
    /// negated.
    pub(crate) fn add(&mut self, dimension: Dimension, pole: Pole, units: u64, negated: bool) {
        if negated {
            return;
        }
        let d = dimension.index();
        let p = match pole {
            Pole::Leadership => 0,
            Pole::Management => 1,
        };
        self.units[d][p] = self.units[d][p].saturating_add(units);
        self.counts[d] += 1;
    }
}

/// Builds the [`Classification`] of a text from its word count, the tally
/// of its evidence and the evidence itself.
pub(crate) fn score(word_count: usize, tally: &Tally, evidence: Vec<Evidence>) -> Classification {
    let (per_dim, counts) = (&tally.units, &tally.counts);
    let as_weight = |u: u64| u as f64 / WEIGHT_UNITS;
    let dimensions = Dimension::ALL
        .iter()
        .map(|&dimension| {
            let [l, m] = per_dim[dimension.index()];
            DimensionScore {
                dimension,
                leadership: strength(as_weight(l), word_count),
                management: strength(as_weight(m), word_count),
                balance: balance(as_weight(l), as_weight(m)),
                evidence: counts[dimension.index()],
            }
        })
        .collect();
    let l = per_dim.iter().fold(0u64, |s, d| s.saturating_add(d[0]));
    let m = per_dim.iter().fold(0u64, |s, d| s.saturating_add(d[1]));
    Classification {
        label: label_units(l, m, word_count),
        leadership: strength(as_weight(l), word_count),
        management: strength(as_weight(m), word_count),
        balance: balance(as_weight(l), as_weight(m)),
        word_count,
        dimensions,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_exact_at_the_edges() {
        // 1 weighted match in 100 words is exactly MIN_DENSITY.
        assert_eq!(label(1.0, 0.0, 100), Label::Leadership);
        assert_eq!(label(1.0, 0.0, 101), Label::Undetermined);
        // |balance| = 0.25 exactly is balanced; a little more is not.
        assert_eq!(label(5.0, 3.0, 10), Label::Balanced);
        assert_eq!(label(5.1, 3.0, 10), Label::Leadership);
        assert_eq!(label(3.0, 5.1, 10), Label::Management);
        assert_eq!(label(0.0, 0.0, 0), Label::Undetermined);
        // Out-of-range inputs: no overflow, no panic.
        assert_eq!(label(f64::MAX, f64::MAX, 1), Label::Balanced);
        assert_eq!(label(f64::NAN, -3.0, 10), Label::Undetermined);
    }

    #[test]
    fn repetition_keeps_everything() {
        for (l, m, n) in [(1.5, 0.5, 37), (0.3, 2.2, 11), (7.0, 7.0, 500)] {
            assert_eq!(label(l, m, n), label(2.0 * l, 2.0 * m, 2 * n));
            assert_eq!(strength(l, n), strength(2.0 * l, 2 * n));
            assert_eq!(balance(l, m), balance(2.0 * l, 2.0 * m));
        }
    }
}
