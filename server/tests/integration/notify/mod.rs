//! People hear back (issue 17, item 6): each event done through HTTP as the
//! person would, then the start page of the person concerned says so under
//! "Nyt til dig", nobody else's does (a member, another group's leader, HR,
//! another organisation), and mail goes out as each person chose: every
//! time (at once), daily (one digest from 07:00 Copenhagen time, never twice
//! a day) or never.

mod events;
mod mail;

use crate::support::app::location;
use crate::support::{TestApp, TestClient};
use scraper::{Html, Selector};
use std::time::{Duration, Instant};

/// The lines under "Nyt til dig" on the client's start page, with each
/// one's link (`/notifications/{id}/open`).
pub async fn news(client: &TestClient) -> Vec<(String, String)> {
    let (status, body) = client.page("/").await;
    assert_eq!(status, 200, "{body}");
    let html = Html::parse_document(&body);
    let links = Selector::parse("#news li > a").unwrap();
    html.select(&links)
        .map(|a| (a.text().collect::<String>().trim().to_string(), a.value().attr("href").unwrap_or_default().to_string()))
        .collect()
}

pub async fn news_texts(client: &TestClient) -> Vec<String> {
    news(client).await.into_iter().map(|(text, _)| text).collect()
}

/// Asserts that nothing is new for each of `clients` (named for the message).
pub async fn hears_nothing(clients: &[(&str, &TestClient)]) {
    for (who, client) in clients {
        let (_, body) = client.page("/").await;
        assert!(!body.contains("Nyt til dig"), "{who} hears something: {:?}", news_texts(client).await);
    }
}

/// Opens a piece of news as its reader: it leads to `to` and is read after.
pub async fn open(client: &TestClient, href: &str) -> String {
    let r = client.get(href).await;
    assert_eq!(r.status(), 303, "{href}");
    location(&r)
}

/// Chooses how often mail comes, on the account page.
pub async fn choose_mail(client: &TestClient, choice: &str) {
    let r = client.post_form("/account/notifications", &[("mail", choice)]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    assert_eq!(location(&r), "/account?notice=notify-saved#notify-heading");
}

/// Mails to `who` whose subject starts with `subject`.
pub fn mails(app: &TestApp, who: &str, subject: &str) -> Vec<(String, String)> {
    app.mails_to(who).into_iter().filter(|(s, _)| s.starts_with(subject)).collect()
}

/// Waits (at most ten seconds) until `who` has `n` mails starting with `subject`.
pub async fn wait_for_mails(app: &TestApp, who: &str, subject: &str, n: usize) -> Vec<(String, String)> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let got = mails(app, who, subject);
        if got.len() >= n || Instant::now() > deadline {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
