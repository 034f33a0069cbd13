//! The retention purge: deletes what each organisation's retention period
//! says has expired, table by table as the register's `Retention` says, so
//! a new table is purged (or kept, with a reason) by what its entry states.
//! Before a closed APV campaign's Skema 1 answers go, their counts are kept
//! as blocks (`apv_kept_*`), so the campaign's overview, the plan and the
//! organisation's participation figure read the same afterwards.
//!
//! `run_once` never reads the wall clock (the caller passes `now`), runs one
//! transaction per organisation, and is safe to run on several servers at
//! once and again and again: deleting what is gone deletes nothing, and a
//! round's counts are kept only by the run whose claim on it (`tallied_at`)
//! took. It reports and logs counts of rows only, never what they held.

use super::register::{Retention, REGISTER};
use crate::storage::{from_text, schema, to_text, Db};
use crate::tools::promise::Tool;
use domain::retention::{campaign_ended, Period, WITHOUT_ORG_DAYS};
use sqlx::{AnyConnection, AssertSqlSafe};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// How often `serve` purges. The period is counted in days; an hour late
/// is within the promise.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Rows deleted by one run, per table, and APV rounds whose counts were kept.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub rows: BTreeMap<&'static str, u64>,
    pub apv_rounds_tallied: u64,
    /// Live sessions nobody ended, ended by this run (`domain::live::IDLE_ENDS_AFTER`).
    pub live_sessions_ended: u64,
}

impl Purged {
    fn add(&mut self, table: &'static str, n: u64) {
        if n > 0 {
            *self.rows.entry(table).or_default() += n;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.apv_rounds_tallied == 0 && self.live_sessions_ended == 0
    }
}

/// Purges every organisation as of `now`, and the rows that belong to none.
pub async fn run_once(db: &Db, now: OffsetDateTime) -> anyhow::Result<Purged> {
    let mut purged = Purged::default();
    let orgs: Vec<(String, i64)> = sqlx::query_as("SELECT id, retention_days FROM orgs ORDER BY id").fetch_all(&db.pool).await?;
    for (org, days) in orgs {
        let period = Period::from_db(days);
        purge_apv(db, &org, period, now, &mut purged).await?;
        let mut tx = db.begin_write().await?;
        purged.live_sessions_ended += end_idle_live_sessions(&mut tx, &org, now).await?;
        purge_by_register(&mut tx, Some(org.as_str()), period.cutoff(now), &mut purged).await?;
        mark_answers_deleted(&mut tx, &org, period.cutoff(now), now).await?;
        tx.commit().await?;
    }
    let mut tx = db.begin_write().await?;
    let without_org = Period::from_db(WITHOUT_ORG_DAYS);
    purge_by_register(&mut tx, None, without_org.cutoff(now), &mut purged).await?;
    tx.commit().await?;
    for (table, n) in &purged.rows {
        metrics::counter!("ledertrivsel_retention_purged_rows_total", "table" => *table).increment(*n);
    }
    metrics::counter!("ledertrivsel_retention_apv_rounds_tallied_total").increment(purged.apv_rounds_tallied);
    Ok(purged)
}

/// Runs `run_once` every `every` until the process ends (`serve` starts it).
pub fn spawn(db: Db, clock: crate::clock::Clock, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            tick.tick().await;
            match run_once(&db, clock.now()).await {
                Ok(p) if !p.is_empty() => tracing::info!(
                    rows = ?p.rows,
                    apv_rounds_tallied = p.apv_rounds_tallied,
                    live_sessions_ended = p.live_sessions_ended,
                    "retention purge"
                ),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "retention purge failed; will try again"),
            }
        }
    })
}

/// Rows whose own date or whose parent's end is before `cutoff`, children
/// before parents (the register lists parents first). `org` None: the rows
/// that belong to no organisation (only tables with their own date have any).
async fn purge_by_register(conn: &mut AnyConnection, org: Option<&str>, cutoff: OffsetDateTime, purged: &mut Purged) -> anyhow::Result<()> {
    let cutoff = to_text(cutoff);
    for entry in REGISTER.iter().rev() {
        let t = schema::quote(entry.table);
        let sql = match (entry.retention, org) {
            (Retention::Own(column), Some(_)) => format!("DELETE FROM {t} WHERE org_id = $1 AND {} < $2", schema::quote(column)),
            (Retention::Own(column), None) => format!("DELETE FROM {t} WHERE org_id IS NULL AND {} < $1", schema::quote(column)),
            (Retention::Parent { key, parent, ended }, Some(_)) => format!(
                "DELETE FROM {t} WHERE {} IN (SELECT id FROM {} WHERE org_id = $1 AND {} < $2)",
                schema::quote(key),
                schema::quote(parent),
                schema::quote(ended)
            ),
            _ => continue,
        };
        let mut q = sqlx::query(AssertSqlSafe(sql));
        if let Some(org) = org {
            q = q.bind(org.to_string());
        }
        let n = q.bind(cutoff.clone()).execute(&mut *conn).await?.rows_affected();
        purged.add(entry.table, n);
    }
    Ok(())
}

