//! Settling the group agreement, asked first, and undone while nobody has
//! acted on it (issue 17, item 3). "Indgå aftalen" on the meeting page saves
//! the points and asks (`web::ask`: a native dialog with JavaScript, the
//! question as a page without); only the answer settles what is saved. The
//! group's leader may open the agreement again under the rule in
//! `domain::collab::reopen`.

use super::{load_inside, RoundContext};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::storage::{from_text, to_text, Db};
use crate::web::ask::{Ask, AskPage};
use crate::web::Page;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::collab::reopen::{may_reopen, Kept, Settled};
use domain::ids::{CollabRoundId, OrgId};
use time::OffsetDateTime;

/// Why settling was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum NotSettled {
    /// Already settled (or gone).
    Closed,
    /// No point is saved: an agreement needs at least one.
    Empty,
}

/// Settles the saved agreement of an open round at `now`, which closes the round.
pub async fn settle(db: &Db, org: &OrgId, round: &CollabRoundId, now: OffsetDateTime) -> anyhow::Result<Result<(), NotSettled>> {
    let mut tx = db.begin_write().await?;
    // Touching the round first takes the write lock and proves it open.
    if !super::store::lock_round(&mut tx, org, round, true).await? {
        return Ok(Err(NotSettled::Closed));
    }
    let (points,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM collab_points WHERE org_id = $1 AND round_id = $2")
        .bind(org.as_str())
        .bind(round.as_str())
        .fetch_one(&mut *tx)
        .await?;
    if points == 0 {
        return Ok(Err(NotSettled::Empty));
    }
    sqlx::query("UPDATE collab_rounds SET closed_at = $1 WHERE org_id = $2 AND id = $3")
        .bind(to_text(now))
        .bind(org.as_str())
        .bind(round.as_str())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

// $1 org, $2 the round, $3 its points' lift sources ("<round>/%").
const SETTLED_SQL: &str = "SELECT r.closed_at, CAST(CASE WHEN r.shared_at IS NULL THEN 0 ELSE 1 END AS BIGINT), \
       (SELECT COUNT(*) FROM lifts l WHERE l.org_id = r.org_id AND l.source_kind = 'collab_point' AND l.source_id LIKE $3), \
       (SELECT COUNT(*) FROM collab_rounds n WHERE n.org_id = r.org_id AND n.group_id = r.group_id AND n.id <> r.id \
          AND n.created_at > r.created_at) \
     FROM collab_rounds r WHERE r.org_id = $1 AND r.id = $2 AND r.closed_at IS NOT NULL";

async fn settled_facts(conn: &mut sqlx::AnyConnection, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<Option<Settled>> {
    let row: Option<(String, i64, i64, i64)> = sqlx::query_as(SETTLED_SQL)
        .bind(org.as_str())
        .bind(round.as_str())
        .bind(format!("{round}/%"))
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.and_then(|(at, shared, lifted, later)| {
        Some(Settled { at: from_text(&at)?, shared: shared > 0, lifted: lifted > 0, followed_up: later > 0 })
    }))
}

/// What has happened to a settled round since, for the round page's offer
/// to open it again; `None` while it is open.
pub async fn settled(db: &Db, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<Option<Settled>> {
    let mut conn = db.pool.acquire().await?;
    settled_facts(&mut conn, org, round).await
}

/// Opens a settled agreement again at `now`, if `domain::collab::reopen`
/// allows it; what the rule looks at is read under the round's lock, so a
/// lift or a share arriving at the same moment is not missed.
pub async fn reopen(db: &Db, org: &OrgId, round: &CollabRoundId, now: OffsetDateTime) -> anyhow::Result<Result<(), Option<Kept>>> {
    let mut tx = db.begin_write().await?;
    if !super::store::lock_round(&mut tx, org, round, false).await? {
        return Ok(Err(None));
    }
    let Some(facts) = settled_facts(&mut tx, org, round).await? else { return Ok(Err(None)) };
    if let Err(kept) = may_reopen(&facts, now) {
        return Ok(Err(Some(kept)));
    }
    sqlx::query("UPDATE collab_rounds SET closed_at = NULL WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(round.as_str())
        .execute(&mut *tx)
        .await?;
    // The settled round's picture was there for the group and HR to see:
    // reopened, the agreement may change but the answers may not, or two
    // pictures of one round could be subtracted to single someone out.
    crate::tools::promise::reveal(&mut tx, org, round.as_str(), now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The question before settling.
pub fn settle_ask(page: &Page, round: &CollabRoundId) -> Ask {
    Ask {
        id: "ask-settle",
        title: page.t("collab-settle-ask-title"),
        text: page.t("collab-settle-ask-text"),
        action: format!("/collab/rounds/{round}/settle"),
        confirm: page.t("collab-settle-ask-confirm"),
        back: format!("/collab/rounds/{round}/meeting#agreement"),
    }
}

fn leading_open(ctx: &RoundContext) -> AppResult<()> {
    if !ctx.may_lead() {
        return Err(AppError::Forbidden);
    }
    if !ctx.round.open {
        return Err(AppError::BadRequest("collab-error-closed"));
    }
    Ok(())
}

/// The question as a page (without JavaScript: where "Indgå aftalen" lands
/// after saving the points).
pub async fn confirm(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    leading_open(&ctx)?;
    let ask = settle_ask(&page, &ctx.round.id);
    Ok(AskPage { page, ask }.into_response())
}

/// The answer: the group's leader settles the saved agreement.
pub async fn settle_now(
    State(state): State<AppState>,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    leading_open(&ctx)?;
    match settle(&state.db, me.org(), &ctx.round.id, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/collab/rounds/{}?notice=settled#agreement-points", ctx.round.id)).into_response()),
        Err(NotSettled::Empty) => Err(AppError::BadRequest("error-collab-settle-empty")),
        Err(NotSettled::Closed) => Err(AppError::BadRequest("collab-error-closed")),
    }
}

/// The group's leader opens the settled agreement again (`domain::collab::reopen`).
pub async fn reopen_now(
    State(state): State<AppState>,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    if !ctx.may_lead() {
        return Err(AppError::Forbidden);
    }
    match reopen(&state.db, me.org(), &ctx.round.id, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/collab/rounds/{}/meeting?notice=reopened#agreement", ctx.round.id)).into_response()),
        Err(Some(kept)) => Err(AppError::BadRequest(kept.key())),
        Err(None) => Err(AppError::BadRequest("collab-error-reopen-open")),
    }
}

/// The round page's offer to open the agreement again: until when, or,
/// during the first day, why not. After that it is no news.
pub struct ReopenView {
    pub until: Option<String>,
    pub kept: Option<String>,
}

impl ReopenView {
    pub fn new(page: &Page, facts: &Settled, now: OffsetDateTime) -> Option<ReopenView> {
        match may_reopen(facts, now) {
            Ok(until) => Some(ReopenView { until: Some(crate::i18n::format::date_time(page.lang, until)), kept: None }),
            Err(_) if now >= facts.at + domain::collab::reopen::WINDOW => None,
            Err(kept) => Some(ReopenView { until: None, kept: Some(page.t(kept.key())) }),
        }
    }
}
