//! SQL for Tool 2: rounds (one per meeting), the checklist statements a
//! round asks, members' answers, the matrix and the group agreement.
//! Every function takes the `OrgId` first and scopes every query by it.

use crate::catalogue::store::Item;
use crate::storage::{from_text, Db};
use crate::tools::promise;
use domain::collab::{Quadrant, THEMES};
use domain::ids::{CollabPointId, CollabRoundId, ContentVersionId, GroupId, OrgId, PersonId};
use domain::input::LongText;
use domain::intro::ScaleValue;
use time::OffsetDateTime;

pub use crate::tools::intro::store::NamedAnswers;

/// Why a change to a round was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The group already has an open round.
    AlreadyOpen,
    /// The round is closed: its agreement is settled.
    Closed,
    /// The group has seen its picture: the round takes no more answers.
    Revealed,
}

/// A round as its lists and pages show it.
#[derive(Clone, Debug)]
pub struct Round {
    pub id: CollabRoundId,
    pub group_id: GroupId,
    pub meeting_at: OffsetDateTime,
    pub minutes: i64,
    pub place: String,
    pub message: String,
    pub sequence: i64,
    pub created_at: String,
    pub open: bool,
    pub respondents: i64,
    pub i_answered: bool,
    /// The settled agreement is shared with HR.
    pub shared: bool,
    /// The viewer is one of the readers the round promised (`tools::promise`).
    pub i_read: bool,
    /// The group has seen its picture (`domain::promise::Stage`).
    pub revealed: bool,
}

impl Round {
    pub fn ends_at(&self) -> OffsetDateTime {
        self.meeting_at + time::Duration::minutes(self.minutes)
    }
}

macro_rules! rounds_sql {
    ($filter:literal) => {
        concat!(
            "SELECT r.id, r.group_id, r.meeting_at, r.minutes, r.place, r.message, r.sequence, r.created_at, r.closed_at, \
               (SELECT COUNT(*) FROM collab_respondents x WHERE x.round_id = r.id AND x.org_id = r.org_id), \
               (SELECT COUNT(*) FROM collab_respondents x WHERE x.round_id = r.id AND x.org_id = r.org_id AND x.person_id = $2), \
               r.shared_at, \
               (SELECT COUNT(*) FROM round_readers rr WHERE rr.round_id = r.id AND rr.org_id = r.org_id AND rr.person_id = $2), \
               (SELECT COUNT(*) FROM round_promises p WHERE p.round_id = r.id AND p.org_id = r.org_id AND p.revealed_at IS NOT NULL) \
             FROM collab_rounds r \
             WHERE r.org_id = $1 AND ",
            $filter,
            " ORDER BY r.meeting_at DESC, r.id DESC"
        )
    };
}

type RoundRow = (String, String, String, i64, String, String, i64, String, Option<String>, i64, i64, Option<String>, i64, i64);

fn to_round(r: RoundRow) -> Option<Round> {
    Some(Round {
        id: CollabRoundId::from_db(r.0),
        group_id: GroupId::from_db(r.1),
        meeting_at: from_text(&r.2)?,
        minutes: r.3,
        place: r.4,
        message: r.5,
        sequence: r.6,
        created_at: r.7,
        open: r.8.is_none(),
        respondents: r.9,
        i_answered: r.10 > 0,
        shared: r.11.is_some(),
        i_read: r.12 > 0,
        revealed: r.13 > 0,
    })
}

/// The rounds of one group, newest meeting first, as `viewer` sees them.
pub async fn rounds_of_group(db: &Db, org: &OrgId, viewer: &PersonId, group: &GroupId) -> anyhow::Result<Vec<Round>> {
    let rows: Vec<RoundRow> = sqlx::query_as(rounds_sql!("r.group_id = $3"))
        .bind(org.as_str())
        .bind(viewer.as_str())
        .bind(group.as_str())
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().filter_map(to_round).collect())
}

/// The rounds of every group `viewer` is in or leads (or all, for HR).
pub async fn rounds_visible(db: &Db, org: &OrgId, viewer: &PersonId, all: bool) -> anyhow::Result<Vec<Round>> {
    let rows: Vec<RoundRow> = sqlx::query_as(rounds_sql!(
        "($3 = 1 OR r.group_id IN (SELECT g.id FROM leader_groups g WHERE g.org_id = $1 AND \
           (g.group_leader_id = $2 OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.person_id = $2))))"
    ))
    .bind(org.as_str())
    .bind(viewer.as_str())
    .bind(i64::from(all))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(to_round).collect())
}

