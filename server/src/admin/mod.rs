//! HR's administration of the organisation: units, people, reporting lines,
//! leader groups, roles, import, invitations, the catalogue, the audit log.
//! Every handler takes `OrgAdmin`, so only HR admins of the current
//! organisation reach it.

pub mod invitations;
pub mod people;
pub mod person_form;
pub mod units;
mod audit;
mod groups;
mod import;
mod settings;

use crate::auth::OrgAdmin;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::routing::{get, post};
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(overview))
        .route("/admin/units", get(units::list).post(units::create))
        .route("/admin/units/{id}", get(units::edit).post(units::update))
        .route("/admin/units/{id}/delete", get(units::confirm_delete).post(units::delete))
        .route("/admin/people", get(people::list).post(person_form::create))
        .route("/admin/people/new", get(person_form::new))
        .route("/admin/people/invite-all", get(invitations::confirm_invite_all).post(invitations::invite_all))
        .route(
            "/admin/people/invite-filtered",
            get(invitations::confirm_invite_filtered).post(invitations::invite_filtered),
        )
        .route("/admin/groups/{id}/invite", get(invitations::confirm_invite_group).post(invitations::invite_group))
        .route("/admin/people/{id}", get(person_form::edit).post(person_form::update))
        .route("/admin/people/{id}/invite", post(invitations::invite_one))
        .route("/admin/people/{id}/remove", get(people::confirm_remove).post(people::remove))
        .merge(groups::routes())
        .merge(import::routes())
        .merge(audit::routes())
        .merge(settings::routes())
        .merge(crate::catalogue::pages::routes())
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/overview.html")]
pub struct OverviewPage {
    page: Page,
    org_name: String,
    people: i64,
    units: i64,
    groups: i64,
    /// The first steps, ticked from the data (`org::first_steps`).
    first_steps: crate::org::first_steps::Progress,
}

impl OverviewPage {
    fn is_next(&self, step: &crate::org::first_steps::Step) -> bool {
        self.first_steps.next() == Some(*step)
    }
}

async fn overview(State(state): State<AppState>, page: Page, admin: OrgAdmin) -> AppResult<OverviewPage> {
    let count = |sql: &'static str| {
        let db = state.db.clone();
        let org = admin.org().as_str().to_string();
        async move {
            let (n,): (i64,) = sqlx::query_as(sql).bind(org).fetch_one(&db.pool).await?;
            Ok::<i64, sqlx::Error>(n)
        }
    };
    let first_steps = {
        let mut conn = state.db.pool.acquire().await?;
        crate::org::first_steps::load(&mut conn, admin.org()).await?
    };
    Ok(OverviewPage {
        first_steps,
        people: count("SELECT COUNT(*) FROM persons WHERE org_id = $1").await?,
        units: count("SELECT COUNT(*) FROM units WHERE org_id = $1").await?,
        groups: count("SELECT COUNT(*) FROM leader_groups WHERE org_id = $1").await?,
        org_name: admin.m.org_name.clone(),
        page,
    })
}
