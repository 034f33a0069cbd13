//! Pages that keep what they read in memory (`storage::cache`) never show a
//! kept answer once the database has changed: not after a write made outside
//! any request (as a background job makes), not after another person's form,
//! and not after signing out, wherever the change was made.

use crate::both_backends;
use domain::roles::Role;

both_backends!(the_start_page_shows_every_change_made_after_it_was_kept, |app: crate::support::TestApp| async move {
    let org = app.org("Fjordby Kommune", "hr@fjordby.dk").await;
    let ida = app.person(&org, "Ida Ærø", "ida@fjordby.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Øster", "bo@fjordby.dk", &[Role::Leader]).await;
    let leader = app.signed_in("ida@fjordby.dk").await;
    for _ in 0..3 {
        let (status, body) = leader.page("/").await;
        assert_eq!(status, 200);
        assert!(!body.contains("Skoleledere"));
    }

    // Written straight to the database, outside any request.
    let group = app.group(&org, "Skoleledere", &bo, &[&ida]).await;
    let (_, body) = leader.page("/").await;
    assert!(body.contains("Skoleledere"), "a direct write shows at once");
    let (_, body) = leader.page("/").await;
    assert!(body.contains("Skoleledere"));

    // Another person's form.
    let hr = app.signed_in("hr@fjordby.dk").await;
    let r = hr
        .post_form(&format!("/admin/groups/{group}"), &[("name", "Skoleledere Nord"), ("leader", bo.as_str()), ("members", ida.as_str())])
        .await;
    assert_eq!(r.status(), 303);
    let (_, body) = leader.page("/").await;
    assert!(body.contains("Skoleledere Nord"), "HR's change shows at once");

    // Signing out ends the kept session too.
    let r = leader.post_form("/logout", &[]).await;
    assert_eq!(r.status(), 303);
    let r = leader.get("/").await;
    assert_eq!(r.status(), 303);
    assert!(crate::support::app::location(&r).starts_with("/login"));
});

/// PostgreSQL's generation is its snapshot: a write moves it on only once it
/// has committed, whichever connection made it. (Other tests write to the
/// same cluster meanwhile, so only the moves are asserted, not their absence.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_commit_moves_the_generation_on() {
    let Some(app) = crate::support::TestApp::spawn(crate::support::Backend::Postgres).await else {
        eprintln!("PostgreSQL variant not run: LEDERTRIVSEL_TEST_POSTGRES is not set");
        return;
    };
    let db = &app.state.db;
    let before = db.generation().await.unwrap().expect("PostgreSQL is always settled");
    let mut tx = db.pool.begin().await.unwrap();
    sqlx::query("INSERT INTO accounts (id, email, password_hash, locale, created_at) VALUES ('x', 'x@y.dk', '', 'da', '')")
        .execute(&mut *tx)
        .await
        .unwrap();
    let during = db.generation().await.unwrap().unwrap();
    tx.commit().await.unwrap();
    let after = db.generation().await.unwrap().unwrap();
    assert_ne!(after, before);
    assert_ne!(after, during, "the commit itself moves the generation on");
}
