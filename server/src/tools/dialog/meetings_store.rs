//! SQL for the dialogs with the nearest leader. Every function takes the
//! `OrgId` first; every function a person calls through a page also takes
//! that person's `PersonId` and matches it against the dialog's leader or
//! nearest leader, so a dialog id alone opens nothing.

use crate::storage::{from_text, Db};
use domain::ids::{AgreementId, DialogId, OrgId, PersonId};
use sqlx::AnyConnection;
use time::OffsetDateTime;

/// A dialog with both people's names and addresses, for pages, invitations
/// and reminders.
#[derive(Clone, Debug)]
pub struct Dialog {
    pub id: DialogId,
    pub agreement_id: AgreementId,
    pub leader: Participant,
    /// `None` once the nearest leader's person was deleted.
    pub nearest: Option<Participant>,
    pub starts_at: OffsetDateTime,
    pub minutes: i64,
    pub place: String,
    pub sequence: i64,
    pub cancelled: bool,
}

impl Dialog {
    pub fn ends_at(&self) -> OffsetDateTime {
        self.starts_at + time::Duration::minutes(self.minutes)
    }

    /// Whether `person` takes part (the only people who may see it).
    pub fn has(&self, person: &PersonId) -> bool {
        self.leader.id == *person || self.nearest.as_ref().is_some_and(|n| n.id == *person)
    }
}

/// One of the two people of a dialog.
#[derive(Clone, Debug)]
pub struct Participant {
    pub id: PersonId,
    pub name: String,
    pub email: String,
    /// The account's language code (`da`, `en`).
    pub locale: String,
}

/// A time as stored in `dialogs.starts_at`: RFC 3339 in UTC, whole seconds,
/// so text order is time order.
pub fn instant_text(t: OffsetDateTime) -> String {
    crate::storage::to_text(t.replace_nanosecond(0).expect("0 is a valid nanosecond"))
}

type DialogRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    i64,
    String,
    i64,
    Option<String>,
);

const SELECT: &str = "SELECT d.id, d.agreement_id, l.id, l.name, la.email, la.locale, \
     n.id, n.name, na.email, na.locale, d.starts_at, d.minutes, d.place, d.sequence, d.cancelled_at \
     FROM dialogs d \
     JOIN persons l ON l.id = d.leader_id AND l.org_id = d.org_id \
     JOIN accounts la ON la.id = l.account_id \
     LEFT JOIN persons n ON n.id = d.nearest_leader_id AND n.org_id = d.org_id \
     LEFT JOIN accounts na ON na.id = n.account_id";

fn to_dialog(r: DialogRow) -> Option<Dialog> {
    let nearest = match (r.6, r.7, r.8, r.9) {
        (Some(id), Some(name), Some(email), Some(locale)) => Some(Participant { id: PersonId::from_db(id), name, email, locale }),
        _ => None,
    };
    Some(Dialog {
        id: DialogId::from_db(r.0),
        agreement_id: AgreementId::from_db(r.1),
        leader: Participant { id: PersonId::from_db(r.2), name: r.3, email: r.4, locale: r.5 },
        nearest,
        starts_at: from_text(&r.10)?,
        minutes: r.11,
        place: r.12,
        sequence: r.13,
        cancelled: r.14.is_some(),
    })
}

/// What a new dialog or a new time holds.
pub struct When<'a> {
    pub starts_at: OffsetDateTime,
    pub minutes: i64,
    pub place: &'a str,
}

/// Creates a dialog between the leader and their nearest leader about `agreement`.
pub async fn create(
    conn: &mut AnyConnection,
    org: &OrgId,
    leader: &PersonId,
    nearest: &PersonId,
    agreement: &AgreementId,
    when: When<'_>,
    now: OffsetDateTime,
) -> anyhow::Result<DialogId> {
    let id = DialogId::new();
    sqlx::query(
        "INSERT INTO dialogs (id, org_id, agreement_id, leader_id, nearest_leader_id, starts_at, minutes, place, sequence, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(agreement.as_str())
    .bind(leader.as_str())
    .bind(nearest.as_str())
    .bind(instant_text(when.starts_at))
    .bind(when.minutes)
    .bind(when.place)
    .bind(crate::storage::to_text(now))
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The dialog, if `viewer` is its leader or its nearest leader.
pub async fn find_for(db: &Db, org: &OrgId, viewer: &PersonId, id: &DialogId) -> anyhow::Result<Option<Dialog>> {
    let row: Option<DialogRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE d.org_id = $1 AND d.id = $2 AND (d.leader_id = $3 OR d.nearest_leader_id = $3)"
    )))
    .bind(org.as_str())
    .bind(id.as_str())
    .bind(viewer.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(to_dialog))
}

/// The dialogs `person` takes part in that have not ended, soonest first.
pub async fn upcoming(db: &Db, org: &OrgId, person: &PersonId, now: OffsetDateTime) -> anyhow::Result<Vec<Dialog>> {
    // A dialog in progress is still "the next dialog": it ends at most
    // `DialogMinutes::MAX` after it starts.
    let from = now - time::Duration::minutes(domain::agreement::DialogMinutes::MAX);
    let rows: Vec<DialogRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE d.org_id = $1 AND (d.leader_id = $2 OR d.nearest_leader_id = $2) \
         AND d.cancelled_at IS NULL AND d.starts_at > $3 ORDER BY d.starts_at LIMIT 20"
    )))
    .bind(org.as_str())
    .bind(person.as_str())
    .bind(instant_text(from))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(to_dialog).filter(|d| d.ends_at() > now).collect())
}

/// The dialogs of the organisation that start after `from` and at or before
/// `to`, not cancelled: what the reminders look at.
pub async fn starting_between(db: &Db, org: &OrgId, from: OffsetDateTime, to: OffsetDateTime) -> anyhow::Result<Vec<Dialog>> {
    let rows: Vec<DialogRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE d.org_id = $1 AND d.cancelled_at IS NULL AND d.starts_at > $2 AND d.starts_at <= $3 ORDER BY d.starts_at"
    )))
    .bind(org.as_str())
    .bind(instant_text(from))
    .bind(instant_text(to))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(to_dialog).collect())
}

/// Moves a dialog that is not cancelled, for one of its two people, and
/// counts the change (calendars replace the invitation with the higher
/// sequence). Returns false when there is no such dialog.
pub async fn reschedule(db: &Db, org: &OrgId, viewer: &PersonId, id: &DialogId, when: When<'_>) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE dialogs SET starts_at = $1, minutes = $2, place = $3, sequence = sequence + 1 \
         WHERE org_id = $4 AND id = $5 AND (leader_id = $6 OR nearest_leader_id = $6) AND cancelled_at IS NULL",
    )
    .bind(instant_text(when.starts_at))
    .bind(when.minutes)
    .bind(when.place)
    .bind(org.as_str())
    .bind(id.as_str())
    .bind(viewer.as_str())
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Cancels a dialog for one of its two people. Returns false when there is
/// no such dialog or it was already cancelled (so a double click mails once).
pub async fn cancel(db: &Db, org: &OrgId, viewer: &PersonId, id: &DialogId, now: OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE dialogs SET cancelled_at = $1, sequence = sequence + 1 \
         WHERE org_id = $2 AND id = $3 AND (leader_id = $4 OR nearest_leader_id = $4) AND cancelled_at IS NULL",
    )
    .bind(crate::storage::to_text(now))
    .bind(org.as_str())
    .bind(id.as_str())
    .bind(viewer.as_str())
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() > 0)
}
