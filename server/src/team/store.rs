//! SQL for the nearest leader's side of Tool 1. Every function takes the
//! `OrgId` first and the viewer's `PersonId`, and reads only agreements
//! whose `shared_with_id` is the viewer, and of those only shared points:
//! a private note or an unshared point is never selected here.

use crate::storage::Db;
use crate::tools::dialog::store::{self as dialog, date_text, parse_day, Agreement, Point};
use domain::agreement::{Period, PointKind, Rhythm};
use domain::ids::{AgreementId, OrgId, PersonId, PointId};
use std::collections::HashMap;
use time::Date;

/// A leader who reports to me, or who shares their current agreement with me.
pub struct Report {
    pub person_id: PersonId,
    pub name: String,
    /// Whether HR has set me as their nearest leader.
    pub reports_to_me: bool,
    /// Their agreement for the current period, if they share it with me.
    pub shared: Option<SharedSummary>,
}

pub struct SharedSummary {
    pub agreement_id: AgreementId,
    pub period: Period,
    pub agreed_by_leader_at: Option<String>,
    pub agreed_by_nearest_at: Option<String>,
    pub shared_points: i64,
    pub comments: i64,
    /// The newest comment is the leader's: it waits for my answer.
    pub awaits_answer: bool,
}

/// A shared daily or weekly point of a current agreement shared with me,
/// with the days it was answered on since `from`.
pub struct SharedFollowUp {
    pub agreement_id: AgreementId,
    pub point_id: PointId,
    pub text: String,
    pub rhythm: Rhythm,
    /// The day the point was made.
    pub since: Date,
    pub answered: Vec<Date>,
}

const SUMMARY_COLUMNS: &str = "a.id, a.person_id, n.name, n.nearest_leader_id, a.starts_on, a.ends_on, \
     a.agreed_by_leader_at, a.agreed_by_nearest_at, \
     (SELECT COUNT(*) FROM agreement_points x WHERE x.org_id = a.org_id AND x.agreement_id = a.id AND x.shared = 1), \
     (SELECT COUNT(*) FROM agreement_comments c WHERE c.org_id = a.org_id AND c.agreement_id = a.id), \
     (SELECT c.author_id FROM agreement_comments c WHERE c.org_id = a.org_id AND c.agreement_id = a.id ORDER BY c.id DESC LIMIT 1)";

type SummaryRow = (String, String, String, Option<String>, String, String, Option<String>, Option<String>, i64, i64, Option<String>);

/// Current agreements (the period holds `today`) shared with me, by leader.
async fn shared_current(db: &Db, org: &OrgId, me: &PersonId, today: Date) -> anyhow::Result<Vec<(Report, String)>> {
    let rows: Vec<SummaryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SUMMARY_COLUMNS} FROM agreements a JOIN persons n ON n.id = a.person_id AND n.org_id = a.org_id \
         WHERE a.org_id = $1 AND a.shared_with_id = $2 AND a.starts_on <= $3 AND a.ends_on >= $3"
    )))
    .bind(org.as_str())
    .bind(me.as_str())
    .bind(date_text(today))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let period = Period { starts_on: parse_day(&r.4)?, ends_on: parse_day(&r.5)? };
            let leader = r.1.clone();
            let summary = SharedSummary {
                agreement_id: AgreementId::from_db(r.0),
                period,
                agreed_by_leader_at: r.6,
                agreed_by_nearest_at: r.7,
                shared_points: r.8,
                comments: r.9,
                awaits_answer: r.10.as_deref() == Some(leader.as_str()),
            };
            let report = Report {
                reports_to_me: r.3.as_deref() == Some(me.as_str()),
                person_id: PersonId::from_db(r.1),
                name: r.2,
                shared: Some(summary),
            };
            Some((report, leader))
        })
        .collect())
}

/// The leaders who report to me (HR's reporting line) and anyone else who
/// shares their current agreement with me, by name. Of a leader who does not
/// share with me nothing is read but the name: not even whether they have
/// an agreement.
pub async fn reports(db: &Db, org: &OrgId, me: &PersonId, today: Date) -> anyhow::Result<Vec<Report>> {
    let direct: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM persons WHERE org_id = $1 AND nearest_leader_id = $2")
            .bind(org.as_str())
            .bind(me.as_str())
            .fetch_all(&db.pool)
            .await?;
    let mut shared: HashMap<String, Report> = HashMap::new();
    for (report, leader) in shared_current(db, org, me, today).await? {
        // Two current agreements cannot overlap; keep the later one if data says otherwise.
        let later = shared.get(&leader).and_then(|r| r.shared.as_ref()).map(|s| s.period.starts_on);
        if later.is_none_or(|d| report.shared.as_ref().is_some_and(|s| s.period.starts_on > d)) {
            shared.insert(leader, report);
        }
    }
    let mut out: Vec<Report> = direct
        .into_iter()
        .map(|(id, name)| {
            shared.remove(&id).unwrap_or(Report { person_id: PersonId::from_db(id), name, reports_to_me: true, shared: None })
        })
        .collect();
    out.extend(shared.into_values());
    out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.person_id.cmp(&b.person_id)));
    Ok(out)
}

