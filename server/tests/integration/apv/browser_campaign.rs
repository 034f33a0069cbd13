//! A campaign in a real browser: HR starts it from the tool page on a
//! phone, the group answers and closes its round, and HR reads the colour
//! map across groups, and prints the round's documentation. axe-core runs on
//! both at phone and desktop width.

use super::{close_for_test, handed_in, nord, themes};
use crate::support::browser::{Browser, PHONE};
use domain::roles::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hr_starts_a_campaign_on_a_phone_and_reads_the_map() {
    let Some(hr) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let n = nord(&app).await;
    let dora = app.person(&n.org, "Dora Dahl", "dora@randers.dk", &[Role::Leader]).await;
    app.add_member(&n.org, &n.group, &dora).await;
    let base = app.base.clone();
    hr.set_size(PHONE.0, PHONE.1).await;
    hr.sign_in(&base, "hr@randers.dk").await;
    let c = hr.client();

    c.goto(&format!("{base}/apv")).await.unwrap();
    hr.click("#campaigns-heading ~ details summary").await;
    hr.fill("campaign-title", "Leder-APV 2027").await;
    let deadline = (time::OffsetDateTime::now_utc().date() + time::Duration::days(10)).to_string();
    c.execute("document.getElementById('campaign-deadline').value = arguments[0];", vec![serde_json::json!(deadline)]).await.unwrap();
    hr.submit("form[action='/apv/campaigns'] button[type=submit]").await;
    let notice = hr.text(".alert-success").await;
    assert!(notice.contains("en runde i 1 grupper"), "{notice}");
    let campaign_path = c.current_url().await.unwrap().path().to_string();

    let (round,): (String,) = sqlx::query_as("SELECT id FROM apv_rounds WHERE group_id = $1").bind(&n.group).fetch_one(&app.state.db.pool).await.unwrap();
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk", "carl@randers.dk", "dora@randers.dk"] {
        let leader = app.signed_in(email).await;
        let revs = themes(&leader, &round).await;
        handed_in(&leader, &round, &revs, &[(0, "red", "Travlt"), (2, "green", "")]).await;
    }
    close_for_test(&app.signed_in("lis@randers.dk").await, &round).await;

    c.goto(&format!("{base}{campaign_path}")).await.unwrap();
    hr.find("svg.lt-colour-map").await;
    let first_row = hr.text("table.lt-apv-table tbody tr").await;
    assert!(first_row.starts_with("Krav i arbejdet") && first_row.contains("5 (100 %)"), "{first_row}");
    hr.check_page("apv-campaign").await;

    // The round's documentation prints from a page that passes the same checks.
    c.goto(&format!("{base}/apv/rounds/{round}/print")).await.unwrap();
    assert!(hr.text("h1").await.starts_with("Leder-APV: Ledergruppe Nord"));
    hr.find("a[href$='/report.docx']").await;
    hr.check_page("apv-print").await;
    hr.close().await;
}
