//! Leader groups: how open a group's own dialog is.
//!
//! A group works anonymously by default: members see the group's picture
//! without names. A group may choose named ("open") mode, as the method
//! intends for its dialog; then members see each other's answers inside the
//! group, and every member is told so before answering.

use crate::ValidationError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Openness {
    /// Answers are shown to the group without names (the default).
    #[default]
    Anonymous,
    /// Members see each other's answers, with names, inside the group.
    Named,
}

impl Openness {
    pub const ALL: [Openness; 2] = [Openness::Anonymous, Openness::Named];

    /// The stable name stored in the database and sent by forms.
    pub fn code(self) -> &'static str {
        match self {
            Openness::Anonymous => "anonymous",
            Openness::Named => "named",
        }
    }

    /// Accepts only the codes; anything else is a tampered or stale form.
    pub fn parse(s: &str) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|o| o.code() == s.trim())
            .ok_or(ValidationError::new("groups-error-openness-invalid"))
    }

    /// Reads a stored value. An unknown value counts as anonymous, so a
    /// damaged row can never reveal names.
    pub fn from_db(s: &str) -> Self {
        Self::parse(s).unwrap_or_default()
    }

    /// Translation key of the mode's short name.
    pub fn label_key(self) -> &'static str {
        match self {
            Openness::Anonymous => "groups-openness-anonymous",
            Openness::Named => "groups-openness-named",
        }
    }

    pub fn is_named(self) -> bool {
        self == Openness::Named
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_values_are_refused() {
        for o in Openness::ALL {
            assert_eq!(Openness::parse(o.code()), Ok(o));
        }
        assert_eq!(Openness::parse("open").unwrap_err().key, "groups-error-openness-invalid");
        assert_eq!(Openness::parse("").unwrap_err().key, "groups-error-openness-invalid");
        assert_eq!(Openness::parse("Named").unwrap_err().key, "groups-error-openness-invalid");
    }

    #[test]
    fn anonymous_is_the_default_and_the_fallback() {
        assert_eq!(Openness::default(), Openness::Anonymous);
        assert_eq!(Openness::from_db("named"), Openness::Named);
        assert_eq!(Openness::from_db("garbage"), Openness::Anonymous);
    }
}
