//! SQL for the leader agreement: agreements per period, their points, the
//! daily ticks and weekly lines. Every function takes the `OrgId` first, and
//! every function that reads or changes a leader's own work takes the
//! leader's `PersonId` and filters by it: a point id alone opens nothing.

use crate::storage::Db;
use domain::agreement::{Period, PointKind, Rhythm};
use domain::ids::{AgreementId, OrgId, PersonId, PointId};
use sqlx::AnyConnection;
use time::Date;

/// An agreement's head: its period, whom it is shared with, who agreed.
#[derive(Clone, Debug)]
pub struct Agreement {
    pub id: AgreementId,
    pub person_id: PersonId,
    pub period: Period,
    pub previous_id: Option<AgreementId>,
    pub shared_with_id: Option<PersonId>,
    pub agreed_by_leader_at: Option<String>,
    pub agreed_by_nearest_at: Option<String>,
    pub updated_at: String,
}

#[derive(Clone, Debug)]
pub struct Point {
    pub id: PointId,
    pub kind: PointKind,
    pub text: String,
    pub follow_up: String,
    pub rhythm: Rhythm,
    pub shared: bool,
    /// The day (in Copenhagen) the point was made: no check-in is missing
    /// from before it.
    pub since: Date,
}

/// The local day a point stored at `created_at` was made.
pub fn made_on(created_at: &str) -> Option<Date> {
    crate::storage::from_text(created_at).map(|t| crate::i18n::format::copenhagen(t).date())
}

/// A point as the editor sends it: an existing id to change, or none to add.
pub struct PointInput {
    pub id: Option<PointId>,
    pub kind: PointKind,
    pub text: String,
    pub follow_up: String,
    pub rhythm: Rhythm,
}

pub fn date_text(d: Date) -> String {
    d.to_string()
}

pub fn parse_day(s: &str) -> Option<Date> {
    domain::input::parse_date(s).ok()
}

pub(crate) type AgreementRow = (String, String, String, String, Option<String>, Option<String>, Option<String>, Option<String>, String);

pub(crate) fn to_agreement(r: AgreementRow) -> Option<Agreement> {
    Some(Agreement {
        id: AgreementId::from_db(r.0),
        person_id: PersonId::from_db(r.1),
        period: Period { starts_on: parse_day(&r.2)?, ends_on: parse_day(&r.3)? },
        previous_id: r.4.map(AgreementId::from_db),
        shared_with_id: r.5.map(PersonId::from_db),
        agreed_by_leader_at: r.6,
        agreed_by_nearest_at: r.7,
        updated_at: r.8,
    })
}

const AGREEMENT_COLUMNS: &str = "id, person_id, starts_on, ends_on, previous_id, shared_with_id, \
     agreed_by_leader_at, agreed_by_nearest_at, updated_at";

/// The leader's newest agreement (the current period, or the last one if it ended).
pub async fn current(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<Option<Agreement>> {
    let row: Option<AgreementRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE org_id = $1 AND person_id = $2 \
         ORDER BY starts_on DESC, created_at DESC LIMIT 1"
    )))
    .bind(org.as_str())
    .bind(person.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(to_agreement))
}

/// Any agreement by id, for the people allowed to see it (the caller checks who).
pub async fn find(db: &Db, org: &OrgId, id: &AgreementId) -> anyhow::Result<Option<Agreement>> {
    let row: Option<AgreementRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE org_id = $1 AND id = $2"
    )))
    .bind(org.as_str())
    .bind(id.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(to_agreement))
}

/// The leader's earlier agreements, newest first, for the history list.
pub async fn history(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<Vec<Agreement>> {
    let rows: Vec<AgreementRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreements WHERE org_id = $1 AND person_id = $2 \
         ORDER BY starts_on DESC, created_at DESC"
    )))
    .bind(org.as_str())
    .bind(person.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(to_agreement).collect())
}

