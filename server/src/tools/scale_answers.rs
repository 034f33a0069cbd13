//! A person's answers to a round of statements on the five-point scale,
//! with a comment: the introduction tool's rounds and Tool 2's checklist
//! store them alike. Only the tables differ, so each tool names its SQL in a
//! `Tables` and both share how answers are read and replaced.

use crate::storage::Db;
use domain::ids::{OrgId, PersonId};
use domain::input::LongText;
use domain::intro::ScaleValue;

/// One person's answers to a round: (revision id, value), and their comment.
pub struct MyAnswers {
    pub submitted: bool,
    pub values: Vec<(String, ScaleValue)>,
    pub comment: Option<String>,
}

/// A tool's statements. Parameters: `$1` organisation, `$2` round,
/// `$3` person, and as each says.
pub struct Tables {
    /// The person's comment, if they answered.
    pub comment: &'static str,
    /// The person's (revision id, value) rows.
    pub values: &'static str,
    /// Inserts or updates the person's respondent row (`$4` comment, `$5`
    /// time) only while the round is open: no row changes once it closed.
    pub respond: &'static str,
    /// Removes the person's answers.
    pub clear: &'static str,
    /// One answer: `$4` revision id, `$5` value, `$6` time.
    pub insert: &'static str,
}

/// A tool's `Tables` from its table names: respondents, answers, rounds,
/// and the answers' column naming the round.
macro_rules! scale_tables {
    ($respondents:literal, $answers:literal, $rounds:literal, $round:literal) => {
        $crate::tools::scale_answers::Tables {
            comment: concat!("SELECT comment FROM ", $respondents, " WHERE org_id = $1 AND ", $round, " = $2 AND person_id = $3"),
            values: concat!("SELECT revision_id, value FROM ", $answers, " WHERE org_id = $1 AND ", $round, " = $2 AND person_id = $3"),
            respond: concat!(
                "INSERT INTO ", $respondents, " (", $round, ", person_id, org_id, comment, submitted_at) ",
                "SELECT id, $3, org_id, $4, $5 FROM ", $rounds, " WHERE org_id = $1 AND id = $2 AND closed_at IS NULL ",
                "ON CONFLICT (", $round, ", person_id) DO UPDATE SET comment = excluded.comment, submitted_at = excluded.submitted_at"
            ),
            clear: concat!("DELETE FROM ", $answers, " WHERE org_id = $1 AND ", $round, " = $2 AND person_id = $3"),
            insert: concat!(
                "INSERT INTO ", $answers, " (org_id, ", $round, ", person_id, revision_id, value, updated_at) VALUES ($1, $2, $3, $4, $5, $6)"
            ),
        }
    };
}
pub(crate) use scale_tables;

pub async fn mine(db: &Db, t: &Tables, org: &OrgId, round: &str, person: &PersonId) -> anyhow::Result<MyAnswers> {
    let respondent: Option<(Option<String>,)> =
        sqlx::query_as(t.comment).bind(org.as_str()).bind(round).bind(person.as_str()).fetch_optional(&db.pool).await?;
    let rows: Vec<(String, i64)> = sqlx::query_as(t.values).bind(org.as_str()).bind(round).bind(person.as_str()).fetch_all(&db.pool).await?;
    Ok(MyAnswers {
        submitted: respondent.is_some(),
        comment: respondent.and_then(|(c,)| c),
        values: rows.into_iter().filter_map(|(rev, v)| Some((rev, ScaleValue::from_db(v)?))).collect(),
    })
}

/// What became of a person's answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    Saved,
    /// Nothing written: the round has closed.
    Closed,
    /// Nothing written: the group has seen its picture (`promise::Stage`).
    Revealed,
}

/// Replaces a person's answers in a round that still takes answers, in one
/// transaction; nothing is written once the round was revealed or closed.
/// "Don't know" is no row; the person counts as having answered either way.
pub async fn save(
    db: &Db,
    t: &Tables,
    org: &OrgId,
    round: &str,
    person: &PersonId,
    values: &[(&str, ScaleValue)],
    comment: Option<&LongText>,
    now: time::OffsetDateTime,
) -> anyhow::Result<Written> {
    let mut tx = db.begin_write().await?;
    let now = crate::storage::to_text(now);
    // Writing first takes the write lock before anything is read (SQLite).
    if !crate::tools::promise::hold_for_answer(&mut tx, org, round).await? {
        return Ok(Written::Revealed);
    }
    let responded = sqlx::query(t.respond)
        .bind(org.as_str())
        .bind(round)
        .bind(person.as_str())
        .bind(comment.map(|c| c.as_str().to_string()))
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    if responded.rows_affected() != 1 {
        return Ok(Written::Closed);
    }
    sqlx::query(t.clear).bind(org.as_str()).bind(round).bind(person.as_str()).execute(&mut *tx).await?;
    for (revision, value) in values {
        sqlx::query(t.insert)
            .bind(org.as_str())
            .bind(round)
            .bind(person.as_str())
            .bind(*revision)
            .bind(i64::from(value.get()))
            .bind(&now)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Written::Saved)
}
