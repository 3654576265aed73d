//! The result of classifying one text: [`Classification`] and [`DimensionScore`].

use crate::evidence::Evidence;
use crate::taxonomy::{Dimension, Label};
use serde::{Deserialize, Serialize};

/// What [`classify`](crate::classify) says about one text.
///
/// It serialises to JSON with these field names, which are stable (fields may
/// be added, none renamed):
///
/// ```text
/// label        "leadership" | "management" | "balanced" | "undetermined"
/// leadership   0.0..=1.0  how strongly the text speaks the leadership language
/// management   0.0..=1.0  the same for management
/// balance      -1.0..=1.0  -1 all management, +1 all leadership, 0 even or no evidence
/// word_count   words in the text
/// dimensions   [{ "dimension", "leadership", "management", "balance", "evidence" }]
/// evidence     [{ "start", "end", "text", "term", "dimension", "pole", "weight", "negated" }]
/// ```
///
/// The formulas behind the numbers are documented in [`crate::score`].
///
/// ```
/// use leadlens::Label;
///
/// let c = leadlens::classify("Prepare the annual budget and the staff rota.");
/// assert_eq!(c.label, Label::Management);
/// assert!(c.balance < 0.0);
/// assert!(c.management > c.leadership);
/// let json = serde_json::to_string(&c).unwrap();
/// assert!(json.starts_with("{\"label\":\"management\""));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Classification {
    /// The verdict.
    pub label: Label,
    /// Strength of the leadership language, in [0, 1].
    pub leadership: f64,
    /// Strength of the management language, in [0, 1].
    pub management: f64,
    /// From -1 (all management) to +1 (all leadership); 0 when even or without evidence.
    pub balance: f64,
    /// Number of words in the text (see [`crate::tokenize`] for what a word is).
    pub word_count: usize,
    /// One score per dimension, in the order of [`Dimension::ALL`].
    pub dimensions: Vec<DimensionScore>,
    /// Every match, in text order, negated ones included.
    pub evidence: Vec<Evidence>,
}

impl Classification {
    /// The score of one dimension.
    ///
    /// ```
    /// use leadlens::Dimension;
    ///
    /// let c = leadlens::classify("Leaders recognize risk as opportunity.");
    /// assert!(c.dimension(Dimension::Risk).balance > 0.0);
    /// ```
    ///
    /// A classification made by leadlens always has all seven; one read from
    /// elsewhere may lack some, and a missing dimension reads as one without
    /// evidence.
    pub fn dimension(&self, dimension: Dimension) -> &DimensionScore {
        self.dimensions
            .iter()
            .find(|d| d.dimension == dimension)
            .unwrap_or(&NO_EVIDENCE[dimension.index()])
    }

    /// The dimensions with evidence, strongest (by total counted weight) first.
    ///
    /// ```
    /// let c = leadlens::classify("Set the vision and the strategy; keep the budget.");
    /// let top = c.strongest_dimensions();
    /// assert_eq!(top[0].dimension, leadlens::Dimension::Direction);
    /// ```
    pub fn strongest_dimensions(&self) -> Vec<&DimensionScore> {
        let mut dims: Vec<&DimensionScore> =
            self.dimensions.iter().filter(|d| d.evidence > 0).collect();
        dims.sort_by(|a, b| {
            (b.leadership + b.management)
                .total_cmp(&(a.leadership + a.management))
                .then(a.dimension.cmp(&b.dimension))
        });
        dims
    }

    /// The evidence that counts (not negated).
    pub fn counted_evidence(&self) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().filter(|e| !e.negated)
    }
}

/// The score of each dimension without evidence, for [`Classification::dimension`].
const NO_EVIDENCE: [DimensionScore; Dimension::ALL.len()] = {
    let mut out = [DimensionScore {
        dimension: Dimension::Direction,
        leadership: 0.0,
        management: 0.0,
        balance: 0.0,
        evidence: 0,
    }; Dimension::ALL.len()];
    let mut k = 0;
    while k < Dimension::ALL.len() {
        out[k].dimension = Dimension::ALL[k];
        k += 1;
    }
    out
};

/// The score of one dimension; same scales as [`Classification`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DimensionScore {
    /// Which dimension.
    pub dimension: Dimension,
    /// Strength of its leadership pole, in [0, 1].
    pub leadership: f64,
    /// Strength of its management pole, in [0, 1].
    pub management: f64,
    /// From -1 (all management) to +1 (all leadership); 0 when even or without evidence.
    pub balance: f64,
    /// How many pieces of evidence count for this dimension (negated ones excluded).
    pub evidence: usize,
}
