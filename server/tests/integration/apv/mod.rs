//! The leader APV end to end: a round from start to close, the group's
//! picture under the thresholds, Skema 2's sorting and choice, Skema 3,
//! the report's legal questions, and who gets 404 or 403.

use crate::support::app::{location, Org};
use crate::support::{TestApp, TestClient};
use domain::ids::PersonId;
use domain::roles::Role;
use scraper::{Html, Selector};

mod access;
mod browser;
mod browser_campaign;
mod browser_demo;
pub(crate) mod campaign;
mod disclosure;
mod document;
mod lift;
mod mail;
mod review;
mod flow;

/// Ledergruppe Nord: Lis leads Anna, Bo and Carl (four people). HR is Hanne (k = 5, free text 8).
pub(crate) struct Nord {
    pub(crate) org: Org,
    pub(crate) group: String,
    pub(crate) lis: PersonId,
}

pub(crate) async fn nord(app: &TestApp) -> Nord {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let lis = app.person(&org, "Lis Leder", "lis@randers.dk", &[Role::Leader]).await;
    let anna = app.person(&org, "Anna Andersen", "anna@randers.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Berg", "bo@randers.dk", &[Role::Leader]).await;
    let carl = app.person(&org, "Carl Clausen", "carl@randers.dk", &[Role::Leader]).await;
    let group = app.group(&org, "Ledergruppe Nord", &lis, &[&anna, &bo, &carl]).await;
    Nord { org, group, lis }
}

/// Starts a round of today's APV as `client`; returns the round's id.
pub(crate) async fn start_round(client: &TestClient, group: &str) -> String {
    let r = client.post_form(&format!("/apv/groups/{group}/rounds"), &[("variant", "now"), ("deadline", "")]).await;
    assert_eq!(r.status(), 303, "starting a round: {}", r.text().await.unwrap());
    location(&r).trim_start_matches("/apv/rounds/").trim_end_matches("?notice=started").to_string()
}

/// Skema 1's themes as (revision id, name), in the form's order.
pub(crate) async fn themes(client: &TestClient, round: &str) -> Vec<(String, String)> {
    let (status, body) = client.page(&format!("/apv/rounds/{round}/map")).await;
    assert_eq!(status, 200, "{body}");
    let doc = Html::parse_document(&body);
    let fieldset = Selector::parse("fieldset[data-theme]").unwrap();
    let legend = Selector::parse("legend").unwrap();
    doc.select(&fieldset)
        .map(|f| {
            let name = f.select(&legend).next().unwrap().text().collect::<String>().trim().to_string();
            (f.value().attr("data-theme").unwrap().to_string(), name)
        })
        .collect()
}

/// Posts Skema 1 with `marks`: (theme index, colour, keywords).
pub(crate) async fn map(client: &TestClient, round: &str, revs: &[(String, String)], marks: &[(usize, &str, &str)], hand_in: bool) -> reqwest::Response {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (i, colour, words) in marks {
        fields.push((format!("m-{}-{colour}", revs[*i].0), "1".into()));
        fields.push((format!("k-{}-{colour}", revs[*i].0), (*words).into()));
    }
    fields.push(("hand_in".into(), if hand_in { "1" } else { "0" }.into()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    client.post_form(&format!("/apv/rounds/{round}/map"), &borrowed).await
}

pub(crate) async fn handed_in(client: &TestClient, round: &str, revs: &[(String, String)], marks: &[(usize, &str, &str)]) {
    let r = map(client, round, revs, marks, true).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
}

/// The meeting's table: (theme, [red, yellow, green]) in the page's order.
pub(crate) fn picture(body: &str) -> Vec<(String, [u32; 3])> {
    let doc = Html::parse_document(body);
    let row = Selector::parse("table.lt-apv-table tbody tr").unwrap();
    let th = Selector::parse("th").unwrap();
    let td = Selector::parse("td").unwrap();
    doc.select(&row)
        .map(|tr| {
            let name = tr.select(&th).next().unwrap().text().collect::<String>().trim().to_string();
            let counts: Vec<u32> = tr.select(&td).map(|c| c.text().collect::<String>().trim().parse().unwrap()).collect();
            (name, [counts[0], counts[1], counts[2]])
        })
        .collect()
}

pub(crate) async fn count(app: &TestApp, sql: &'static str, bind: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(bind).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

/// Answers the report's required questions and closes the round.
pub(crate) async fn close_for_test(client: &TestClient, round: &str) {
    let next_year = (time::OffsetDateTime::now_utc().date() + time::Duration::days(360)).to_string();
    let r = client.post_form(&format!("/apv/rounds/{round}/report"), &[("absence", "no"), ("next_due", next_year.as_str())]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    assert_eq!(client.post_form(&format!("/apv/rounds/{round}/close"), &[]).await.status(), 303);
}
