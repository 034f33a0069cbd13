//! Roles a person holds in an organisation, and what each may do.
//! "Nearest leader" is a relation between two persons, not a role.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Leader,
    HrAdmin,
    TopManagement,
    WorksCouncil,
    SafetyOrg,
    Facilitator,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Leader,
        Role::HrAdmin,
        Role::TopManagement,
        Role::WorksCouncil,
        Role::SafetyOrg,
        Role::Facilitator,
    ];

    /// The stable name stored in the database and used in CSV files.
    pub fn code(self) -> &'static str {
        match self {
            Role::Leader => "leader",
            Role::HrAdmin => "hr_admin",
            Role::TopManagement => "top_management",
            Role::WorksCouncil => "works_council",
            Role::SafetyOrg => "safety_org",
            Role::Facilitator => "facilitator",
        }
    }

    /// Accepts the code, and the Danish and English words people write in a
    /// spreadsheet ("leder", "HR", "AMO"), case-insensitively.
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim().to_lowercase();
        let role = match s.as_str() {
            "leader" | "leder" => Role::Leader,
            "hr_admin" | "hr" | "hr-admin" => Role::HrAdmin,
            "top_management" | "topledelse" | "direktion" => Role::TopManagement,
            "works_council" | "med" | "su" => Role::WorksCouncil,
            "safety_org" | "amo" => Role::SafetyOrg,
            "facilitator" | "konsulent" => Role::Facilitator,
            _ => return None,
        };
        Some(role)
    }

    /// Translation key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Leader => "role-leader",
            Role::HrAdmin => "role-hr-admin",
            Role::TopManagement => "role-top-management",
            Role::WorksCouncil => "role-works-council",
            Role::SafetyOrg => "role-safety-org",
            Role::Facilitator => "role-facilitator",
        }
    }
}

/// The set of roles one person holds in one organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles(Vec<Role>);

impl Roles {
    pub fn new(mut roles: Vec<Role>) -> Self {
        roles.sort();
        roles.dedup();
        Self(roles)
    }
    pub fn has(&self, role: Role) -> bool {
        self.0.contains(&role)
    }
    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().copied()
    }
    /// Only HR administers the organisation: units, people, groups, catalogue, audit log.
    pub fn may_administer(&self) -> bool {
        self.has(Role::HrAdmin)
    }
    /// HR, top management, the works council and the safety organisation
    /// read the organisation's anonymous overviews (never an individual's
    /// answers); only HR starts campaigns.
    pub fn may_read_overview(&self) -> bool {
        [Role::HrAdmin, Role::TopManagement, Role::WorksCouncil, Role::SafetyOrg].into_iter().any(|r| self.has(r))
    }
    /// HR, the works council and the safety organisation read the log of
    /// changes to what rounds promise (thresholds, groups' openness and
    /// members): the bodies that watch over the leaders' anonymity open it
    /// themselves, without asking HR.
    pub fn may_read_promise_log(&self) -> bool {
        [Role::HrAdmin, Role::WorksCouncil, Role::SafetyOrg].into_iter().any(|r| self.has(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overviews_are_for_hr_management_and_the_bodies_not_for_leaders() {
        assert!(Roles::new(vec![Role::SafetyOrg]).may_read_overview());
        assert!(Roles::new(vec![Role::Leader, Role::TopManagement]).may_read_overview());
        assert!(!Roles::new(vec![Role::Leader, Role::Facilitator]).may_read_overview());
        assert!(!Roles::new(vec![Role::TopManagement]).may_administer());
    }

    #[test]
    fn the_bodies_read_the_promise_log_themselves() {
        assert!(Roles::new(vec![Role::WorksCouncil]).may_read_promise_log());
        assert!(Roles::new(vec![Role::SafetyOrg]).may_read_promise_log());
        assert!(Roles::new(vec![Role::HrAdmin]).may_read_promise_log());
        assert!(!Roles::new(vec![Role::Leader, Role::TopManagement, Role::Facilitator]).may_read_promise_log());
    }

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
    }

    #[test]
    fn danish_words_parse() {
        assert_eq!(Role::parse(" Leder "), Some(Role::Leader));
        assert_eq!(Role::parse("AMO"), Some(Role::SafetyOrg));
        assert_eq!(Role::parse("chef"), None);
    }

    #[test]
    fn only_hr_administers() {
        // role × action table: one row per role.
        let cases = [
            (Role::Leader, false),
            (Role::HrAdmin, true),
            (Role::TopManagement, false),
            (Role::WorksCouncil, false),
            (Role::SafetyOrg, false),
            (Role::Facilitator, false),
        ];
        for (role, expected) in cases {
            assert_eq!(Roles::new(vec![role]).may_administer(), expected, "{role:?}");
        }
    }
}
