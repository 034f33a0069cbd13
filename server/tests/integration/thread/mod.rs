//! The thread across levels: a leader lifts a point of their agreement to
//! their leader group; the group's leader answers or lifts it on to the
//! organisation, where HR answers. Who reaches which URL, that an
//! unattributed lift never names its sender, and that refused input
//! changes nothing.

mod access;
mod browser;
mod demo;
mod flow;

use crate::agreement::{save_agreement, ROWS};
use crate::support::app::{location, Org};
use crate::support::{TestApp, TestClient};
use domain::ids::PersonId;
use domain::roles::Role;

/// Ledergruppe Syd: Karen leads Mette and Bo. Ledergruppe Nord: Ole leads
/// Ida. HR is Hanne. Mette has written an agreement (`ROWS`).
pub struct Syd {
    pub org: Org,
    pub syd: String,
    pub nord: String,
    pub mette: PersonId,
    pub karen: PersonId,
    /// Mette's points by text, in `ROWS` order: goal, wellbeing, daily, weekly, at dialog.
    pub points: Vec<String>,
}

async fn group(app: &TestApp, org: &Org, name: &str, leader: &PersonId, members: &[&PersonId]) -> String {
    app.group(org, name, leader, members).await
}

pub async fn syd(app: &TestApp) -> Syd {
    let org = app.org("Aarhus Kommune", "hr@aarhus.dk").await;
    let karen = app.person(&org, "Karen Holm", "karen@aarhus.dk", &[Role::Leader]).await;
    let mette = app.person(&org, "Mette Lund", "mette@aarhus.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Dahl", "bo@aarhus.dk", &[Role::Leader]).await;
    let ole = app.person(&org, "Ole Nørgaard", "ole@aarhus.dk", &[Role::Leader]).await;
    let ida = app.person(&org, "Ida Vest", "ida@aarhus.dk", &[Role::Leader]).await;
    let syd = group(app, &org, "Ledergruppe Syd", &karen, &[&mette, &bo]).await;
    let nord = group(app, &org, "Ledergruppe Nord", &ole, &[&ida]).await;
    let client = app.signed_in("mette@aarhus.dk").await;
    assert_eq!(save_agreement(&client, ROWS).await.status(), 303);
    let mut points = Vec::new();
    for (_, text, _, _) in ROWS {
        let (id,): (String,) = sqlx::query_as("SELECT id FROM agreement_points WHERE person_id = $1 AND text = $2")
            .bind(mette.as_str())
            .bind(*text)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        points.push(id);
    }
    Syd { org, syd, nord, mette, karen, points }
}

/// Lifts a point through the form, with consent.
pub async fn lift(client: &TestClient, point: &str, group: &str, text: &str, attributed: &str) -> reqwest::Response {
    let fields = [("group", group), ("text", text), ("attributed", attributed), ("consent", "yes")];
    client.post_form(&format!("/dialog/points/{point}/lift"), &fields).await
}

/// The newest lift's id with this text.
pub async fn lift_id(app: &TestApp, text: &str) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM lifts WHERE text = $1 ORDER BY id DESC LIMIT 1")
        .bind(text)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

/// Every lift as one string, to show that a refused request changed nothing.
pub async fn all_lifts(app: &TestApp) -> String {
    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT id, text, status, answer FROM lifts ORDER BY id").fetch_all(&app.state.db.pool).await.unwrap();
    rows.iter().map(|r| format!("{}|{}|{}|{}\n", r.0, r.1, r.2, r.3)).collect()
}

/// The text of one lift's card on a page.
pub fn card(body: &str, lift: &str) -> String {
    let html = scraper::Html::parse_document(body);
    let selector = scraper::Selector::parse(&format!("[id=\"lift-{lift}\"]")).unwrap();
    html.select(&selector).next().map(|e| e.text().collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

pub fn assert_redirect(r: &reqwest::Response, to: &str) {
    assert_eq!(r.status(), 303);
    assert!(location(r).starts_with(to), "{} does not start with {to}", location(r));
}
