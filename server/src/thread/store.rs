//! SQL for lifts. Every function takes the `OrgId` first. Queries for a
//! receiving level (the inboxes) never select the sender's id: they return
//! the sender's name only for an attributed lift, and whether the viewer is
//! the sender, so a view cannot show a name by mistake.

use crate::storage::Db;
use domain::ids::{GroupId, LiftId, OrgId, PersonId};
use domain::thread::{Answer, Destination, Level, LiftStatus, LiftText, SourceKind};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// The receiving level's answer as stored.
#[derive(Clone, Debug)]
pub struct Answered {
    pub status: LiftStatus,
    pub answer: String,
    pub by_name: Option<String>,
    pub at: Option<String>,
}

/// A lift as a level sees it.
#[derive(Clone, Debug)]
pub struct Lift {
    pub id: LiftId,
    pub source_kind: SourceKind,
    pub source_id: String,
    /// The sender's name: only when the lift is attributed (or, in the
    /// sender's own list, always).
    pub sender_name: Option<String>,
    /// The viewer sent it.
    pub mine: bool,
    pub from_group_id: Option<GroupId>,
    pub from_group_name: Option<String>,
    pub to: Destination,
    pub to_group_name: Option<String>,
    pub text: String,
    pub attributed: bool,
    pub answered: Answered,
    pub created_at: String,
    /// The lift this one was lifted on as, with what came of it there.
    pub onward: Option<Onward>,
}

#[derive(Clone, Debug)]
pub struct Onward {
    pub id: LiftId,
    pub level: Level,
    pub status: LiftStatus,
    pub answer: String,
}

/// A lift about to be sent.
#[derive(Clone, Copy)]
pub struct NewLift<'a> {
    pub source_kind: SourceKind,
    pub source_id: &'a str,
    pub from_person: &'a PersonId,
    pub from_group: Option<&'a GroupId>,
    pub to: &'a Destination,
    pub text: &'a LiftText,
    pub attributed: bool,
}

/// Columns of `Lift`, `$1` being the viewer's person id. The sender's name
/// is selected only when attributed.
const COLUMNS: &str = "l.id, l.source_kind, l.source_id, \
     CASE WHEN l.attributed = 1 THEN p.name END, \
     CASE WHEN l.from_person_id = $1 THEN 1 ELSE 0 END, \
     l.from_group_id, fg.name, l.to_level, l.to_group_id, tg.name, l.text, l.attributed, \
     l.status, l.answer, a.name, l.answered_at, l.created_at, o.id, o.to_level, o.status, o.answer";

const FROM: &str = "FROM lifts l \
     LEFT JOIN persons p ON p.id = l.from_person_id AND p.org_id = l.org_id \
     LEFT JOIN persons a ON a.id = l.answered_by_id AND a.org_id = l.org_id \
     LEFT JOIN leader_groups fg ON fg.id = l.from_group_id AND fg.org_id = l.org_id \
     LEFT JOIN leader_groups tg ON tg.id = l.to_group_id AND tg.org_id = l.org_id \
     LEFT JOIN lifts o ON o.org_id = l.org_id AND o.source_kind = 'lift' AND o.source_id = l.id";

/// Open lifts first, then newest first (UUID v7 ids sort by creation).
const ORDER: &str = "ORDER BY CASE WHEN l.status = 'open' THEN 0 ELSE 1 END, l.id DESC";

