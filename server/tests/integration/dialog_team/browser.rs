//! Both sides of a shared agreement in real browsers, as two people: the
//! leader shares, the nearest leader finds it from the start page, reads,
//! comments (a mistake first) and marks it agreed; the leader sees the
//! comment, answers and agrees. axe-core at phone and desktop width on
//! every new page and state.

use crate::agreement::team;
use crate::support::browser::{Browser, DESKTOP};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leader_and_nearest_leader_settle_the_agreement() {
    let Some(leader) = Browser::launch().await else {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
        return;
    };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let t = team(&app).await;
    let base = app.base.clone();

    // Mette starts from the sample and shares every point with Karen.
    leader.set_size(DESKTOP.0, DESKTOP.1).await;
    leader.sign_in(&base, "mette@aarhus.dk").await;
    leader.client().goto(&format!("{base}/dialog/agreement")).await.unwrap();
    leader.submit(".lt-sample-offer button[type=submit]").await;
    leader
        .client()
        .execute("document.querySelectorAll('input[name=point]').forEach(e => { e.checked = true; });", vec![])
        .await
        .unwrap();
    leader.submit("form[action='/dialog/agreement/share'] button.button-primary").await;
    assert!(leader.text("[role=status]").await.contains("Delingen er gemt."));

    // Karen: the start page says something waits, "Mine ledere" leads to it.
    let nearest = leader.new_context().await;
    nearest.set_size(DESKTOP.0, DESKTOP.1).await;
    nearest.sign_in(&base, "karen@aarhus.dk").await;
    assert!(nearest.text("#team").await.contains("Én aftale venter på, at du markerer den som aftalt."));
    nearest.check_page("team-start").await;
    nearest.submit("#team a[href='/team']").await;
    assert_eq!(nearest.text("h1").await, "Mine ledere");
    nearest.check_page("team-index").await;
    nearest.submit(".lt-team h2 a").await;
    assert_eq!(nearest.text("h1").await, "Lederaftale: Mette Lund");
    nearest.check_page("team-agreement").await;

    // A comment left empty, then written.
    nearest.submit(".lt-comment-form button[type=submit]").await;
    assert!(nearest.text("#form-errors").await.contains("Skriv en kommentar."));
    nearest.check_page("team-agreement-errors").await;
    nearest.fill("comment", "Lad os tale om mailen på vores næste møde.").await;
    nearest.submit(".lt-comment-form button[type=submit]").await;
    assert!(nearest.text("[role=status]").await.contains("Din kommentar er sendt."));
    assert!(nearest.text(".lt-thread").await.contains("Lad os tale om mailen på vores næste møde."));
    nearest.submit("form[action$='/agreed'] button[value=yes]").await;
    assert!(nearest.text("#agreed ~ form").await.contains("Du markerede aftalen som aftalt"));
    nearest.check_page("team-agreement-agreed").await;

    // Mette sees Karen's comment and mark, answers and agrees.
    leader.client().goto(&format!("{base}/dialog/agreement")).await.unwrap();
    assert!(leader.text(".lt-thread").await.contains("Lad os tale om mailen på vores næste møde."));
    assert!(leader.text("#agreed ~ p").await.contains("Din nærmeste leder har markeret aftalen som aftalt."));
    leader.fill("comment", "God idé. Jeg tager min uge med.").await;
    leader.submit(".lt-comment-form button[type=submit]").await;
    assert!(leader.text(".lt-thread").await.contains("God idé. Jeg tager min uge med."));
    leader.submit("form[action='/dialog/agreement/agreed'] button[value=yes]").await;
    assert!(leader.text("[role=status]").await.contains("Du har markeret aftalen som aftalt."));
    leader.check_page("dialog-agreement-conversation").await;

    // Karen sees the answer, and both marks.
    nearest.client().goto(&format!("{base}/team")).await.unwrap();
    assert!(nearest.text(".lt-team").await.contains("Venter på dit svar."));
    nearest.submit(".lt-team h2 a").await;
    assert!(nearest.text(".lt-thread").await.contains("God idé. Jeg tager min uge med."));
    assert!(nearest.text("#agreed + p").await.contains("Mette Lund markerede aftalen som aftalt"));
    let _ = t;
    nearest.close().await;
    leader.close().await;
}