/// Starts an agreement for `period`. With `previous`, the new period starts
/// from the old one: its points are copied (unshared: sharing is given anew
/// for each period), its check-ins stay with the old period.
pub async fn start(
    conn: &mut AnyConnection,
    org: &OrgId,
    person: &PersonId,
    period: Period,
    previous: Option<&AgreementId>,
    now: time::OffsetDateTime,
) -> anyhow::Result<AgreementId> {
    let id = AgreementId::new();
    let now = crate::storage::to_text(now);
    sqlx::query(
        "INSERT INTO agreements (id, org_id, person_id, starts_on, ends_on, previous_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(date_text(period.starts_on))
    .bind(date_text(period.ends_on))
    .bind(previous.map(|p| p.as_str().to_string()))
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    if let Some(previous) = previous {
        let old: Vec<(String, i64, String, String, String)> = sqlx::query_as(
            "SELECT kind, position, text, follow_up, rhythm FROM agreement_points \
             WHERE org_id = $1 AND person_id = $2 AND agreement_id = $3 ORDER BY kind, position",
        )
        .bind(org.as_str())
        .bind(person.as_str())
        .bind(previous.as_str())
        .fetch_all(&mut *conn)
        .await?;
        for (kind, position, text, follow_up, rhythm) in old {
            insert_point(conn, org, person, &id, &kind, position, &text, &follow_up, &rhythm, &now).await?;
        }
    }
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
async fn insert_point(
    conn: &mut AnyConnection,
    org: &OrgId,
    person: &PersonId,
    agreement: &AgreementId,
    kind: &str,
    position: i64,
    text: &str,
    follow_up: &str,
    rhythm: &str,
    now: &str,
) -> anyhow::Result<PointId> {
    let id = PointId::new();
    sqlx::query(
        "INSERT INTO agreement_points (id, agreement_id, org_id, person_id, kind, position, text, follow_up, rhythm, \
           shared, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $10)",
    )
    .bind(id.as_str())
    .bind(agreement.as_str())
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(kind)
    .bind(position)
    .bind(text)
    .bind(follow_up)
    .bind(rhythm)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

type PointRow = (String, String, String, String, String, i64, String);

fn to_point(r: PointRow) -> Option<Point> {
    Some(Point {
        id: PointId::from_db(r.0),
        kind: PointKind::parse(&r.1)?,
        text: r.2,
        follow_up: r.3,
        rhythm: Rhythm::parse(&r.4)?,
        shared: r.5 != 0,
        since: made_on(&r.6)?,
    })
}

/// All points of an agreement, in the method's order (kind, then position).
/// Callers outside the leader's own space filter by `shared`.
pub async fn points(db: &Db, org: &OrgId, agreement: &AgreementId) -> anyhow::Result<Vec<Point>> {
    points_in(&mut *db.pool.acquire().await?, org, agreement).await
}

/// `points` inside a transaction.
pub async fn points_in(conn: &mut AnyConnection, org: &OrgId, agreement: &AgreementId) -> anyhow::Result<Vec<Point>> {
    let rows: Vec<PointRow> = sqlx::query_as(
        "SELECT id, kind, text, follow_up, rhythm, shared, created_at FROM agreement_points \
         WHERE org_id = $1 AND agreement_id = $2 ORDER BY position, created_at",
    )
    .bind(org.as_str())
    .bind(agreement.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut points: Vec<Point> = rows.into_iter().filter_map(to_point).collect();
    points.sort_by_key(|p| p.kind);
    Ok(points)
}

/// Replaces the agreement's points with what the editor sent: known ids are
/// updated (their check-ins stay), new ones added, missing ones removed.
/// Ids that are not this leader's points of this agreement are ignored.
/// Changing the points withdraws both "agreed" marks: they agreed to something
/// else. Answers whether a mark was withdrawn so.
pub async fn save_points(
    conn: &mut AnyConnection,
    org: &OrgId,
    person: &PersonId,
    agreement: &AgreementId,
    input: &[PointInput],
    now: time::OffsetDateTime,
) -> anyhow::Result<bool> {
    let now = crate::storage::to_text(now);
    let existing: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, kind, text, follow_up, rhythm FROM agreement_points \
         WHERE org_id = $1 AND person_id = $2 AND agreement_id = $3",
    )
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(agreement.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut kept = Vec::new();
    let mut changed = false;
    for (position, p) in input.iter().enumerate() {
        let position = position as i64;
        let known = p.id.as_ref().and_then(|id| existing.iter().find(|e| e.0 == id.as_str() && e.1 == p.kind.as_str()));
        match known {
            Some(e) => {
                changed |= e.2 != p.text || e.3 != p.follow_up || e.4 != p.rhythm.as_str();
                sqlx::query(
                    "UPDATE agreement_points SET position = $1, text = $2, follow_up = $3, rhythm = $4, updated_at = $5 \
                     WHERE org_id = $6 AND person_id = $7 AND id = $8",
                )
                .bind(position)
                .bind(&p.text)
                .bind(&p.follow_up)
                .bind(p.rhythm.as_str())
                .bind(&now)
                .bind(org.as_str())
                .bind(person.as_str())
                .bind(&e.0)
                .execute(&mut *conn)
                .await?;
                kept.push(e.0.clone());
            }
            None => {
                changed = true;
                let id = insert_point(
                    conn,
                    org,
                    person,
                    agreement,
                    p.kind.as_str(),
                    position,
                    &p.text,
                    &p.follow_up,
                    p.rhythm.as_str(),
                    &now,
                )
                .await?;
                kept.push(id.as_str().to_string());
            }
        }
    }
    for (id, ..) in existing.iter().filter(|e| !kept.contains(&e.0)) {
        changed = true;
        sqlx::query("DELETE FROM agreement_points WHERE org_id = $1 AND person_id = $2 AND id = $3")
            .bind(org.as_str())
            .bind(person.as_str())
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    // Read under the write lock `begin_write` took: the marks this save clears.
    let (by_leader, by_nearest): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT agreed_by_leader_at, agreed_by_nearest_at FROM agreements WHERE org_id = $1 AND person_id = $2 AND id = $3")
            .bind(org.as_str())
            .bind(person.as_str())
            .bind(agreement.as_str())
            .fetch_optional(&mut *conn)
            .await?
            .unwrap_or_default();
    let cleared = changed && (by_leader.is_some() || by_nearest.is_some());
    let reset = if changed { ", agreed_by_leader_at = NULL, agreed_by_nearest_at = NULL" } else { "" };
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE agreements SET updated_at = $1{reset} WHERE org_id = $2 AND person_id = $3 AND id = $4"
    )))
    .bind(&now)
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(agreement.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(cleared)
}

/// One day's tick on a daily point of the leader's own, in one statement:
/// the point must be the leader's, daily, in the organisation, and its
/// agreement's period must hold the day. Returns false when no such point
/// exists (nothing is written).
pub async fn tick(conn: &mut sqlx::AnyConnection, org: &OrgId, person: &PersonId, point: &PointId, day: Date, kept: bool, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO check_ins (point_id, day, org_id, person_id, kept, note, updated_at) \
         SELECT p.id, $1, p.org_id, p.person_id, $2, '', $3 FROM agreement_points p \
         JOIN agreements a ON a.id = p.agreement_id AND a.starts_on <= $1 AND a.ends_on >= $1 \
         WHERE p.id = $4 AND p.org_id = $5 AND p.person_id = $6 AND p.rhythm = 'daily' \
         ON CONFLICT (point_id, day) DO UPDATE SET kept = excluded.kept, updated_at = excluded.updated_at",
    )
    .bind(date_text(day))
    .bind(i64::from(kept))
    .bind(crate::storage::to_text(now))
    .bind(point.as_str())
    .bind(org.as_str())
    .bind(person.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// A weekly line on a weekly point, stored on the week's Monday.
pub async fn weekly_line(db: &Db, org: &OrgId, person: &PersonId, point: &PointId, monday: Date, kept: bool, note: &str, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO check_ins (point_id, day, org_id, person_id, kept, note, updated_at) \
         SELECT p.id, $1, p.org_id, p.person_id, $2, $3, $4 FROM agreement_points p \
         WHERE p.id = $5 AND p.org_id = $6 AND p.person_id = $7 AND p.rhythm = 'weekly' \
         ON CONFLICT (point_id, day) DO UPDATE SET kept = excluded.kept, note = excluded.note, updated_at = excluded.updated_at",
    )
    .bind(date_text(monday))
    .bind(i64::from(kept))
    .bind(note)
    .bind(crate::storage::to_text(now))
    .bind(point.as_str())
    .bind(org.as_str())
    .bind(person.as_str())
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// A point's check-ins in `period` (`Period::check_in_days`): (day, kept, note).
pub async fn check_ins(db: &Db, org: &OrgId, point: &PointId, period: &Period) -> anyhow::Result<Vec<(Date, bool, String)>> {
    let (from, to) = period.check_in_days();
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT day, kept, note FROM check_ins WHERE org_id = $1 AND point_id = $2 AND day >= $3 AND day <= $4 ORDER BY day",
    )
    .bind(org.as_str())
    .bind(point.as_str())
    .bind(date_text(from))
    .bind(date_text(to))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(|(d, k, n)| Some((parse_day(&d)?, k != 0, n))).collect())
}

/// A daily or weekly point of the current period with today's tick or this
/// week's line, for the start page.
#[derive(Clone)]
pub struct TodayTick {
    pub point_id: PointId,
    pub text: String,
    pub weekly: bool,
    pub kept: Option<bool>,
}

/// The leader's daily and weekly points in the agreement covering `today`,
/// with today's tick (daily) or this week's line (weekly): one indexed
/// query, however long the history.
pub async fn ticks_today(db: &Db, org: &OrgId, person: &PersonId, today: Date) -> anyhow::Result<Vec<TodayTick>> {
    let rows: Vec<(String, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT p.id, p.text, p.rhythm, c.kept FROM agreements a \
         JOIN agreement_points p ON p.agreement_id = a.id AND p.org_id = a.org_id AND p.rhythm IN ('daily', 'weekly') \
         LEFT JOIN check_ins c ON c.point_id = p.id AND c.day = CASE WHEN p.rhythm = 'daily' THEN $3 ELSE $4 END \
         WHERE a.org_id = $1 AND a.person_id = $2 AND a.starts_on <= $3 AND a.ends_on >= $3 \
         ORDER BY p.position, p.created_at",
    )
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(date_text(today))
    .bind(date_text(domain::agreement::week_start(today)))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, text, rhythm, kept)| TodayTick {
            point_id: PointId::from_db(id),
            text,
            weekly: rhythm == "weekly",
            kept: kept.map(|k| k != 0),
        })
        .collect())
}

