//! The live sessions' tables: the session, its numbered participants and
//! its append-only log. On SQLite appends go through a group commit
//! (`Append`), so a thousand sessions' events share transactions; on
//! PostgreSQL each append takes the session's turn (`lock_session`) in a
//! transaction of its own, which also notifies the other servers (`fanout`).

use crate::storage::group_commit::{GroupCommit, Job};
use crate::storage::{Backend, Db};
use domain::ids::{GroupId, LiveSessionId, OrgId, PersonId};
use domain::live::{Event, ParticipantNo, Procedure, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH};
use rand::Rng;
use sqlx::AnyConnection;
use std::future::Future;
use std::pin::Pin;

/// The channel the servers notify each other on: `<session id>:<seq>`
/// (named in `Append::write`'s statement too).
pub const CHANNEL: &str = "live_events";
/// Sent on `CHANNEL` when names were taken out of logs: every server folds
/// the rooms it holds again.
pub const REFOLD: &str = "refold";

/// What a room keeps of its session: what never changes once started.
/// (Whether it ended is in its log; where its next steps went, `landed`.)
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub id: String,
    pub org_id: String,
    pub deck: String,
    pub procedure: String,
    pub join_code: String,
    pub created_at: String,
    /// The cards it plays, as a JSON list, fixed when it started; `None`
    /// for sessions started before that was kept.
    pub cards: Option<String>,
}

impl SessionRow {
    pub fn procedure(&self) -> Procedure {
        Procedure::parse(&self.procedure).unwrap_or(Procedure::Prioritise)
    }
}

const SESSION_COLUMNS: &str = "id, org_id, deck, procedure, join_code, created_at, cards";

fn join_code() -> String {
    let mut rng = rand::rng();
    (0..JOIN_CODE_LENGTH).map(|_| JOIN_CODE_ALPHABET[rng.random_range(0..JOIN_CODE_ALPHABET.len())] as char).collect()
}

/// A new session with its facilitator as participant 1 and the first event.
pub async fn create(
    db: &Db,
    org: &OrgId,
    deck: &str,
    procedure: Procedure,
    cards: &[String],
    facilitator: &PersonId,
    joined: &Event,
    now: time::OffsetDateTime,
) -> anyhow::Result<LiveSessionId> {
    let id = LiveSessionId::new();
    let created_at = crate::storage::to_text(now);
    // A clash of join codes among a billion is rare; try a few.
    for attempt in 0.. {
        let mut tx = db.pool.begin().await?;
        let inserted = sqlx::query(concat!(
            "INSERT INTO live_sessions (id, org_id, deck, procedure, join_code, created_by, created_at, cards) ",
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (join_code) DO NOTHING"
        ))
        .bind(id.as_str())
        .bind(org.as_str())
        .bind(deck)
        .bind(procedure.code())
        .bind(join_code())
        .bind(facilitator.as_str())
        .bind(&created_at)
        .bind(serde_json::to_string(cards)?)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            anyhow::ensure!(attempt < 5, "no free join code");
            continue;
        }
        let Event::Joined { p, name, .. } = joined else { anyhow::bail!("a session starts with its facilitator joining") };
        insert_participant(&mut tx, id.as_str(), *p, Some(facilitator.as_str()), name, None, now).await?;
        anyhow::ensure!(insert_event(&mut tx, id.as_str(), 1, None, None, &serde_json::to_string(joined)?, now).await?, "a new session's log is empty");
        tx.commit().await?;
        break;
    }
    Ok(id)
}

async fn insert_participant(conn: &mut AnyConnection, session: &str, no: ParticipantNo, person: Option<&str>, name: &str, guest_hash: Option<&str>, now: time::OffsetDateTime) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO live_participants (session_id, no, person_id, name, guest_secret_hash, joined_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(session)
        .bind(no as i64)
        .bind(person)
        .bind(name)
        .bind(guest_hash)
        .bind(crate::storage::to_text(now))
        .execute(conn)
        .await?;
    Ok(())
}

/// Appends an event; false (nothing written) when its number is taken or
/// its command was written before.
async fn insert_event(conn: &mut AnyConnection, session: &str, seq: i64, participant: Option<ParticipantNo>, client_id: Option<&str>, body: &str, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(concat!(
        "INSERT INTO live_events (session_id, seq, participant, client_id, body, at) VALUES ($1, $2, $3, $4, $5, $6) ",
        "ON CONFLICT DO NOTHING"
    ))
    .bind(session)
    .bind(seq)
    .bind(participant.map(i64::from))
    .bind(client_id)
    .bind(body)
    .bind(crate::storage::to_text(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn session(db: &Db, id: &LiveSessionId) -> anyhow::Result<Option<SessionRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {SESSION_COLUMNS} FROM live_sessions WHERE id = $1")))
        .bind(id.as_str())
        .fetch_optional(&db.pool)
        .await?)
}

/// The open session a join code belongs to.
pub async fn by_code(db: &Db, code: &str) -> anyhow::Result<Option<SessionRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {SESSION_COLUMNS} FROM live_sessions WHERE join_code = $1 AND ended_at IS NULL")))
        .bind(code)
        .fetch_optional(&db.pool)
        .await?)
}

