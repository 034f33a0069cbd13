//! Skema 2's sorting and choice, Skema 3's action plans with their actions.

use super::Refused;
use crate::storage::Db;
use domain::apv::{Colour, Level, MAX_CHOSEN};
use domain::ids::{ApvActionId, ApvPlanId, ApvRoundId, OrgId, PersonId};
use std::collections::HashMap;

/// Where the group put each theme in each colour: `(revision, colour) → level`.
pub async fn sorting(db: &Db, org: &OrgId, round: &ApvRoundId) -> anyhow::Result<HashMap<(String, Colour), Level>> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT revision_id, colour, level FROM apv_sorting WHERE org_id = $1 AND round_id = $2")
            .bind(org.as_str())
            .bind(round.as_str())
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(rev, colour, level)| Some(((rev, Colour::parse(&colour)?), Level::parse(&level)?)))
        .collect())
}

/// Replaces the round's sorting with `placed` in one transaction.
pub async fn save_sorting(
    db: &Db,
    org: &OrgId,
    round: &ApvRoundId,
    placed: &[(String, Colour, Level)],
) -> anyhow::Result<Result<(), Refused>> {
    // Reads before it writes: a background write in between (a round's
    // invitations) must wait for it, not fail it (`Db::begin_write`).
    let mut tx = db.begin_write().await?;
    let open: Option<(String,)> = sqlx::query_as("SELECT id FROM apv_rounds WHERE org_id = $1 AND id = $2 AND closed_at IS NULL")
        .bind(org.as_str())
        .bind(round.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    if open.is_none() {
        return Ok(Err(Refused::Closed));
    }
    sqlx::query("DELETE FROM apv_sorting WHERE org_id = $1 AND round_id = $2")
        .bind(org.as_str())
        .bind(round.as_str())
        .execute(&mut *tx)
        .await?;
    for (rev, colour, level) in placed {
        sqlx::query("INSERT INTO apv_sorting (round_id, revision_id, colour, org_id, level) VALUES ($1, $2, $3, $4, $5)")
            .bind(round.as_str())
            .bind(rev)
            .bind(colour.code())
            .bind(org.as_str())
            .bind(level.code())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Skema 3 for one chosen theme.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub id: ApvPlanId,
    pub round_id: ApvRoundId,
    pub revision_id: String,
    /// The eight questions of Skema 3 (keys as in `content::PLAN_FIELDS`),
    /// then the law's severity, extent and causes.
    pub fields: HashMap<String, String>,
    pub follow_up_on: Option<time::Date>,
    pub actions: Vec<Action>,
}

/// The text columns of `apv_plans`, in one place for reading and writing.
pub const PLAN_COLUMNS: [&str; 11] = [
    "issue",
    "activities",
    "resources",
    "timing",
    "participants",
    "responsibilities",
    "evaluation",
    "follow_up",
    "severity",
    "extent",
    "causes",
];

#[derive(Clone, Debug)]
pub struct Action {
    pub id: ApvActionId,
    pub plan_id: ApvPlanId,
    pub text: String,
    pub owner_id: Option<PersonId>,
    pub owner_name: Option<String>,
    pub due_on: time::Date,
    pub done: bool,
}

/// Creates a plan for each newly chosen theme; the group has at most two.
pub async fn choose(db: &Db, org: &OrgId, round: &ApvRoundId, revs: &[&str], now: time::OffsetDateTime) -> anyhow::Result<Result<(), Refused>> {
    // Reads before it writes: a background write in between (a round's
    // invitations) must wait for it, not fail it (`Db::begin_write`).
    let mut tx = db.begin_write().await?;
    let open: Option<(String,)> = sqlx::query_as("SELECT id FROM apv_rounds WHERE org_id = $1 AND id = $2 AND closed_at IS NULL")
        .bind(org.as_str())
        .bind(round.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    if open.is_none() {
        return Ok(Err(Refused::Closed));
    }
    let existing: Vec<(String,)> = sqlx::query_as("SELECT revision_id FROM apv_plans WHERE org_id = $1 AND round_id = $2")
        .bind(org.as_str())
        .bind(round.as_str())
        .fetch_all(&mut *tx)
        .await?;
    let new: Vec<&str> = revs.iter().copied().filter(|r| !existing.iter().any(|(e,)| e == r)).collect();
    if existing.len() + new.len() > MAX_CHOSEN {
        return Ok(Err(Refused::TooMany));
    }
    for rev in new {
        let now = crate::storage::to_text(now);
        sqlx::query(
            "INSERT INTO apv_plans (id, round_id, org_id, revision_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(ApvPlanId::new().as_str())
        .bind(round.as_str())
        .bind(org.as_str())
        .bind(rev)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Drops a chosen theme and its plan (the group changed its mind).
pub async fn unchoose(db: &Db, org: &OrgId, plan: &ApvPlanId) -> anyhow::Result<()> {
    sqlx::query(
        "DELETE FROM apv_plans WHERE org_id = $1 AND id = $2 AND round_id IN \
         (SELECT id FROM apv_rounds WHERE org_id = $1 AND closed_at IS NULL)",
    )
    .bind(org.as_str())
    .bind(plan.as_str())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The plan query with its condition appended (static SQL); the text
/// columns come in `PLAN_COLUMNS` order from the fifth on.
macro_rules! plans_sql {
    ($filter:literal) => {
        concat!(
            "SELECT id, round_id, revision_id, follow_up_on, issue, activities, resources, timing, participants, \
               responsibilities, evaluation, follow_up, severity, extent, causes \
             FROM apv_plans WHERE org_id = $1 AND ",
            $filter,
            " ORDER BY created_at, id"
        )
    };
}

async fn to_plans(db: &Db, org: &OrgId, rows: Vec<sqlx::any::AnyRow>) -> anyhow::Result<Vec<Plan>> {
    use sqlx::Row;
    let mut plans = Vec::with_capacity(rows.len());
    for row in rows {
        let mut fields = HashMap::new();
        for (i, col) in PLAN_COLUMNS.iter().enumerate() {
            fields.insert((*col).to_string(), row.try_get::<String, _>(4 + i)?);
        }
        let id = ApvPlanId::from_db(row.try_get(0)?);
        plans.push(Plan {
            actions: actions(db, org, &id).await?,
            id,
            round_id: ApvRoundId::from_db(row.try_get(1)?),
            revision_id: row.try_get(2)?,
            follow_up_on: super::date(row.try_get(3)?),
            fields,
        });
    }
    Ok(plans)
}

/// The round's plans, in the order the themes were chosen.
pub async fn plans(db: &Db, org: &OrgId, round: &ApvRoundId) -> anyhow::Result<Vec<Plan>> {
    let rows = sqlx::query(plans_sql!("round_id = $2")).bind(org.as_str()).bind(round.as_str()).fetch_all(&db.pool).await?;
    to_plans(db, org, rows).await
}

pub async fn plan(db: &Db, org: &OrgId, plan: &ApvPlanId) -> anyhow::Result<Option<Plan>> {
    let rows = sqlx::query(plans_sql!("id = $2")).bind(org.as_str()).bind(plan.as_str()).fetch_all(&db.pool).await?;
    Ok(to_plans(db, org, rows).await?.into_iter().next())
}

/// Saves Skema 3's fields; `fields` holds every column of `PLAN_COLUMNS`.
pub async fn save_plan(
    db: &Db,
    org: &OrgId,
    plan: &ApvPlanId,
    fields: &HashMap<String, String>,
    follow_up_on: Option<time::Date>,
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<(), Refused>> {
    let sql = "UPDATE apv_plans SET issue = $3, activities = $4, resources = $5, timing = $6, participants = $7, \
               responsibilities = $8, evaluation = $9, follow_up = $10, severity = $11, extent = $12, causes = $13, \
               follow_up_on = $14, updated_at = $15 \
               WHERE org_id = $1 AND id = $2 AND round_id IN (SELECT id FROM apv_rounds WHERE org_id = $1 AND closed_at IS NULL)";
    let mut q = sqlx::query(sql).bind(org.as_str()).bind(plan.as_str());
    for c in PLAN_COLUMNS {
        q = q.bind(fields.get(c).cloned().unwrap_or_default());
    }
    let done = q.bind(follow_up_on.map(|d| d.to_string())).bind(crate::storage::to_text(now)).execute(&db.pool).await?;
    Ok(if done.rows_affected() == 1 { Ok(()) } else { Err(Refused::Closed) })
}

type ActionRow = (String, String, String, Option<String>, Option<String>, String, Option<String>);

pub async fn actions(db: &Db, org: &OrgId, plan: &ApvPlanId) -> anyhow::Result<Vec<Action>> {
    let rows: Vec<ActionRow> = sqlx::query_as(
        "SELECT a.id, a.plan_id, a.text, a.owner_person_id, p.name, a.due_on, a.done_at \
         FROM apv_actions a \
         LEFT JOIN persons p ON p.id = a.owner_person_id AND p.org_id = a.org_id \
         WHERE a.org_id = $1 AND a.plan_id = $2 ORDER BY a.due_on, a.created_at",
    )
    .bind(org.as_str())
    .bind(plan.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Action {
                id: ApvActionId::from_db(r.0),
                plan_id: ApvPlanId::from_db(r.1),
                text: r.2,
                owner_id: r.3.map(PersonId::from_db),
                owner_name: r.4,
                due_on: domain::input::parse_date(&r.5).ok()?,
                done: r.6.is_some(),
            })
        })
        .collect())
}

pub async fn add_action(
    db: &Db,
    org: &OrgId,
    plan: &ApvPlanId,
    text: &str,
    owner: Option<&PersonId>,
    due_on: time::Date,
    now: time::OffsetDateTime,
) -> anyhow::Result<ApvActionId> {
    let id = ApvActionId::new();
    sqlx::query(
        "INSERT INTO apv_actions (id, plan_id, org_id, text, owner_person_id, due_on, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.as_str())
    .bind(plan.as_str())
    .bind(org.as_str())
    .bind(text)
    .bind(owner.map(PersonId::as_str))
    .bind(due_on.to_string())
    .bind(crate::storage::to_text(now))
    .execute(&db.pool)
    .await?;
    Ok(id)
}

/// Marks an action done or not done.
pub async fn set_action_done(db: &Db, org: &OrgId, plan: &ApvPlanId, action: &ApvActionId, done: bool, now: time::OffsetDateTime) -> anyhow::Result<()> {
    sqlx::query("UPDATE apv_actions SET done_at = $4 WHERE org_id = $1 AND plan_id = $2 AND id = $3")
        .bind(org.as_str())
        .bind(plan.as_str())
        .bind(action.as_str())
        .bind(done.then(|| crate::storage::to_text(now)))
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn delete_action(db: &Db, org: &OrgId, plan: &ApvPlanId, action: &ApvActionId) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM apv_actions WHERE org_id = $1 AND plan_id = $2 AND id = $3")
        .bind(org.as_str())
        .bind(plan.as_str())
        .bind(action.as_str())
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// An action someone owns, with where it comes from.
#[derive(Clone, Debug)]
pub struct OwnedAction {
    pub id: ApvActionId,
    pub plan_id: ApvPlanId,
    pub text: String,
    pub due_on: time::Date,
    pub theme_da: String,
    pub theme_en: String,
    pub group_name: String,
    /// For mail: the owner's name, address and language.
    pub owner_name: String,
    pub email: String,
    pub locale: String,
}

macro_rules! owned_sql {
    ($filter:literal) => {
        concat!(
            "SELECT a.id, a.plan_id, a.text, a.due_on, v.text_da, v.text_en, g.name, p.name, c.email, c.locale \
             FROM apv_actions a \
             JOIN apv_plans pl ON pl.id = a.plan_id AND pl.org_id = a.org_id \
             JOIN apv_rounds r ON r.id = pl.round_id AND r.org_id = pl.org_id \
             JOIN leader_groups g ON g.id = r.group_id AND g.org_id = r.org_id \
             JOIN catalogue_revisions v ON v.id = pl.revision_id AND v.org_id = pl.org_id \
             JOIN persons p ON p.id = a.owner_person_id AND p.org_id = a.org_id \
             JOIN accounts c ON c.id = p.account_id \
             WHERE a.org_id = $1 AND a.done_at IS NULL AND ",
            $filter,
            " ORDER BY a.due_on, a.created_at"
        )
    };
}

type OwnedRow = (String, String, String, String, String, String, String, String, String, String);

fn to_owned_action(r: OwnedRow) -> Option<OwnedAction> {
    Some(OwnedAction {
        id: ApvActionId::from_db(r.0),
        plan_id: ApvPlanId::from_db(r.1),
        text: r.2,
        due_on: domain::input::parse_date(&r.3).ok()?,
        theme_da: r.4,
        theme_en: r.5,
        group_name: r.6,
        owner_name: r.7,
        email: r.8,
        locale: r.9,
    })
}

/// The actions `person` owns that are not done yet, soonest first.
pub async fn my_open_actions(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<Vec<OwnedAction>> {
    let rows: Vec<OwnedRow> = sqlx::query_as(owned_sql!("a.owner_person_id = $2")).bind(org.as_str()).bind(person.as_str()).fetch_all(&db.pool).await?;
    Ok(rows.into_iter().filter_map(to_owned_action).collect())
}

/// Open actions due between `from` and `to` (inclusive) whose owner has not
/// been reminded of that due date.
pub async fn actions_due(db: &Db, org: &OrgId, from: time::Date, to: time::Date) -> anyhow::Result<Vec<OwnedAction>> {
    let rows: Vec<OwnedRow> = sqlx::query_as(owned_sql!(
        "a.due_on >= $2 AND a.due_on <= $3 AND NOT EXISTS (SELECT 1 FROM reminders_sent s \
           WHERE s.org_id = $1 AND s.kind = 'apv-action' AND s.subject_id = a.id AND s.due_key = a.due_on)"
    ))
    .bind(org.as_str())
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(to_owned_action).collect())
}
