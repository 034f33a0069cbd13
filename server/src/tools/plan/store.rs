//! SQL for Tool 3: the organisation's plan and its chosen themes (mapping,
//! unfolding, matrix, action card, top points, sign-off). Every function
//! takes the `OrgId` first and scopes every query by it.

use crate::storage::Db;
use domain::collab::Quadrant;
use domain::ids::{OrgId, PersonId, PlanId};

#[derive(Clone, Debug)]
pub struct Plan {
    pub id: PlanId,
    pub title: String,
    pub created_at: String,
    pub signed_off_on: Option<time::Date>,
    pub signed_off_by: String,
    pub signoff_note: String,
    pub open: bool,
}

type PlanRow = (String, String, String, Option<String>, String, String, Option<String>);

fn to_plan(r: PlanRow) -> Plan {
    Plan {
        id: PlanId::from_db(r.0),
        title: r.1,
        created_at: r.2,
        signed_off_on: r.3.and_then(|d| domain::input::parse_date(&d).ok()),
        signed_off_by: r.4,
        signoff_note: r.5,
        open: r.6.is_none(),
    }
}

const PLAN_COLUMNS: &str = "SELECT id, title, created_at, signed_off_on, signed_off_by, signoff_note, closed_at FROM org_plans";

/// The organisation's plans, newest first.
pub async fn plans(db: &Db, org: &OrgId) -> anyhow::Result<Vec<Plan>> {
    let rows: Vec<PlanRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{PLAN_COLUMNS} WHERE org_id = $1 ORDER BY created_at DESC, id DESC")))
        .bind(org.as_str())
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(to_plan).collect())
}

pub async fn plan(db: &Db, org: &OrgId, id: &PlanId) -> anyhow::Result<Option<Plan>> {
    let row: Option<PlanRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{PLAN_COLUMNS} WHERE org_id = $1 AND id = $2")))
        .bind(org.as_str())
        .bind(id.as_str())
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(to_plan))
}

/// Starts a plan; the one before it (if any) is closed, since an
/// organisation works from one plan at a time.
pub async fn start(db: &Db, org: &OrgId, by: &PersonId, title: &str, now: time::OffsetDateTime) -> anyhow::Result<PlanId> {
    let mut tx = db.begin_write().await?;
    let now = crate::storage::to_text(now);
    sqlx::query("UPDATE org_plans SET closed_at = $1 WHERE org_id = $2 AND closed_at IS NULL")
        .bind(&now)
        .bind(org.as_str())
        .execute(&mut *tx)
        .await?;
    let id = PlanId::new();
    let inserted = sqlx::query("INSERT INTO org_plans (id, org_id, title, created_by, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id.as_str())
        .bind(org.as_str())
        .bind(title)
        .bind(by.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await;
    if let Err(e) = inserted {
        // Another HR admin started one in the same moment: theirs is the plan.
        if e.as_database_error().is_some_and(|d| d.is_unique_violation()) {
            drop(tx);
            let open: (String,) = sqlx::query_as("SELECT id FROM org_plans WHERE org_id = $1 AND closed_at IS NULL")
                .bind(org.as_str())
                .fetch_one(&db.pool)
                .await?;
            return Ok(PlanId::from_db(open.0));
        }
        return Err(e.into());
    }
    tx.commit().await?;
    Ok(id)
}

/// A chosen theme with everything the three steps wrote about it.
#[derive(Clone, Debug, Default)]
pub struct PlanTheme {
    pub theme: String,
    pub known: String,
    pub sources: String,
    pub need_more: String,
    pub unfold: String,
    pub quadrant: Option<Quadrant>,
    pub card: Card,
    pub top: Option<i64>,
}

/// Where an action card's work stands, as HR records it at each follow-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    Planned,
    UnderWay,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Planned, Status::UnderWay, Status::Done, Status::Dropped];

    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::UnderWay => "under_way",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.code() == s.trim())
    }

    /// Finished work needs no more reminders.
    pub fn is_active(self) -> bool {
        matches!(self, Status::Planned | Status::UnderWay)
    }
}