/// A signed-in person's participant number in a session.
pub async fn participant_of_person(db: &Db, session: &LiveSessionId, person: &PersonId) -> anyhow::Result<Option<ParticipantNo>> {
    let no: Option<i64> = sqlx::query_scalar("SELECT no FROM live_participants WHERE session_id = $1 AND person_id = $2")
        .bind(session.as_str())
        .bind(person.as_str())
        .fetch_optional(&db.pool)
        .await?;
    Ok(no.map(|n| n as ParticipantNo))
}

/// A guest's participant number, proven by the hash of their cookie's secret.
pub async fn participant_of_guest(db: &Db, session: &LiveSessionId, secret_hash: &str) -> anyhow::Result<Option<ParticipantNo>> {
    let no: Option<i64> = sqlx::query_scalar("SELECT no FROM live_participants WHERE session_id = $1 AND guest_secret_hash = $2")
        .bind(session.as_str())
        .bind(secret_hash)
        .fetch_optional(&db.pool)
        .await?;
    Ok(no.map(|n| n as ParticipantNo))
}

/// Where a session's next steps went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LandedTo {
    Plan,
    Group,
    Agreement,
}

impl LandedTo {
    fn code(self) -> &'static str {
        match self {
            LandedTo::Plan => "plan",
            LandedTo::Group => "group",
            LandedTo::Agreement => "agreement",
        }
    }

    fn parse(s: &str) -> Option<LandedTo> {
        [LandedTo::Plan, LandedTo::Group, LandedTo::Agreement].into_iter().find(|l| l.code() == s)
    }
}

/// Marks the next steps as saved (lifted to `group` when it is a group);
/// false if they already were.
pub async fn mark_landed(conn: &mut AnyConnection, session: &str, to: LandedTo, group: Option<&GroupId>, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE live_sessions SET landed_at = $1, landed_to = $4, group_id = COALESCE($3, group_id) WHERE id = $2 AND landed_at IS NULL",
    )
    .bind(crate::storage::to_text(now))
    .bind(session)
    .bind(group.map(|g| g.as_str()))
    .bind(to.code())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// When and where the next steps went.
pub async fn landed(db: &Db, session: &str) -> anyhow::Result<Option<(String, LandedTo)>> {
    let row: (Option<String>, Option<String>) =
        sqlx::query_as("SELECT landed_at, landed_to FROM live_sessions WHERE id = $1").bind(session).fetch_one(&db.pool).await?;
    Ok(row.0.zip(row.1.as_deref().and_then(LandedTo::parse)))
}

/// What stands in for a deleted person's name in sessions they took part in.
pub const FORGOTTEN_NAME: &str = "–";

/// A deleted person's display name leaves the sessions they took part in:
/// their participant rows and the `Joined` events in the logs. What they
/// said and chose stays, as in minutes of a meeting, under no name. Part
/// of deleting an account, in its transaction; the rooms in memory are
/// folded again afterwards (`Hub::refold_forgotten`).
pub async fn forget_names(conn: &mut AnyConnection, person: &str) -> anyhow::Result<()> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT session_id, no FROM live_participants WHERE person_id = $1")
        .bind(person)
        .fetch_all(&mut *conn)
        .await?;
    if !rows.is_empty() && conn.backend_name() == "PostgreSQL" {
        // Delivered when the deletion commits, to every server and this one.
        sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(REFOLD).execute(&mut *conn).await?;
    }
    for (session, no) in rows {
        sqlx::query("UPDATE live_participants SET name = $3 WHERE session_id = $1 AND no = $2")
            .bind(&session)
            .bind(no)
            .bind(FORGOTTEN_NAME)
            .execute(&mut *conn)
            .await?;
        // Joins are written by the server, without a sender.
        let joins: Vec<(i64, String)> = sqlx::query_as("SELECT seq, body FROM live_events WHERE session_id = $1 AND participant IS NULL")
            .bind(&session)
            .fetch_all(&mut *conn)
            .await?;
        for (seq, body) in joins {
            if let Ok(Event::Joined { p, facilitator, .. }) = serde_json::from_str::<Event>(&body) {
                if i64::from(p) == no {
                    let forgotten = serde_json::to_string(&Event::Joined { p, name: FORGOTTEN_NAME.into(), facilitator })?;
                    sqlx::query("UPDATE live_events SET body = $3 WHERE session_id = $1 AND seq = $2")
                        .bind(&session)
                        .bind(seq)
                        .bind(forgotten)
                        .execute(&mut *conn)
                        .await?;
                }
            }
        }
    }
    Ok(())
}

