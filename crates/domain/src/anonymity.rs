//! Anonymity thresholds: the least number of respondents behind any figure
//! that is shown. One place for the rule, so every view asks the same question.

use serde::{Deserialize, Serialize};

/// Inside a group's own work the method is done openly together; the group's
/// unattributed picture is shown to its members from this many answers.
pub const GROUP_THRESHOLD: u32 = 3;

/// No organisation may set its threshold lower than this.
pub const MIN_ORG_THRESHOLD: u32 = 3;

/// How much stricter the threshold is when filters combine (see
/// `AnonymityRule::min_for_filtered_counts`).
pub const COMBINED_FILTERS_FACTOR: u32 = 2;

/// Who is looking at an aggregate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// A member of the group that answered, inside the group's own work.
    GroupMember,
    /// Anyone else: HR, top management, other leaders.
    Outside,
}

/// The organisation's thresholds (`k` for counts, a higher one for free text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnonymityRule {
    pub k: u32,
    pub free_text_k: u32,
}

impl Default for AnonymityRule {
    fn default() -> Self {
        Self { k: 5, free_text_k: 8 }
    }
}

impl AnonymityRule {
    /// Builds a rule from settings, refusing values below the floor and a
    /// free-text threshold below the count threshold.
    pub fn new(k: u32, free_text_k: u32) -> Result<Self, crate::ValidationError> {
        if k < MIN_ORG_THRESHOLD {
            return Err(crate::ValidationError::new("error-threshold-too-low"));
        }
        if free_text_k < k {
            return Err(crate::ValidationError::new("error-free-text-threshold-below-k"));
        }
        if k > 1000 || free_text_k > 1000 {
            return Err(crate::ValidationError::new("error-threshold-too-high"));
        }
        Ok(Self { k, free_text_k })
    }

    /// Least number of respondents behind a count shown to this audience.
    pub fn min_for_counts(&self, audience: Audience) -> u32 {
        match audience {
            Audience::GroupMember => GROUP_THRESHOLD,
            Audience::Outside => self.k,
        }
    }

    /// Least number of respondents behind free text shown to this audience.
    pub fn min_for_free_text(&self, audience: Audience) -> u32 {
        match audience {
            Audience::GroupMember => GROUP_THRESHOLD,
            Audience::Outside => self.free_text_k,
        }
    }

    /// Least number of respondents behind a count when `filters` filters are
    /// combined: two or more cut the data finer than any one view was made
    /// for, so outside the group such a slice needs twice `k`.
    pub fn min_for_filtered_counts(&self, audience: Audience, filters: usize) -> u32 {
        match (audience, filters) {
            (Audience::Outside, 2..) => self.k * COMBINED_FILTERS_FACTOR,
            _ => self.min_for_counts(audience),
        }
    }

    pub fn may_show_counts(&self, audience: Audience, respondents: u32) -> bool {
        respondents >= self.min_for_counts(audience)
    }

    pub fn may_show_free_text(&self, audience: Audience, respondents: u32) -> bool {
        respondents >= self.min_for_free_text(audience)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn settings_below_the_floor_are_refused() {
        assert!(AnonymityRule::new(2, 8).is_err());
        assert!(AnonymityRule::new(5, 4).is_err());
        assert_eq!(AnonymityRule::new(3, 3).unwrap(), AnonymityRule { k: 3, free_text_k: 3 });
    }

    #[test]
    fn combined_filters_need_a_stricter_threshold_outside_only() {
        let rule = AnonymityRule::default();
        assert_eq!(rule.min_for_filtered_counts(Audience::Outside, 0), 5);
        assert_eq!(rule.min_for_filtered_counts(Audience::Outside, 1), 5);
        assert_eq!(rule.min_for_filtered_counts(Audience::Outside, 2), 10);
        assert_eq!(rule.min_for_filtered_counts(Audience::GroupMember, 3), GROUP_THRESHOLD);
    }

    proptest! {
        #[test]
        fn nothing_shows_under_the_threshold(k in 3u32..50, extra in 0u32..50, n in 0u32..200) {
            let rule = AnonymityRule::new(k, k + extra).unwrap();
            for audience in [Audience::GroupMember, Audience::Outside] {
                if rule.may_show_counts(audience, n) {
                    prop_assert!(n >= 3);
                    if audience == Audience::Outside { prop_assert!(n >= k); }
                }
                if rule.may_show_free_text(audience, n) && audience == Audience::Outside {
                    prop_assert!(n >= k + extra);
                }
            }
        }
    }
}