pub async fn round(db: &Db, org: &OrgId, viewer: &PersonId, id: &CollabRoundId) -> anyhow::Result<Option<Round>> {
    let row: Option<RoundRow> = sqlx::query_as(rounds_sql!("r.id = $3"))
        .bind(org.as_str())
        .bind(viewer.as_str())
        .bind(id.as_str())
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.and_then(to_round))
}

/// When and where the group meets.
pub struct Meeting<'a> {
    pub at: OffsetDateTime,
    pub minutes: i64,
    pub place: &'a str,
    pub message: &'a str,
}

/// Step 1: a round with its meeting and the checklist's current statements.
pub async fn start(
    db: &Db,
    org: &OrgId,
    group: &GroupId,
    by: &PersonId,
    meeting: &Meeting<'_>,
    items: &[Item],
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<CollabRoundId, Refused>> {
    let mut tx = db.begin_write().await?;
    let id = CollabRoundId::new();
    let now = crate::storage::to_text(now);
    let inserted = sqlx::query(
        "INSERT INTO collab_rounds (id, org_id, group_id, started_by, meeting_at, minutes, place, message, sequence, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(group.as_str())
    .bind(by.as_str())
    .bind(crate::tools::dialog::meetings_store::instant_text(meeting.at))
    .bind(meeting.minutes)
    .bind(meeting.place)
    .bind(meeting.message)
    .bind(&now)
    .execute(&mut *tx)
    .await;
    if let Err(e) = inserted {
        // One open round per group, held by the database's unique index.
        if e.as_database_error().is_some_and(|d| d.is_unique_violation()) {
            return Ok(Err(Refused::AlreadyOpen));
        }
        return Err(e.into());
    }
    // The visible statements' current revisions, theme by theme in the
    // method's order, the catalogue's order within a theme.
    let mut asked: Vec<(usize, &Item)> =
        items.iter().filter(|i| !i.hidden).filter_map(|i| Some((THEMES.iter().position(|t| *t == i.section)?, i))).collect();
    asked.sort_by_key(|(t, _)| *t);
    for (position, (_, item)) in asked.iter().enumerate() {
        sqlx::query("INSERT INTO collab_round_items (round_id, org_id, revision_id, section, position) VALUES ($1, $2, $3, $4, $5)")
            .bind(id.as_str())
            .bind(org.as_str())
            .bind(item.revision_id.as_str())
            .bind(&item.section)
            .bind(position as i64)
            .execute(&mut *tx)
            .await?;
    }
    promise::fix(&mut tx, org, promise::Tool::Collab, id.as_str(), group, None, &now).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Moves the meeting; the sequence rises so calendars update their event.
pub async fn reschedule(db: &Db, org: &OrgId, round: &CollabRoundId, meeting: &Meeting<'_>) -> anyhow::Result<Result<(), Refused>> {
    let done = sqlx::query(
        "UPDATE collab_rounds SET meeting_at = $1, minutes = $2, place = $3, sequence = sequence + 1 \
         WHERE org_id = $4 AND id = $5 AND closed_at IS NULL",
    )
    .bind(crate::tools::dialog::meetings_store::instant_text(meeting.at))
    .bind(meeting.minutes)
    .bind(meeting.place)
    .bind(org.as_str())
    .bind(round.as_str())
    .execute(&db.pool)
    .await?;
    Ok(if done.rows_affected() == 1 { Ok(()) } else { Err(Refused::Closed) })
}

/// A statement the round asks, in both languages.
#[derive(Clone, Debug)]
pub struct RoundItem {
    pub revision_id: ContentVersionId,
    pub theme: String,
    pub text_da: String,
    pub text_en: String,
}

impl RoundItem {
    pub fn text(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Da => &self.text_da,
            crate::i18n::Lang::En => &self.text_en,
        }
    }
}

pub async fn round_items(db: &Db, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<Vec<RoundItem>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT ri.revision_id, ri.section, r.text_da, r.text_en \
         FROM collab_round_items ri JOIN catalogue_revisions r ON r.id = ri.revision_id AND r.org_id = ri.org_id \
         WHERE ri.org_id = $1 AND ri.round_id = $2 ORDER BY ri.position",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(rev, theme, text_da, text_en)| RoundItem {
            revision_id: ContentVersionId::from_db(rev),
            theme,
            text_da,
            text_en,
        })
        .collect())
}

