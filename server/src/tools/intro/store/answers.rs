//! SQL for answers: one person's answers and comment to a round, and the
//! round's answers for its results (unattributed, or named in open mode).

use crate::storage::Db;
use domain::ids::{ContentVersionId, IntroRunId, OrgId, PersonId};
use domain::input::LongText;
use domain::intro::ScaleValue;

use super::Refused;

pub use crate::tools::scale_answers::MyAnswers;
use crate::tools::scale_answers;

const TABLES: crate::tools::scale_answers::Tables = crate::tools::scale_answers::scale_tables!("intro_respondents", "intro_answers", "intro_runs", "run_id");

pub async fn my_answers(db: &Db, org: &OrgId, run: &IntroRunId, person: &PersonId) -> anyhow::Result<MyAnswers> {
    scale_answers::mine(db, &TABLES, org, run.as_str(), person).await
}

/// Replaces a person's answers to an open round (`scale_answers::save`).
pub async fn save_answers(
    db: &Db,
    org: &OrgId,
    run: &IntroRunId,
    person: &PersonId,
    values: &[(ContentVersionId, ScaleValue)],
    comment: Option<&LongText>,
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<(), Refused>> {
    let values: Vec<(&str, ScaleValue)> = values.iter().map(|(r, v)| (r.as_str(), *v)).collect();
    Ok(match scale_answers::save(db, &TABLES, org, run.as_str(), person, &values, comment, now).await? {
        scale_answers::Written::Saved => Ok(()),
        scale_answers::Written::Closed => Err(Refused::Closed),
        scale_answers::Written::Revealed => Err(Refused::Revealed),
    })
}

/// Every answer of a round as (revision id, value), unattributed.
pub async fn answers(db: &Db, org: &OrgId, run: &IntroRunId) -> anyhow::Result<Vec<(String, ScaleValue)>> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT revision_id, value FROM intro_answers WHERE org_id = $1 AND run_id = $2")
        .bind(org.as_str())
        .bind(run.as_str())
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().filter_map(|(rev, v)| Some((rev, ScaleValue::from_db(v)?))).collect())
}

/// The round's comments, without who wrote them.
pub async fn comments(db: &Db, org: &OrgId, run: &IntroRunId) -> anyhow::Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT comment FROM intro_respondents WHERE org_id = $1 AND run_id = $2 AND comment IS NOT NULL",
    )
    .bind(org.as_str())
    .bind(run.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(c,)| c).collect())
}

/// Who answered (by name), and each one's answers: only for a group in named mode.
pub struct NamedAnswers {
    pub people: Vec<(PersonId, String)>,
    /// (person id, revision id, value)
    pub values: Vec<(String, String, ScaleValue)>,
}

pub async fn named_answers(db: &Db, org: &OrgId, run: &IntroRunId) -> anyhow::Result<NamedAnswers> {
    let people: Vec<(String, String)> = sqlx::query_as(
        "SELECT p.id, p.name FROM intro_respondents x JOIN persons p ON p.id = x.person_id AND p.org_id = x.org_id \
         WHERE x.org_id = $1 AND x.run_id = $2 ORDER BY p.name, p.id",
    )
    .bind(org.as_str())
    .bind(run.as_str())
    .fetch_all(&db.pool)
    .await?;
    let values: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT person_id, revision_id, value FROM intro_answers WHERE org_id = $1 AND run_id = $2")
            .bind(org.as_str())
            .bind(run.as_str())
            .fetch_all(&db.pool)
            .await?;
    Ok(NamedAnswers {
        people: people.into_iter().map(|(id, name)| (PersonId::from_db(id), name)).collect(),
        values: values.into_iter().filter_map(|(p, r, v)| Some((p, r, ScaleValue::from_db(v)?))).collect(),
    })
}
