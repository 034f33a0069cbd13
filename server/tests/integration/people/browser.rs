//! The pages of this area in a real browser.

use super::*;

/// Every page of this area in a real browser at phone and desktop width:
/// axe-core finds nothing serious, and nothing scrolls sideways at 320 px.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_pages_are_accessible_in_a_browser() {
    use crate::support::browser::{Browser, DESKTOP, PHONE};
    let Some(browser) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    hr.post_form("/admin/units", &[("name", "Børn og Unge")]).await;
    let unit = unit_id(&app, &org, "Børn og Unge").await;
    hr.post_form("/admin/units", &[("name", "Dagtilbud Vest med et ret langt navn"), ("parent", &unit)]).await;
    let r = create_person(&hr, &[("name", "Mette Østergaard"), ("email", "mette@favrskov.dk"), ("unit", &unit), ("roles", "leader")]).await;
    let mette = person_in(&r);
    hr.post_form(&format!("/admin/people/{mette}/invite"), &[]).await;
    let invitation = invitation_path(&app, "mette@favrskov.dk");
    // A proposed address (docs/decisions/0010) and an invitation from an
    // organisation of the same name, for the owner's pages.
    let lars = app.person(&org, "Lars Leder", "lars@favrskov.dk", &[Role::Leader]).await;
    hr.post_form(&format!("/admin/people/{lars}"), &[("name", "Lars Leder"), ("email", "lars.leder@favrskov.dk"), ("roles", "leader")]).await;
    let mails = app.mails_to("lars.leder@favrskov.dk");
    let confirm = mails[0].1.lines().find(|l| l.contains("/address/")).unwrap().trim().trim_start_matches("http://test.invalid").to_string();
    app.org("Favrskov Kommune", "hr@favrskov-kommune.example").await;
    let hr_b = app.signed_in("hr@favrskov-kommune.example").await;
    let r = create_person(&hr_b, &[("name", "Hanne HR"), ("email", "hr@favrskov.dk"), ("roles", "leader")]).await;
    hr_b.post_form(&format!("/admin/people/{}/invite", person_in(&r)), &[]).await;

    let c = browser.client();
    c.goto(&format!("{}/login", app.base)).await.unwrap();
    browser.fill("email", "hr@favrskov.dk").await;
    browser.fill("password", PASSWORD).await;
    browser.submit("main form button[type=submit]").await;

    let check = |name: &'static str, path: String| {
        let browser = &browser;
        let base = app.base.clone();
        async move {
            browser.client().goto(&format!("{base}{path}")).await.unwrap();
            browser.check_page(name).await;
        }
    };
    check("units", "/admin/units".into()).await;
    check("unit", format!("/admin/units/{unit}")).await;
    check("unit-delete", format!("/admin/units/{unit}/delete")).await;
    check("people", "/admin/people".into()).await;
    check("people-filtered", format!("/admin/people?unit={unit}&q=mette")).await;
    check("person", format!("/admin/people/{mette}")).await;
    check("person-remove", format!("/admin/people/{mette}/remove")).await;
    check("invitation", invitation).await;
    check("person-proposed-address", format!("/admin/people/{lars}")).await;
    check("address-confirm", confirm).await;
    check("orgs-with-invitation", "/orgs".into()).await;
    check("person-new", "/admin/people/new".into()).await;

    // A form with mistakes: the summary links to the fields, and the page stays accessible.
    browser.submit("main form button[type=submit]").await;
    let summary = browser.text("#form-errors").await;
    assert!(summary.contains("Skriv et navn.") && summary.contains("Skriv en e-mailadresse."), "{summary}");
    for (w, h) in [PHONE, DESKTOP] {
        browser.set_size(w, h).await;
        browser.assert_accessible("person-new with errors").await;
    }
    browser.close().await;
}
