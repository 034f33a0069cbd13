//! Fjordby Kommune's structure: units, people, reporting lines, roles and
//! leader groups. Plain data first, then the SQL that is specific to the demo
//! (units and groups; people go through `org::store`).

use domain::ids::{GroupId, OrgId, PersonId, UnitId};
use domain::input::{Email, PersonName};
use domain::roles::Role;
use sqlx::AnyConnection;
use std::collections::HashMap;

pub const ORG_NAME: &str = "Fjordby Kommune";
pub const HR_EMAIL: &str = "hr@fjordby.dk";
pub const HR_NAME: &str = "Hanne Lund Sørensen";

/// (unit, parent unit)
pub const UNITS: &[(&str, Option<&str>)] = &[
    ("Direktionen", None),
    ("HR og Personale", Some("Direktionen")),
    ("Børn og Unge", Some("Direktionen")),
    ("Dagtilbud", Some("Børn og Unge")),
    ("Skoler", Some("Børn og Unge")),
    ("Familie og Forebyggelse", Some("Børn og Unge")),
    ("Social og Sundhed", Some("Direktionen")),
    ("Ældreplejen", Some("Social og Sundhed")),
    ("Handicap og Psykiatri", Some("Social og Sundhed")),
    ("Sundhed og Forebyggelse", Some("Social og Sundhed")),
    ("Teknik og Miljø", Some("Direktionen")),
    ("Vej og Park", Some("Teknik og Miljø")),
    ("Byg og Miljø", Some("Teknik og Miljø")),
    ("Kultur og Fritid", Some("Direktionen")),
    ("Bibliotekerne", Some("Kultur og Fritid")),
    ("Fritid og Idræt", Some("Kultur og Fritid")),
];

/// How a demo account is listed when `demo` prints the sign-ins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    HrAdmin,
    TopManagement,
    GroupLeader,
    Leader,
    WorksCouncil,
    SafetyOrg,
}

impl Listed {
    pub fn code(self) -> &'static str {
        match self {
            Listed::HrAdmin => "hr_admin",
            Listed::TopManagement => "top_management",
            Listed::GroupLeader => "group_leader",
            Listed::Leader => "leader",
            Listed::WorksCouncil => "works_council",
            Listed::SafetyOrg => "safety_org",
        }
    }
}

pub struct PersonSpec {
    pub name: &'static str,
    pub email: &'static str,
    pub unit: &'static str,
    /// The nearest leader's e-mail; people are listed after their leader.
    pub nearest: Option<&'static str>,
    pub roles: &'static [Role],
    pub listed: Listed,
}

const L: &[Role] = &[Role::Leader];

const fn p(name: &'static str, email: &'static str, unit: &'static str, nearest: &'static str) -> PersonSpec {
    PersonSpec { name, email, unit, nearest: Some(nearest), roles: L, listed: Listed::Leader }
}

const DIRECTOR: &str = "karen.mikkelsen@fjordby.dk";
const CHIEF_BU: &str = "lars.nielsen@fjordby.dk";
const CHIEF_SS: &str = "mette.andersen@fjordby.dk";
const CHIEF_TKF: &str = "jens.poulsen@fjordby.dk";