/// A theme's action card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Card {
    pub goal: String,
    pub actions: String,
    pub owner: String,
    pub starts_on: Option<time::Date>,
    pub deadline: Option<time::Date>,
    pub measure: String,
    pub follow_up: String,
    /// The next follow-up: HR is reminded three days before.
    pub follow_up_on: Option<time::Date>,
    pub status: Status,
}

impl Card {
    pub fn is_empty(&self) -> bool {
        *self == Card::default()
    }
}

type ThemeRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<i64>,
    Option<String>,
    String,
);

pub async fn themes(db: &Db, org: &OrgId, plan: &PlanId) -> anyhow::Result<Vec<PlanTheme>> {
    themes_in(&db.pool, org, plan).await
}

async fn themes_in<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(e: E, org: &OrgId, plan: &PlanId) -> anyhow::Result<Vec<PlanTheme>> {
    let rows: Vec<ThemeRow> = sqlx::query_as(
        "SELECT theme, known, sources, need_more, unfold, quadrant, goal, actions, owner, starts_on, deadline, measure, follow_up, top, \
           follow_up_on, status \
         FROM org_plan_themes WHERE org_id = $1 AND plan_id = $2 ORDER BY position, theme",
    )
    .bind(org.as_str())
    .bind(plan.as_str())
    .fetch_all(e)
    .await?;
    let date = |d: Option<String>| d.and_then(|d| domain::input::parse_date(&d).ok());
    Ok(rows
        .into_iter()
        .map(|r| PlanTheme {
            theme: r.0,
            known: r.1,
            sources: r.2,
            need_more: r.3,
            unfold: r.4,
            quadrant: r.5.as_deref().and_then(Quadrant::parse),
            card: Card {
                goal: r.6,
                actions: r.7,
                owner: r.8,
                starts_on: date(r.9),
                deadline: date(r.10),
                measure: r.11,
                follow_up: r.12,
                follow_up_on: date(r.14),
                status: Status::parse(&r.15).unwrap_or_default(),
            },
            top: r.13,
        })
        .collect())
}

/// Why a change to a plan was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// A newer plan has replaced it.
    Closed,
}

/// Why a step's form was not saved.
#[derive(Debug, PartialEq, Eq)]
pub enum NotSaved {
    Refused(Refused),
    /// Another HR admin saved these themes' fields of the same step after
    /// the form was opened, differently: nothing was saved.
    Conflict(Vec<String>),
}