/// Reads one row of `COLUMNS` (more columns than sqlx reads into a tuple).
fn to_lift(r: &AnyRow) -> anyhow::Result<Option<Lift>> {
    let text = |i: usize| r.try_get::<String, _>(i);
    let maybe = |i: usize| r.try_get::<Option<String>, _>(i);
    let Some(level) = Level::parse(&text(7)?) else { return Ok(None) };
    let to = match (level, maybe(8)?) {
        (Level::Group, Some(g)) => Destination::Group(GroupId::from_db(g)),
        (Level::Organisation, None) => Destination::Organisation,
        _ => return Ok(None),
    };
    let Some(source_kind) = SourceKind::parse(&text(1)?) else { return Ok(None) };
    let onward = match (maybe(17)?, maybe(18)?.as_deref().and_then(Level::parse)) {
        (Some(id), Some(level)) => Some(Onward {
            id: LiftId::from_db(id),
            level,
            status: LiftStatus::from_db(maybe(19)?.as_deref().unwrap_or_default()),
            answer: maybe(20)?.unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(Some(Lift {
        id: LiftId::from_db(text(0)?),
        source_kind,
        source_id: text(2)?,
        sender_name: maybe(3)?,
        mine: r.try_get::<i64, _>(4)? != 0,
        from_group_id: maybe(5)?.map(GroupId::from_db),
        from_group_name: maybe(6)?,
        to,
        to_group_name: maybe(9)?,
        text: text(10)?,
        attributed: r.try_get::<i64, _>(11)? != 0,
        answered: Answered {
            status: LiftStatus::from_db(&text(12)?),
            answer: text(13)?,
            by_name: maybe(14)?,
            at: maybe(15)?,
        },
        created_at: text(16)?,
        onward,
    }))
}

async fn select(conn: &mut AnyConnection, viewer: &PersonId, condition: &str, binds: &[&str]) -> anyhow::Result<Vec<Lift>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE {condition} {ORDER}");
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(viewer.as_str().to_string());
    for b in binds {
        query = query.bind(b.to_string());
    }
    let rows = query.fetch_all(conn).await?;
    let mut lifts = Vec::with_capacity(rows.len());
    for row in &rows {
        lifts.extend(to_lift(row)?);
    }
    Ok(lifts)
}

/// Sends a lift; the caller has checked that the sender may lift the
/// source to the destination. `None` when the source already went there
/// (one lift per source and receiver, kept by a unique index, so a
/// double-clicked form sends once).
pub async fn lift(conn: &mut AnyConnection, org: &OrgId, new: NewLift<'_>, now: time::OffsetDateTime) -> anyhow::Result<Option<LiftId>> {
    let id = LiftId::new();
    let done = sqlx::query(
        "INSERT INTO lifts (id, org_id, source_kind, source_id, from_person_id, from_group_id, to_level, to_group_id, \
           text, attributed, status, answer, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', '', $11) ON CONFLICT DO NOTHING",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(new.source_kind.code())
    .bind(new.source_id)
    .bind(new.from_person.as_str())
    .bind(new.from_group.map(|g| g.as_str().to_string()))
    .bind(new.to.level().code())
    .bind(new.to.group().map(|g| g.as_str().to_string()))
    .bind(new.text.as_str())
    .bind(i64::from(new.attributed))
    .bind(crate::storage::to_text(now))
    .execute(&mut *conn)
    .await?;
    Ok((done.rows_affected() > 0).then_some(id))
}

/// Who sent a lift, for telling them it was answered; never shown to a
/// receiving level (`notify` names no one in that news).
pub struct Sender {
    pub person: PersonId,
    pub kind: SourceKind,
    pub source_id: String,
    pub from_group: Option<GroupId>,
}

pub async fn sender(conn: &mut AnyConnection, org: &OrgId, lift: &LiftId) -> anyhow::Result<Option<Sender>> {
    let row: Option<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT from_person_id, source_kind, source_id, from_group_id FROM lifts \
         WHERE org_id = $1 AND id = $2 AND from_person_id IS NOT NULL",
    )
    .bind(org.as_str())
    .bind(lift.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.and_then(|(person, kind, source_id, from_group)| {
        Some(Sender {
            person: PersonId::from_db(person),
            kind: SourceKind::parse(&kind)?,
            source_id,
            from_group: from_group.map(GroupId::from_db),
        })
    }))
}

/// What became of a withdrawal.
#[derive(Debug, PartialEq, Eq)]
pub enum Withdrawn {
    /// Deleted; the lift's source, to go back to.
    Done { kind: SourceKind, source_id: String, from_group: Option<GroupId> },
    /// Not a lift this person sent.
    NotFound,
    /// Answered or lifted on: the receiving level has acted on it.
    NotOpen,
}

/// Takes a lift back: only the sender, only while it is open and not lifted on.
pub async fn withdraw(db: &Db, org: &OrgId, person: &PersonId, lift: &LiftId) -> anyhow::Result<Withdrawn> {
    let mut tx = db.begin_write().await?;
    let row: Option<(String, String, Option<String>, String, i64)> = sqlx::query_as(
        "SELECT l.source_kind, l.source_id, l.from_group_id, l.status, \
           (SELECT COUNT(*) FROM lifts o WHERE o.org_id = l.org_id AND o.source_kind = 'lift' AND o.source_id = l.id) \
         FROM lifts l WHERE l.org_id = $1 AND l.id = $2 AND l.from_person_id = $3",
    )
    .bind(org.as_str())
    .bind(lift.as_str())
    .bind(person.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((kind, source_id, from_group, status, onward)) = row else {
        return Ok(Withdrawn::NotFound);
    };
    let Some(kind) = SourceKind::parse(&kind) else {
        return Ok(Withdrawn::NotFound);
    };
    if status != LiftStatus::Open.code() || onward > 0 {
        return Ok(Withdrawn::NotOpen);
    }
    sqlx::query("DELETE FROM lifts WHERE org_id = $1 AND id = $2 AND from_person_id = $3 AND status = 'open'")
        .bind(org.as_str())
        .bind(lift.as_str())
        .bind(person.as_str())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Withdrawn::Done { kind, source_id, from_group: from_group.map(GroupId::from_db) })
}

/// Records the receiving level's answer on a lift that arrived at `to`.
/// Returns false when no such lift arrived there (nothing is written).
pub async fn answer(conn: &mut AnyConnection, org: &OrgId, to: &Destination, lift: &LiftId, answer: &Answer, by: &PersonId, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE lifts SET status = $1, answer = $2, answered_by_id = $3, answered_at = $4 \
         WHERE org_id = $5 AND id = $6 AND to_level = $7 AND COALESCE(to_group_id, '') = $8",
    )
    .bind(answer.status.code())
    .bind(&answer.text)
    .bind(by.as_str())
    .bind(crate::storage::to_text(now))
    .bind(org.as_str())
    .bind(lift.as_str())
    .bind(to.level().code())
    .bind(to.group().map(|g| g.as_str()).unwrap_or_default())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// `answer`, only while the lift is still open: false when it was
/// answered in the meantime (or never arrived at `to`).
pub async fn answer_open(conn: &mut AnyConnection, org: &OrgId, to: &Destination, lift: &LiftId, answer: &Answer, by: &PersonId, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE lifts SET status = $1, answer = $2, answered_by_id = $3, answered_at = $4 \
         WHERE org_id = $5 AND id = $6 AND to_level = $7 AND COALESCE(to_group_id, '') = $8 AND status = 'open'",
    )
    .bind(answer.status.code())
    .bind(&answer.text)
    .bind(by.as_str())
    .bind(crate::storage::to_text(now))
    .bind(org.as_str())
    .bind(lift.as_str())
    .bind(to.level().code())
    .bind(to.group().map(|g| g.as_str()).unwrap_or_default())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Every lift that arrived at a group, as its people see it.
pub async fn group_inbox(db: &Db, org: &OrgId, group: &GroupId, viewer: &PersonId) -> anyhow::Result<Vec<Lift>> {
    let mut conn = db.pool.acquire().await?;
    select(&mut conn, viewer, "l.org_id = $2 AND l.to_level = 'group' AND l.to_group_id = $3", &[org.as_str(), group.as_str()]).await
}

/// Every lift that arrived at the organisation, as HR sees it.
pub async fn org_inbox(db: &Db, org: &OrgId, viewer: &PersonId) -> anyhow::Result<Vec<Lift>> {
    let mut conn = db.pool.acquire().await?;
    select(&mut conn, viewer, "l.org_id = $2 AND l.to_level = 'organisation'", &[org.as_str()]).await
}

/// One lift that arrived at `to`, if it did.
pub async fn arrived(db: &Db, org: &OrgId, to: &Destination, lift: &LiftId, viewer: &PersonId) -> anyhow::Result<Option<Lift>> {
    let mut conn = db.pool.acquire().await?;
    let found = select(
        &mut conn,
        viewer,
        "l.org_id = $2 AND l.id = $3 AND l.to_level = $4 AND COALESCE(l.to_group_id, '') = $5",
        &[org.as_str(), lift.as_str(), to.level().code(), to.group().map(|g| g.as_str()).unwrap_or_default()],
    )
    .await?;
    Ok(found.into_iter().next())
}

/// The sender's own lifts of one source, with the sender's name (it is theirs).
pub async fn for_source(db: &Db, org: &OrgId, sender: &PersonId, kind: SourceKind, source_id: &str) -> anyhow::Result<Vec<Lift>> {
    let mut conn = db.pool.acquire().await?;
    let mut lifts = select(
        &mut conn,
        sender,
        "l.org_id = $2 AND l.from_person_id = $1 AND l.source_kind = $3 AND l.source_id = $4",
        &[org.as_str(), kind.code(), source_id],
    )
    .await?;
    for l in &mut lifts {
        l.mine = true;
    }
    Ok(lifts)
}

/// What a group sent of one source (e.g. an APV theme), as `viewer` sees it:
/// the group's members follow what their group lifted and the answer.
pub async fn from_group(db: &Db, org: &OrgId, viewer: &PersonId, group: &GroupId, kind: SourceKind, source_id: &str) -> anyhow::Result<Vec<Lift>> {
    let mut conn = db.pool.acquire().await?;
    select(
        &mut conn,
        viewer,
        "l.org_id = $2 AND l.from_group_id = $3 AND l.source_kind = $4 AND l.source_id = $5",
        &[org.as_str(), group.as_str(), kind.code(), source_id],
    )
    .await
}
