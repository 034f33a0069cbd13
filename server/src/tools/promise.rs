//! Keeps what a round promised when it started (`domain::promise`) and reads
//! it back for the round's pages. Every tool that asks a leader group for
//! answers (the introduction, Tool 2's checklist, the APV's Skema 1) fixes
//! its promise in the transaction that starts the round, and reads figures,
//! names and thresholds from it, never from the group or the organisation
//! as they are now.

use crate::i18n::Tr;
use crate::notify::{store::Event, Kind};
use crate::storage::Db;
use domain::anonymity::{AnonymityRule, GROUP_THRESHOLD};
use domain::groups::Openness;
use domain::ids::{GroupId, OrgId, PersonId};
use domain::promise::{RoundPromise, Seat, Stage};

/// Which tool's round a promise belongs to (stored, for reading the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Intro,
    Collab,
    Apv,
}

impl Tool {
    pub const ALL: [Tool; 3] = [Tool::Intro, Tool::Collab, Tool::Apv];

    /// The table of the tool's rounds: a promise's `round_id` is one of its ids.
    pub fn rounds_table(self) -> &'static str {
        match self {
            Tool::Intro => "intro_runs",
            Tool::Collab => "collab_rounds",
            Tool::Apv => "apv_rounds",
        }
    }

    fn code(self) -> &'static str {
        match self {
            Tool::Intro => "intro",
            Tool::Collab => "collab",
            Tool::Apv => "apv",
        }
    }
}