/// The leader marks the agreement as agreed (or takes the mark back).
pub async fn set_agreed_by_leader(conn: &mut AnyConnection, org: &OrgId, person: &PersonId, agreement: &AgreementId, agreed: bool, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE agreements SET agreed_by_leader_at = $1 WHERE org_id = $2 AND person_id = $3 AND id = $4",
    )
    .bind(agreed.then(|| crate::storage::to_text(now)))
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(agreement.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Shares the chosen points with `with` (the nearest leader); every other
/// point becomes private again. With no points chosen, sharing is withdrawn
/// altogether and the nearest leader's "agreed" mark goes with it; shared
/// with someone else, the mark goes too: it was the other person's.
pub async fn share(
    conn: &mut AnyConnection,
    org: &OrgId,
    person: &PersonId,
    agreement: &AgreementId,
    with: Option<&PersonId>,
    points: &[PointId],
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    let now = crate::storage::to_text(now);
    sqlx::query("UPDATE agreement_points SET shared = 0 WHERE org_id = $1 AND person_id = $2 AND agreement_id = $3")
        .bind(org.as_str())
        .bind(person.as_str())
        .bind(agreement.as_str())
        .execute(&mut *conn)
        .await?;
    let with = with.filter(|_| !points.is_empty());
    for point in with.map(|_| points).unwrap_or_default() {
        sqlx::query(
            "UPDATE agreement_points SET shared = 1 WHERE org_id = $1 AND person_id = $2 AND agreement_id = $3 AND id = $4",
        )
        .bind(org.as_str())
        .bind(person.as_str())
        .bind(agreement.as_str())
        .bind(point.as_str())
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "UPDATE agreements SET agreed_by_nearest_at = CASE WHEN shared_with_id = $1 THEN agreed_by_nearest_at ELSE NULL END, \
           shared_with_id = $1, updated_at = $2 WHERE org_id = $3 AND person_id = $4 AND id = $5",
    )
    .bind(with.map(|p| p.as_str().to_string()))
    .bind(&now)
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(agreement.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Ends a period early (the leader starts the next one now): it ends yesterday.
/// Returns false for a period that started today, which cannot end before it began.
pub async fn end_early(conn: &mut AnyConnection, org: &OrgId, person: &PersonId, agreement: &AgreementId, today: Date) -> anyhow::Result<bool> {
    let yesterday = today - time::Duration::days(1);
    let done = sqlx::query(
        "UPDATE agreements SET ends_on = $1 WHERE org_id = $2 AND person_id = $3 AND id = $4 AND starts_on <= $1 AND ends_on > $1",
    )
    .bind(date_text(yesterday))
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(agreement.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The leader's nearest leader: (person id, name), if HR has set one.
pub async fn nearest_leader(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<Option<(PersonId, String)>> {
    nearest_leader_in(&mut *db.pool.acquire().await?, org, person).await
}

/// `nearest_leader` inside a transaction.
pub async fn nearest_leader_in(conn: &mut AnyConnection, org: &OrgId, person: &PersonId) -> anyhow::Result<Option<(PersonId, String)>> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT n.id, n.name FROM persons p JOIN persons n ON n.id = p.nearest_leader_id AND n.org_id = p.org_id \
         WHERE p.org_id = $1 AND p.id = $2",
    )
    .bind(org.as_str())
    .bind(person.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(id, name)| (PersonId::from_db(id), name)))
}

/// A person's name in the organisation.
pub async fn person_name(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT name FROM persons WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(person.as_str())
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| r.0))
}
