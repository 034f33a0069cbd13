//! HR's view of the audit log: newest first, 50 entries a page. Each action
//! code is shown through its translation key `audit-<action>`.

use crate::auth::OrgAdmin;
use crate::error::AppResult;
use crate::org::audit;
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use crate::web::query::Query;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

pub const PER_PAGE: i64 = 50;

/// Far beyond any real log; keeps the offset arithmetic small.
const MAX_PAGE: i64 = 1_000_000;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/audit", get(show))
}

pub struct Line {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    page: Page,
    lines: Vec<Line>,
    number: i64,
    has_next: bool,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

pub use audit::action_key;

async fn show(State(state): State<AppState>, page: Page, admin: OrgAdmin, Query(q): Query<PageQuery>) -> AppResult<AuditPage> {
    // A page number that is not a number, or out of range, shows the first page.
    let number = q.page.as_deref().and_then(|p| p.trim().parse::<i64>().ok()).filter(|n| (1..=MAX_PAGE).contains(n)).unwrap_or(1);
    // One more than a page, to know whether there is a next one.
    let mut entries = audit::list(&state.db, admin.org(), PER_PAGE + 1, (number - 1) * PER_PAGE).await?;
    let has_next = entries.len() as i64 > PER_PAGE;
    entries.truncate(PER_PAGE as usize);
    let lines = entries
        .into_iter()
        .map(|e| Line {
            at: page.date_time(&e.at),
            actor: e.actor_name,
            action: page.t(&action_key(&e.action)),
            target: e.target,
        })
        .collect();
    Ok(AuditPage { page, lines, number, has_next })
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, Tr};

    /// Every action code passed as a literal to the audit log's `record`
    /// has a translation in every language, so the log never shows a raw key.
    #[test]
    fn every_recorded_action_is_translated() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut codes = std::collections::BTreeSet::new();
        for text in crate::i18n::source_texts(&[root]) {
            // Split so that this test's own source does not match.
            for call in text.split(concat!("audit::rec", "ord(")).skip(1) {
                let call = call.split(".await").next().unwrap_or_default();
                for literal in call.split('"').skip(1).step_by(2) {
                    let is_code = !literal.is_empty()
                        && literal.contains('-')
                        && literal.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                    if is_code {
                        codes.insert(literal.to_string());
                    }
                }
            }
        }
        for code in ["org-created", "group-created", "group-updated", "group-deleted", "people-imported", "settings-updated"] {
            assert!(codes.contains(code), "{code} not found: the scan is broken");
        }
        for lang in Lang::ALL {
            let tr = Tr::new(lang);
            for code in &codes {
                let key = super::action_key(code);
                assert_ne!(tr.t(&key), key, "{key} missing in {}", lang.code());
            }
        }
    }
}