/// Fixes a new round's promise: the group's openness and the organisation's
/// thresholds as they are now (or `rule`, a campaign's own), and the group's
/// members and leader as its readers. Runs in the round's own transaction.
pub async fn fix(
    conn: &mut sqlx::AnyConnection,
    org: &OrgId,
    tool: Tool,
    round: &str,
    group: &GroupId,
    rule: Option<AnonymityRule>,
    now: &str,
) -> anyhow::Result<()> {
    let (openness, k, free_text_k): (String, i64, i64) = sqlx::query_as(
        "SELECT g.openness, o.anonymity_k, o.free_text_k FROM leader_groups g JOIN orgs o ON o.id = g.org_id \
         WHERE g.org_id = $1 AND g.id = $2",
    )
    .bind(org.as_str())
    .bind(group.as_str())
    .fetch_one(&mut *conn)
    .await?;
    let org_rule = AnonymityRule::new(k as u32, free_text_k as u32).unwrap_or_default();
    // Skema 1 is never shown with names, whatever the group chose for its dialog.
    let openness = if tool == Tool::Apv { Openness::Anonymous } else { Openness::from_db(&openness) };
    let promise = RoundPromise::at_start(openness, rule.unwrap_or(org_rule));
    sqlx::query(
        "INSERT INTO round_promises (round_id, org_id, group_id, tool, openness, anonymity_k, free_text_k, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(round)
    .bind(org.as_str())
    .bind(group.as_str())
    .bind(tool.code())
    .bind(promise.openness.code())
    .bind(i64::from(promise.rule.k))
    .bind(i64::from(promise.rule.free_text_k))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO round_readers (round_id, org_id, person_id) \
         SELECT $2, $1, m.person_id FROM group_members m WHERE m.org_id = $1 AND m.group_id = $3 \
         UNION SELECT $2, $1, g.group_leader_id FROM leader_groups g \
           WHERE g.org_id = $1 AND g.id = $3 AND g.group_leader_id IS NOT NULL",
    )
    .bind(org.as_str())
    .bind(round)
    .bind(group.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A round's promise as one viewer stands to it.
#[derive(Clone, Debug)]
pub struct Kept {
    pub promise: RoundPromise,
    /// The names of the people the round promised to read it.
    pub readers: Vec<String>,
    pub seat: Seat,
    /// Whether the group's leader has shown the group its picture.
    pub revealed: bool,
    /// Whether the retention purge has deleted the round's answers.
    pub answers_deleted: bool,
}

impl Kept {
    /// Where a round that is (or is not) `open` stands.
    pub fn stage(&self, open: bool) -> Stage {
        Stage::of(open, self.revealed).with_answers_deleted(self.answers_deleted)
    }

    /// Whether the viewer may answer the round now: one of its readers,
    /// before its picture was revealed.
    pub fn may_answer(&self, open: bool) -> bool {
        self.seat.may_answer() && self.stage(open).takes_answers()
    }

    /// The promise as the answer form tells it, with the readers' names:
    /// whoever answers should know who will read it.
    pub fn notice(&self, tr: &Tr) -> Notice {
        Notice::new(tr, &self.promise, &self.readers)
    }

    /// The promise as the pages with the results tell it: without the names,
    /// so no page beside a picture lists people (`promise_details.html`).
    pub fn summary(&self, tr: &Tr) -> Notice {
        Notice::new(tr, &self.promise, &[])
    }
}

/// Reads a round's promise for `viewer`, who is (`in_group_now`) or is not
/// in the group today. A round without a stored promise is read strictly.
pub async fn load(
    db: &Db,
    org: &OrgId,
    round: &str,
    viewer: &PersonId,
    in_group_now: bool,
    org_rule: AnonymityRule,
) -> anyhow::Result<Kept> {
    let row: Option<(String, i64, i64, i64, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT p.openness, p.anonymity_k, p.free_text_k, \
           (SELECT COUNT(*) FROM round_readers r WHERE r.round_id = p.round_id AND r.org_id = $1 AND r.person_id = $3), \
           p.revealed_at, p.answers_deleted_at \
         FROM round_promises p WHERE p.org_id = $1 AND p.round_id = $2",
    )
    .bind(org.as_str())
    .bind(round)
    .bind(viewer.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(match row {
        Some((openness, k, free_text_k, mine, revealed_at, answers_deleted_at)) => Kept {
            promise: RoundPromise {
                openness: Openness::from_db(&openness),
                rule: AnonymityRule::new(k as u32, free_text_k as u32)
                    .unwrap_or_else(|_| RoundPromise::strictest(org_rule).rule),
            },
            readers: reader_names(db, org, round).await?,
            seat: Seat::of(mine > 0, in_group_now),
            revealed: revealed_at.is_some(),
            answers_deleted: answers_deleted_at.is_some(),
        },
        None => Kept { promise: RoundPromise::strictest(org_rule), readers: Vec::new(), seat: Seat::Outsider, revealed: false, answers_deleted: false },
    })
}

/// Shows the group its picture: from now on the round takes no answers.
/// `false` when it had already been revealed (a second press, or two
/// screens at once), so the caller can say so instead of logging twice.
pub async fn reveal(conn: &mut sqlx::AnyConnection, org: &OrgId, round: &str, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE round_promises SET revealed_at = $3 WHERE org_id = $1 AND round_id = $2 AND revealed_at IS NULL")
        .bind(org.as_str())
        .bind(round)
        .bind(crate::storage::to_text(now))
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Call first in the transaction that writes an answer: `false` once the
/// round's picture has been revealed, and then nothing may be written. The
/// update changes nothing but takes the promise's row for the transaction
/// (a row lock on PostgreSQL, the write lock on SQLite), so a reveal waits
/// for answers being written and no answer lands after the group has seen
/// its picture.
pub async fn hold_for_answer(conn: &mut sqlx::AnyConnection, org: &OrgId, round: &str) -> anyhow::Result<bool> {
    let held = sqlx::query("UPDATE round_promises SET revealed_at = NULL WHERE org_id = $1 AND round_id = $2 AND revealed_at IS NULL")
        .bind(org.as_str())
        .bind(round)
        .execute(&mut *conn)
        .await?;
    Ok(held.rows_affected() == 1)
}

/// The names of a round's readers, for the notice above its answer form.
pub async fn reader_names(db: &Db, org: &OrgId, round: &str) -> anyhow::Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT p.name FROM round_readers r JOIN persons p ON p.id = r.person_id AND p.org_id = r.org_id \
         WHERE r.org_id = $1 AND r.round_id = $2 ORDER BY p.name, p.id",
    )
    .bind(org.as_str())
    .bind(round)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(name,)| name).collect())
}

/// The promise as the answer form tells it, before anyone answers
/// (`promise_notice.html`).
pub struct Notice {
    pub named: bool,
    pub heading: String,
    pub lines: Vec<String>,
}

impl Notice {
    pub fn new(tr: &Tr, promise: &RoundPromise, readers: &[String]) -> Self {
        let named = promise.openness.is_named();
        let mut lines = vec![if named {
            tr.t("promise-named")
        } else {
            tr.t_args("promise-anonymous", &[("count", GROUP_THRESHOLD.to_string())])
        }];
        if !readers.is_empty() {
            lines.push(tr.t_args("promise-readers", &[("names", readers.join(", "))]));
        }
        lines.push(tr.t_args(
            "promise-outside",
            &[("k", promise.rule.k.to_string()), ("free", promise.rule.free_text_k.to_string())],
        ));
        lines.push(tr.t("promise-fixed"));
        let heading = tr.t(if named { "promise-named-heading" } else { "promise-anonymous-heading" });
        Notice { named, heading, lines }
    }
}

