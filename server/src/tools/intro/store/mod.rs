//! SQL for the introduction tool: rounds, the statements each round asks,
//! answers, respondents (with their optional comment) and decisions.
//! Every function takes the `OrgId` first and scopes every query by it.

use crate::catalogue::store::Item;
use crate::storage::Db;
use crate::tools::promise;
use domain::ids::{CatalogueItemId, ContentVersionId, GroupId, IntroRunId, OrgId, PersonId};
use domain::intro::{NextTool, Section};

mod answers;
pub use answers::*;

/// Why a change to a round was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The group already has an open round.
    AlreadyOpen,
    /// The round is closed: its decision is made.
    Closed,
    /// The group has seen its picture: the round takes no more answers.
    Revealed,
}

/// A round with what its list rows show.
#[derive(Clone, Debug)]
pub struct RunSummary {
    pub id: IntroRunId,
    pub group_id: GroupId,
    pub created_at: String,
    pub open: bool,
    pub respondents: i64,
    pub i_answered: bool,
    /// The viewer is one of the readers the round promised (`tools::promise`).
    pub i_read: bool,
    /// The group has seen its picture (`domain::promise::Stage`).
    pub revealed: bool,
    pub decision: Option<Decision>,
}

#[derive(Clone, Debug)]
pub struct Decision {
    pub next_tool: NextTool,
    pub owner_id: Option<PersonId>,
    pub owner_name: Option<String>,
    pub due: time::Date,
    pub note: Option<String>,
}

macro_rules! runs_sql {
    ($filter:literal) => {
        concat!(
            "SELECT r.id, r.group_id, r.created_at, r.closed_at, \
               (SELECT COUNT(*) FROM intro_respondents x WHERE x.run_id = r.id AND x.org_id = r.org_id), \
               (SELECT COUNT(*) FROM intro_respondents x WHERE x.run_id = r.id AND x.org_id = r.org_id AND x.person_id = $2), \
               d.next_tool, d.owner_person_id, o.name, d.due_date, d.note, \
               (SELECT COUNT(*) FROM round_readers rr WHERE rr.round_id = r.id AND rr.org_id = r.org_id AND rr.person_id = $2), \
               (SELECT COUNT(*) FROM round_promises p WHERE p.round_id = r.id AND p.org_id = r.org_id AND p.revealed_at IS NOT NULL) \
             FROM intro_runs r \
             LEFT JOIN intro_decisions d ON d.run_id = r.id AND d.org_id = r.org_id \
             LEFT JOIN persons o ON o.id = d.owner_person_id AND o.org_id = r.org_id \
             WHERE r.org_id = $1 AND ",
            $filter,
            " ORDER BY r.created_at DESC, r.id DESC"
        )
    };
}

type RunRow = (
    String,
    String,
    String,
    Option<String>,
    i64,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    i64,
);

fn to_summary(r: RunRow) -> RunSummary {
    let decision = match (r.6, r.9) {
        (Some(tool), Some(due)) => match (NextTool::parse(&tool), domain::input::parse_date(&due)) {
            (Ok(next_tool), Ok(due)) => Some(Decision {
                next_tool,
                owner_id: r.7.map(PersonId::from_db),
                owner_name: r.8,
                due,
                note: r.10,
            }),
            _ => None,
        },
        _ => None,
    };
    RunSummary {
        id: IntroRunId::from_db(r.0),
        group_id: GroupId::from_db(r.1),
        created_at: r.2,
        open: r.3.is_none(),
        respondents: r.4,
        i_answered: r.5 > 0,
        i_read: r.11 > 0,
        revealed: r.12 > 0,
        decision,
    }
}

/// The rounds of one group, newest first, as `viewer` sees them.
pub async fn runs_of_group(db: &Db, org: &OrgId, viewer: &PersonId, group: &GroupId) -> anyhow::Result<Vec<RunSummary>> {
    let rows: Vec<RunRow> = sqlx::query_as(runs_sql!("r.group_id = $3"))
        .bind(org.as_str())
        .bind(viewer.as_str())
        .bind(group.as_str())
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(to_summary).collect())
}

/// The rounds of every group `viewer` is in or leads (or all, for HR), newest first.
pub async fn runs_visible(db: &Db, org: &OrgId, viewer: &PersonId, all: bool) -> anyhow::Result<Vec<RunSummary>> {
    let rows: Vec<RunRow> = sqlx::query_as(runs_sql!(
        "($3 = 1 OR r.group_id IN (SELECT g.id FROM leader_groups g WHERE g.org_id = $1 AND \
           (g.group_leader_id = $2 OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.person_id = $2))))"
    ))
    .bind(org.as_str())
    .bind(viewer.as_str())
    .bind(i64::from(all))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(to_summary).collect())
}

/// One round, as `viewer` sees it.
pub async fn run(db: &Db, org: &OrgId, viewer: &PersonId, run: &IntroRunId) -> anyhow::Result<Option<RunSummary>> {
    let row: Option<RunRow> = sqlx::query_as(runs_sql!("r.id = $3"))
        .bind(org.as_str())
        .bind(viewer.as_str())
        .bind(run.as_str())
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(to_summary))
}

