//! Tool 2 in a real browser: the group's leader plans the meeting, fills in
//! the checklist, places a theme in the matrix with the keyboard only, and
//! settles the agreement. axe-core runs on every page at phone and desktop
//! width, and nothing may scroll sideways at 320 px.

use super::{fill_in, nord, planned};
use crate::support::browser::{Browser, DESKTOP, PHONE};
use fantoccini::key::Key;
use std::time::{Duration, Instant};

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
    // "Indgå aftalen" asks first, in a dialog over the page; the typed
    // point is saved before the answer settles it.
    lis.click("button[name=settle]").await;
    assert!(lis.find("#ask-settle").await.is_displayed().await.unwrap(), "settling asks first");
    assert_eq!(lis.text("#ask-settle-title").await, "Indgå gruppeaftalen?");
    assert!(c.current_url().await.unwrap().path().ends_with("/meeting"), "asking stays on the meeting page");
    lis.check_page("collab-settle-ask").await;
    lis.submit("#ask-settle button[type=submit]").await;
    lis.wait_for_path(&round_path).await;
    assert!(lis.text("main").await.contains("Genåbn aftalen"), "the group's leader may undo it at first");
    assert!(lis.text("main").await.contains("Sparring på en svær sag hvert andet møde"));
    lis.check_page("collab-round-settled").await;
    c.goto(&format!("{base}{round_path}/print")).await.unwrap();
    assert!(lis.text("main").await.contains("Sparring på en svær sag hvert andet møde"));
    lis.check_page("collab-print").await;
    let _ = (n.lis, n.anna, n.carl);
    lis.close().await;
}

/// The text of the element matching `css`, read in one step: the clock is
/// replaced in place when a button's answer comes, so an element found a
/// moment earlier may be gone by the time its text is asked for.
async fn read(b: &Browser, css: &str) -> String {
    let text = b
        .client()
        .execute("const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : '';", vec![serde_json::json!(css)])
        .await
        .unwrap_or_else(|e| panic!("reading {css}: {e}"));
    text.as_str().unwrap_or_default().to_string()
}

/// The agenda's clock as the page shows it: the item's line, the clock's
/// seconds and the start/pause button's word.
async fn clock(b: &Browser) -> (String, i64, String) {
    b.find("[data-timer]").await;
    let step = read(b, "[data-timer-step]").await;
    let time = read(b, "[data-timer-clock]").await;
    let (m, s) = time.split_once(':').unwrap_or_else(|| panic!("the clock reads {time}"));
    let seconds = m.trim().parse::<i64>().unwrap() * 60 + s.trim().parse::<i64>().unwrap();
    (step, seconds, read(b, "[data-timer-toggle]").await)
}

/// Waits (up to 15 s) until the clock's button says `word`: the buttons are
/// sent without leaving the page, so the answer comes a moment later.
async fn until_button(b: &Browser, word: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while read(b, "[data-timer-toggle]").await != word {
        assert!(Instant::now() < deadline, "the clock's button never said {word:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Issue 17, item 4: the clock was back at item 1, 10:00, stopped, after
/// "Flyt" in the matrix or "Gem aftalen". It is the server's now: it keeps
/// its item and keeps running across both, and "Næste punkt" starts the
/// next item.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agenda_clock_keeps_its_item_and_runs_on_after_move_and_save() {
    let Some(lis) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let n = nord(&app).await;
    let round = planned(&app.signed_in("lis@randers.dk").await, &n.group).await;
    let base = app.base.clone();
    lis.sign_in(&base, "lis@randers.dk").await;
    let c = lis.client();
    let meeting = format!("{base}/collab/rounds/{round}/meeting");
    c.goto(&meeting).await.unwrap();
    let (step, left, button) = clock(&lis).await;
    assert!(step.contains("Velkomst og rammer") && left == 600 && button == "Start uret", "before anyone starts it: {step} {left} {button}");

    lis.click("[data-timer-toggle]").await;
    until_button(&lis, "Sæt uret på pause").await;
    tokio::time::sleep(Duration::from_millis(2100)).await;

    // "Flyt" in the matrix loads the page again.
    let select = lis.find("#place-safety").await;
    select.send_keys(&format!("{}", Key::Down)).await.unwrap();
    lis.submit("[data-card='safety'] button").await;
    let (step, left, button) = clock(&lis).await;
    assert!(step.contains("Velkomst og rammer"), "after Flyt the clock is on: {step}");
    assert_eq!(button, "Sæt uret på pause", "after Flyt the clock still runs");
    assert!((540..599).contains(&left), "after Flyt the clock shows the time left, not 10:00 again: {left}");

    // "Næste punkt" starts the next item.
    lis.click("[data-timer-next]").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while !read(&lis, "[data-timer-step]").await.contains("Opfølgning på sidste aftale") {
        assert!(Instant::now() < deadline, "Næste punkt did not move on: {}", read(&lis, "[data-timer-step]").await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(clock(&lis).await.2, "Sæt uret på pause", "the next item starts at once");
    tokio::time::sleep(Duration::from_millis(2100)).await;

    // "Gem aftalen" loads the page again, with words typed before it.
    lis.fill("text-1", "Vi deler beslutninger samme dag").await;
    lis.submit("form[action$='/agreement'] button[type=submit]:not([name])").await;
    let (step, left, button) = clock(&lis).await;
    assert!(step.contains("Punkt 2 af 6") && step.contains("Opfølgning på sidste aftale"), "after Gem aftalen: {step}");
    assert_eq!(button, "Sæt uret på pause", "after Gem aftalen the clock still runs");
    assert!((840..899).contains(&left), "after Gem aftalen the clock shows item 2's time left: {left}");

    // The same clock on a phone, ticking on its own.
    lis.set_size(PHONE.0, PHONE.1).await;
    c.goto(&meeting).await.unwrap();
    let (step, first, _) = clock(&lis).await;
    assert!(step.contains("Opfølgning på sidste aftale"), "{step}");
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert!(clock(&lis).await.1 < first, "the clock counts down on the page");
    lis.set_size(DESKTOP.0, DESKTOP.1).await;
    lis.check_page("collab-meeting-clock-running").await;
    lis.close().await;
}
