//! An action card's follow-ups: each change of its status or next
//! follow-up date that HR saves is recorded with who and when, and shown
//! under the card in the order it happened; a save that changes neither
//! records nothing; a refused save records nothing.

use super::{count, randers, started};
use crate::support::{Backend, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_action_cards_follow_ups_are_kept_in_order() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    randers(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let plan = started(&hr).await;
    assert_eq!(hr.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-onboarding")]).await.status(), 303);
    let cards = format!("/plan/{plan}/cards");
    let log = "SELECT COUNT(*) FROM org_plan_status_log WHERE plan_id = $1";
    let card = |status: &'static str, next: &'static str| {
        vec![("theme-1", "org-onboarding"), ("goal-1", "Alle nye ledere har en mentor"), ("status-1", status), ("follow_up_on-1", next)]
    };

    assert_eq!(hr.post_form(&cards, &card("planned", "")).await.status(), 303);
    assert_eq!(count(&app, log, &plan).await, 0, "a new card as it starts is no follow-up");
    assert_eq!(hr.post_form(&cards, &card("under_way", "2027-04-01")).await.status(), 303);
    assert_eq!(hr.post_form(&cards, &card("under_way", "2027-04-01")).await.status(), 303);
    assert_eq!(count(&app, log, &plan).await, 1, "saving again without a change records nothing");
    assert_eq!(hr.post_form(&cards, &card("halfway", "2027-06-01")).await.status(), 422);
    assert_eq!(count(&app, log, &plan).await, 1, "a refused save records nothing");
    assert_eq!(hr.post_form(&cards, &card("done", "")).await.status(), 303);
    assert_eq!(count(&app, log, &plan).await, 2);
    // A save refused for a conflict records nothing either: a form opened
    // before the card was done, changing it again.
    let stale = [("theme-1", "org-onboarding"), ("seen-1", "0000"), ("goal-1", "Alle nye ledere har en mentor"), ("status-1", "dropped")];
    assert_eq!(hr.post_form(&cards, &stale).await.status(), 422);
    assert_eq!(count(&app, log, &plan).await, 2);
    let (by,): (Option<String>,) = sqlx::query_as("SELECT p.name FROM org_plan_status_log l JOIN persons p ON p.id = l.noted_by WHERE l.plan_id = $1 LIMIT 1")
        .bind(&plan)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(by.as_deref(), Some("Hanne HR"), "who recorded it");

    let (_, page) = hr.page(&format!("/plan/{plan}/concretise")).await;
    let under_way = page.find("I gang, næste opfølgning 1. april 2027 (Hanne").expect("the first follow-up, with its next date");
    let done = page.find(": Gennemført (Hanne").expect("the second, without a next date");
    assert!(under_way < done, "oldest first");
    assert!(page.contains("Opfølgninger"));

    // Top management reads the history too.
    let (_, read) = app.signed_in("direktor@randers.dk").await.page(&format!("/plan/{plan}/concretise")).await;
    assert!(read.contains("I gang, næste opfølgning 1. april 2027"));
    let (_, print) = hr.page(&format!("/plan/{plan}/print")).await;
    assert!(print.contains("Opfølgninger") && print.contains(": Gennemført (Hanne"), "the plan's document has them too");
}
