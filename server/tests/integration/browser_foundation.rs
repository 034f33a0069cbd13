//! The foundation's pages in a real browser: the setup flow by keyboard and
//! form, and axe-core on every page at phone and desktop width.

use crate::support::app::PASSWORD;
use crate::support::browser::{Browser, DESKTOP};

async fn fill(browser: &Browser, id: &str, value: &str) {
    browser.fill(id, value).await;
}

async fn submit(browser: &Browser) {
    browser.submit("main form button[type=submit]").await;
}

async fn check_both_sizes(browser: &Browser, name: &str) {
    browser.check_page(name).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn foundation_pages_are_accessible_and_setup_works_in_a_browser() {
    let Some(browser) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let secret = ledertrivsel::auth::tokens::issue(&app.state.db, ledertrivsel::auth::tokens::Kind::Setup, None, None, app.state.clock.now())
        .await
        .unwrap();
    let c = browser.client();

    c.goto(&format!("{}/login", app.base)).await.unwrap();
    check_both_sizes(&browser, "login").await;
    c.goto(&format!("{}/password/forgot", app.base)).await.unwrap();
    check_both_sizes(&browser, "password-forgot").await;
    c.goto(&format!("{}/does-not-exist", app.base)).await.unwrap();
    check_both_sizes(&browser, "not-found").await;

    // Setup: first a mistake, shown in an error summary, then the real thing.
    c.goto(&format!("{}/setup/{secret}", app.base)).await.unwrap();
    check_both_sizes(&browser, "setup").await;
    browser.set_size(DESKTOP.0, DESKTOP.1).await;
    fill(&browser, "org_name", "Favrskov Kommune").await;
    fill(&browser, "name", "Lise Mortensen").await;
    fill(&browser, "email", "lise@favrskov").await;
    fill(&browser, "password", PASSWORD).await;
    fill(&browser, "password_repeat", PASSWORD).await;
    submit(&browser).await;
    let summary = browser.text("#form-errors").await;
    assert!(summary.contains("Skriv en gyldig e-mailadresse"), "{summary}");
    check_both_sizes(&browser, "setup-with-errors").await;

    browser.set_size(DESKTOP.0, DESKTOP.1).await;
    fill(&browser, "email", "lise@favrskov.dk").await;
    fill(&browser, "password", PASSWORD).await;
    fill(&browser, "password_repeat", PASSWORD).await;
    submit(&browser).await;
    browser.wait_for_path("/admin").await;
    check_both_sizes(&browser, "admin-overview").await;

    c.goto(&format!("{}/", app.base)).await.unwrap();
    let heading = browser.text("h1").await;
    assert_eq!(heading, "Hej Lise");
    check_both_sizes(&browser, "start").await;

    // The language switch is a form in the header; English is complete.
    browser.set_size(DESKTOP.0, DESKTOP.1).await;
    browser.submit("button[lang=en]").await;
    let heading = browser.text("h1").await;
    assert_eq!(heading, "Hello Lise");
    check_both_sizes(&browser, "start-en").await;

    browser.close().await;
}
