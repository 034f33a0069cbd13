//! Who hears that something arrived at the organisation: every HR
//! administrator, on the start page and by mail as each chooses. Every way
//! a point reaches the organisation (a group's leader lifting on, Tool 2's
//! agreement points, the APV's organisation themes) goes through `lift_to_organisation`,
//! so none of them can forget to tell.

use super::store::{self, NewLift};
use crate::notify::{self, store::Event, Kind};
use crate::state::AppState;
use domain::ids::{LiftId, OrgId, PersonId};
use domain::roles::Role;
use domain::thread::Destination;

/// Lifts `new` (to the organisation) and tells HR, in one transaction; None
/// when the same point was lifted before (nothing is written, nobody told).
pub async fn lift_to_organisation(state: &AppState, org: &OrgId, new: NewLift<'_>) -> anyhow::Result<Option<LiftId>> {
    anyhow::ensure!(matches!(new.to, Destination::Organisation), "only lifts to the organisation go to HR");
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let Some(lift) = store::lift(&mut tx, org, new, now).await? else {
        return Ok(None);
    };
    let link = format!("/admin/inbox#lift-{lift}");
    let actor = new.attributed.then_some(new.from_person);
    // An HR administrator who lifted it (as a group's leader) knows already.
    for hr in hr_admins(&mut tx, org).await?.iter().filter(|hr| *hr != new.from_person) {
        let event = Event { to: hr, kind: Kind::LiftArrived, actor, group: new.from_group, link: &link };
        notify::store::record(&mut tx, org, event, now).await?;
    }
    tx.commit().await?;
    notify::wake(state);
    Ok(Some(lift))
}

async fn hr_admins(conn: &mut sqlx::AnyConnection, org: &OrgId) -> anyhow::Result<Vec<PersonId>> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT person_id FROM person_roles WHERE org_id = $1 AND role = $2")
        .bind(org.as_str())
        .bind(Role::HrAdmin.code())
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(id,)| PersonId::from_db(id)).collect())
}
