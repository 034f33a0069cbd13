//! The dialog pages in a real browser: from the tool page to the invitation
//! form, a mistake shown by its field, the dialog booked and its page, and
//! the tool page showing it as the next dialog. axe-core on every page.

use super::*;
use crate::support::browser::{Browser, DESKTOP};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inviting_to_a_dialog_works_and_is_accessible() {
    let Some(b) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let _t = team(&app).await;
    let base = app.base.clone();
    let c = b.client();
    b.set_size(DESKTOP.0, DESKTOP.1).await;
    b.sign_in(&base, "mette@aarhus.dk").await;

    c.goto(&format!("{base}/dialog")).await.unwrap();
    b.submit("a[href='/dialog/meetings/new']").await;
    assert_eq!(b.text("h1").await, "Inviter din nærmeste leder til en dialog");
    b.check_page("dialog-meeting-new").await;

    // A date that has passed: the error is shown by its field, nothing is booked.
    let (past, _, _) = slot(-2, 10, 0);
    let (date, _, _) = slot(3, 10, 0);
    let set = |id: &'static str, value: String| {
        let c = c.clone();
        async move {
            c.execute("document.getElementById(arguments[0]).value = arguments[1];", vec![id.into(), value.into()]).await.unwrap();
        }
    };
    set("date", past).await;
    set("time", "10:00".into()).await;
    b.submit("main form button[type=submit]").await;
    assert!(b.text("#form-errors").await.contains("Vælg et tidspunkt, der ikke er passeret."));
    b.check_page("dialog-meeting-errors").await;
    assert!(dialogs(&app).await.is_empty());

    set("date", date).await;
    b.fill("place", "Mødelokale 2").await;
    b.submit("main form button[type=submit]").await;
    assert!(b.text("[role=status]").await.contains("Invitationen er sendt."));
    assert_eq!(b.text("h1").await, "Dialog med Karen Holm");
    b.check_page("dialog-meeting").await;
    assert_eq!(dialogs(&app).await.len(), 1);

    c.goto(&format!("{base}/dialog")).await.unwrap();
    assert!(b.text("#next-dialog-heading + p").await.contains("Dialog med Karen Holm"));
    b.check_page("dialog-tool-next-dialog").await;
    b.close().await;
}
