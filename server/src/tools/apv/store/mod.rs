//! SQL for the leader APV: rounds and the themes each round asks (here),
//! Skema 1's answers (`answers`), Skema 2's sorting and Skema 3's plans and
//! actions (`plans`). Every function takes the `OrgId` first and scopes
//! every query by it.

use crate::catalogue::store::Item;
use crate::i18n::Lang;
use crate::storage::Db;
use domain::apv::{Absence, Variant};
use domain::ids::{ApvCampaignId, ApvRoundId, ContentVersionId, GroupId, OrgId, PersonId};

mod answers;
mod campaigns;
mod mailing;
mod plans;
mod reviews;
pub use answers::*;
pub use campaigns::*;
pub use mailing::*;
pub use plans::*;
pub use reviews::*;

/// Why a change to a round was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The group already has an open round.
    AlreadyOpen,
    /// The round is closed: its report is done.
    Closed,
    /// The group has seen its picture: the round takes no more answers.
    Revealed,
    /// The group has already chosen its themes (at most two).
    TooMany,
}

/// A round with what its pages and lists show.
#[derive(Clone, Debug)]
pub struct Round {
    pub id: ApvRoundId,
    pub group_id: GroupId,
    pub variant: Variant,
    pub deadline: Option<time::Date>,
    pub created_at: String,
    pub open: bool,
    /// Leaders who have handed in Skema 1.
    pub respondents: i64,
    pub i_submitted: bool,
    /// The viewer is one of the readers the round promised (`tools::promise`).
    pub i_read: bool,
    /// The group has seen its picture (`domain::promise::Stage`).
    pub revealed: bool,
    pub report: Report,
    /// The campaign the round is part of, if HR started it in one.
    pub campaign_id: Option<ApvCampaignId>,
}

/// The law's questions, answered in the round's report.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub absence: Option<Absence>,
    pub absence_note: String,
    pub amo_on: Option<time::Date>,
    pub amo_note: String,
    pub next_due: Option<time::Date>,
}

macro_rules! rounds_sql {
    ($filter:literal) => {
        concat!(
            "SELECT r.id, r.group_id, r.variant, r.deadline, r.created_at, r.closed_at, \
               (SELECT COUNT(*) FROM apv_respondents x WHERE x.round_id = r.id AND x.org_id = r.org_id), \
               (SELECT COUNT(*) FROM apv_respondents x WHERE x.round_id = r.id AND x.org_id = r.org_id AND x.person_id = $2), \
               r.absence, r.absence_note, r.amo_on, r.amo_note, r.next_due, r.campaign_id, \
               (SELECT COUNT(*) FROM round_readers rr WHERE rr.round_id = r.id AND rr.org_id = r.org_id AND rr.person_id = $2), \
               (SELECT COUNT(*) FROM round_promises p WHERE p.round_id = r.id AND p.org_id = r.org_id AND p.revealed_at IS NOT NULL) \
             FROM apv_rounds r WHERE r.org_id = $1 AND ",
            $filter,
            " ORDER BY r.created_at DESC, r.id DESC"
        )
    };
}

type RoundRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    i64,
    i64,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    i64,
    i64,
);

fn date(s: Option<String>) -> Option<time::Date> {
    s.and_then(|s| domain::input::parse_date(&s).ok())
}

fn to_round(r: RoundRow) -> Round {
    Round {
        id: ApvRoundId::from_db(r.0),
        group_id: GroupId::from_db(r.1),
        variant: Variant::parse(&r.2).unwrap_or(Variant::Now),
        deadline: date(r.3),
        created_at: r.4,
        open: r.5.is_none(),
        respondents: r.6,
        i_submitted: r.7 > 0,
        i_read: r.14 > 0,
        revealed: r.15 > 0,
        report: Report {
            absence: r.8.as_deref().and_then(Absence::parse),
            absence_note: r.9,
            amo_on: date(r.10),
            amo_note: r.11,
            next_due: date(r.12),
        },
        campaign_id: r.13.map(ApvCampaignId::from_db),
    }
}

/// One round, as `viewer` sees it.
pub async fn round(db: &Db, org: &OrgId, viewer: &PersonId, id: &ApvRoundId) -> anyhow::Result<Option<Round>> {
    let row: Option<RoundRow> = sqlx::query_as(rounds_sql!("r.id = $3"))
        .bind(org.as_str())
        .bind(viewer.as_str())
        .bind(id.as_str())
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(to_round))
}

/// The rounds of every group `viewer` is in or leads (or all, for HR), newest first.
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
    Ok(rows.into_iter().map(to_round).collect())
}

/// A new round's settings.
pub struct NewRound<'a> {
    pub group: &'a GroupId,
    pub variant: Variant,
    pub deadline: Option<time::Date>,
    pub by: &'a PersonId,
}