/// Ends the organisation's live sessions that nobody ended and where
/// nothing has happened for `IDLE_ENDS_AFTER`: an `Ended` event is appended
/// as the facilitator's "Afslut" would (so every server's room folds it),
/// and the session counts as ended at its last activity, from which the
/// retention period then runs. A session someone wrote to meanwhile (its
/// next number taken) is left for the next run.
async fn end_idle_live_sessions(conn: &mut AnyConnection, org: &str, now: OffsetDateTime) -> anyhow::Result<u64> {
    let open: Vec<(String, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT s.id, s.created_at, (SELECT MAX(e.at) FROM live_events e WHERE e.session_id = s.id), \
           COALESCE((SELECT MAX(e.seq) FROM live_events e WHERE e.session_id = s.id), 0) \
         FROM live_sessions s WHERE s.org_id = $1 AND s.ended_at IS NULL",
    )
    .bind(org)
    .fetch_all(&mut *conn)
    .await?;
    let ended = serde_json::to_string(&domain::live::Event::Ended)?;
    let mut n = 0;
    for (session, created_at, last_event, last_seq) in open {
        let Some(last) = from_text(last_event.as_deref().unwrap_or(&created_at)) else { continue };
        if !domain::live::ended_by_idleness(last, now) {
            continue;
        }
        let at = to_text(last);
        let appended = sqlx::query(
            "INSERT INTO live_events (session_id, seq, participant, client_id, body, at) VALUES ($1, $2, NULL, NULL, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(&session)
        .bind(last_seq + 1)
        .bind(&ended)
        .bind(&at)
        .execute(&mut *conn)
        .await?;
        if appended.rows_affected() == 1 {
            sqlx::query("UPDATE live_sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL").bind(&at).bind(&session).execute(&mut *conn).await?;
            n += 1;
        }
    }
    Ok(n)
}

/// Writes down, on each round whose answers went with their round's end,
/// that they are gone, so its pages say so (`domain::promise::Stage::
/// AnswersDeleted`) instead of showing an empty picture.
async fn mark_answers_deleted(conn: &mut AnyConnection, org: &str, cutoff: OffsetDateTime, now: OffsetDateTime) -> anyhow::Result<()> {
    for (parent, ended) in promised_parents() {
        let sql = format!(
            "UPDATE round_promises SET answers_deleted_at = $3 WHERE org_id = $1 AND answers_deleted_at IS NULL \
             AND round_id IN (SELECT id FROM {} WHERE org_id = $1 AND {} < $2)",
            schema::quote(parent),
            schema::quote(ended)
        );
        sqlx::query(AssertSqlSafe(sql)).bind(org).bind(to_text(cutoff)).bind(to_text(now)).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The parents the register deletes children with (and the column saying
/// when each ended) whose rows are rounds with a promise: only a round has
/// one to mark (a live session, also a parent, never does).
fn promised_parents() -> Vec<(&'static str, &'static str)> {
    let mut parents: Vec<(&str, &str)> = REGISTER
        .iter()
        .filter_map(|e| match e.retention {
            Retention::Parent { parent, ended, .. } => Some((parent, ended)),
            _ => None,
        })
        .filter(|(parent, _)| Tool::ALL.iter().any(|t| t.rounds_table() == *parent))
        .collect();
    parents.sort_unstable();
    parents.dedup();
    parents
}

/// Skema 1 answers of campaigns (and rounds outside one) that ended longer
/// ago than the period: counted into blocks, then deleted.
async fn purge_apv(db: &Db, org: &str, period: Period, now: OffsetDateTime, purged: &mut Purged) -> anyhow::Result<()> {
    let rounds: Vec<(String, Option<String>, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT id, campaign_id, closed_at, tallied_at FROM apv_rounds WHERE org_id = $1 ORDER BY campaign_id, id")
            .bind(org)
            .fetch_all(&db.pool)
            .await?;
    // A campaign's rounds age together; a round outside a campaign alone.
    let mut batches: BTreeMap<(Option<String>, String), Vec<(String, Option<OffsetDateTime>, bool)>> = BTreeMap::new();
    for (id, campaign, closed_at, tallied_at) in rounds {
        let key = match campaign {
            Some(c) => (Some(c), String::new()),
            None => (None, id.clone()),
        };
        batches.entry(key).or_default().push((id, closed_at.as_deref().and_then(from_text), tallied_at.is_some()));
    }
    for ((campaign, _), rounds) in batches {
        let closings: Vec<Option<OffsetDateTime>> = rounds.iter().map(|(_, c, _)| *c).collect();
        if !period.expired(campaign_ended(&closings), now) {
            continue;
        }
        let due: Vec<&str> = rounds.iter().filter(|(_, _, tallied)| !tallied).map(|(id, _, _)| id.as_str()).collect();
        if !due.is_empty() {
            tally_and_delete(db, org, campaign.as_deref(), &due, now, purged).await?;
        }
    }
    Ok(())
}

async fn tally_and_delete(db: &Db, org: &str, campaign: Option<&str>, rounds: &[&str], now: OffsetDateTime, purged: &mut Purged) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    for round in rounds {
        // The claim: another run that got here first leaves nothing to do.
        let claimed = sqlx::query("UPDATE apv_rounds SET tallied_at = $3 WHERE org_id = $1 AND id = $2 AND tallied_at IS NULL")
            .bind(org)
            .bind(*round)
            .bind(to_text(now))
            .execute(&mut *tx)
            .await?;
        if claimed.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(());
        }
    }
    if let Some(campaign) = campaign {
        // Before any answer goes: a leader who answered in two groups counts once.
        sqlx::query(
            "UPDATE apv_campaigns SET kept_respondents = COALESCE(kept_respondents, 0) + \
               (SELECT COUNT(DISTINCT x.person_id) FROM apv_respondents x JOIN apv_rounds r ON r.id = x.round_id AND r.org_id = x.org_id \
                WHERE r.org_id = $1 AND r.campaign_id = $2) \
             WHERE org_id = $1 AND id = $2",
        )
        .bind(org)
        .bind(campaign)
        .execute(&mut *tx)
        .await?;
    }
    for round in rounds {
        sqlx::query(
            "INSERT INTO apv_kept_blocks (round_id, org_id, unit_id, respondents) \
             SELECT round_id, org_id, unit_id, COUNT(*) FROM apv_respondents WHERE org_id = $1 AND round_id = $2 \
             GROUP BY round_id, org_id, unit_id",
        )
        .bind(org)
        .bind(*round)
        .execute(&mut *tx)
        .await?;
        // As `apv::store::counts` counts them: marks of handed-in leaders only.
        sqlx::query(
            "INSERT INTO apv_kept_counts (round_id, org_id, unit_id, item_id, red, yellow, green) \
             SELECT a.round_id, a.org_id, x.unit_id, v.item_id, \
               SUM(CASE WHEN a.red IS NULL THEN 0 ELSE 1 END), \
               SUM(CASE WHEN a.yellow IS NULL THEN 0 ELSE 1 END), \
               SUM(CASE WHEN a.green IS NULL THEN 0 ELSE 1 END) \
             FROM apv_answers a \
             JOIN apv_respondents x ON x.round_id = a.round_id AND x.person_id = a.person_id AND x.org_id = a.org_id \
             JOIN catalogue_revisions v ON v.id = a.revision_id AND v.org_id = a.org_id \
             WHERE a.org_id = $1 AND a.round_id = $2 \
             GROUP BY a.round_id, a.org_id, x.unit_id, v.item_id",
        )
        .bind(org)
        .bind(*round)
        .execute(&mut *tx)
        .await?;
        for entry in REGISTER.iter().rev().filter(|e| e.retention == Retention::ApvCampaign) {
            let sql = format!("DELETE FROM {} WHERE org_id = $1 AND round_id = $2", schema::quote(entry.table));
            let n = sqlx::query(AssertSqlSafe(sql)).bind(org).bind(*round).execute(&mut *tx).await?.rows_affected();
            purged.add(entry.table, n);
        }
        sqlx::query("UPDATE round_promises SET answers_deleted_at = $3 WHERE org_id = $1 AND round_id = $2")
            .bind(org)
            .bind(*round)
            .bind(to_text(now))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    purged.apv_rounds_tallied += rounds.len() as u64;
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The live session's parent entries (its participants and events) are
    /// deleted by the register too, but a session has no promise: marking
    /// its "answers deleted" was an update that could never change a row.
    #[test]
    fn only_rounds_are_marked_answers_deleted() {
        assert_eq!(super::promised_parents(), [("collab_rounds", "closed_at"), ("intro_runs", "closed_at")]);
    }
}
