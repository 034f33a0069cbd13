//! The demo's Tool 2 as people meet it in a browser: Teknik, Kultur og
//! Fritid's settled agreement with the follow-up of the one before it and
//! the forms to lift and share; a new meeting that opens with the follow-up
//! to fill in; HR reading the shared agreement, and the demo's plan. axe-core runs on each at
//! phone and desktop width.

use crate::support::browser::{Browser, DESKTOP};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_agreement_follow_up_and_sharing_are_accessible() {
    let Some(jens) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    ledertrivsel::demo::create(&app.state.db, &app.state.shipped, app.state.clock.now()).await.unwrap().unwrap();
    let (group, latest): (String, String) = sqlx::query_as(
        "SELECT g.id, r.id FROM collab_rounds r JOIN leader_groups g ON g.id = r.group_id \
         WHERE g.name = 'Ledergruppen i Teknik, Kultur og Fritid' ORDER BY r.meeting_at DESC LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let base = app.base.clone();
    sign_in(&jens, &base, "jens.poulsen@fjordby.dk").await;
    let c = jens.client();

    c.goto(&format!("{base}/collab/rounds/{latest}")).await.unwrap();
    assert!(jens.text("#agreement-points").await.contains("Vi giver hinanden sparring på en svær sag"));
    jens.click("#agreement-points details summary").await;
    jens.find("#agreement-points details form textarea").await;
    jens.check_page("collab-demo-settled").await;

    c.goto(&format!("{base}/collab/rounds/{latest}/meeting")).await.unwrap();
    let follow = jens.text("#followup").await;
    assert!(follow.contains("Ledermøderne får en fast dagsorden") && follow.contains("Ja, gjort"), "{follow}");
    jens.check_page("collab-demo-meeting-settled").await;

    // A new meeting opens with this agreement's follow-up to fill in.
    c.goto(&format!("{base}/collab/groups/{group}/rounds")).await.unwrap();
    let (date, time, _) = crate::dialog_meetings::slot(5, 9, 0);
    c.execute(
        "document.getElementById('date').value = arguments[0]; document.getElementById('time').value = arguments[1];",
        vec![date.into(), time.into()],
    )
    .await
    .unwrap();
    jens.submit("main form button[type=submit]").await;
    let round_path = c.current_url().await.unwrap().path().to_string();
    c.goto(&format!("{base}{round_path}/meeting")).await.unwrap();
    jens.find("form[action$='/review'] input[type=radio]").await;
    jens.check_page("collab-demo-meeting-review").await;
    jens.close().await;

    // HR reads the shared agreement, not the group's answers.
    let Some(hr) = Browser::launch().await else { return };
    sign_in(&hr, &base, "hr@fjordby.dk").await;
    hr.client().goto(&format!("{base}/collab/rounds/{latest}")).await.unwrap();
    assert!(hr.text("#shared-heading ~ ol").await.contains("Vi giver hinanden sparring på en svær sag"));
    hr.check_page("collab-demo-hr-shared").await;

    // The demo's plan: the prepare step with the APV picture and what was lifted.
    let (plan,): (String,) = sqlx::query_as("SELECT id FROM org_plans").fetch_one(&app.state.db.pool).await.unwrap();
    hr.client().goto(&format!("{base}/plan/{plan}/prepare")).await.unwrap();
    hr.click("#apv-picture summary").await;
    hr.find("#apv-picture table").await;
    hr.check_page("plan-demo-prepare").await;
    hr.client().goto(&format!("{base}/plan/{plan}/concretise")).await.unwrap();
    hr.check_page("plan-demo-concretise").await;
    hr.close().await;
}

async fn sign_in(b: &Browser, base: &str, email: &str) {
    b.set_size(DESKTOP.0, DESKTOP.1).await;
    b.client().goto(&format!("{base}/login")).await.unwrap();
    b.fill("email", email).await;
    b.fill("password", ledertrivsel::demo::PASSWORD).await;
    b.submit("main form button[type=submit]").await;
    b.find(".lt-who").await;
}