/// Everyone but the HR admin (who is created with the organisation).
pub const PEOPLE: &[PersonSpec] = &[
    PersonSpec {
        name: "Karen Holm Mikkelsen",
        email: DIRECTOR,
        unit: "Direktionen",
        nearest: None,
        roles: &[Role::TopManagement, Role::Leader],
        listed: Listed::TopManagement,
    },
    PersonSpec { listed: Listed::GroupLeader, ..p("Lars Bech Nielsen", CHIEF_BU, "Børn og Unge", DIRECTOR) },
    PersonSpec { listed: Listed::GroupLeader, ..p("Mette Kjær Andersen", CHIEF_SS, "Social og Sundhed", DIRECTOR) },
    PersonSpec { listed: Listed::GroupLeader, ..p("Jens Overgaard Poulsen", CHIEF_TKF, "Teknik og Miljø", DIRECTOR) },
    // Børn og Unge
    PersonSpec {
        roles: &[Role::Leader, Role::WorksCouncil],
        ..p("Anne Marie Kristensen", "anne.kristensen@fjordby.dk", "Dagtilbud", CHIEF_BU)
    },
    p("Thomas Vinther Hansen", "thomas.hansen@fjordby.dk", "Dagtilbud", CHIEF_BU),
    p("Louise Bak Jensen", "louise.jensen@fjordby.dk", "Skoler", CHIEF_BU),
    p("Morten Krogh Pedersen", "morten.pedersen@fjordby.dk", "Skoler", CHIEF_BU),
    p("Dorthe Skovgaard", "dorthe.skovgaard@fjordby.dk", "Skoler", CHIEF_BU),
    p("Camilla Friis Larsen", "camilla.larsen@fjordby.dk", "Familie og Forebyggelse", CHIEF_BU),
    p("Rasmus Thygesen", "rasmus.thygesen@fjordby.dk", "Familie og Forebyggelse", CHIEF_BU),
    // Social og Sundhed
    p("Pia Lauridsen", "pia.lauridsen@fjordby.dk", "Ældreplejen", CHIEF_SS),
    PersonSpec {
        roles: &[Role::Leader, Role::SafetyOrg],
        ..p("Henrik Søgaard Møller", "henrik.moller@fjordby.dk", "Ældreplejen", CHIEF_SS)
    },
    p("Birgit Hvid Schmidt", "birgit.schmidt@fjordby.dk", "Ældreplejen", CHIEF_SS),
    p("Sofie Brandt Christensen", "sofie.christensen@fjordby.dk", "Handicap og Psykiatri", CHIEF_SS),
    p("Jesper Nørgaard", "jesper.norgaard@fjordby.dk", "Handicap og Psykiatri", CHIEF_SS),
    p("Lene Bisgaard Rasmussen", "lene.rasmussen@fjordby.dk", "Sundhed og Forebyggelse", CHIEF_SS),
    p("Kim Mortensen", "kim.mortensen@fjordby.dk", "Sundhed og Forebyggelse", CHIEF_SS),
    // Teknik, Kultur og Fritid
    p("Martin Vestergaard", "martin.vestergaard@fjordby.dk", "Vej og Park", CHIEF_TKF),
    p("Niels Kirkegaard", "niels.kirkegaard@fjordby.dk", "Vej og Park", CHIEF_TKF),
    p("Charlotte Holst Jørgensen", "charlotte.jorgensen@fjordby.dk", "Byg og Miljø", CHIEF_TKF),
    p("Ida Winther Madsen", "ida.madsen@fjordby.dk", "Bibliotekerne", CHIEF_TKF),
    p("Helle Skov Thomsen", "helle.thomsen@fjordby.dk", "Bibliotekerne", CHIEF_TKF),
    p("Søren Dam Olsen", "soren.olsen@fjordby.dk", "Fritid og Idræt", CHIEF_TKF),
    // Employee representatives in MED and the safety organisation.
    PersonSpec {
        roles: &[Role::WorksCouncil],
        listed: Listed::WorksCouncil,
        ..p("Birgitte Holm", "birgitte.holm@fjordby.dk", "Ældreplejen", "pia.lauridsen@fjordby.dk")
    },
    PersonSpec {
        roles: &[Role::SafetyOrg],
        listed: Listed::SafetyOrg,
        ..p("Ole Friis", "ole.friis@fjordby.dk", "Vej og Park", "martin.vestergaard@fjordby.dk")
    },
];

/// (group name, group leader's e-mail, members' e-mails)
pub const GROUPS: &[(&str, &str, &[&str])] = &[
    ("Chefgruppen", DIRECTOR, &[CHIEF_BU, CHIEF_SS, CHIEF_TKF]),
    (
        "Ledergruppen i Børn og Unge",
        CHIEF_BU,
        &[
            "anne.kristensen@fjordby.dk",
            "thomas.hansen@fjordby.dk",
            "louise.jensen@fjordby.dk",
            "morten.pedersen@fjordby.dk",
            "dorthe.skovgaard@fjordby.dk",
            "camilla.larsen@fjordby.dk",
            "rasmus.thygesen@fjordby.dk",
        ],
    ),
    (
        "Ledergruppen i Social og Sundhed",
        CHIEF_SS,
        &[
            "pia.lauridsen@fjordby.dk",
            "henrik.moller@fjordby.dk",
            "birgit.schmidt@fjordby.dk",
            "sofie.christensen@fjordby.dk",
            "jesper.norgaard@fjordby.dk",
            "lene.rasmussen@fjordby.dk",
            "kim.mortensen@fjordby.dk",
        ],
    ),
    (
        "Ledergruppen i Teknik, Kultur og Fritid",
        CHIEF_TKF,
        &[
            "martin.vestergaard@fjordby.dk",
            "niels.kirkegaard@fjordby.dk",
            "charlotte.jorgensen@fjordby.dk",
            "ida.madsen@fjordby.dk",
            "helle.thomsen@fjordby.dk",
            "soren.olsen@fjordby.dk",
        ],
    ),
];

