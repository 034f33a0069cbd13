//! The round's APV documentation: a Word file that LibreOffice opens, with
//! the picture, the plans and the law's answers, and the same as a page
//! that prints; outside the group only what the outsider may see.

use super::*;
use crate::support::office::open_docx;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_round_documents_what_the_law_asks_and_opens_in_libreoffice() {
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &round).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk"] {
        handed_in(&app.signed_in(email).await, &round, &revs, &[(1, "red", "Sent besked"), (0, "yellow", "")]).await;
    }
    assert_eq!(lis.post_form(&format!("/apv/rounds/{round}/choose"), &[("theme", revs[1].0.as_str())]).await.status(), 303);
    let (plan,): (String,) = sqlx::query_as("SELECT id FROM apv_plans WHERE round_id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();
    let r = lis
        .post_form(&format!("/apv/plans/{plan}"), &[("issue", "Beslutninger når for sent frem"), ("severity", "Alvorligt for alle tre"), ("follow_up_on", "2027-03-04")])
        .await;
    assert_eq!(r.status(), 303);
    let r = lis.post_form(&format!("/apv/plans/{plan}/actions"), &[("text", "Fast punkt på ledermødet"), ("owner", n.lis.as_str()), ("due_on", "2027-01-15")]).await;
    assert_eq!(r.status(), 303);
    let next_year = (time::OffsetDateTime::now_utc().date() + time::Duration::days(360)).to_string();
    let r = lis
        .post_form(
            &format!("/apv/rounds/{round}/report"),
            &[("absence", "partly"), ("absence_note", "Travlhed ved to sygemeldinger"), ("amo_on", "2026-12-01"), ("amo_note", "AMO deltog"), ("next_due", next_year.as_str())],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(lis.post_form(&format!("/apv/rounds/{round}/close"), &[]).await.status(), 303);

    let r = app.signed_in("anna@randers.dk").await.get(&format!("/apv/rounds/{round}/report.docx")).await;
    assert_eq!(r.status(), 200);
    let bytes = r.bytes().await.unwrap();
    if let Some(text) = open_docx(&bytes) {
        for expected in [
            "Leder-APV: Ledergruppe Nord",
            "Information og beslutninger",
            "Beslutninger når for sent frem",
            "Alvorligt for alle tre",
            "Fast punkt på ledermødet",
            "Lis Leder",
            "Delvist",
            "Travlhed ved to sygemeldinger",
            "AMO deltog",
            "1. december 2026",
        ] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
    }
    let (status, body) = lis.page(&format!("/apv/rounds/{round}/print")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Beslutninger når for sent frem") && body.contains("Travlhed ved to sygemeldinger") && body.contains("report.docx"));
    let doc = Html::parse_document(&body);
    let first = doc.select(&Selector::parse("tbody tr").unwrap()).next().unwrap().text().collect::<Vec<_>>().join("|");
    assert!(first.contains("Information og beslutninger") && first.contains('3'), "most red first: {first}");

    // HR (outside, k = 5) gets the plans and the report but not a picture of three.
    let (status, body) = app.signed_in("hr@randers.dk").await.page(&format!("/apv/rounds/{round}/print")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Billedet kan ikke vises her") && body.contains("Beslutninger når for sent frem"));
    app.org("Viborg Kommune", "hr@viborg.dk").await;
    let other = app.signed_in("hr@viborg.dk").await;
    assert_eq!(other.get(&format!("/apv/rounds/{round}/report.docx")).await.status(), 404);
    assert_eq!(other.page(&format!("/apv/rounds/{round}/print")).await.0, 404);
}
