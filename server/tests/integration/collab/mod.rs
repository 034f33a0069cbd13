//! Tool 2 end to end: planning the meeting (invitations with a calendar
//! file), the checklist, the meeting page's picture under the thresholds,
//! the matrix, the group agreement, and who gets 404 or 403.

use crate::support::app::{location, Org};
use crate::support::{TestApp, TestClient};
use domain::ids::PersonId;
use domain::roles::Role;
use scraper::{Html, Selector};

mod access;
mod browser;
mod browser_demo;
mod clock;
mod document;
mod flow;
mod lift;
mod mail;
mod settle;

/// Ledergruppe Nord: Lis leads Anna, Bo and Carl. HR is Hanne (k = 5).
pub struct Nord {
    pub org: Org,
    pub group: String,
    pub lis: PersonId,
    pub anna: PersonId,
    pub carl: PersonId,
}

pub async fn nord(app: &TestApp) -> Nord {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let lis = app.person(&org, "Lis Leder", "lis@randers.dk", &[Role::Leader]).await;
    let anna = app.person(&org, "Anna Andersen", "anna@randers.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Berg", "bo@randers.dk", &[Role::Leader]).await;
    let carl = app.person(&org, "Carl Clausen", "carl@randers.dk", &[Role::Leader]).await;
    let group = app.group(&org, "Ledergruppe Nord", &lis, &[&anna, &bo, &carl]).await;
    Nord { org, group, lis, anna, carl }
}

/// Plans the meeting in a week at 09:00 as `client`; returns the round's id.
pub async fn planned(client: &TestClient, group: &str) -> String {
    let (date, time, _) = crate::dialog_meetings::slot(7, 9, 0);
    let r = client
        .post_form(&format!("/collab/groups/{group}/rounds"), &[("date", &date), ("time", &time), ("minutes", "120"), ("place", "Lokale 1"), ("message", "")])
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    location(&r).trim_start_matches("/collab/rounds/").trim_end_matches("?notice=invited").to_string()
}

/// Answers every statement of the checklist with `value`.
pub async fn fill_in(client: &TestClient, round: &str, value: &str, comment: &str) {
    let (status, body) = client.page(&format!("/collab/rounds/{round}/checklist")).await;
    assert_eq!(status, 200, "{body}");
    let doc = Html::parse_document(&body);
    let radios = Selector::parse("fieldset.lt-statement input[type=radio]").unwrap();
    let mut names: Vec<String> = Vec::new();
    for r in doc.select(&radios) {
        let name = r.value().attr("name").unwrap().to_string();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    assert_eq!(names.len(), 21, "the shipped checklist has 21 statements");
    let mut fields: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), value)).collect();
    fields.push(("comment", comment));
    let r = client.post_form(&format!("/collab/rounds/{round}/checklist"), &fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
}

/// The answer to "Indgå aftalen?": after the agreement form sent with
/// `settle` has saved the points and asked, the group's leader settles them.
pub async fn confirm_settle(client: &TestClient, round: &str) {
    let r = client.post_form(&format!("/collab/rounds/{round}/settle"), &[]).await;
    assert_eq!(r.status(), 303, "settling {round}: {}", r.text().await.unwrap());
}

pub async fn count(app: &TestApp, sql: &'static str, arg: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(arg).fetch_one(&app.state.db.pool).await.unwrap();
    n
}
