//! "Sådan beskyttes dine svar": the product's privacy rules as every signed-in
//! person can read them, with the organisation's own thresholds, and for HR,
//! the works council and the safety organisation the log of changes to what
//! later rounds promise (`domain::promise`).

use crate::auth::Member;
use crate::error::AppResult;
use crate::org::audit;
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::routing::get;
use axum::Router;
use domain::anonymity::GROUP_THRESHOLD;

pub fn routes() -> Router<AppState> {
    Router::new().route("/privacy", get(show))
}

/// The newest changes shown; older ones stay in HR's full audit log.
const LOG_LINES: i64 = 200;

/// One line of the change log (`audit_rows.html`).
pub struct Change {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy/page.html")]
pub struct PrivacyPage {
    page: Page,
    /// (who reads, what they see), in the organisation's numbers.
    readers: Vec<(String, String)>,
    /// `None` for anyone who may not read the log.
    changes: Option<Vec<Change>>,
    /// How long data is kept after what it belongs to ended (`privacy::retention`).
    retention: String,
}

async fn show(State(state): State<AppState>, page: Page, me: Member) -> AppResult<PrivacyPage> {
    let rule = me.m.rule;
    let row = |who: &str, what: String| (page.t(who), what);
    let readers = vec![
        row("privacy-reader-you", page.t("privacy-sees-you")),
        row("privacy-reader-nearest", page.t("privacy-sees-nearest")),
        row("privacy-reader-group", page.t1("privacy-sees-group", "count", GROUP_THRESHOLD)),
        row("privacy-reader-outside", page.t2("privacy-sees-outside", "k", rule.k, "free", rule.free_text_k)),
        row("privacy-reader-nobody", page.t("privacy-sees-nobody")),
    ];
    let changes = if me.m.roles.may_read_promise_log() {
        let entries = audit::promise_changes(&state.db, me.org(), LOG_LINES).await?;
        Some(
            entries
                .into_iter()
                .map(|e| Change {
                    at: page.date_time(&e.at),
                    actor: e.actor_name,
                    action: page.t(&audit::action_key(&e.action)),
                    target: e.target,
                })
                .collect(),
        )
    } else {
        None
    };
    let days = crate::org::settings::get(&state.db, me.org()).await?.map_or(domain::retention::MAX_DAYS, |s| s.retention_days);
    let retention = page.t1("retention-privacy-text", "days", domain::retention::Period::from_db(days).in_days());
    Ok(PrivacyPage { page, readers, changes, retention })
}
