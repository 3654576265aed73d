//! The fixed vocabulary of the output: dimensions, poles and labels.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the seven dimensions along which a text is scored.
///
/// Each dimension has a leadership pole and a management pole; the ids are the
/// lower-case names used in lexicon files and in JSON.
///
/// ```
/// use leadlens::Dimension;
///
/// assert_eq!(Dimension::from_id("risk"), Some(Dimension::Risk));
/// assert_eq!(Dimension::Risk.id(), "risk");
/// assert_eq!(Dimension::ALL.len(), 7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Dimension {
    /// Vision, strategy and purpose versus planning, budgeting and schedules.
    Direction,
    /// Welcoming change and innovation versus stability, procedures and complexity.
    Change,
    /// Accountability, transparency and ownership versus targets, KPIs and deliverables.
    Accountability,
    /// Openness and engaging stakeholders versus directives, policies and reporting lines.
    Communication,
    /// Risk as opportunity versus risks understood and controlled.
    Risk,
    /// Inspiring and empowering people versus organising, staffing and supervising them.
    People,
    /// The big picture and the future versus day-to-day operations and resources.
    Horizon,
}

impl Dimension {
    /// All dimensions, in the order they are reported.
    pub const ALL: [Dimension; 7] = [
        Dimension::Direction,
        Dimension::Change,
        Dimension::Accountability,
        Dimension::Communication,
        Dimension::Risk,
        Dimension::People,
        Dimension::Horizon,
    ];

    /// The lower-case id used in lexicons and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Dimension::Direction => "direction",
            Dimension::Change => "change",
            Dimension::Accountability => "accountability",
            Dimension::Communication => "communication",
            Dimension::Risk => "risk",
            Dimension::People => "people",
            Dimension::Horizon => "horizon",
        }
    }

    /// The dimension with this id, if any (ids are lower case).
    pub fn from_id(id: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.id() == id)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The two languages a dimension sets against each other.
///
/// ```
/// use leadlens::Pole;
///
/// assert_eq!(Pole::Leadership.id(), "leadership");
/// assert_eq!(Pole::Management.opposite(), Pole::Leadership);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pole {
    /// The language of leadership.
    Leadership,
    /// The language of management.
    Management,
}

impl Pole {
    /// The lower-case id used in lexicons and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Pole::Leadership => "leadership",
            Pole::Management => "management",
        }
    }

    /// The other pole.
    pub fn opposite(self) -> Pole {
        match self {
            Pole::Leadership => Pole::Management,
            Pole::Management => Pole::Leadership,
        }
    }
}

impl fmt::Display for Pole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The verdict on a whole text. How it is chosen is documented on
/// [`crate::score`].
///
/// ```
/// use leadlens::Label;
///
/// assert_eq!(leadlens::classify("We need a bold vision for the future.").label, Label::Leadership);
/// assert_eq!(Label::Balanced.id(), "balanced");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Label {
    /// The text speaks mostly the language of leadership.
    Leadership,
    /// The text speaks mostly the language of management.
    Management,
    /// The text speaks both languages about equally (the essay's "executive
    /// management skills and conscious leadership abilities").
    Balanced,
    /// Too little evidence to say.
    Undetermined,
}

impl Label {
    /// The lower-case id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Label::Leadership => "leadership",
            Label::Management => "management",
            Label::Balanced => "balanced",
            Label::Undetermined => "undetermined",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
