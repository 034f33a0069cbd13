//! The thread in a real browser: a leader lifts a point from its page
//! (first forgetting the consent), the group's leader answers it in the
//! group's inbox, and the leader reads the answer. axe-core at phone and
//! desktop width on the point page and the inbox.

use super::{lift_id, syd};
use crate::support::browser::{Browser, DESKTOP};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_point_is_lifted_and_answered_in_the_browser() {
    let Some(b) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let s = syd(&app).await;
    let base = app.base.clone();
    let c = b.client();
    b.set_size(DESKTOP.0, DESKTOP.1).await;
    b.sign_in(&base, "mette@aarhus.dk").await;

    let point = &s.points[1];
    c.goto(&format!("{base}/dialog/points/{point}")).await.unwrap();
    assert_eq!(b.text("#lift-heading").await, "Løft til ledergruppen");
    b.check_page("thread-point").await;
    b.fill("lift-text", "Vi ledere mangler fri i weekenderne").await;
    b.click("label[for=lift-attributed-no]").await;
    b.submit("form.lt-lift-form button[type=submit]").await;
    assert!(b.text("#form-errors").await.contains("Sæt kryds for at give samtykke"));
    b.check_page("thread-point-lift-errors").await;
    // What she wrote and chose is still there; she gives consent and sends.
    assert_eq!(b.find("#lift-text").await.prop("value").await.unwrap().as_deref(), Some("Vi ledere mangler fri i weekenderne"));
    b.click("label[for=lift-consent]").await;
    b.submit("form.lt-lift-form button[type=submit]").await;
    assert!(b.text("[role=status]").await.contains("Punktet er løftet til ledergruppen."));
    assert!(b.text(".lt-lift-status").await.contains("Venter på svar"));
    b.check_page("thread-point-lifted").await;
    b.submit("form[action='/logout'] button").await;

    // Karen answers in the group's inbox, reached from her start page.
    b.sign_in(&base, "karen@aarhus.dk").await;
    c.goto(&format!("{base}/")).await.unwrap();
    b.submit(&format!("a[href='/groups/{}/inbox']", s.syd)).await;
    let id = lift_id(&app, "Vi ledere mangler fri i weekenderne").await;
    assert!(b.text(&format!("[id='lift-{id}']")).await.contains("Sendt uden navn"));
    b.check_page("thread-group-inbox").await;
    b.click(&format!("label[for='status-{id}-declined']")).await;
    b.submit("form.lt-answer-form button[type=submit]").await;
    assert!(b.text("#form-errors").await.contains("Skriv en begrundelse"));
    b.check_page("thread-group-inbox-errors").await;
    b.fill(&format!("answer-{id}"), "Vi tager det op i ledergruppen i stedet for hver for sig.").await;
    b.click(&format!("label[for='status-{id}']")).await;
    b.submit("form.lt-answer-form button[type=submit]").await;
    assert!(b.text("[role=status]").await.contains("Svaret er gemt."));
    b.check_page("thread-group-inbox-answered").await;
    b.submit("form[action='/logout'] button").await;

    // The answer comes back to Mette's point page.
    b.sign_in(&base, "mette@aarhus.dk").await;
    c.goto(&format!("{base}/dialog/points/{point}")).await.unwrap();
    let card = b.text(&format!("[id='lift-{id}']")).await;
    assert!(card.contains("Taget med i arbejdet") && card.contains("Vi tager det op i ledergruppen"), "{card}");
    b.close().await;
}