async fn touch_open(conn: &mut sqlx::AnyConnection, org: &OrgId, plan: &PlanId) -> anyhow::Result<bool> {
    // Writing first takes the write lock and proves the plan open.
    let done = sqlx::query("UPDATE org_plans SET title = title WHERE org_id = $1 AND id = $2 AND closed_at IS NULL")
        .bind(org.as_str())
        .bind(plan.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Step 1: the chosen themes, in the sheet's order. Themes no longer
/// chosen are removed with what was written about them.
pub async fn choose(db: &Db, org: &OrgId, plan: &PlanId, by: &PersonId, chosen: &[String], now: time::OffsetDateTime) -> anyhow::Result<Result<(), Refused>> {
    let mut tx = db.begin_write().await?;
    if !touch_open(&mut tx, org, plan).await? {
        return Ok(Err(Refused::Closed));
    }
    let existing: Vec<(String, Option<i64>)> = sqlx::query_as("SELECT theme, top FROM org_plan_themes WHERE org_id = $1 AND plan_id = $2")
        .bind(org.as_str())
        .bind(plan.as_str())
        .fetch_all(&mut *tx)
        .await?;
    if existing.iter().any(|(theme, top)| top.is_some() && !chosen.contains(theme)) {
        // One of the two points top management approved is no longer in
        // the plan: the approval was for the plan as it was.
        sqlx::query("UPDATE org_plans SET signed_off_on = NULL, signed_off_by = '', signoff_note = '' WHERE org_id = $1 AND id = $2")
            .bind(org.as_str())
            .bind(plan.as_str())
            .execute(&mut *tx)
            .await?;
    }
    for (theme, _) in &existing {
        if !chosen.contains(theme) {
            sqlx::query("DELETE FROM org_plan_themes WHERE org_id = $1 AND plan_id = $2 AND theme = $3")
                .bind(org.as_str())
                .bind(plan.as_str())
                .bind(theme)
                .execute(&mut *tx)
                .await?;
        }
    }
    let now = crate::storage::to_text(now);
    for (position, theme) in chosen.iter().enumerate() {
        sqlx::query(
            "INSERT INTO org_plan_themes (plan_id, org_id, theme, position, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (plan_id, theme) DO UPDATE SET position = excluded.position",
        )
        .bind(plan.as_str())
        .bind(org.as_str())
        .bind(theme)
        .bind(position as i64)
        .bind(by.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// What one step writes about the chosen themes, theme by theme.
pub enum Edit<'a> {
    Mapping { known: &'a str, sources: &'a str, need_more: &'a str },
    Unfold { unfold: &'a str },
    Card(&'a Card),
}

impl<'a> Edit<'a> {
    /// The same step's fields of another version of the theme.
    pub fn same_step_of(&self, t: &'a PlanTheme) -> Edit<'a> {
        match self {
            Edit::Mapping { .. } => Edit::Mapping { known: &t.known, sources: &t.sources, need_more: &t.need_more },
            Edit::Unfold { .. } => Edit::Unfold { unfold: &t.unfold },
            Edit::Card(_) => Edit::Card(&t.card),
        }
    }

    /// A short digest of the step's fields: a form carries the digest of
    /// what it showed, so a save can tell whether someone else saved since.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let fields: Vec<String> = match self {
            Edit::Mapping { known, sources, need_more } => vec![known.to_string(), sources.to_string(), need_more.to_string()],
            Edit::Unfold { unfold } => vec![unfold.to_string()],
            Edit::Card(c) => {
                let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
                vec![c.goal.clone(), c.actions.clone(), c.owner.clone(), date(c.starts_on), date(c.deadline), c.measure.clone(), c.follow_up.clone(), date(c.follow_up_on), c.status.code().to_string()]
            }
        };
        let digest = Sha256::digest(fields.join("\u{1f}").as_bytes());
        digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
    }
}

/// One theme's edit with the fingerprint of what the form showed (`None`
/// from a form without one: written as it is).
pub struct Saving<'a> {
    pub theme: String,
    pub edit: Edit<'a>,
    pub seen: Option<String>,
}

/// Saves one step's fields for the given chosen themes (others are
/// ignored). A theme someone else saved since the form showed it keeps
/// their words if this form left it as it was; if both changed it, nothing
/// is saved and the themes are named (`Refused::Conflict`).
pub async fn save(db: &Db, org: &OrgId, plan: &PlanId, by: &PersonId, edits: &[Saving<'_>], now: time::OffsetDateTime) -> anyhow::Result<Result<(), NotSaved>> {
    let mut tx = db.begin_write().await?;
    // Holds the plan's write lock from here, so what is read next is what
    // the write replaces.
    if !touch_open(&mut tx, org, plan).await? {
        return Ok(Err(NotSaved::Refused(Refused::Closed)));
    }
    let stored = themes_in(&mut *tx, org, plan).await?;
    let mut writes = Vec::new();
    let mut conflicts = Vec::new();
    for Saving { theme, edit, seen } in edits {
        let Some(now) = stored.iter().find(|t| t.theme == *theme) else { continue };
        let Some(seen) = seen else {
            writes.push((theme, edit));
            continue;
        };
        let (now, typed) = (edit.same_step_of(now).fingerprint(), edit.fingerprint());
        if now == *seen {
            writes.push((theme, edit));
        } else if typed != *seen && typed != now {
            conflicts.push(theme.clone());
        }
    }
    if !conflicts.is_empty() {
        return Ok(Err(NotSaved::Conflict(conflicts)));
    }
    let now = crate::storage::to_text(now);
    for (theme, edit) in writes {
        if let (Edit::Card(c), Some(was)) = (edit, stored.iter().find(|t| t.theme == *theme)) {
            if (c.status, c.follow_up_on) != (was.card.status, was.card.follow_up_on) {
                log_status(&mut tx, org, plan, theme, c, by, &now).await?;
            }
        }
        let q = match edit {
            Edit::Mapping { known, sources, need_more } => sqlx::query(
                "UPDATE org_plan_themes SET known = $4, sources = $5, need_more = $6, updated_by = $7, updated_at = $8 \
                 WHERE org_id = $1 AND plan_id = $2 AND theme = $3",
            )
            .bind(org.as_str())
            .bind(plan.as_str())
            .bind(theme)
            .bind(*known)
            .bind(*sources)
            .bind(*need_more),
            Edit::Unfold { unfold } => sqlx::query(
                "UPDATE org_plan_themes SET unfold = $4, updated_by = $5, updated_at = $6 WHERE org_id = $1 AND plan_id = $2 AND theme = $3",
            )
            .bind(org.as_str())
            .bind(plan.as_str())
            .bind(theme)
            .bind(*unfold),
            Edit::Card(c) => sqlx::query(
                "UPDATE org_plan_themes SET goal = $4, actions = $5, owner = $6, starts_on = $7, deadline = $8, measure = $9, \
                   follow_up = $10, follow_up_on = $11, status = $12, updated_by = $13, updated_at = $14 \
                 WHERE org_id = $1 AND plan_id = $2 AND theme = $3",
            )
            .bind(org.as_str())
            .bind(plan.as_str())
            .bind(theme)
            .bind(&c.goal)
            .bind(&c.actions)
            .bind(&c.owner)
            .bind(c.starts_on.map(|d| d.to_string()))
            .bind(c.deadline.map(|d| d.to_string()))
            .bind(&c.measure)
            .bind(&c.follow_up)
            .bind(c.follow_up_on.map(|d| d.to_string()))
            .bind(c.status.code()),
        };
        q.bind(by.as_str()).bind(&now).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Records a change of an action card's status or next follow-up date.
pub async fn log_status(tx: &mut sqlx::AnyConnection, org: &OrgId, plan: &PlanId, theme: &str, c: &Card, by: &PersonId, now: &str) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO org_plan_status_log (id, plan_id, org_id, theme, status, follow_up_on, noted_by, noted_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(plan.as_str())
    .bind(org.as_str())
    .bind(theme)
    .bind(c.status.code())
    .bind(c.follow_up_on.map(|d| d.to_string()))
    .bind(by.as_str())
    .bind(now)
    .execute(tx)
    .await?;
    Ok(())
}

/// One recorded change of an action card's status or next follow-up.
#[derive(Clone, Debug)]
pub struct StatusNote {
    pub theme: String,
    pub status: Status,
    pub follow_up_on: Option<time::Date>,
    /// Who recorded it; `None` once their account is deleted.
    pub by: Option<String>,
    pub at: String,
}

/// The plan's action cards' histories, oldest first.
pub async fn status_log(db: &Db, org: &OrgId, plan: &PlanId) -> anyhow::Result<Vec<StatusNote>> {
    let rows: Vec<(String, String, Option<String>, Option<String>, String)> = sqlx::query_as(
        "SELECT l.theme, l.status, l.follow_up_on, p.name, l.noted_at FROM org_plan_status_log l \
         LEFT JOIN persons p ON p.id = l.noted_by AND p.org_id = l.org_id \
         WHERE l.org_id = $1 AND l.plan_id = $2 ORDER BY l.noted_at, l.id",
    )
    .bind(org.as_str())
    .bind(plan.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| StatusNote {
            theme: r.0,
            status: Status::parse(&r.1).unwrap_or_default(),
            follow_up_on: r.2.and_then(|d| domain::input::parse_date(&d).ok()),
            by: r.3,
            at: r.4,
        })
        .collect())
}

/// Places a chosen theme in the matrix, or takes it off.
pub async fn place(db: &Db, org: &OrgId, plan: &PlanId, theme: &str, quadrant: Option<Quadrant>) -> anyhow::Result<Result<bool, Refused>> {
    let mut tx = db.begin_write().await?;
    if !touch_open(&mut tx, org, plan).await? {
        return Ok(Err(Refused::Closed));
    }
    let done = sqlx::query("UPDATE org_plan_themes SET quadrant = $4 WHERE org_id = $1 AND plan_id = $2 AND theme = $3")
        .bind(org.as_str())
        .bind(plan.as_str())
        .bind(theme)
        .bind(quadrant.map(|q| q.code()))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Ok(done.rows_affected() == 1))
}

/// The plan's two most important points: the themes whose cards they are
/// (`None` leaves a place empty), and top management's sign-off.
pub struct Decision<'a> {
    pub top: [Option<&'a str>; 2],
    pub signed_off_on: Option<time::Date>,
    pub signed_off_by: &'a str,
    pub signoff_note: &'a str,
}

/// What became of top management's sign-off when the decision was saved.
#[derive(Debug, PartialEq, Eq)]
pub enum SignOff {
    /// As the form said.
    AsSent,
    /// Taken off: the two points changed while the form sent the old
    /// sign-off back unchanged, and management approved the old two.
    Withdrawn,
}

pub async fn decide(db: &Db, org: &OrgId, plan: &PlanId, by: &PersonId, d: &Decision<'_>) -> anyhow::Result<Result<SignOff, Refused>> {
    let mut tx = db.begin_write().await?;
    if !touch_open(&mut tx, org, plan).await? {
        return Ok(Err(Refused::Closed));
    }
    // Read under the plan's lock: the two points and the sign-off as stored.
    let before: Vec<(String, i64)> =
        sqlx::query_as("SELECT theme, top FROM org_plan_themes WHERE org_id = $1 AND plan_id = $2 AND top IS NOT NULL")
            .bind(org.as_str())
            .bind(plan.as_str())
            .fetch_all(&mut *tx)
            .await?;
    let (stored_on, stored_by): (Option<String>, String) =
        sqlx::query_as("SELECT signed_off_on, signed_off_by FROM org_plans WHERE org_id = $1 AND id = $2")
            .bind(org.as_str())
            .bind(plan.as_str())
            .fetch_one(&mut *tx)
            .await?;
    let top_before = [1, 2].map(|n| before.iter().find(|(_, top)| *top == n).map(|(theme, _)| theme.as_str()));
    let sent_back = stored_on.is_some() && stored_on == d.signed_off_on.map(|d| d.to_string()) && stored_by == d.signed_off_by;
    let withdrawn = sent_back && top_before != d.top;
    let (on, signed_by, note) = if withdrawn { (None, "", "") } else { (d.signed_off_on, d.signed_off_by, d.signoff_note) };
    sqlx::query("UPDATE org_plan_themes SET top = NULL WHERE org_id = $1 AND plan_id = $2")
        .bind(org.as_str())
        .bind(plan.as_str())
        .execute(&mut *tx)
        .await?;
    for (i, theme) in d.top.iter().enumerate() {
        let Some(theme) = theme else { continue };
        sqlx::query("UPDATE org_plan_themes SET top = $4 WHERE org_id = $1 AND plan_id = $2 AND theme = $3")
            .bind(org.as_str())
            .bind(plan.as_str())
            .bind(*theme)
            .bind(i as i64 + 1)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE org_plans SET signed_off_on = $3, signed_off_by = $4, signoff_note = $5, recorded_by = $6 WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(plan.as_str())
        .bind(on.map(|d| d.to_string()))
        .bind(signed_by)
        .bind(note)
        .bind(by.as_str())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Ok(if withdrawn { SignOff::Withdrawn } else { SignOff::AsSent }))
}

/// Adds a paragraph to what an open plan knows about a chosen theme, in
/// the caller's transaction; false (nothing written) when the plan is
/// replaced, the theme not chosen, or the text would outgrow the mapping's
/// form (`LongText::MAX_LEN`).
pub async fn append_known(conn: &mut sqlx::AnyConnection, org: &OrgId, plan: &PlanId, theme: &str, addition: &str, by: &PersonId, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    // Waits for a step's save of the same plan (its lock), so neither's
    // words are lost, and proves the plan open.
    if !touch_open(&mut *conn, org, plan).await? {
        return Ok(false);
    }
    let current: Option<(String,)> = sqlx::query_as("SELECT known FROM org_plan_themes WHERE org_id = $1 AND plan_id = $2 AND theme = $3")
    .bind(org.as_str())
    .bind(plan.as_str())
    .bind(theme)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((known,)) = current else { return Ok(false) };
    let known = if known.is_empty() { addition.to_string() } else { format!("{known}\n\n{addition}") };
    if known.chars().count() > domain::input::LongText::MAX_LEN {
        return Ok(false);
    }
    sqlx::query("UPDATE org_plan_themes SET known = $4, updated_by = $5, updated_at = $6 WHERE org_id = $1 AND plan_id = $2 AND theme = $3")
        .bind(org.as_str())
        .bind(plan.as_str())
        .bind(theme)
        .bind(&known)
        .bind(by.as_str())
        .bind(crate::storage::to_text(now))
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// A live session's agreed next steps as a draft in an open plan, in the
/// caller's transaction: each theme is chosen if it was not (placed last),
/// and each step is added as a line to the theme's action card. Lines that
/// would outgrow the card's form are left out.
pub async fn draft_actions(tx: &mut sqlx::AnyConnection, org: &OrgId, plan: &PlanId, by: &PersonId, lines: &[(String, String)], now: time::OffsetDateTime) -> anyhow::Result<Result<(), Refused>> {
    if !touch_open(&mut *tx, org, plan).await? {
        return Ok(Err(Refused::Closed));
    }
    let now = crate::storage::to_text(now);
    for (theme, line) in lines {
        sqlx::query(concat!(
            "INSERT INTO org_plan_themes (plan_id, org_id, theme, position, updated_by, updated_at) ",
            "SELECT $1, $2, $3, COALESCE(MAX(position), -1) + 1, $4, $5 FROM org_plan_themes WHERE plan_id = $1 ",
            "ON CONFLICT (plan_id, theme) DO NOTHING"
        ))
        .bind(plan.as_str())
        .bind(org.as_str())
        .bind(theme)
        .bind(by.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        let (actions,): (String,) = sqlx::query_as("SELECT actions FROM org_plan_themes WHERE plan_id = $1 AND theme = $2")
            .bind(plan.as_str())
            .bind(theme)
            .fetch_one(&mut *tx)
            .await?;
        let actions = if actions.is_empty() { line.clone() } else { format!("{actions}\n{line}") };
        if actions.chars().count() > domain::input::LongText::MAX_LEN {
            continue;
        }
        sqlx::query("UPDATE org_plan_themes SET actions = $3, updated_by = $4, updated_at = $5 WHERE plan_id = $1 AND theme = $2")
            .bind(plan.as_str())
            .bind(theme)
            .bind(&actions)
            .bind(by.as_str())
            .bind(&now)
            .execute(&mut *tx)
            .await?;
    }
    Ok(Ok(()))
}
