//! The leader APV in a real browser: the group's leader starts a round,
//! four leaders fill in Skema 1 on phone-sized windows (the first by typing,
//! which the page saves as typed), then the meeting's picture, the sorting,
//! the choice of a theme and its action plan. axe-core runs on every page at
//! phone and desktop width, and nothing may scroll sideways at 320 px.

use super::nord;
use crate::support::browser::{Browser, DESKTOP, PHONE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apv_round_works_on_phones_and_the_meeting_screen() {
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

    c.goto(&format!("{base}/apv")).await.unwrap();
    assert_eq!(lis.text("h1").await, "Leder-APV");
    lis.click(".lt-start-round summary").await;
    lis.check_page("apv-tool").await;
    lis.submit(&format!("form[action='/apv/groups/{}/rounds'] button[type=submit]", n.group)).await;
    let started = lis.text(".alert-success").await;
    assert!(started.contains("Runden er startet"), "{started}");
    let round_path = c.current_url().await.unwrap().path().to_string();
    lis.check_page("apv-round").await;

    // Four leaders on phones. Anna types keywords and waits for "Gemt"
    // before handing in; the others tick and hand in.
    for (i, email) in ["anna@randers.dk", "bo@randers.dk", "carl@randers.dk", "lis@randers.dk"].iter().enumerate() {
        let phone = if *email == "lis@randers.dk" { None } else { Some(lis.new_context().await) };
        let leader = phone.as_ref().unwrap_or(&lis);
        leader.set_size(PHONE.0, PHONE.1).await;
        if phone.is_some() {
            leader.sign_in(&base, email).await;
        }
        leader.client().goto(&format!("{base}{round_path}/map")).await.unwrap();
        let first = leader.find("fieldset[data-theme]").await.attr("data-theme").await.unwrap().unwrap();
        if i == 0 {
            leader.check_page("apv-map").await;
            leader.set_size(PHONE.0, PHONE.1).await;
            leader.fill(&format!("k-{first}-red"), "For mange opgaver").await;
            for _ in 0..60 {
                let state = leader.text(&format!("fieldset[data-theme='{first}'] [data-save-state]")).await;
                if state == "Gemt" {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert_eq!(leader.text(&format!("fieldset[data-theme='{first}'] [data-save-state]")).await, "Gemt");
            let ticked = leader.find(&format!("[id='m-{first}-red']")).await.prop("checked").await.unwrap();
            assert_eq!(ticked.as_deref(), Some("true"), "typing keywords ticks the colour");
        } else {
            leader.click(&format!("label[for='m-{first}-red']")).await;
        }
        leader.submit("button[name=hand_in][value='1']").await;
        assert!(leader.text(".alert-success").await.contains("afleveret"));
        if let Some(p) = phone {
            p.close().await;
        }
    }

    // The meeting on the shared screen: Lis shows the group its picture,
    // asked first; four counted red on the first theme.
    lis.set_size(DESKTOP.0, DESKTOP.1).await;
    c.goto(&format!("{base}{round_path}/meeting")).await.unwrap();
    lis.check_page("apv-meeting-reveal").await;
    lis.click("label[for='ready']").await;
    lis.submit("form.lt-reveal button[type=submit]").await;
    assert!(lis.text("#picture-heading + .alert-success").await.contains("Billedet er vist for gruppen"));
    lis.find("svg.lt-colour-map").await;
    let first_row = lis.text("table.lt-apv-table tbody tr").await;
    assert!(first_row.starts_with("Krav i arbejdet") && first_row.contains('4'), "{first_row}");
    lis.check_page("apv-meeting").await;
    lis.find("#sorting select").await.select_by_value("group").await.unwrap();
    lis.submit("#sorting button[type=submit]").await;
    assert!(lis.text(".alert-success").await.contains("Placeringen er gemt"));
    let chosen = lis.find("form[action$='/choose'] input[name=theme]").await.attr("id").await.unwrap().unwrap();
    lis.click(&format!("label[for='{chosen}']")).await;
    lis.submit("form[action$='/choose'] button[type=submit]").await;
    assert!(lis.text(".alert-success").await.contains("Temaet er valgt"));
    lis.submit("#plans ~ ul a[href^='/apv/plans/']").await;
    assert!(lis.text("h1").await.starts_with("Handlingsplan:"));
    lis.fill("issue", "For mange opgaver på én gang").await;
    lis.submit("form[action^='/apv/plans/'] button.button-primary").await;
    assert!(lis.text(".alert-success").await.contains("Handlingsplanen er gemt"));
    lis.check_page("apv-plan").await;
    lis.close().await;
}
