//! Tool 3 in a real browser: HR chooses themes on the sheet, maps one,
//! places it in the matrix with the keyboard only, writes its action card
//! and records the sign-off. axe-core runs on every page at phone and
//! desktop width, and nothing may scroll sideways at 320 px.

use super::randers;
use crate::support::browser::{Browser, DESKTOP};
use fantoccini::key::Key;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_pages_are_accessible_and_the_matrix_works_by_keyboard() {
    let Some(hr) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let r = randers(&app).await;
    let base = app.base.clone();
    hr.set_size(DESKTOP.0, DESKTOP.1).await;
    hr.sign_in(&base, "hr@randers.dk").await;
    let c = hr.client();

    c.goto(&format!("{base}/plan")).await.unwrap();
    assert_eq!(hr.text("h1").await, "Skab en samlet plan for ledertrivsel");
    hr.check_page("plan-tool").await;
    hr.fill("title", "Trivselsplan for Randers 2027").await;
    hr.submit("form[action='/plan'] button[type=submit]").await;
    let prepare = c.current_url().await.unwrap().path().to_string();
    assert!(prepare.ends_with("/prepare"), "{prepare}");
    let plan = prepare.trim_end_matches("/prepare").to_string();

    // Step 1: two themes by their labels, then what we know about the first.
    hr.click("label[for='sheet-1']").await;
    hr.click("label[for='sheet-14']").await;
    hr.submit("form[action$='/themes'] button[type=submit]").await;
    hr.fill("known-1", "Nye ledere savner en fast mentor").await;
    hr.submit("form[action$='/mapping'] button[type=submit]").await;
    hr.check_page("plan-prepare").await;

    // Step 2: keyboard only in the matrix.
    c.goto(&format!("{base}{plan}/qualify")).await.unwrap();
    let select = hr.find("#place-org-onboarding").await;
    select.send_keys(&format!("{}", Key::Down)).await.unwrap();
    let old = hr.find("html").await;
    hr.find("[data-card='org-onboarding'] button").await.send_keys(&format!("{}", Key::Enter)).await.unwrap();
    hr.wait_for_new_page(&old, "Enter on the matrix's button").await;
    let card = hr.find("[data-card='org-onboarding']").await;
    let field = card.find(fantoccini::Locator::XPath("ancestor::section[@data-quadrant]")).await.unwrap();
    assert_eq!(field.attr("data-quadrant").await.unwrap().as_deref(), Some("raise"));
    hr.check_page("plan-qualify").await;

    // Step 3: the card and the sign-off.
    c.goto(&format!("{base}{plan}/concretise")).await.unwrap();
    hr.fill("goal-1", "Alle nye ledere har en mentor").await;
    hr.submit("form[action$='/cards'] button[type=submit]").await;
    hr.find("#top-1").await.select_by_label("Onboarding").await.unwrap();
    hr.fill("signed_off_by", "Direktionen").await;
    c.execute("document.getElementById('signed_off_on').value = '2027-01-20';", vec![]).await.unwrap();
    hr.submit("form[action$='/decision'] button[type=submit]").await;
    assert!(hr.text("[role=status]").await.contains("godkendelse er gemt"));
    hr.check_page("plan-concretise").await;
    c.goto(&format!("{base}{plan}/print")).await.unwrap();
    assert!(hr.text("main").await.contains("Alle nye ledere har en mentor"));
    hr.check_page("plan-print").await;
    let _ = r.org;
    hr.close().await;
}
