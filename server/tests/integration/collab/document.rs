//! The group agreement as a Word file that LibreOffice opens and as a page
//! that prints; only for the group's own people.

use super::*;
use crate::support::office::open_docx;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_group_agreement_opens_in_libreoffice_and_prints() {
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    assert_eq!(lis.post_form(&format!("/collab/rounds/{round}/matrix"), &[("theme", "meetings"), ("quadrant", "act")]).await.status(), 303);
    let (follow, _, _) = crate::dialog_meetings::slot(45, 9, 0);
    let r = lis
        .post_form(
            &format!("/collab/rounds/{round}/agreement"),
            &[
                ("text-1", "Vores møder bruges til at drøfte og beslutte"),
                ("actions-1", "Orientering sendes skriftligt dagen før"),
                ("measure-1", "Mindst halvdelen af mødetiden går til drøftelser"),
                ("owner-1", n.anna.as_str()),
                ("follow_up_on-1", &follow),
                ("settle", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    super::confirm_settle(&lis, &round).await;
    let r = app.signed_in("carl@randers.dk").await.get(&format!("/collab/rounds/{round}/agreement.docx")).await;
    assert_eq!(r.status(), 200);
    let bytes = r.bytes().await.unwrap();
    if let Some(text) = open_docx(&bytes) {
        for expected in [
            "Gruppeaftale: Ledergruppe Nord",
            "Vores møder bruges til at drøfte og beslutte",
            "Orientering sendes skriftligt dagen før",
            "Mindst halvdelen af mødetiden går til drøftelser",
            "Anna Andersen",
            "Vores møder",
            "aftalen er indgået",
        ] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
    }
    let (status, body) = lis.page(&format!("/collab/rounds/{round}/print")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Vores møder bruges til at drøfte og beslutte") && body.contains("agreement.docx"));
    // Outside the group it does not exist; HR gets 403.
    app.person(&n.org, "Ole Olsen", "ole@randers.dk", &[Role::Leader]).await;
    let ole = app.signed_in("ole@randers.dk").await;
    assert_eq!(ole.get(&format!("/collab/rounds/{round}/agreement.docx")).await.status(), 404);
    assert_eq!(ole.page(&format!("/collab/rounds/{round}/print")).await.0, 404);
    let hr = app.signed_in("hr@randers.dk").await;
    assert_eq!(hr.get(&format!("/collab/rounds/{round}/agreement.docx")).await.status(), 403);
    let _ = (n.lis, n.carl);
}
