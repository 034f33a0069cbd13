//! The introduction tool's pages in a real browser: a leader starts a round,
//! answers by keyboard-reachable radio buttons, sees the results and records
//! the decision; HR edits the catalogue. axe-core runs on every page at phone
//! and desktop width, and nothing may scroll sideways at 320 px.

use super::{answered, nord};
use crate::support::browser::{Browser, DESKTOP};
use fantoccini::Locator;

async fn check(browser: &Browser, name: &str) {
    browser.check_page(&format!("intro-{name}")).await;
}

async fn click(browser: &Browser, css: &str) {
    browser.click(css).await;
}

async fn submit(browser: &Browser, css: &str) {
    browser.submit(css).await;
}

async fn wait_for(browser: &Browser, css: &str) -> String {
    browser.text(css).await
}

async fn heading(browser: &Browser) -> String {
    browser.text("h1").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intro_pages_are_accessible_and_work_in_a_browser() {
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

    c.goto(&format!("{base}/intro")).await.unwrap();
    assert_eq!(heading(&lis).await, "Sæt spot på lederes trivsel");
    check(&lis, "tool").await;

    submit(&lis, "form.lt-start-form button").await;
    wait_for(&lis, "#results-heading").await;
    let run_path = c.current_url().await.unwrap().path().to_string();
    assert!(run_path.starts_with("/intro/runs/"), "{run_path}");
    check(&lis, "round-open").await;

    // Answer: one radio per statement by its label, plus a comment.
    c.goto(&format!("{base}{run_path}/answer")).await.unwrap();
    check(&lis, "answer").await;
    let labels = c.find_all(Locator::Css("fieldset.lt-statement .form-group-radio:nth-of-type(4) label")).await.unwrap();
    assert_eq!(labels.len(), 15);
    for label in labels {
        label.click().await.unwrap();
    }
    c.find(Locator::Id("comment")).await.unwrap().send_keys("Mere tid til sparring").await.unwrap();
    submit(&lis, "main form button[type=submit]").await;
    let status = wait_for(&lis, ".alert-success").await;
    lis.wait_for_path(&run_path).await;
    assert!(status.contains("Dine svar er gemt"), "{status}");

    // Two more answers, and Lis shows the group its picture at the meeting.
    let run = run_path.trim_start_matches("/intro/runs/");
    answered(&app.signed_in("anna@randers.dk").await, run, |i| if i % 2 == 0 { "5" } else { "2" }, "").await;
    answered(&app.signed_in("carl@randers.dk").await, run, |_| "3", "Tal om arbejdstiden").await;
    c.goto(&format!("{base}{run_path}")).await.unwrap();
    assert!(c.find_all(Locator::Css("svg.lt-chart")).await.unwrap().is_empty(), "no picture before the reveal");
    check(&lis, "reveal").await;
    click(&lis, "label[for='ready']").await;
    submit(&lis, "form.lt-reveal button[type=submit]").await;
    let status = wait_for(&lis, "#results-heading + .alert-success").await;
    assert!(status.contains("Billedet er vist for gruppen"), "{status}");
    assert_eq!(c.find_all(Locator::Css("svg.lt-chart")).await.unwrap().len(), 15);
    check(&lis, "results").await;

    // The decision: first without anything chosen, then properly.
    submit(&lis, "form[action$='/decision'] button[type=submit]").await;
    let summary = wait_for(&lis, "#form-errors").await;
    assert!(summary.contains("Vælg en ansvarlig blandt gruppens medlemmer."), "{summary}");
    check(&lis, "decision-errors").await;
    click(&lis, "label[for='next-tool-group_collaboration']").await;
    c.find(Locator::Css(&format!("#owner option[value='{}']", n.carl))).await.unwrap().click().await.unwrap();
    let due = app.state.clock.today() + time::Duration::days(10);
    // A date input takes what it shows; set the ISO value the form sends.
    c.execute("document.getElementById('due_date').value = arguments[0];", vec![serde_json::json!(due.to_string())])
        .await
        .unwrap();
    submit(&lis, "form[action$='/decision'] button[type=submit]").await;
    wait_for(&lis, "#decision-heading + dl").await;
    let page = c.source().await.unwrap();
    assert!(page.contains("Afsluttet") && page.contains("Carl Clausen"));
    check(&lis, "decided").await;

    c.goto(&format!("{base}/groups/{}", n.group)).await.unwrap();
    assert_eq!(heading(&lis).await, "Ledergruppe Nord");
    check(&lis, "group").await;
    lis.close().await;

    // Carl's start page shows his next step.
    let carl = Browser::launch().await.unwrap();
    carl.set_size(DESKTOP.0, DESKTOP.1).await;
    carl.sign_in(&base, "carl@randers.dk").await;
    let due_list = wait_for(&carl, ".lt-due").await;
    assert!(due_list.contains("Næste skridt: Værktøj 2"), "{due_list}");
    check(&carl, "start-with-step").await;
    carl.close().await;

    // HR: the withheld results, and the catalogue.
    let hr = Browser::launch().await.unwrap();
    hr.set_size(DESKTOP.0, DESKTOP.1).await;
    hr.sign_in(&base, "hr@randers.dk").await;
    let c = hr.client();
    c.goto(&format!("{base}{run_path}")).await.unwrap();
    assert!(c.source().await.unwrap().contains("når mindst 5 har svaret"));
    check(&hr, "results-withheld-for-hr").await;
    c.goto(&format!("{base}/admin/catalogue")).await.unwrap();
    check(&hr, "catalogue").await;
    submit(&hr, ".lt-catalogue a.button").await;
    wait_for(&hr, "#text_en").await;
    check(&hr, "catalogue-edit").await;
    c.find(Locator::Id("text_en")).await.unwrap().clear().await.unwrap();
    submit(&hr, "main form button[type=submit]").await;
    assert!(wait_for(&hr, "#form-errors").await.contains("Skriv en tekst."));
    check(&hr, "catalogue-edit-errors").await;
    c.goto(&format!("{base}/admin/catalogue/new?section=anchor")).await.unwrap();
    check(&hr, "catalogue-new").await;
    hr.close().await;
    let _ = (n.lis, n.anna);
}
