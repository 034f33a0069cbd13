//! Tool 3 end to end: HR starts the organisation's plan, chooses themes
//! from the theme sheet, maps, unfolds, places them in the matrix, writes
//! action cards, names the two most important points and records top
//! management's sign-off; who may read and who may change it; the
//! anonymous overview under the threshold; the plan as Word and print.

use crate::support::app::{location, Org};
use crate::support::{TestApp, TestClient};
use domain::roles::Role;

mod access;
mod browser;
mod conflict;
mod flow;
mod follow_up;
mod mail;
mod voice;

pub struct Randers {
    pub org: Org,
    pub lis: domain::ids::PersonId,
}

/// HR (Hanne), a director in top management, a leader.
pub async fn randers(app: &TestApp) -> Randers {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    app.person(&org, "Dorte Direktør", "direktor@randers.dk", &[Role::TopManagement]).await;
    let lis = app.person(&org, "Lis Leder", "lis@randers.dk", &[Role::Leader]).await;
    Randers { org, lis }
}

/// HR starts a plan; returns its id.
pub async fn started(hr: &TestClient) -> String {
    let r = hr.post_form("/plan", &[("title", "Trivselsplan for Randers 2027")]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    location(&r).trim_start_matches("/plan/").trim_end_matches("/prepare").to_string()
}

pub async fn count(app: &TestApp, sql: &'static str, arg: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(arg).fetch_one(&app.state.db.pool).await.unwrap();
    n
}
