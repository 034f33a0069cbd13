//! Importing people from a parsed CSV file: what the organisation holds now,
//! what the file would change (`plan`, pure, shown as the preview), and
//! writing it all in one transaction (`apply`).
//!
//! The file describes each of its people fully: an empty unit or nearest
//! leader in the file clears it. People not in the file are left alone.
//! A parent unit in the file places the unit in the tree; an empty one
//! leaves the unit where it is.

use domain::ids::{OrgId, PersonId, UnitId};
use domain::input::Email;
use domain::people_import::{ExistingUnits, ImportRow};
use domain::roles::Role;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// A person of the organisation as the import sees them.
#[derive(Clone, Debug)]
pub struct ExistingPerson {
    pub id: PersonId,
    pub name: String,
    pub unit: Option<UnitId>,
    pub leader_email: Option<Email>,
    pub roles: Vec<Role>,
}

/// The organisation's people (by e-mail) and units (by lower-cased name).
#[derive(Default)]
pub struct Existing {
    pub people: HashMap<Email, ExistingPerson>,
    pub units: HashMap<String, (UnitId, String)>,
    /// unit → parent unit.
    pub unit_parents: HashMap<UnitId, UnitId>,
}

impl Existing {
    /// Each person's nearest leader's e-mail, as `check_references` wants it.
    pub fn reporting_lines(&self) -> HashMap<Email, Option<Email>> {
        self.people.iter().map(|(email, p)| (email.clone(), p.leader_email.clone())).collect()
    }

    /// The unit tree by lower-cased name, as `check_units` wants it.
    pub fn unit_tree(&self) -> ExistingUnits {
        let name_of: HashMap<&UnitId, &String> = self.units.iter().map(|(lower, (id, _))| (id, lower)).collect();
        self.units
            .iter()
            .map(|(lower, (id, _))| {
                let parent = self.unit_parents.get(id).and_then(|p| name_of.get(p)).map(|p| (*p).clone());
                (lower.clone(), parent)
            })
            .collect()
    }
}

pub async fn load(conn: &mut AnyConnection, org: &OrgId) -> anyhow::Result<Existing> {
    // id, e-mail, name, unit id, nearest leader's e-mail
    type PersonRow = (String, String, String, Option<String>, Option<String>);
    let people: Vec<PersonRow> = sqlx::query_as(
        "SELECT p.id, a.email, p.name, p.unit_id, la.email FROM persons p \
         JOIN accounts a ON a.id = p.account_id \
         LEFT JOIN persons l ON l.id = p.nearest_leader_id AND l.org_id = $1 \
         LEFT JOIN accounts la ON la.id = l.account_id \
         WHERE p.org_id = $1",
    )
    .bind(org.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let roles: Vec<(String, String)> = sqlx::query_as("SELECT person_id, role FROM person_roles WHERE org_id = $1")
        .bind(org.as_str())
        .fetch_all(&mut *conn)
        .await?;
    let mut roles_of: HashMap<String, Vec<Role>> = HashMap::new();
    for (person, role) in roles {
        if let Some(role) = Role::parse(&role) {
            roles_of.entry(person).or_default().push(role);
        }
    }
    let units: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT id, name, parent_id FROM units WHERE org_id = $1 ORDER BY name")
            .bind(org.as_str())
            .fetch_all(&mut *conn)
            .await?;
    let mut existing = Existing::default();
    for (id, name, parent) in units {
        if let Some(parent) = parent {
            existing.unit_parents.insert(UnitId::from_db(id.clone()), UnitId::from_db(parent));
        }
        existing.units.entry(name.to_lowercase()).or_insert((UnitId::from_db(id), name));
    }
    for (id, email, name, unit, leader_email) in people {
        let mut roles = roles_of.remove(&id).unwrap_or_default();
        roles.sort();
        existing.people.insert(
            Email::from_db(email),
            ExistingPerson {
                id: PersonId::from_db(id),
                name,
                unit: unit.map(UnitId::from_db),
                leader_email: leader_email.map(Email::from_db),
                roles,
            },
        );
    }
    Ok(existing)
}

/// What changes for a person already in the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Name,
    Unit,
    NearestLeader,
    Roles,
}

