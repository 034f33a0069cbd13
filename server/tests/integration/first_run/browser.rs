//! The first steps, the import with bad rows and the group page in a real
//! browser at 320, 375 and 1280 px.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_pages_are_accessible_in_a_browser() {
    use crate::support::browser::Browser;
    let Some(browser) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let org = app.org("Silkeborg Kommune", "hr@silkeborg.dk").await;
    let hr = app.signed_in("hr@silkeborg.dk").await;
    assert_eq!(hr.post_form("/admin/units", &[("name", "Børn og Unge")]).await.status(), 303);
    let lis = app.person(&org, "Lis Leder", "lis@silkeborg.dk", &[Role::Leader]).await;
    let anna = app.person(&org, "Anna Andersen", "anna@silkeborg.dk", &[Role::Leader]).await;
    let group = app.group(&org, "Ledergruppe Nord", &lis, &[&anna]).await;

    browser.sign_in(&app.base, "hr@silkeborg.dk").await;
    let c = browser.client();
    c.goto(&format!("{}/admin", app.base)).await.unwrap();
    browser.check_page("first-steps").await;

    // At 375 px: the steps are one column, the next one is a button in view,
    // and a done step says "Gjort" in words beside its tick.
    browser.set_size(375, 740).await;
    let done = browser.text(".lt-checklist-item.is-done .lt-checklist-status").await;
    assert_eq!(done, "Gjort");
    let next = browser.find("[aria-current=step] a.button").await;
    // Leaders who joined without an invitation (made here as the demo makes
    // them) count as invited, so the tool is next.
    assert_eq!(next.text().await.unwrap(), "Start det første værktøj");
    let width = c
        .execute("return document.querySelector('.lt-first-steps').getBoundingClientRect().right;", vec![])
        .await
        .unwrap();
    assert!(width.as_f64().unwrap() <= 375.0, "the checklist fits the phone: {width}");
    let shots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screens");
    std::fs::create_dir_all(&shots).unwrap();
    let png = c.screenshot().await.unwrap();
    std::fs::write(shots.join("first-steps-375.png"), png).unwrap();

    // The next step's button leads where the step is done.
    next.click().await.unwrap();
    browser.wait_for_path("/apv").await;

    // The import with a bad row, and what comes back after importing the good ones.
    c.goto(&format!("{}/admin/import", app.base)).await.unwrap();
    browser.fill("text", "navn;e-mail;roller\nKim Ek;kim@silkeborg.dk;leder+HR\nBo;bo(at)silkeborg.dk;\n").await;
    browser.submit("main form[action='/admin/import'] button[type=submit]").await;
    browser.find("#import-problems").await;
    browser.check_page("import-preview-with-problems").await;
    browser.submit("form[action='/admin/import/confirm'] button[type=submit]").await;
    browser.find("#import-problems").await;
    browser.check_page("import-left").await;
    let kept = c.execute("return document.getElementById('text').value;", vec![]).await.unwrap();
    assert!(kept.as_str().unwrap().contains("Bo;bo(at)silkeborg.dk;"), "the file is kept: {kept}");

    c.goto(&format!("{}/admin/groups/{group}", app.base)).await.unwrap();
    browser.check_page("group-acceptance").await;
}