/// Starts a round asking the visible themes, each part's "other themes" row
/// last. Refused when the group already has an open round (the database's
/// unique index settles a race between two clicks).
pub async fn start(db: &Db, org: &OrgId, new: NewRound<'_>, items: &[Item], other_keys: &[&str], now: time::OffsetDateTime) -> anyhow::Result<Result<ApvRoundId, Refused>> {
    let mut tx = db.begin_write().await?;
    let id = ApvRoundId::new();
    let now = crate::storage::to_text(now);
    let inserted = sqlx::query(
        "INSERT INTO apv_rounds (id, org_id, group_id, variant, deadline, started_by, created_at) \
         SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS \
           (SELECT 1 FROM apv_rounds WHERE org_id = $2 AND group_id = $3 AND closed_at IS NULL)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(new.group.as_str())
    .bind(new.variant.code())
    .bind(new.deadline.map(|d| d.to_string()))
    .bind(new.by.as_str())
    .bind(&now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(done) if done.rows_affected() == 1 => {}
        Ok(_) => return Ok(Err(Refused::AlreadyOpen)),
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => return Ok(Err(Refused::AlreadyOpen)),
        Err(e) => return Err(e.into()),
    }
    fix_themes(&mut tx, org, &id, items, other_keys).await?;
    crate::tools::promise::fix(&mut tx, org, crate::tools::promise::Tool::Apv, id.as_str(), new.group, None, &now).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Fixes the themes a round asks: the visible items' current revisions, by
/// part, each part's "other themes" row last. Later edits never change them.
pub async fn fix_themes(
    conn: &mut sqlx::AnyConnection,
    org: &OrgId,
    id: &ApvRoundId,
    items: &[Item],
    other_keys: &[&str],
) -> anyhow::Result<()> {
    let mut asked: Vec<(usize, bool, &Item)> = items
        .iter()
        .filter(|i| !i.hidden)
        .filter_map(|i| {
            let part = crate::tools::apv::content::PARTS.iter().position(|p| *p == i.section)?;
            Some((part, other_keys.contains(&i.key.as_str()), i))
        })
        .collect();
    // Stable: within a part the catalogue's own order is kept.
    asked.sort_by_key(|(part, other, _)| (*part, *other));
    for (position, (part, other, item)) in asked.iter().enumerate() {
        sqlx::query(
            "INSERT INTO apv_round_themes (round_id, org_id, revision_id, part, position, other) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.as_str())
        .bind(org.as_str())
        .bind(item.revision_id.as_str())
        .bind(crate::tools::apv::content::PARTS[*part])
        .bind(position as i64)
        .bind(i64::from(*other))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A theme as a round asks it: the wording fixed when the round started.
#[derive(Clone, Debug)]
pub struct RoundTheme {
    pub revision_id: ContentVersionId,
    /// The catalogue item: the same theme across rounds, whatever its wording.
    pub item_id: String,
    pub part: String,
    pub other: bool,
    pub text_da: String,
    pub text_en: String,
}

impl RoundTheme {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.text_da,
            Lang::En => &self.text_en,
        }
    }

    pub fn name(&self, lang: Lang) -> &str {
        crate::tools::apv::content::ApvContent::theme_name(self.text(lang))
    }

    pub fn description(&self, lang: Lang) -> &str {
        crate::tools::apv::content::ApvContent::theme_description(self.text(lang))
    }
}

pub async fn themes(db: &Db, org: &OrgId, round: &ApvRoundId) -> anyhow::Result<Vec<RoundTheme>> {
    let rows: Vec<(String, String, String, i64, String, String)> = sqlx::query_as(
        "SELECT t.revision_id, r.item_id, t.part, t.other, r.text_da, r.text_en \
         FROM apv_round_themes t \
         JOIN catalogue_revisions r ON r.id = t.revision_id AND r.org_id = t.org_id \
         WHERE t.org_id = $1 AND t.round_id = $2 ORDER BY t.position",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(rev, item_id, part, other, text_da, text_en)| RoundTheme {
            revision_id: ContentVersionId::from_db(rev),
            item_id,
            part,
            other: other != 0,
            text_da,
            text_en,
        })
        .collect())
}

/// The group's newest closed round started before `round`, as `viewer` sees it.
pub async fn previous_round(db: &Db, org: &OrgId, viewer: &PersonId, round: &Round) -> anyhow::Result<Option<Round>> {
    let row: Option<RoundRow> = sqlx::query_as(rounds_sql!(
        "r.group_id = $3 AND r.closed_at IS NOT NULL AND r.created_at < $4 AND r.id <> $5"
    ))
    .bind(org.as_str())
    .bind(viewer.as_str())
    .bind(round.group_id.as_str())
    .bind(&round.created_at)
    .bind(round.id.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(to_round))
}

/// Saves the report's answers to the law's questions.
pub async fn save_report(db: &Db, org: &OrgId, round: &ApvRoundId, report: &Report) -> anyhow::Result<Result<(), Refused>> {
    let done = sqlx::query(
        "UPDATE apv_rounds SET absence = $3, absence_note = $4, amo_on = $5, amo_note = $6, next_due = $7 \
         WHERE org_id = $1 AND id = $2 AND closed_at IS NULL",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .bind(report.absence.map(Absence::code))
    .bind(&report.absence_note)
    .bind(report.amo_on.map(|d| d.to_string()))
    .bind(&report.amo_note)
    .bind(report.next_due.map(|d| d.to_string()))
    .execute(&db.pool)
    .await?;
    Ok(if done.rows_affected() == 1 { Ok(()) } else { Err(Refused::Closed) })
}

/// Closes the round: Skema 1 can no longer change, and the picture may
/// be shown outside the group (at the organisation's thresholds). Each
/// respondent keeps the unit they have now, so the campaign's views stay
/// as they are when a leader moves later.
pub async fn close(db: &Db, org: &OrgId, round: &ApvRoundId, now: time::OffsetDateTime) -> anyhow::Result<Result<(), Refused>> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query("UPDATE apv_rounds SET closed_at = $3 WHERE org_id = $1 AND id = $2 AND closed_at IS NULL")
        .bind(org.as_str())
        .bind(round.as_str())
        .bind(crate::storage::to_text(now))
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(Err(Refused::Closed));
    }
    freeze_units(&mut *tx, org, round).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Writes each respondent's present unit on the round's respondents.
async fn freeze_units(conn: &mut sqlx::AnyConnection, org: &OrgId, round: &ApvRoundId) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE apv_respondents SET unit_id = \
           (SELECT p.unit_id FROM persons p WHERE p.id = apv_respondents.person_id AND p.org_id = apv_respondents.org_id) \
         WHERE org_id = $1 AND round_id = $2",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