impl Change {
    pub fn label_key(self) -> &'static str {
        match self {
            Change::Name => "import-change-name",
            Change::Unit => "import-change-unit",
            Change::NearestLeader => "import-change-leader",
            Change::Roles => "import-change-roles",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    New,
    Update(Vec<Change>),
    Unchanged,
}

/// One row of the file and what will happen to it.
#[derive(Clone, Debug)]
pub struct PlannedRow {
    pub row: ImportRow,
    /// The unit's name as it will be stored (an existing unit keeps its spelling).
    pub unit: Option<String>,
    pub unit_is_new: bool,
    pub leader_name: Option<String>,
    /// The roles the person will have (see `plan` on the acting admin).
    pub roles: Vec<Role>,
    pub action: Action,
    /// The role word `HR` makes them HR administrator, which they were not:
    /// the preview warns, since it opens all of the administration.
    pub becomes_hr_admin: bool,
    existing: Option<PersonId>,
}

/// A unit placed under another by the file's parent-unit column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitMove {
    /// Both as they will be stored (an existing unit keeps its spelling).
    pub unit: String,
    pub parent: String,
}

#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub rows: Vec<PlannedRow>,
    /// Units to create, in the spelling of their first row.
    pub new_units: Vec<String>,
    /// Units whose parent the file sets or changes, once each.
    pub unit_moves: Vec<UnitMove>,
}

impl Plan {
    pub fn count(&self, f: impl Fn(&Action) -> bool) -> usize {
        self.rows.iter().filter(|r| f(&r.action)).count()
    }
    pub fn new_people(&self) -> usize {
        self.count(|a| *a == Action::New)
    }
    pub fn updated(&self) -> usize {
        self.count(|a| matches!(a, Action::Update(_)))
    }
    pub fn unchanged(&self) -> usize {
        self.count(|a| *a == Action::Unchanged)
    }
}

/// Compares checked rows with the organisation. `acting_admin` keeps the HR
/// admin role even if the file leaves it out, so HR cannot lock themselves
/// out of administration with an import.
pub fn plan(rows: Vec<ImportRow>, existing: &Existing, acting_admin: Option<&Email>) -> Plan {
    let names_in_file: HashMap<Email, String> =
        rows.iter().map(|r| (r.email.clone(), r.name.as_str().to_string())).collect();
    let mut new_units: Vec<String> = Vec::new();
    let mut planned = Vec::with_capacity(rows.len());
    for row in rows {
        let before = existing.people.get(&row.email);
        let (unit, unit_id, unit_is_new) = match &row.unit {
            None => (None, None, false),
            Some(u) => match existing.units.get(&u.as_str().to_lowercase()) {
                Some((id, name)) => (Some(name.clone()), Some(id), false),
                None => {
                    let lower = u.as_str().to_lowercase();
                    let name = match new_units.iter().find(|n| n.to_lowercase() == lower) {
                        Some(first) => first.clone(),
                        None => {
                            new_units.push(u.as_str().to_string());
                            u.as_str().to_string()
                        }
                    };
                    (Some(name), None, true)
                }
            },
        };
        let mut roles = row.roles.clone();
        if let (Some(admin), Some(before)) = (acting_admin, before)
            && *admin == row.email
            && before.roles.contains(&Role::HrAdmin)
            && !roles.contains(&Role::HrAdmin)
        {
            roles.push(Role::HrAdmin);
        }
        roles.sort();
        roles.dedup();
        let leader_name = row.nearest_leader_email.as_ref().and_then(|leader| {
            names_in_file.get(leader).cloned().or_else(|| existing.people.get(leader).map(|p| p.name.clone()))
        });
        let action = match before {
            None => Action::New,
            Some(before) => {
                let mut changes = Vec::new();
                if before.name != row.name.as_str() {
                    changes.push(Change::Name);
                }
                if unit_is_new || before.unit.as_ref() != unit_id {
                    changes.push(Change::Unit);
                }
                if before.leader_email != row.nearest_leader_email {
                    changes.push(Change::NearestLeader);
                }
                if before.roles != roles {
                    changes.push(Change::Roles);
                }
                if changes.is_empty() { Action::Unchanged } else { Action::Update(changes) }
            }
        };
        let becomes_hr_admin =
            roles.contains(&Role::HrAdmin) && !before.is_some_and(|b| b.roles.contains(&Role::HrAdmin));
        planned.push(PlannedRow {
            becomes_hr_admin,
            existing: before.map(|p| p.id.clone()),
            row,
            unit,
            unit_is_new,
            leader_name,
            roles,
            action,
        });
    }
    let unit_moves = unit_moves(&planned, existing, &new_units);
    Plan { rows: planned, new_units, unit_moves }
}

