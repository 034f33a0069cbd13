//! One typed id per entity, so one can never be passed for another.
//! Ids are UUID v7 strings: random, never sequential, sortable by creation time.

use serde::{Deserialize, Serialize};

macro_rules! define_id {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh, random, time-ordered id.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7().to_string())
            }
            /// Accepts only a well-formed UUID, so a hand-edited URL cannot
            /// reach the database as an arbitrary string.
            pub fn parse(s: &str) -> Option<Self> {
                uuid::Uuid::parse_str(s).ok().map(|u| Self(u.hyphenated().to_string()))
            }
            /// Wraps a value read back from our own database.
            pub fn from_db(s: String) -> Self {
                Self(s)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

define_id!(
    AccountId,
    OrgId,
    PersonId,
    UnitId,
    GroupId,
    CatalogueItemId,
    ContentVersionId,
    IntroRunId,
    AgreementId,
    PointId,
    CommentId,
    DialogId,
    LiftId,
    ApvCampaignId,
    ApvRoundId,
    ApvPlanId,
    ApvActionId,
    CollabRoundId,
    CollabPointId,
    PlanId,
    LiveSessionId,
    OwnDeckId,
    NotificationId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_only_uuids() {
        let id = OrgId::new();
        assert_eq!(OrgId::parse(id.as_str()), Some(id));
        assert_eq!(OrgId::parse("1"), None);
        assert_eq!(OrgId::parse("../etc/passwd"), None);
    }

    #[test]
    fn new_ids_sort_by_creation() {
        let a = PersonId::new();
        let b = PersonId::new();
        assert!(a < b);
    }
}
