//! SQL for the reminders: what is due in one organisation, and the claim
//! that makes each reminder go out once. Every function takes the `OrgId`
//! first; only `orgs` lists them all, for the loop over organisations.

use crate::storage::Db;
use crate::tools::dialog::meetings_store::Participant;
use domain::ids::{AgreementId, OrgId, PersonId, PointId};
use time::Date;

/// Every organisation, for the reminders' loop.
pub async fn orgs(db: &Db) -> anyhow::Result<Vec<OrgId>> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT id FROM orgs ORDER BY id").fetch_all(&db.pool).await?;
    Ok(rows.into_iter().map(|(id,)| OrgId::from_db(id)).collect())
}

/// Claims a reminder before it is sent: true for exactly one caller, however
/// many servers run the reminders at once and however often.
pub async fn claim(db: &Db, org: &OrgId, kind: &str, subject: &str, due_key: &str, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO reminders_sent (kind, subject_id, due_key, org_id, sent_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (kind, subject_id, due_key) DO NOTHING",
    )
    .bind(kind)
    .bind(subject)
    .bind(due_key)
    .bind(org.as_str())
    .bind(crate::storage::to_text(now))
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a claim back when the mail could not be sent, so the next run tries again.
pub async fn release(db: &Db, org: &OrgId, kind: &str, subject: &str, due_key: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM reminders_sent WHERE org_id = $1 AND kind = $2 AND subject_id = $3 AND due_key = $4")
        .bind(org.as_str())
        .bind(kind)
        .bind(subject)
        .bind(due_key)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A leader's weekly points still without this week's line.
pub struct WeeklyDue {
    pub agreement: AgreementId,
    pub leader: Participant,
    pub points: Vec<(PointId, String)>,
}

/// Weekly points in agreements running on `today` with no line for the week
/// starting `monday`, one entry per agreement.
pub async fn weekly_missing(db: &Db, org: &OrgId, today: Date, monday: Date) -> anyhow::Result<Vec<WeeklyDue>> {
    let rows: Vec<(String, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT a.id, p.id, p.text, pe.id, pe.name, ac.email, ac.locale FROM agreements a \
         JOIN agreement_points p ON p.agreement_id = a.id AND p.org_id = a.org_id AND p.rhythm = 'weekly' \
         JOIN persons pe ON pe.id = a.person_id AND pe.org_id = a.org_id \
         JOIN accounts ac ON ac.id = pe.account_id \
         LEFT JOIN check_ins c ON c.point_id = p.id AND c.day = $3 \
         WHERE a.org_id = $1 AND a.starts_on <= $2 AND a.ends_on >= $2 AND c.point_id IS NULL \
         ORDER BY a.id, p.position, p.created_at",
    )
    .bind(org.as_str())
    .bind(today.to_string())
    .bind(monday.to_string())
    .fetch_all(&db.pool)
    .await?;
    let mut due: Vec<WeeklyDue> = Vec::new();
    for (agreement, point, text, person, name, email, locale) in rows {
        match due.last_mut() {
            Some(last) if last.agreement.as_str() == agreement => last.points.push((PointId::from_db(point), text)),
            _ => due.push(WeeklyDue {
                agreement: AgreementId::from_db(agreement),
                leader: Participant { id: PersonId::from_db(person), name, email, locale },
                points: vec![(PointId::from_db(point), text)],
            }),
        }
    }
    Ok(due)
}

/// An agreement whose period ends soon, with no later period started.
pub struct PeriodEnding {
    pub agreement: AgreementId,
    pub ends_on: Date,
    pub leader: Participant,
}

/// Periods that end between `from` and `to` inclusive and are each leader's newest.
pub async fn periods_ending(db: &Db, org: &OrgId, from: Date, to: Date) -> anyhow::Result<Vec<PeriodEnding>> {
    let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT a.id, a.ends_on, pe.id, pe.name, ac.email, ac.locale FROM agreements a \
         JOIN persons pe ON pe.id = a.person_id AND pe.org_id = a.org_id \
         JOIN accounts ac ON ac.id = pe.account_id \
         WHERE a.org_id = $1 AND a.ends_on >= $2 AND a.ends_on <= $3 \
         AND NOT EXISTS (SELECT 1 FROM agreements b WHERE b.org_id = a.org_id AND b.person_id = a.person_id \
           AND b.starts_on > a.starts_on) \
         ORDER BY a.ends_on, a.id",
    )
    .bind(org.as_str())
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(agreement, ends_on, person, name, email, locale)| {
            Some(PeriodEnding {
                agreement: AgreementId::from_db(agreement),
                ends_on: domain::input::parse_date(&ends_on).ok()?,
                leader: Participant { id: PersonId::from_db(person), name, email, locale },
            })
        })
        .collect())
}