/// Where the file puts units in the tree (`check_units` has made sure each
/// unit gets one parent, that the parent is there, and that there is no ring).
fn unit_moves(rows: &[PlannedRow], existing: &Existing, new_units: &[String]) -> Vec<UnitMove> {
    let stored = |name: &str| {
        let lower = name.to_lowercase();
        existing
            .units
            .get(&lower)
            .map(|(_, n)| n.clone())
            .or_else(|| new_units.iter().find(|n| n.to_lowercase() == lower).cloned())
    };
    let mut moves: Vec<UnitMove> = Vec::new();
    for r in rows {
        let (Some(unit), Some(parent)) = (&r.unit, &r.row.parent_unit) else { continue };
        let Some(parent) = stored(parent.as_str()) else { continue };
        if moves.iter().any(|m| m.unit.to_lowercase() == unit.to_lowercase()) {
            continue;
        }
        let current = existing.units.get(&unit.to_lowercase()).and_then(|(id, _)| existing.unit_parents.get(id));
        let wanted = existing.units.get(&parent.to_lowercase()).map(|(id, _)| id);
        if current.is_some() && current == wanted {
            continue;
        }
        moves.push(UnitMove { unit: unit.clone(), parent });
    }
    moves
}

/// Writes the plan inside the caller's transaction: units first, then
/// accounts and people, then reporting lines (a leader may be a row further
/// down the file).
pub async fn apply(conn: &mut AnyConnection, org: &OrgId, plan: &Plan, existing: &Existing, now: time::OffsetDateTime) -> anyhow::Result<()> {
    let mut unit_ids: HashMap<String, UnitId> =
        existing.units.iter().map(|(lower, (id, _))| (lower.clone(), id.clone())).collect();
    for name in &plan.new_units {
        let id = UnitId::new();
        sqlx::query("INSERT INTO units (id, org_id, name, created_at) VALUES ($1, $2, $3, $4)")
            .bind(id.as_str())
            .bind(org.as_str())
            .bind(name)
            .bind(crate::storage::to_text(now))
            .execute(&mut *conn)
            .await?;
        unit_ids.insert(name.to_lowercase(), id);
    }
    // Every unit exists by now, so the order of the rows does not matter.
    for m in &plan.unit_moves {
        let (Some(unit), Some(parent)) = (unit_ids.get(&m.unit.to_lowercase()), unit_ids.get(&m.parent.to_lowercase())) else {
            continue;
        };
        sqlx::query("UPDATE units SET parent_id = $1 WHERE org_id = $2 AND id = $3")
            .bind(parent.as_str())
            .bind(org.as_str())
            .bind(unit.as_str())
            .execute(&mut *conn)
            .await?;
    }
    let mut person_of: HashMap<Email, PersonId> =
        existing.people.iter().map(|(email, p)| (email.clone(), p.id.clone())).collect();
    for p in &plan.rows {
        let unit = p.unit.as_ref().and_then(|u| unit_ids.get(&u.to_lowercase()));
        match (&p.action, &p.existing) {
            (Action::Unchanged, _) => {}
            (Action::New, _) | (Action::Update(_), None) => {
                let account = super::store::ensure_account(conn, &p.row.email, now).await?;
                let id = super::store::add_person(
                    conn,
                    org,
                    super::store::NewPerson { account: &account, name: &p.row.name, unit, nearest_leader: None, roles: &p.roles },
                    now,
                )
                .await?;
                person_of.insert(p.row.email.clone(), id);
            }
            (Action::Update(_), Some(id)) => {
                sqlx::query("UPDATE persons SET name = $1, unit_id = $2 WHERE org_id = $3 AND id = $4")
                    .bind(p.row.name.as_str())
                    .bind(unit.map(|u| u.as_str().to_string()))
                    .bind(org.as_str())
                    .bind(id.as_str())
                    .execute(&mut *conn)
                    .await?;
                super::store::set_roles(conn, org, id, &p.roles).await?;
            }
        }
    }
    for p in plan.rows.iter().filter(|p| p.action != Action::Unchanged) {
        let Some(id) = person_of.get(&p.row.email) else { continue };
        // `check_references` has made sure every leader is in the file or the organisation.
        let leader = p.row.nearest_leader_email.as_ref().and_then(|e| person_of.get(e));
        sqlx::query("UPDATE persons SET nearest_leader_id = $1 WHERE org_id = $2 AND id = $3")
            .bind(leader.map(|l| l.as_str().to_string()))
            .bind(org.as_str())
            .bind(id.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::input::{PersonName, UnitName};

    fn email(s: &str) -> Email {
        Email::parse(s).unwrap()
    }

    fn row(line: usize, name: &str, mail: &str, unit: Option<&str>, leader: Option<&str>, roles: &[Role]) -> ImportRow {
        ImportRow {
            line,
            name: PersonName::parse(name).unwrap(),
            email: email(mail),
            unit: unit.map(|u| UnitName::parse(u).unwrap()),
            parent_unit: None,
            nearest_leader_email: leader.map(email),
            roles: roles.to_vec(),
        }
    }

    fn org() -> (Existing, UnitId) {
        let salg = UnitId::new();
        let mut existing = Existing::default();
        existing.units.insert("salg".into(), (salg.clone(), "Salg".into()));
        existing.people.insert(
            email("bo@x.dk"),
            ExistingPerson {
                id: PersonId::new(),
                name: "Bo Ek".into(),
                unit: Some(salg.clone()),
                leader_email: None,
                roles: vec![Role::Leader],
            },
        );
        existing.people.insert(
            email("hr@x.dk"),
            ExistingPerson { id: PersonId::new(), name: "Hanne".into(), unit: None, leader_email: None, roles: vec![Role::HrAdmin] },
        );
        (existing, salg)
    }

    #[test]
    fn new_updated_and_unchanged_people() {
        let (existing, _) = org();
        let rows = vec![
            row(2, "Bo Ek", "bo@x.dk", Some("salg"), None, &[Role::Leader]),
            row(3, "Ida Ny", "ida@x.dk", Some("Økonomi"), Some("bo@x.dk"), &[Role::Leader]),
            row(4, "Kim", "kim@x.dk", Some("økonomi"), Some("ida@x.dk"), &[Role::Leader]),
        ];
        let plan = plan(rows, &existing, None);
        assert_eq!(plan.rows[0].action, Action::Unchanged, "the unit matches regardless of case");
        assert_eq!(plan.rows[0].unit.as_deref(), Some("Salg"));
        assert_eq!(plan.rows[1].action, Action::New);
        assert!(plan.rows[1].unit_is_new);
        assert_eq!(plan.rows[1].leader_name.as_deref(), Some("Bo Ek"));
        assert_eq!(plan.rows[2].leader_name.as_deref(), Some("Ida Ny"), "a leader from the file");
        assert_eq!(plan.rows[2].unit.as_deref(), Some("Økonomi"), "one new unit, first spelling");
        assert_eq!(plan.new_units, vec!["Økonomi".to_string()]);
        assert_eq!((plan.new_people(), plan.updated(), plan.unchanged()), (2, 0, 1));
    }

    #[test]
    fn changes_are_listed_and_empty_fields_clear() {
        let (existing, _) = org();
        let rows = vec![row(2, "Bo Eriksen", "bo@x.dk", None, Some("hr@x.dk"), &[Role::Leader, Role::SafetyOrg])];
        let plan = plan(rows, &existing, None);
        assert_eq!(
            plan.rows[0].action,
            Action::Update(vec![Change::Name, Change::Unit, Change::NearestLeader, Change::Roles])
        );
    }

    #[test]
    fn the_acting_admin_keeps_the_hr_role() {
        let (existing, _) = org();
        let rows = vec![row(2, "Hanne", "hr@x.dk", None, None, &[Role::Leader])];
        let kept = plan(rows.clone(), &existing, Some(&email("hr@x.dk")));
        assert_eq!(kept.rows[0].roles, vec![Role::Leader, Role::HrAdmin]);
        assert_eq!(kept.rows[0].action, Action::Update(vec![Change::Roles]));
        let other = plan(rows, &existing, Some(&email("bo@x.dk")));
        assert_eq!(other.rows[0].roles, vec![Role::Leader]);
    }
}