/// Participants whose name was taken out: (session, number).
pub async fn forgotten(db: &Db) -> anyhow::Result<Vec<(String, ParticipantNo)>> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT session_id, no FROM live_participants WHERE name = $1").bind(FORGOTTEN_NAME).fetch_all(&db.pool).await?;
    Ok(rows.into_iter().map(|(s, no)| (s, no as ParticipantNo)).collect())
}

/// One stored event as the log holds it.
#[derive(Debug, sqlx::FromRow)]
pub struct EventRow {
    pub seq: i64,
    pub participant: Option<i64>,
    pub client_id: Option<String>,
    pub body: String,
}

pub async fn events_after(db: &Db, session: &str, after: i64) -> anyhow::Result<Vec<EventRow>> {
    events_after_in(&mut *db.pool.acquire().await?, session, after).await
}

pub async fn events_after_in(conn: &mut AnyConnection, session: &str, after: i64) -> anyhow::Result<Vec<EventRow>> {
    Ok(sqlx::query_as("SELECT seq, participant, client_id, body FROM live_events WHERE session_id = $1 AND seq > $2 ORDER BY seq")
        .bind(session)
        .bind(after)
        .fetch_all(conn)
        .await?)
}

/// Takes the session's turn to append, until the transaction ends: another
/// server's append to the same session waits here (PostgreSQL only).
pub async fn lock_session(conn: &mut AnyConnection, session: &str) -> anyhow::Result<()> {
    sqlx::query("SELECT id FROM live_sessions WHERE id = $1 FOR UPDATE").bind(session).fetch_optional(conn).await?;
    Ok(())
}

/// A session the person took part in or started, newest first.
#[derive(Debug, sqlx::FromRow)]
pub struct MySession {
    pub id: String,
    pub deck: String,
    pub procedure: String,
    pub join_code: String,
    pub created_at: String,
    pub ended_at: Option<String>,
    pub facilitator: i64,
}

pub async fn mine(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<Vec<MySession>> {
    Ok(sqlx::query_as(concat!(
        "SELECT s.id, s.deck, s.procedure, s.join_code, s.created_at, s.ended_at, CASE WHEN p.no = 1 THEN 1 ELSE 0 END AS facilitator ",
        "FROM live_participants p JOIN live_sessions s ON s.id = p.session_id ",
        "WHERE s.org_id = $1 AND p.person_id = $2 ORDER BY s.created_at DESC LIMIT 20"
    ))
    .bind(org.as_str())
    .bind(person.as_str())
    .fetch_all(&db.pool)
    .await?)
}

/// One append to a session's log, written in a shared transaction.
pub struct Append {
    pub backend: Backend,
    pub session: String,
    pub seq: i64,
    pub participant: Option<ParticipantNo>,
    pub client_id: Option<String>,
    pub body: String,
    /// A participant joining: their row is written with their `Joined` event.
    pub joining: Option<Joining>,
    pub ends: bool,
    pub at: time::OffsetDateTime,
}

pub struct Joining {
    pub no: ParticipantNo,
    pub person: Option<String>,
    pub name: String,
    pub guest_hash: Option<String>,
}

impl Job for Append {
    /// False when nothing was written: the number was taken (another server
    /// wrote it) or the command was already written. The room then reads
    /// the log and decides again.
    type Out = bool;

    fn write<'a>(&'a self, conn: &'a mut AnyConnection) -> Pin<Box<dyn Future<Output = anyhow::Result<bool>> + Send + 'a>> {
        Box::pin(async move {
            // A conflict must not abort the shared transaction, which holds
            // other sessions' events too: it writes nothing, and says so.
            let written = if self.backend == Backend::Postgres {
                // One round trip: the insert and the notification to the other
                // servers, which read everything after their last event anyway.
                let n: i64 = sqlx::query_scalar(concat!(
                    "WITH e AS (INSERT INTO live_events (session_id, seq, participant, client_id, body, at) ",
                    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING session_id, seq) ",
                    "SELECT COUNT(*) FROM (SELECT pg_notify('live_events', session_id || ':' || seq) FROM e) AS notified"
                ))
                .bind(&self.session)
                .bind(self.seq)
                .bind(self.participant.map(i64::from))
                .bind(self.client_id.as_deref())
                .bind(&self.body)
                .bind(crate::storage::to_text(self.at))
                .fetch_one(&mut *conn)
                .await?;
                n == 1
            } else {
                insert_event(conn, &self.session, self.seq, self.participant, self.client_id.as_deref(), &self.body, self.at).await?
            };
            if !written {
                return Ok(false);
            }
            if let Some(j) = &self.joining {
                insert_participant(conn, &self.session, j.no, j.person.as_deref(), &j.name, j.guest_hash.as_deref(), self.at).await?;
            }
            if self.ends {
                sqlx::query("UPDATE live_sessions SET ended_at = $1 WHERE id = $2").bind(crate::storage::to_text(self.at)).bind(&self.session).execute(&mut *conn).await?;
            }
            Ok(true)
        })
    }
}

pub type AppendWriter = GroupCommit<Append>;
