//! HR's group, import, audit and settings pages in a real browser: the
//! forms used by mouse and keyboard input, and axe-core on every page at
//! phone and desktop width.

use super::put_in_unit;
use crate::support::app::PASSWORD;
use crate::support::browser::Browser;
use domain::roles::Role;
use fantoccini::Locator;

async fn fill(browser: &Browser, id: &str, value: &str) {
    let field = find(browser, &format!("#{id}")).await;
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

/// Waits for the element: after a click the next page may still be loading.
async fn find(browser: &Browser, css: &str) -> fantoccini::elements::Element {
    browser
        .client()
        .wait()
        .at_most(std::time::Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
}

async fn click(browser: &Browser, css: &str) {
    browser.click(css).await;
}

async fn submit(browser: &Browser, css: &str) {
    browser.submit(css).await;
}

async fn text_of(browser: &Browser, css: &str) -> String {
    find(browser, css).await.text().await.unwrap()
}

async fn check_both_sizes(browser: &Browser, name: &str) {
    browser.check_page(name).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hr_pages_work_and_are_accessible_in_a_browser() {
    let Some(browser) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let ida = app.person(&org, "Ida Kristensen", "ida@favrskov.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Søndergaard", "bo@favrskov.dk", &[Role::Leader]).await;
    let kim = app.person(&org, "Kim Østergaard", "kim@favrskov.dk", &[Role::Leader]).await;
    put_in_unit(&app, &org, &ida, "Børn og Unge").await;
    put_in_unit(&app, &org, &bo, "Børn og Unge").await;
    put_in_unit(&app, &org, &kim, "Teknik og Miljø").await;
    let c = browser.client();

    c.goto(&format!("{}/login", app.base)).await.unwrap();
    fill(&browser, "email", "hr@favrskov.dk").await;
    fill(&browser, "password", PASSWORD).await;
    submit(&browser, "main form button[type=submit]").await;

    c.goto(&format!("{}/admin/groups", app.base)).await.unwrap();
    check_both_sizes(&browser, "groups-empty").await;
    submit(&browser, "main a[href='/admin/groups/new']").await;
    find(&browser, "#members").await;
    check_both_sizes(&browser, "group-new").await;

    // A mistake first: no name and no leader.
    submit(&browser, "main form button[type=submit]").await;
    let summary = text_of(&browser, "#form-errors").await;
    assert!(summary.contains("Skriv ledergruppens navn.") && summary.contains("Vælg gruppens leder."), "{summary}");
    check_both_sizes(&browser, "group-new-with-errors").await;

    fill(&browser, "name", "Ledergruppen i Børn og Unge").await;
    click(&browser, &format!("#leader option[value='{kim}']")).await;
    click(&browser, &format!("label[for='member-{ida}']")).await;
    click(&browser, &format!("label[for='member-{bo}']")).await;
    click(&browser, "label[for='openness-named']").await;
    submit(&browser, "main form button[type=submit]").await;
    assert_eq!(text_of(&browser, "main .alert-success").await, "Ledergruppen er oprettet.");
    let row = text_of(&browser, "main tbody tr").await;
    assert!(row.contains("Kim Østergaard") && row.contains("Åben dialog med navne"), "{row}");
    check_both_sizes(&browser, "groups-list").await;

    submit(&browser, "main tbody th a").await;
    find(&browser, "main .lt-actions a[href$='/delete']").await;
    check_both_sizes(&browser, "group-edit").await;
    submit(&browser, "main .lt-actions a[href$='/delete']").await;
    find(&browser, "main form[action$='/delete']").await;
    check_both_sizes(&browser, "group-delete").await;

    // Import: a file chosen in the file field, then the preview, then confirm.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("personer.csv");
    std::fs::write(
        &file,
        "\u{feff}Navn;E-mail;Enhed;Nærmeste leder;Roller\r\n\
         Birgitte Østergaard;birgitte@favrskov.dk;Direktionen;;topledelse\r\n\
         Søren Ågård;soren@favrskov.dk;Børn og Unge;birgitte@favrskov.dk;leder\r\n\
         Ida Kristensen;ida@favrskov.dk;Børn og Unge;soren@favrskov.dk;leder+AMO\r\n",
    )
    .unwrap();
    c.goto(&format!("{}/admin/import", app.base)).await.unwrap();
    check_both_sizes(&browser, "import").await;
    c.find(Locator::Id("file")).await.unwrap().send_keys(file.to_str().unwrap()).await.unwrap();
    submit(&browser, "main form button[type=submit]").await;
    find(&browser, "input[name='content']").await;
    assert_eq!(text_of(&browser, "h1").await, "Tjek importen, før du bekræfter");
    check_both_sizes(&browser, "import-preview").await;
    submit(&browser, "main form button[type=submit]").await;
    assert!(text_of(&browser, "main .alert-success").await.contains("Nye personer: 2. Opdaterede: 1."));

    fill(&browser, "text", "navn;e-mail\n;mangler@favrskov.dk\nBo;bo(at)favrskov.dk\n").await;
    submit(&browser, "main form button[type=submit]").await;
    let problems = text_of(&browser, "#import-problems").await;
    assert!(problems.contains("Linje 2: Skriv et navn.") && problems.contains("Linje 3:"), "{problems}");
    check_both_sizes(&browser, "import-errors").await;

    c.goto(&format!("{}/admin/audit", app.base)).await.unwrap();
    assert!(text_of(&browser, "main tbody tr").await.contains("Importerede personer"));
    check_both_sizes(&browser, "audit").await;

    c.goto(&format!("{}/admin/settings", app.base)).await.unwrap();
    check_both_sizes(&browser, "settings").await;
    fill(&browser, "k", "2").await;
    submit(&browser, "main form button[type=submit]").await;
    assert!(text_of(&browser, "#form-errors").await.contains("Anonymitetsgrænsen kan ikke være lavere end 3."));
    check_both_sizes(&browser, "settings-with-errors").await;

    browser.close().await;
}
