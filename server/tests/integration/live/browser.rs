//! A live session in real browsers: HR facilitates on a desktop-sized
//! shared screen; a signed-in leader and two guests take part on 320 px
//! phones, each in their own browser. They go through all five steps by
//! clicking what a person would click, and axe-core checks the facilitator's
//! and a participant's pages along the way.

use crate::support::browser::{Browser, DESKTOP, PHONE};
use crate::support::TestApp;
use domain::roles::Role;
use std::time::{Duration, Instant};

/// Waits up to 15 s until the element's text contains `what`.
async fn wait_text(b: &Browser, css: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = match b.client().find(fantoccini::Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(what) {
            return;
        }
        assert!(Instant::now() < deadline, "{css} never said {what:?}; it says {text:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn join(b: &Browser, base: &str, code: &str, guest_name: Option<&str>) {
    b.set_size(PHONE.0, PHONE.1).await;
    b.client().goto(&format!("{base}/join/{code}")).await.unwrap();
    if let Some(name) = guest_name {
        b.fill("name", name).await;
    }
    b.submit("main form button[type=submit]").await;
    wait_text(b, "[data-live-status]", "Forbundet").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_and_three_phones_go_through_five_steps() {
    let Some(hr) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    app.person(&org, "Lis Leder", "lis@horsens.dk", &[Role::Leader]).await;
    let base = app.base.clone();

    hr.set_size(DESKTOP.0, DESKTOP.1).await;
    hr.sign_in(&base, "hr@horsens.dk").await;
    hr.client().goto(&format!("{base}/live")).await.unwrap();
    hr.check_page("live-index").await;
    hr.submit("form[action='/live'] button[type=submit]").await;
    wait_text(&hr, "[data-live-status]", "Forbundet").await;
    let code = hr.find(".lt-live-code").await.attr("data-code").await.unwrap().unwrap();
    assert!(hr.text(".lt-live-code").await.ends_with(&code), "the code is shown");
    assert_eq!(code.len(), 6, "{code}");
    hr.find(".lt-live-qr svg").await;
    hr.check_page("live-screen-lay-out").await;

    let lis = hr.new_context().await;
    lis.sign_in(&base, "lis@horsens.dk").await;
    join(&lis, &base, &code, None).await;
    let gitte = hr.new_context().await;
    gitte.set_size(PHONE.0, PHONE.1).await;
    gitte.client().goto(&format!("{base}/join/{code}")).await.unwrap();
    gitte.check_page("live-join").await;
    join(&gitte, &base, &code, Some("Gitte")).await;
    let bo = hr.new_context().await;
    join(&bo, &base, &code, Some("Bo")).await;
    wait_text(&hr, ".lt-live-people", "Deltagere (4)").await;
    gitte.check_page("live-phone-lay-out").await;

    // Step 2: each picks in private.
    hr.click("[data-k='advance']").await;
    for (b, card) in [(&lis, "org-overload-stress"), (&gitte, "org-support"), (&bo, "org-overload-stress")] {
        wait_text(b, ".lt-live-step h2", "Trin 2 af 5").await;
        b.click(&format!("[data-k='pick-{card}']")).await;
        wait_text(b, &format!("[data-k='pick-{card}']"), "Dit valg").await;
    }
    wait_text(&hr, ".lt-live-main", "3 af 3 har valgt et kort").await;
    gitte.check_page("live-phone-pick").await;
    hr.check_page("live-screen-pick").await;

    // Step 3: the picks revealed together; reasons in turn, with a note.
    hr.click("[data-k='advance']").await;
    wait_text(&gitte, ".lt-live-main", "Lis Leder").await;
    hr.click("[data-k='next-turn']").await;
    wait_text(&bo, ".lt-live-main", "Lis Leder har ordet").await;
    // The facilitator may give the word out of the join order: to Bo (the fourth to join).
    hr.click("[data-k='turn-4']").await;
    wait_text(&lis, ".lt-live-main", "Bo har ordet").await;
    lis.fill("live-note", "For mange opgaver på én gang").await;
    lis.click("#live-note-form button[type=submit]").await;
    wait_text(&hr, ".lt-live-main", "For mange opgaver på én gang").await;
    hr.check_page("live-screen-reasons").await;

    // Step 4: three dots each.
    hr.click("[data-k='advance']").await;
    for b in [&lis, &gitte, &bo] {
        wait_text(b, ".lt-live-main", "Du har 3 prikker tilbage").await;
        for (i, card) in ["org-overload-stress", "org-overload-stress", "org-support"].iter().enumerate() {
            b.click(&format!("[data-k='vote-{card}']")).await;
            let left = match 2 - i {
                1 => "Du har 1 prik tilbage".to_string(),
                n => format!("Du har {n} prikker tilbage"),
            };
            wait_text(b, ".lt-live-main", &left).await;
        }
    }
    lis.check_page("live-phone-prioritise").await;

    // Step 5: the agreed next steps, then the summary and the end.
    hr.click("[data-k='advance']").await;
    // The dots as a chart, most first.
    wait_text(&hr, ".lt-live-tally li:first-child", "Overbelastning og stress").await;
    wait_text(&hr, ".lt-live-tally li:first-child", "6 prikker").await;
    assert_eq!(hr.find(".lt-live-tally li:first-child meter").await.attr("value").await.unwrap().as_deref(), Some("6"));
    hr.fill("live-next-step", "Fast tid til sparring på ledermødet").await;
    hr.fill("live-owner", "Lis Leder").await;
    hr.click("#live-next-step-form button[type=submit]").await;
    wait_text(&bo, ".lt-live-main", "Fast tid til sparring på ledermødet").await;
    hr.check_page("live-screen-next-steps").await;
    bo.check_page("live-phone-next-steps").await;
    hr.click("[data-k='end']").await;
    hr.client().accept_alert().await.unwrap();
    for b in [&lis, &gitte, &bo] {
        wait_text(b, ".lt-live-step h2", "Sessionen er afsluttet").await;
    }
    let id = hr.client().current_url().await.unwrap().path().trim_start_matches("/live/").to_string();
    gitte.client().goto(&format!("{base}/live/{id}/summary")).await.unwrap();
    wait_text(&gitte, "main", "Fast tid til sparring på ledermødet").await;
    gitte.check_page("live-summary").await;
    for b in [lis, gitte, bo, hr] {
        b.close().await;
    }
}