/// The reveal form: one tick that the group is ready (`domain::promise::check_reveal`).
#[derive(serde::Deserialize, Default)]
pub struct RevealForm {
    #[serde(default)]
    pub ready: String,
}

/// Where the group's picture will be, before it is revealed
/// (`tools/reveal.html`): how many have answered, and for whoever leads
/// the meeting, the form that reveals it.
pub struct RevealView {
    /// Where the form posts.
    pub action: String,
    /// "4 of 6 have answered".
    pub answered_text: String,
    pub may_reveal: bool,
    /// Fewer answers than the group's threshold: the form says so.
    pub too_few: bool,
    pub needed: u32,
}

impl RevealView {
    pub fn new(action: String, answered_text: String, may_reveal: bool, respondents: u32) -> Self {
        RevealView { action, answered_text, may_reveal, too_few: respondents < GROUP_THRESHOLD, needed: GROUP_THRESHOLD }
    }
}

/// A round being revealed: what `reveal_round` needs to know.
pub struct Revealing<'a> {
    pub round: &'a str,
    pub stage: Stage,
    pub respondents: u32,
    /// The group and the round's date, for the audit log.
    pub target: &'a str,
}

/// Reveals a round's picture for `me` if `domain::promise::check_reveal`
/// allows it, and writes who did it to the audit log, in one transaction.
/// `Err` holds the message key of a refusal; then nothing has changed.
pub async fn reveal_round(
    state: &crate::state::AppState,
    me: &crate::auth::Member,
    round: Revealing<'_>,
    form: &RevealForm,
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<(), &'static str>> {
    let (org, by) = (me.org(), crate::org::audit::Actor { person: Some(me.person()), name: &me.m.name });
    if let Err(e) = domain::promise::check_reveal(round.stage, round.respondents, form.ready == "1") {
        return Ok(Err(e.key));
    }
    let mut tx = state.db.begin_write().await?;
    if !reveal(&mut tx, org, round.round, now).await? {
        return Ok(Err("reveal-error-already"));
    }
    crate::org::audit::record(&mut tx, org, by, "round-revealed", round.target, now).await?;
    tell_readers(&mut tx, org, round.round, me.person(), now).await?;
    tx.commit().await?;
    crate::notify::wake(state);
    Ok(Ok(()))
}

/// The round's readers (who the promise said read it) still in the group,
/// but the one who revealed, hear that the picture is ready, with a link to where it shows.
async fn tell_readers(conn: &mut sqlx::AnyConnection, org: &OrgId, round: &str, by: &PersonId, now: time::OffsetDateTime) -> anyhow::Result<()> {
    let readers: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT r.person_id, p.tool, p.group_id FROM round_readers r \
         JOIN round_promises p ON p.round_id = r.round_id AND p.org_id = r.org_id \
         WHERE r.org_id = $1 AND r.round_id = $2 AND r.person_id <> $3 \
         AND (EXISTS (SELECT 1 FROM group_members m WHERE m.org_id = r.org_id AND m.group_id = p.group_id AND m.person_id = r.person_id) \
           OR EXISTS (SELECT 1 FROM leader_groups g WHERE g.org_id = r.org_id AND g.id = p.group_id AND g.group_leader_id = r.person_id))",
    )
    .bind(org.as_str())
    .bind(round)
    .bind(by.as_str())
    .fetch_all(&mut *conn)
    .await?;
    for (person, tool, group) in readers {
        let link = match tool.as_str() {
            "intro" => format!("/intro/runs/{round}#results-heading"),
            "collab" => format!("/collab/rounds/{round}/meeting#picture"),
            "apv" => format!("/apv/rounds/{round}/meeting#picture-heading"),
            _ => continue,
        };
        let (person, group) = (PersonId::from_db(person), GroupId::from_db(group));
        let event = Event { to: &person, kind: Kind::PictureRevealed, actor: None, group: Some(&group), link: &link };
        crate::notify::store::record(conn, org, event, now).await?;
    }
    Ok(())
}

/// A refused reveal as the page shows it: the tick box's own message under
/// the box, the others above the form.
pub fn reveal_refused(tr: &Tr, key: &'static str) -> crate::web::forms::FormErrors {
    let mut errors = crate::web::forms::FormErrors::default();
    let field = (key == "reveal-error-confirm").then_some("ready");
    errors.add_key(tr, field, key);
    errors
}
