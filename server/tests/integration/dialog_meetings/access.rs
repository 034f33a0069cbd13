//! Who may see and change a dialog, as a table: only its leader and its
//! nearest leader; for everyone else it does not exist (404) and nothing changes.

use super::*;
use crate::both_backends;
use domain::roles::Role;

both_backends!(only_the_leader_and_the_nearest_leader_see_a_dialog, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let id = booked(&mette).await;
    let other = app.org("Anden Kommune", "hr@anden.dk").await;
    app.person(&other, "Lene Leder", "lene@anden.dk", &[Role::Leader]).await;
    let before = dialogs(&app).await;
    let mails_before = outbox(&app.data_dir, "karen@aarhus.dk").len();
    let (date, time, _) = slot(4, 9, 0);

    // (who, why, may see and change)
    let table = [
        ("mette@aarhus.dk", "the leader", true),
        ("karen@aarhus.dk", "the nearest leader", true),
        ("bo@aarhus.dk", "another leader with the same nearest leader", false),
        ("hr@aarhus.dk", "HR of the organisation", false),
        ("lene@anden.dk", "a leader of another organisation", false),
        ("hr@anden.dk", "HR of another organisation", false),
    ];
    for (who, why, may) in table {
        let client = app.signed_in(who).await;
        let expected = if may { 200 } else { 404 };
        assert_eq!(client.get(&format!("/dialog/meetings/{id}")).await.status(), expected, "{why}: page");
        assert_eq!(client.get(&format!("/dialog/meetings/{id}.ics")).await.status(), expected, "{why}: .ics");
        if !may {
            let r = client.post_form(&format!("/dialog/meetings/{id}/reschedule"), &[("date", &date), ("time", &time), ("minutes", "45")]).await;
            assert_eq!(r.status(), 404, "{why}: reschedule");
            assert_eq!(client.post_form(&format!("/dialog/meetings/{id}/cancel"), &[]).await.status(), 404, "{why}: cancel");
            let (_, tool) = client.page("/dialog").await;
            assert!(!tool.contains(&id), "{why}: the tool page does not list it");
        }
    }
    assert_eq!(dialogs(&app).await, before, "nothing changed");
    assert_eq!(outbox(&app.data_dir, "karen@aarhus.dk").len(), mails_before, "no one was mailed");
    for bad in ["abc", "abc.ics", "00000000-0000-7000-8000-000000000000", "00000000-0000-7000-8000-000000000000.ics"] {
        assert_eq!(mette.get(&format!("/dialog/meetings/{bad}")).await.status(), 404, "{bad}");
    }
    // Signed out: sign in first.
    let r = app.client().get(&format!("/dialog/meetings/{id}")).await;
    assert_eq!(r.status(), 303);
    let _ = t.bo;
});

async fn account_of(app: &TestApp, email: &str) -> domain::ids::AccountId {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM accounts WHERE email = $1").bind(email).fetch_one(&app.state.db.pool).await.unwrap();
    domain::ids::AccountId::from_db(id)
}

async fn exported_dialogs(app: &TestApp, email: &str) -> Vec<String> {
    let export = ledertrivsel::privacy::export::collect(&app.state.db, &account_of(app, email).await, app.state.clock.now()).await.unwrap().unwrap();
    export.records.get("dialogs").map(|rows| rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()).unwrap_or_default()
}

both_backends!(a_dialog_is_in_both_peoples_data_and_goes_with_the_leader, |app: TestApp| async move {
    let _t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let id = booked(&mette).await;
    assert_eq!(exported_dialogs(&app, "mette@aarhus.dk").await, vec![id.clone()]);
    assert_eq!(exported_dialogs(&app, "karen@aarhus.dk").await, vec![id.clone()]);
    assert!(exported_dialogs(&app, "bo@aarhus.dk").await.is_empty());

    // The nearest leader leaves: the dialog stays the leader's, without her name.
    let erase = |email: &'static str| {
        let app = &app;
        async move { ledertrivsel::privacy::erasure::delete_account(&app.state.db, &account_of(app, email).await, app.state.clock.now()).await.unwrap().unwrap() }
    };
    erase("karen@aarhus.dk").await;
    let rows: Vec<(Option<String>,)> = sqlx::query_as("SELECT nearest_leader_id FROM dialogs").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(rows, vec![(None,)]);
    assert_eq!(mette.page(&format!("/dialog/meetings/{id}")).await.0, 200);
    // The leader leaves: the dialog goes with her.
    erase("mette@aarhus.dk").await;
    assert!(dialogs(&app).await.is_empty());
});
