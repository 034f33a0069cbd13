//! The demo's APV as its group leader meets it in a browser: the new
//! round's meeting opens with last year's actions and what changed since,
//! and last year's meeting shows the themes sent to the organisation with
//! HR's answer. axe-core runs on both at phone and desktop width.

use crate::support::browser::{Browser, DESKTOP};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_meetings_with_review_change_and_lifts_are_accessible() {
    let Some(jens) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    ledertrivsel::demo::create(&app.state.db, &app.state.shipped, app.state.clock.now()).await.unwrap().unwrap();
    let rounds: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT r.id, r.closed_at FROM apv_rounds r JOIN leader_groups g ON g.id = r.group_id \
         WHERE g.name = 'Ledergruppen i Teknik, Kultur og Fritid' AND (r.closed_at IS NULL OR EXISTS (SELECT 1 FROM apv_plans p WHERE p.round_id = r.id))",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let open = rounds.iter().find(|r| r.1.is_none()).unwrap().0.clone();
    let last_year = rounds.iter().find(|r| r.1.is_some()).unwrap().0.clone();
    let base = app.base.clone();
    jens.set_size(DESKTOP.0, DESKTOP.1).await;
    let c = jens.client();
    c.goto(&format!("{base}/login")).await.unwrap();
    jens.fill("email", "jens.poulsen@fjordby.dk").await;
    jens.fill("password", ledertrivsel::demo::PASSWORD).await;
    jens.submit("main form button[type=submit]").await;
    jens.find(".lt-who").await;

    c.goto(&format!("{base}/apv/rounds/{open}/meeting")).await.unwrap();
    assert_eq!(jens.text("#review").await, "Hvordan gik det siden sidst?");
    assert_eq!(jens.text("#change-heading").await, "Hvad har ændret sig siden sidst?");
    jens.find("form[action$='/review'] input[type=radio]:checked").await;
    jens.check_page("apv-meeting-review").await;

    c.goto(&format!("{base}/apv/rounds/{last_year}/meeting")).await.unwrap();
    assert_eq!(jens.text("#organisation-themes").await, "Temaer for organisationen");
    assert!(jens.text("#organisation-themes ~ div").await.contains("Direktionen sender fra nu et kort referat"));
    jens.check_page("apv-meeting-lifts").await;

    // His own open action from last year's plan, overdue, on the tool page.
    c.goto(&format!("{base}/apv")).await.unwrap();
    let mine = jens.text("#my-actions ~ ul li").await;
    assert!(mine.contains("Evaluer ordningen på ledermødet") && mine.contains("fristen er overskredet"), "{mine}");
    jens.close().await;
}