/// Every demo e-mail address, the HR admin's first.
pub fn all_emails() -> impl Iterator<Item = &'static str> {
    std::iter::once(HR_EMAIL).chain(PEOPLE.iter().map(|p| p.email))
}

/// What was created, by e-mail and by name, for the rounds that follow.
pub struct Structure {
    pub persons: HashMap<&'static str, PersonId>,
    pub groups: HashMap<&'static str, GroupId>,
}

/// Units, people (with the shared password hash), reporting lines, groups.
pub async fn create(conn: &mut AnyConnection, org: &OrgId, hr: &PersonId, hash: &str, now: time::OffsetDateTime) -> anyhow::Result<Structure> {
    use crate::org::store;
    let mut units: HashMap<&str, UnitId> = HashMap::new();
    for (name, parent) in UNITS {
        let id = UnitId::new();
        sqlx::query("INSERT INTO units (id, org_id, name, parent_id, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id.as_str())
            .bind(org.as_str())
            .bind(*name)
            .bind(parent.map(|p| units[p].as_str().to_string()))
            .bind(crate::storage::to_text(now))
            .execute(&mut *conn)
            .await?;
        units.insert(name, id);
    }
    let mut persons: HashMap<&'static str, PersonId> = HashMap::new();
    persons.insert(HR_EMAIL, hr.clone());
    for spec in PEOPLE {
        let account = store::ensure_account(conn, &Email::parse(spec.email)?, now).await?;
        store::set_password(conn, &account, hash).await?;
        let name = PersonName::parse(spec.name)?;
        let nearest = spec.nearest.map(|e| persons[e].clone());
        let id = store::create_person(
            conn,
            org,
            store::NewPerson {
                account: &account,
                name: &name,
                unit: Some(&units[spec.unit]),
                nearest_leader: nearest.as_ref(),
                roles: spec.roles,
            },
            now,
        )
        .await?;
        persons.insert(spec.email, id);
    }
    // The HR admin was created with the organisation, before the units.
    sqlx::query("UPDATE persons SET unit_id = $1, nearest_leader_id = $2 WHERE org_id = $3 AND id = $4")
        .bind(units["HR og Personale"].as_str())
        .bind(persons[DIRECTOR].as_str())
        .bind(org.as_str())
        .bind(hr.as_str())
        .execute(&mut *conn)
        .await?;
    let mut groups = HashMap::new();
    for (name, leader, members) in GROUPS {
        let id = GroupId::new();
        sqlx::query(
            "INSERT INTO leader_groups (id, org_id, name, group_leader_id, openness, created_at) \
             VALUES ($1, $2, $3, $4, 'anonymous', $5)",
        )
        .bind(id.as_str())
        .bind(org.as_str())
        .bind(*name)
        .bind(persons[leader].as_str())
        .bind(crate::storage::to_text(now))
        .execute(&mut *conn)
        .await?;
        for member in *members {
            sqlx::query("INSERT INTO group_members (group_id, person_id, org_id) VALUES ($1, $2, $3)")
                .bind(id.as_str())
                .bind(persons[member].as_str())
                .bind(org.as_str())
                .execute(&mut *conn)
                .await?;
        }
        groups.insert(*name, id);
    }
    Ok(Structure { persons, groups })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_data_hangs_together() {
        let leaders = PEOPLE.iter().filter(|p| p.listed == Listed::Leader).count();
        assert_eq!(leaders, 20, "about 20 leaders");
        for (i, spec) in PEOPLE.iter().enumerate() {
            assert!(UNITS.iter().any(|(u, _)| *u == spec.unit), "{} has unit {}", spec.name, spec.unit);
            if let Some(nearest) = spec.nearest {
                assert!(PEOPLE[..i].iter().any(|p| p.email == nearest), "{}'s leader comes first", spec.name);
            }
            assert!(Email::parse(spec.email).is_ok() && PersonName::parse(spec.name).is_ok());
        }
        for (i, (_, parent)) in UNITS.iter().enumerate() {
            if let Some(parent) = parent {
                assert!(UNITS[..i].iter().any(|(u, _)| u == parent), "{parent} comes first");
            }
        }
        for (name, leader, members) in GROUPS {
            assert!(PEOPLE.iter().any(|p| p.email == *leader), "{name}");
            assert!(members.iter().all(|m| PEOPLE.iter().any(|p| p.email == *m)), "{name}");
            assert!(!members.contains(leader), "{name}: the group leader is not also a member");
        }
        let emails: std::collections::HashSet<_> = all_emails().collect();
        assert_eq!(emails.len(), PEOPLE.len() + 1, "every address is used once");
    }
}
