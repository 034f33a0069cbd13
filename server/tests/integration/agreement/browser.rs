//! The leader's Tool 1 pages in a real browser: notes typed and saved by
//! app.js, the agreement started from the sample, a tick from the start
//! page, the history. axe-core at phone and desktop width on every page.

use super::team;
use crate::support::browser::{Browser, DESKTOP};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_leaders_pages_work_and_are_accessible() {
    let Some(b) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let t = team(&app).await;
    let base = app.base.clone();
    let c = b.client();
    b.set_size(DESKTOP.0, DESKTOP.1).await;
    b.sign_in(&base, "mette@aarhus.dk").await;

    c.goto(&format!("{base}/dialog")).await.unwrap();
    assert_eq!(b.text("h1").await, "Styrk lederens dialog med nærmeste leder");
    b.check_page("dialog-tool").await;

    // Notes: typed, then saved by app.js without pressing any button.
    c.goto(&format!("{base}/dialog/guide")).await.unwrap();
    b.check_page("dialog-guide").await;
    let field = b.find("textarea[data-save-url]").await;
    let id = field.attr("id").await.unwrap().unwrap();
    field.send_keys("Læreplanen først").await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM guide_notes WHERE person_id = $1 AND text = 'Læreplanen først'")
            .bind(t.mette.as_str())
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        if n == 1 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the note in #{id} was not saved as typed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // The agreement: start from the sample, then a mistake, shown by field.
    c.goto(&format!("{base}/dialog/agreement")).await.unwrap();
    b.check_page("dialog-agreement-empty").await;
    b.submit(".lt-sample-offer button[type=submit]").await;
    assert!(b.text("[role=status]").await.contains("Eksemplet er lagt ind"));
    b.check_page("dialog-agreement").await;
    // The first agreement with oneself loses its text but keeps its follow-up.
    b.fill("p-7-text", "").await;
    b.submit("form.lt-agreement-form button[type=submit]").await;
    assert!(b.text("#form-errors").await.contains("Skriv punktet."));
    b.check_page("dialog-agreement-errors").await;

    c.goto(&format!("{base}/dialog/sample")).await.unwrap();
    b.check_page("dialog-sample").await;

    // A tick from the start page, and the history.
    c.goto(&format!("{base}/")).await.unwrap();
    b.submit("#today form button[value=yes]").await;
    assert!(b.text("#today").await.contains("I dag: holdt."));
    b.check_page("dialog-start-ticked").await;
    b.submit("#today a.lt-tick-history").await;
    assert!(b.text("#history-heading + p").await.contains("Holdt: 1 dag."));
    b.check_page("dialog-point-history").await;
    b.close().await;
}