/// One member's checklist, stored as the introduction tool's answers are.
pub use crate::tools::scale_answers::MyAnswers;

const TABLES: crate::tools::scale_answers::Tables = crate::tools::scale_answers::scale_tables!("collab_respondents", "collab_answers", "collab_rounds", "round_id");

pub async fn my_answers(db: &Db, org: &OrgId, round: &CollabRoundId, person: &PersonId) -> anyhow::Result<MyAnswers> {
    crate::tools::scale_answers::mine(db, &TABLES, org, round.as_str(), person).await
}

/// Replaces a member's checklist in an open round (`scale_answers::save`).
pub async fn save_answers(
    db: &Db,
    org: &OrgId,
    round: &CollabRoundId,
    person: &PersonId,
    values: &[(String, ScaleValue)],
    comment: Option<&LongText>,
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<(), Refused>> {
    let values: Vec<(&str, ScaleValue)> = values.iter().map(|(r, v)| (r.as_str(), *v)).collect();
    use crate::tools::scale_answers::{save, Written};
    Ok(match save(db, &TABLES, org, round.as_str(), person, &values, comment, now).await? {
        Written::Saved => Ok(()),
        Written::Closed => Err(Refused::Closed),
        Written::Revealed => Err(Refused::Revealed),
    })
}

/// Who answered what: only for a group in open (named) mode.
pub async fn named_answers(db: &Db, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<NamedAnswers> {
    let people: Vec<(String, String)> = sqlx::query_as(
        "SELECT p.id, p.name FROM collab_respondents x JOIN persons p ON p.id = x.person_id AND p.org_id = x.org_id \
         WHERE x.org_id = $1 AND x.round_id = $2 ORDER BY p.name, p.id",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .fetch_all(&db.pool)
    .await?;
    let values: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT person_id, revision_id, value FROM collab_answers WHERE org_id = $1 AND round_id = $2")
            .bind(org.as_str())
            .bind(round.as_str())
            .fetch_all(&db.pool)
            .await?;
    Ok(NamedAnswers {
        people: people.into_iter().map(|(id, name)| (PersonId::from_db(id), name)).collect(),
        values: values.into_iter().filter_map(|(p, r, v)| Some((p, r, ScaleValue::from_db(v)?))).collect(),
    })
}

/// Where the group has placed each theme: (theme, quadrant).
pub async fn placements(db: &Db, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<Vec<(String, Quadrant)>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT theme, quadrant FROM collab_matrix WHERE org_id = $1 AND round_id = $2")
            .bind(org.as_str())
            .bind(round.as_str())
            .fetch_all(&db.pool)
            .await?;
    Ok(rows.into_iter().filter_map(|(t, q)| Some((t, Quadrant::parse(&q)?))).collect())
}

/// Places a theme in the matrix of an open round, or takes it off (`None`).
pub async fn place(
    db: &Db,
    org: &OrgId,
    round: &CollabRoundId,
    by: &PersonId,
    theme: &str,
    quadrant: Option<Quadrant>,
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<(), Refused>> {
    let mut tx = db.begin_write().await?;
    let done = match quadrant {
        Some(q) => sqlx::query(
            "INSERT INTO collab_matrix (round_id, org_id, theme, quadrant, placed_by, placed_at) \
             SELECT id, org_id, $3, $4, $5, $6 FROM collab_rounds WHERE org_id = $1 AND id = $2 AND closed_at IS NULL \
             ON CONFLICT (round_id, theme) DO UPDATE SET quadrant = excluded.quadrant, placed_by = excluded.placed_by, \
               placed_at = excluded.placed_at",
        )
        .bind(org.as_str())
        .bind(round.as_str())
        .bind(theme)
        .bind(q.code())
        .bind(by.as_str())
        .bind(crate::storage::to_text(now))
        .execute(&mut *tx)
        .await?
        .rows_affected(),
        None => sqlx::query(
            "DELETE FROM collab_matrix WHERE org_id = $1 AND round_id = $2 AND theme = $3 AND round_id IN \
               (SELECT id FROM collab_rounds WHERE org_id = $1 AND id = $2 AND closed_at IS NULL)",
        )
        .bind(org.as_str())
        .bind(round.as_str())
        .bind(theme)
        .execute(&mut *tx)
        .await?
        .rows_affected(),
    };
    if done == 0 && !is_open(&mut tx, org, round).await? {
        return Ok(Err(Refused::Closed));
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Takes the round's write lock by touching its row (two screens pressing
/// at once take turns) and answers whether the round is `open` (or, with
/// false, settled).
pub async fn lock_round(conn: &mut sqlx::AnyConnection, org: &OrgId, round: &CollabRoundId, open: bool) -> anyhow::Result<bool> {
    let settled = if open { "IS NULL" } else { "IS NOT NULL" };
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE collab_rounds SET sequence = sequence WHERE org_id = $1 AND id = $2 AND closed_at {settled}"
    )))
    .bind(org.as_str())
    .bind(round.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

async fn is_open(conn: &mut sqlx::AnyConnection, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<bool> {
    let open: Option<(String,)> = sqlx::query_as("SELECT id FROM collab_rounds WHERE org_id = $1 AND id = $2 AND closed_at IS NULL")
        .bind(org.as_str())
        .bind(round.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(open.is_some())
}

/// A point of the group agreement.
#[derive(Clone, Debug)]
pub struct Point {
    pub id: CollabPointId,
    pub position: i64,
    pub text: String,
    pub actions: String,
    pub measure: String,
    pub owner_id: Option<PersonId>,
    pub owner_name: Option<String>,
    pub follow_up_on: time::Date,
}

pub async fn points(db: &Db, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<Vec<Point>> {
    let rows: Vec<(String, i64, String, String, String, Option<String>, Option<String>, String)> = sqlx::query_as(
        "SELECT c.id, c.position, c.text, c.actions, c.measure, c.owner_person_id, o.name, c.follow_up_on \
         FROM collab_points c LEFT JOIN persons o ON o.id = c.owner_person_id AND o.org_id = c.org_id \
         WHERE c.org_id = $1 AND c.round_id = $2 ORDER BY c.position",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(Point {
                id: CollabPointId::from_db(r.0),
                position: r.1,
                text: r.2,
                actions: r.3,
                measure: r.4,
                owner_id: r.5.map(PersonId::from_db),
                owner_name: r.6,
                follow_up_on: domain::input::parse_date(&r.7).ok()?,
            })
        })
        .collect())
}

/// A point as the agreement form gives it, validated.
#[derive(Debug)]
pub struct NewPoint {
    pub text: LongText,
    pub actions: Option<LongText>,
    pub measure: Option<LongText>,
    pub owner: PersonId,
    pub follow_up_on: time::Date,
}

/// Writes the agreement's points (position 1 and 2; `None` clears a place)
/// in an open round. Settling is its own step (`settle::settle`), asked first.
pub async fn save_agreement(
    db: &Db,
    org: &OrgId,
    round: &CollabRoundId,
    by: &PersonId,
    points: &[Option<NewPoint>],
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<(), Refused>> {
    let mut tx = db.begin_write().await?;
    let now = crate::storage::to_text(now);
    // Touching the round first takes the write lock and proves it open.
    if !lock_round(&mut tx, org, round, true).await? {
        return Ok(Err(Refused::Closed));
    }
    for (i, point) in points.iter().enumerate() {
        let position = i as i64 + 1;
        let Some(p) = point else {
            sqlx::query("DELETE FROM collab_points WHERE org_id = $1 AND round_id = $2 AND position = $3")
                .bind(org.as_str())
                .bind(round.as_str())
                .bind(position)
                .execute(&mut *tx)
                .await?;
            continue;
        };
        sqlx::query(
            "INSERT INTO collab_points (id, round_id, org_id, position, text, actions, measure, owner_person_id, follow_up_on, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
             ON CONFLICT (round_id, position) DO UPDATE SET text = excluded.text, actions = excluded.actions, \
               measure = excluded.measure, owner_person_id = excluded.owner_person_id, \
               follow_up_on = excluded.follow_up_on, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(CollabPointId::new().as_str())
        .bind(round.as_str())
        .bind(org.as_str())
        .bind(position)
        .bind(p.text.as_str())
        .bind(p.actions.as_ref().map(|t| t.as_str()).unwrap_or(""))
        .bind(p.measure.as_ref().map(|t| t.as_str()).unwrap_or(""))
        .bind(p.owner.as_str())
        .bind(p.follow_up_on.to_string())
        .bind(by.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// The group's last round settled before `round` was started: a group has
/// one open round at a time, so that is the agreement this round follows
/// up, whatever the meetings' dates.
pub async fn previous(db: &Db, org: &OrgId, viewer: &PersonId, round: &Round) -> anyhow::Result<Option<Round>> {
    let row: Option<(String,)> = sqlx::query_as(PREVIOUS_SQL)
        .bind(org.as_str())
        .bind(round.id.as_str())
        .bind(round.group_id.as_str())
        .fetch_optional(&db.pool)
        .await?;
    match row {
        Some((id,)) => self::round(db, org, viewer, &CollabRoundId::from_db(id)).await,
        None => Ok(None),
    }
}

/// `$1` org, `$2` the round, `$3` its group: the id of the round it follows up.
pub const PREVIOUS_SQL: &str = "SELECT r2.id FROM collab_rounds r2 WHERE r2.org_id = $1 AND r2.group_id = $3 AND r2.closed_at IS NOT NULL \
     AND r2.id <> $2 AND r2.closed_at <= (SELECT r.created_at FROM collab_rounds r WHERE r.id = $2 AND r.org_id = $1) \
     ORDER BY r2.closed_at DESC, r2.id DESC LIMIT 1";

/// The reviews `round`'s meeting recorded, by point id.
pub async fn reviews(db: &Db, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<Vec<(String, domain::apv::Review)>> {
    use domain::apv::{NextStep, Review, Worked};
    let rows: Vec<(String, i64, String, String)> =
        sqlx::query_as("SELECT point_id, done, worked, next_step FROM collab_point_reviews WHERE org_id = $1 AND round_id = $2")
            .bind(org.as_str())
            .bind(round.as_str())
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(p, done, worked, next)| {
            Some((p, Review { done: done == 1, worked: Worked::parse(&worked)?, next_step: NextStep::parse(&next)? }))
        })
        .collect())
}

/// Records the follow-up of the last agreement's points at `round`'s
/// meeting. Only points of the group's previous settled round are accepted
/// (the caller passes those); the round must be open.
pub async fn save_reviews(
    db: &Db,
    org: &OrgId,
    round: &CollabRoundId,
    reviews: &[(CollabPointId, domain::apv::Review)],
    by: &PersonId,
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<(), Refused>> {
    let mut tx = db.begin_write().await?;
    // Touching the round takes the write lock and proves it open.
    if !lock_round(&mut tx, org, round, true).await? {
        return Ok(Err(Refused::Closed));
    }
    let now = crate::storage::to_text(now);
    for (point, r) in reviews {
        sqlx::query(
            "INSERT INTO collab_point_reviews (point_id, org_id, round_id, done, worked, next_step, reviewed_by, reviewed_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (point_id) DO UPDATE SET done = excluded.done, worked = excluded.worked, \
               next_step = excluded.next_step, reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at \
             WHERE collab_point_reviews.round_id = excluded.round_id",
        )
        .bind(point.as_str())
        .bind(org.as_str())
        .bind(round.as_str())
        .bind(i64::from(r.done))
        .bind(r.worked.code())
        .bind(r.next_step.code())
        .bind(by.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Shares a settled agreement with HR, or stops sharing it; false when the
/// round is not settled.
pub async fn set_shared(db: &Db, org: &OrgId, round: &CollabRoundId, shared: bool, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE collab_rounds SET shared_at = $1 WHERE org_id = $2 AND id = $3 AND closed_at IS NOT NULL")
        .bind(shared.then(|| crate::storage::to_text(now)))
        .bind(org.as_str())
        .bind(round.as_str())
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}