/// Starts a round asking the statements that are visible now, in section
/// order. Refused when the group already has an open round (the database's
/// unique index settles a race between two clicks).
pub async fn start(
    db: &Db,
    org: &OrgId,
    group: &GroupId,
    by: &PersonId,
    items: &[Item],
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<IntroRunId, Refused>> {
    let mut tx = db.begin_write().await?;
    let open: Option<(String,)> =
        sqlx::query_as("SELECT id FROM intro_runs WHERE org_id = $1 AND group_id = $2 AND closed_at IS NULL")
            .bind(org.as_str())
            .bind(group.as_str())
            .fetch_optional(&mut *tx)
            .await?;
    if open.is_some() {
        return Ok(Err(Refused::AlreadyOpen));
    }
    let id = IntroRunId::new();
    let now = crate::storage::to_text(now);
    let inserted = sqlx::query("INSERT INTO intro_runs (id, org_id, group_id, started_by, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id.as_str())
        .bind(org.as_str())
        .bind(group.as_str())
        .bind(by.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await;
    if let Err(e) = inserted {
        if e.as_database_error().is_some_and(|d| d.is_unique_violation()) {
            return Ok(Err(Refused::AlreadyOpen));
        }
        return Err(e.into());
    }
    fix_items(&mut tx, org, &id, items).await?;
    promise::fix(&mut tx, org, promise::Tool::Intro, id.as_str(), group, None, &now).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Fixes the statements a round asks: the visible items' current revisions,
/// by section, in catalogue order. Later edits and hiding never change them.
pub async fn fix_items(conn: &mut sqlx::AnyConnection, org: &OrgId, run: &IntroRunId, items: &[Item]) -> anyhow::Result<()> {
    let mut asked: Vec<(Section, &Item)> = items
        .iter()
        .filter(|i| !i.hidden)
        .filter_map(|i| Section::parse(&i.section).map(|s| (s, i)))
        .collect();
    // Stable: within a section the catalogue's own order is kept.
    asked.sort_by_key(|(s, _)| *s);
    for (position, (section, item)) in asked.iter().enumerate() {
        sqlx::query("INSERT INTO intro_run_items (run_id, org_id, revision_id, section, position) VALUES ($1, $2, $3, $4, $5)")
            .bind(run.as_str())
            .bind(org.as_str())
            .bind(item.revision_id.as_str())
            .bind(section.code())
            .bind(position as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A statement as a round asks it: the wording of the revision fixed at the start.
#[derive(Clone, Debug)]
pub struct RunItem {
    pub revision_id: ContentVersionId,
    pub item_id: CatalogueItemId,
    pub section: Section,
    pub text_da: String,
    pub text_en: String,
}

impl RunItem {
    pub fn text(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Da => &self.text_da,
            crate::i18n::Lang::En => &self.text_en,
        }
    }
}

pub async fn run_items(db: &Db, org: &OrgId, run: &IntroRunId) -> anyhow::Result<Vec<RunItem>> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT ri.revision_id, r.item_id, ri.section, r.text_da, r.text_en \
         FROM intro_run_items ri JOIN catalogue_revisions r ON r.id = ri.revision_id AND r.org_id = ri.org_id \
         WHERE ri.org_id = $1 AND ri.run_id = $2 ORDER BY ri.position",
    )
    .bind(org.as_str())
    .bind(run.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(rev, item, section, text_da, text_en)| {
            Some(RunItem {
                revision_id: ContentVersionId::from_db(rev),
                item_id: CatalogueItemId::from_db(item),
                section: Section::parse(&section)?,
                text_da,
                text_en,
            })
        })
        .collect())
}

/// Records the decision and closes the round, in one transaction.
pub async fn decide(db: &Db, org: &OrgId, run: &IntroRunId, by: &PersonId, d: &super::input::Decision, now: time::OffsetDateTime) -> anyhow::Result<Result<(), Refused>> {
    let mut tx = db.begin_write().await?;
    let now = crate::storage::to_text(now);
    let closed = sqlx::query("UPDATE intro_runs SET closed_at = $1 WHERE org_id = $2 AND id = $3 AND closed_at IS NULL")
        .bind(&now)
        .bind(org.as_str())
        .bind(run.as_str())
        .execute(&mut *tx)
        .await?;
    if closed.rows_affected() != 1 {
        return Ok(Err(Refused::Closed));
    }
    let due = d.due.format(time::macros::format_description!("[year]-[month]-[day]"))?;
    sqlx::query(
        "INSERT INTO intro_decisions (run_id, org_id, next_tool, owner_person_id, due_date, note, decided_by, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(run.as_str())
    .bind(org.as_str())
    .bind(d.next_tool.code())
    .bind(d.owner.as_str())
    .bind(due)
    .bind(d.note.as_ref().map(|n| n.as_str().to_string()))
    .bind(by.as_str())
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

