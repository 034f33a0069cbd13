//! HR's first steps after setting up an organisation (issue 17, item 9):
//! units → people → groups → invitations → the first tool. Each step ticks
//! itself from the data, so there is nothing to mark by hand and nothing to
//! forget; when all are done, `/admin` shows one line instead of the list.

use domain::ids::OrgId;
use domain::roles::Role;
use sqlx::AnyConnection;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Units,
    People,
    Groups,
    Invitations,
    Tool,
}

impl Step {
    pub const ALL: [Step; 5] = [Step::Units, Step::People, Step::Groups, Step::Invitations, Step::Tool];

    pub fn label_key(self) -> &'static str {
        match self {
            Step::Units => "first-run-step-units",
            Step::People => "first-run-step-people",
            Step::Groups => "first-run-step-groups",
            Step::Invitations => "first-run-step-invitations",
            Step::Tool => "first-run-step-tool",
        }
    }

    pub fn hint_key(self) -> &'static str {
        match self {
            Step::Units => "first-run-step-units-hint",
            Step::People => "first-run-step-people-hint",
            Step::Groups => "first-run-step-groups-hint",
            Step::Invitations => "first-run-step-invitations-hint",
            Step::Tool => "first-run-step-tool-hint",
        }
    }

    /// A second way to do the step: (where, label key).
    pub fn other_way(self) -> Option<(&'static str, &'static str)> {
        match self {
            Step::People => Some(("/admin/import", "first-run-step-people-import")),
            _ => None,
        }
    }

    /// Where the step is done.
    pub fn href(self) -> &'static str {
        match self {
            Step::Units => "/admin/units",
            Step::People => "/admin/people/new",
            Step::Groups => "/admin/groups/new",
            Step::Invitations => "/admin/people",
            Step::Tool => "/apv",
        }
    }
}

/// Which steps are done, in `Step::ALL` order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: [bool; 5],
}

impl Progress {
    pub fn steps(&self) -> impl Iterator<Item = (Step, bool)> + '_ {
        Step::ALL.into_iter().zip(self.done)
    }

    pub fn done_count(&self) -> usize {
        self.done.iter().filter(|d| **d).count()
    }

    pub fn all_done(&self) -> bool {
        self.done.iter().all(|d| *d)
    }

    /// The first step not done: the page points at it.
    pub fn next(&self) -> Option<Step> {
        self.steps().find(|(_, done)| !done).map(|(step, _)| step)
    }
}

/// Whether any row of `table` belongs to the organisation.
macro_rules! any_in {
    ($table:literal) => {
        concat!("SELECT 1 FROM ", $table, " WHERE org_id = $1 LIMIT 1")
    };
}

async fn exists(conn: &mut AnyConnection, sql: &'static str, org: &OrgId) -> anyhow::Result<bool> {
    // Only whether a row comes back matters, so nothing is decoded.
    Ok(sqlx::query(sql).bind(org.as_str()).fetch_optional(&mut *conn).await?.is_some())
}

/// Reads the progress from the organisation's data. People count when
/// someone besides the HR administrators is there (setting up made HR a
/// person already); a tool counts as started by any group's introduction,
/// APV or collaboration round, an APV campaign, or any agreement.
pub async fn load(conn: &mut AnyConnection, org: &OrgId) -> anyhow::Result<Progress> {
    let units = exists(conn, any_in!("units"), org).await?;
    let people = {
        sqlx::query(
            "SELECT 1 FROM persons p WHERE p.org_id = $1 AND NOT EXISTS \
               (SELECT 1 FROM person_roles r WHERE r.org_id = p.org_id AND r.person_id = p.id AND r.role = $2) LIMIT 1",
        )
        .bind(org.as_str())
        .bind(Role::HrAdmin.code())
        .fetch_optional(&mut *conn)
        .await?
        .is_some()
    };
    let groups = exists(conn, any_in!("leader_groups"), org).await?;
    // Invited, or (as in an organisation set up before invitations, or the
    // demo) a leader who has joined already; HR joined by setting up.
    let invitations = sqlx::query(
        "SELECT 1 FROM persons p WHERE p.org_id = $1 AND (p.invited_at IS NOT NULL OR (p.joined_at IS NOT NULL \
           AND NOT EXISTS (SELECT 1 FROM person_roles r WHERE r.org_id = p.org_id AND r.person_id = p.id AND r.role = $2))) \
         LIMIT 1",
    )
    .bind(org.as_str())
    .bind(Role::HrAdmin.code())
    .fetch_optional(&mut *conn)
    .await?
    .is_some();
    let mut tool = false;
    for sql in [any_in!("intro_runs"), any_in!("apv_campaigns"), any_in!("apv_rounds"), any_in!("collab_rounds"), any_in!("agreements")] {
        if exists(conn, sql, org).await? {
            tool = true;
            break;
        }
    }
    Ok(Progress { done: [units, people, groups, invitations, tool] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_step_is_the_first_not_done_and_all_done_collapses() {
        let p = Progress { done: [true, false, true, false, false] };
        assert_eq!(p.next(), Some(Step::People));
        assert_eq!(p.done_count(), 2);
        assert!(!p.all_done());
        let all = Progress { done: [true; 5] };
        assert!(all.all_done());
        assert_eq!(all.next(), None);
    }
}
