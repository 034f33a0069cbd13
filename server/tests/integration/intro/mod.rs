//! The introduction tool end to end: rounds, answers, results under the
//! anonymity thresholds, decisions, the start page, the group page, HR's
//! catalogue edits, and who gets 404 or 403.

use crate::support::app::{location, Org};
use crate::support::{TestApp, TestClient};
use domain::ids::PersonId;
use domain::roles::Role;
use scraper::{Html, Selector};

mod access;
mod answers;
mod browser;
mod catalogue;
mod results;

async fn group(app: &TestApp, org: &Org, name: &str, leader: &PersonId, members: &[&PersonId]) -> String {
    app.group(org, name, leader, members).await
}

async fn add_member(app: &TestApp, org: &Org, group: &str, person: &PersonId) {
    app.add_member(org, group, person).await
}

/// Ledergruppe Nord: Lis leads Anna, Bo and Carl (four people). HR is Hanne (k = 5, free text 8).
struct Nord {
    org: Org,
    group: String,
    lis: PersonId,
    anna: PersonId,
    carl: PersonId,
}

async fn nord(app: &TestApp) -> Nord {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let lis = app.person(&org, "Lis Leder", "lis@randers.dk", &[Role::Leader]).await;
    let anna = app.person(&org, "Anna Andersen", "anna@randers.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Berg", "bo@randers.dk", &[Role::Leader]).await;
    let carl = app.person(&org, "Carl Clausen", "carl@randers.dk", &[Role::Leader]).await;
    let group = group(app, &org, "Ledergruppe Nord", &lis, &[&anna, &bo, &carl]).await;
    Nord { org, group, lis, anna, carl }
}

/// Starts a round as `client`; returns the round's id.
pub(crate) async fn start_round(client: &TestClient, group: &str) -> String {
    let r = client.post_form(&format!("/intro/groups/{group}/runs"), &[]).await;
    assert_eq!(r.status(), 303, "starting a round");
    location(&r).trim_start_matches("/intro/runs/").to_string()
}

/// The revision ids the answer form asks, in order, and the statements' wording.
pub(crate) async fn asked(client: &TestClient, run: &str) -> (Vec<String>, Vec<String>) {
    let (status, body) = client.page(&format!("/intro/runs/{run}/answer")).await;
    assert_eq!(status, 200, "{body}");
    let doc = Html::parse_document(&body);
    let legends = Selector::parse("fieldset.lt-statement legend").unwrap();
    let radios = Selector::parse("fieldset.lt-statement input[type=radio]").unwrap();
    let mut revs: Vec<String> = Vec::new();
    for r in doc.select(&radios) {
        let rev = r.value().attr("name").unwrap().trim_start_matches("a-").to_string();
        if !revs.contains(&rev) {
            revs.push(rev);
        }
    }
    let texts = doc.select(&legends).map(|l| l.text().collect::<String>().trim().to_string()).collect();
    (revs, texts)
}

/// Answers every statement: `value(i)` for the i-th ("unknown" for don't know).
pub(crate) async fn answer(client: &TestClient, run: &str, value: impl Fn(usize) -> &'static str, comment: &str) -> reqwest::Response {
    let (revs, _) = asked(client, run).await;
    let names: Vec<String> = revs.iter().map(|r| format!("a-{r}")).collect();
    let mut fields: Vec<(&str, &str)> = names.iter().enumerate().map(|(i, n)| (n.as_str(), value(i))).collect();
    fields.push(("comment", comment));
    client.post_form(&format!("/intro/runs/{run}/answer"), &fields).await
}

pub(crate) async fn answered(client: &TestClient, run: &str, value: impl Fn(usize) -> &'static str, comment: &str) {
    let r = answer(client, run, value, comment).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
}

/// The results page's figures: (statement, [(answer, count)]) from the data tables.
pub fn figures(body: &str) -> Vec<(String, Vec<(String, u32)>)> {
    let doc = Html::parse_document(body);
    let result = Selector::parse(".lt-result").unwrap();
    let heading = Selector::parse("h4").unwrap();
    let row = Selector::parse("tbody tr").unwrap();
    let th = Selector::parse("th").unwrap();
    let td = Selector::parse("td").unwrap();
    doc.select(&result)
        .map(|r| {
            let text = r.select(&heading).next().unwrap().text().collect::<String>().trim().to_string();
            let rows = r
                .select(&row)
                .map(|tr| {
                    let label = tr.select(&th).next().unwrap().text().collect::<String>();
                    let count = tr.select(&td).next().unwrap().text().collect::<String>().parse().unwrap();
                    (label, count)
                })
                .collect();
            (text, rows)
        })
        .collect()
}

fn counts(rows: &[(String, u32)]) -> Vec<u32> {
    rows.iter().map(|(_, c)| *c).collect()
}

async fn count(app: &TestApp, sql: &'static str, arg: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(arg).fetch_one(&app.state.db.pool).await.unwrap();
    n
}