/// Shared daily and weekly points of my current shared agreements, with
/// their check-in days since `from`: one query for the whole list.
pub async fn follow_ups(db: &Db, org: &OrgId, me: &PersonId, today: Date, from: Date) -> anyhow::Result<Vec<SharedFollowUp>> {
    let rows: Vec<(String, String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT p.agreement_id, p.id, p.text, p.rhythm, p.created_at, c.day FROM agreements a \
         JOIN agreement_points p ON p.agreement_id = a.id AND p.org_id = a.org_id AND p.shared = 1 \
           AND p.rhythm IN ('daily', 'weekly') \
         LEFT JOIN check_ins c ON c.point_id = p.id AND c.org_id = p.org_id AND c.day >= $4 \
         WHERE a.org_id = $1 AND a.shared_with_id = $2 AND a.starts_on <= $3 AND a.ends_on >= $3 \
         ORDER BY p.position, p.created_at, p.id",
    )
    .bind(org.as_str())
    .bind(me.as_str())
    .bind(date_text(today))
    .bind(date_text(from))
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<SharedFollowUp> = Vec::new();
    for (agreement, point, text, rhythm, created_at, day) in rows {
        let (Some(rhythm), Some(since)) = (Rhythm::parse(&rhythm), crate::tools::dialog::store::made_on(&created_at)) else { continue };
        let day = day.as_deref().and_then(parse_day);
        match out.iter_mut().find(|f| f.point_id.as_str() == point) {
            Some(f) => f.answered.extend(day),
            None => out.push(SharedFollowUp {
                agreement_id: AgreementId::from_db(agreement),
                point_id: PointId::from_db(point),
                text,
                rhythm,
                since,
                answered: day.into_iter().collect(),
            }),
        }
    }
    Ok(out)
}

/// What waits for me on the start page: (I have direct reports or shared
/// current agreements, ones I have not marked agreed, ones whose newest
/// comment is the leader's). `reports` comes with the start page's "what is
/// due" question (`web::due`), so this is one query, run beside it.
pub async fn waiting(db: &Db, org: &OrgId, me: &PersonId, today: Date) -> anyhow::Result<Waiting> {
    let shared = shared_current(db, org, me, today).await?;
    let summaries = shared.iter().filter_map(|(r, _)| r.shared.as_ref());
    Ok(Waiting {
        any_shared: !shared.is_empty(),
        to_agree: summaries.clone().filter(|s| s.agreed_by_nearest_at.is_none() && s.shared_points > 0).count(),
        to_answer: summaries.filter(|s| s.awaits_answer).count(),
    })
}

/// Shared agreements waiting for me.
#[derive(Clone, Copy, Debug, Default)]
pub struct Waiting {
    pub any_shared: bool,
    pub to_agree: usize,
    pub to_answer: usize,
}

const AGREEMENT_COLUMNS: &str = "a.id, a.person_id, a.starts_on, a.ends_on, a.previous_id, a.shared_with_id, \
     a.agreed_by_leader_at, a.agreed_by_nearest_at, a.updated_at, n.name";

type SharedRow = (String, String, String, String, Option<String>, Option<String>, Option<String>, Option<String>, String, String);

/// An agreement shared with me, with its leader's name; `None` for any
/// other agreement (not shared, shared with someone else, another organisation).
pub async fn shared_with_me(db: &Db, org: &OrgId, me: &PersonId, id: &AgreementId) -> anyhow::Result<Option<(Agreement, String)>> {
    let row: Option<SharedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreements a JOIN persons n ON n.id = a.person_id AND n.org_id = a.org_id \
         WHERE a.org_id = $1 AND a.id = $2 AND a.shared_with_id = $3"
    )))
    .bind(org.as_str())
    .bind(id.as_str())
    .bind(me.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(|r| {
        let agreement = dialog::to_agreement((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8))?;
        Some((agreement, r.9))
    }))
}

/// The shared points of an agreement shared with me, in the method's order.
pub async fn shared_points(db: &Db, org: &OrgId, me: &PersonId, agreement: &AgreementId) -> anyhow::Result<Vec<Point>> {
    let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT p.id, p.kind, p.text, p.follow_up, p.rhythm, p.created_at FROM agreement_points p \
         JOIN agreements a ON a.id = p.agreement_id AND a.org_id = p.org_id AND a.shared_with_id = $3 \
         WHERE p.org_id = $1 AND p.agreement_id = $2 AND p.shared = 1 ORDER BY p.position, p.created_at",
    )
    .bind(org.as_str())
    .bind(agreement.as_str())
    .bind(me.as_str())
    .fetch_all(&db.pool)
    .await?;
    let mut points: Vec<Point> = rows
        .into_iter()
        .filter_map(|(id, kind, text, follow_up, rhythm, created_at)| {
            Some(Point {
                id: PointId::from_db(id),
                kind: PointKind::parse(&kind)?,
                text,
                follow_up,
                rhythm: Rhythm::parse(&rhythm)?,
                shared: true,
                since: crate::tools::dialog::store::made_on(&created_at)?,
            })
        })
        .collect();
    points.sort_by_key(|p| p.kind);
    Ok(points)
}

/// The nearest leader's "agreed" mark on an agreement shared with them
/// (or the mark taken back). Returns false for any other agreement.
pub async fn set_agreed_by_nearest(conn: &mut sqlx::AnyConnection, org: &OrgId, me: &PersonId, agreement: &AgreementId, agreed: bool, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE agreements SET agreed_by_nearest_at = $1 WHERE org_id = $2 AND id = $3 AND shared_with_id = $4")
        .bind(agreed.then(|| crate::storage::to_text(now)))
        .bind(org.as_str())
        .bind(agreement.as_str())
        .bind(me.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() > 0)
}
