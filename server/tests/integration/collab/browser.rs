//! Tool 2 in a real browser: the group's leader plans the meeting, fills in
//! the checklist, places a theme in the matrix with the keyboard only, and
//! settles the agreement. axe-core runs on every page at phone and desktop
//! width, and nothing may scroll sideways at 320 px.

use super::{fill_in, nord};
use crate::support::browser::{Browser, DESKTOP};
use fantoccini::key::Key;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collab_pages_are_accessible_and_the_matrix_works_by_keyboard() {
    let Some(lis) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let n = nord(&app).await;
    let base = app.base.clone();
    lis.set_size(DESKTOP.0, DESKTOP.1).await;
    lis.sign_in(&base, "lis@randers.dk").await;
    let c = lis.client();

    c.goto(&format!("{base}/collab")).await.unwrap();
    assert_eq!(lis.text("h1").await, "Skærp ledergruppens samarbejde");
    lis.check_page("collab-tool").await;

    // Step 1: plan the meeting.
    c.goto(&format!("{base}/collab/groups/{}/rounds", n.group)).await.unwrap();
    lis.check_page("collab-new").await;
    let (date, time, _) = crate::dialog_meetings::slot(7, 9, 0);
    // Date and time inputs take the value by script: typing depends on the browser's locale.
    c.execute(
        "document.getElementById('date').value = arguments[0]; document.getElementById('time').value = arguments[1];",
        vec![date.clone().into(), time.clone().into()],
    )
    .await
    .unwrap();
    lis.fill("place", "Lokale 1").await;
    lis.submit("main form button[type=submit]").await;
    let round_path = c.current_url().await.unwrap().path().to_string();
    assert!(round_path.starts_with("/collab/rounds/"), "{round_path}");
    lis.check_page("collab-round").await;

    // The checklist, by its labels.
    c.goto(&format!("{base}{round_path}/checklist")).await.unwrap();
    lis.check_page("collab-checklist").await;
    let round = round_path.trim_start_matches("/collab/rounds/").to_string();
    for email in ["anna@randers.dk", "carl@randers.dk", "lis@randers.dk"] {
        fill_in(&app.signed_in(email).await, &round, "4", "").await;
    }

    // The meeting: Lis reveals the picture (asked first), then the agenda
    // with its timer and the matrix.
    c.goto(&format!("{base}{round_path}/meeting")).await.unwrap();
    lis.check_page("collab-meeting-reveal").await;
    lis.click("label[for='ready']").await;
    lis.submit("form.lt-reveal button[type=submit]").await;
    assert!(lis.text("#results-heading + .alert-success").await.contains("Billedet er vist for gruppen"));
    lis.find(".lt-result").await;
    assert!(lis.find("[data-timer]").await.is_displayed().await.unwrap(), "the timer shows with the script");
    lis.check_page("collab-meeting").await;

    // Keyboard only: focus the chooser under "safety", pick the first field, press the button.
    let select = lis.find("#place-safety").await;
    select.send_keys(&format!("{}", Key::Down)).await.unwrap();
    let button = lis.find("[data-card='safety'] button").await;
    let old = lis.find("html").await;
    button.send_keys(&format!("{}", Key::Enter)).await.unwrap();
    lis.wait_for_new_page(&old, "Enter on the matrix's button").await;
    let zone = lis.find("[data-card='safety']").await;
    let field = zone.find(fantoccini::Locator::XPath("ancestor::section[@data-quadrant]")).await.unwrap();
    assert_eq!(field.attr("data-quadrant").await.unwrap().as_deref(), Some("raise"), "Down from 'unplaced' is the first field");

    // The agreement, settled by the group's leader.
    let (follow, _, _) = crate::dialog_meetings::slot(60, 9, 0);
    lis.fill("text-1", "Sparring på en svær sag hvert andet møde").await;
    lis.fill("actions-1", "Fast punkt på dagsordenen, 20 minutter").await;
    c.execute("document.getElementById('follow_up_on-1').value = arguments[0];", vec![follow.into()]).await.unwrap();
    let owner = lis.find("#owner-1").await;
    owner.select_by_label("Anna Andersen").await.unwrap();
    lis.submit("button[name=settle]").await;
    lis.wait_for_path(&round_path).await;
    assert!(lis.text("main").await.contains("Sparring på en svær sag hvert andet møde"));
    lis.check_page("collab-round-settled").await;
    c.goto(&format!("{base}{round_path}/print")).await.unwrap();
    assert!(lis.text("main").await.contains("Sparring på en svær sag hvert andet møde"));
    lis.check_page("collab-print").await;
    let _ = (n.lis, n.anna, n.carl);
    lis.close().await;
}
