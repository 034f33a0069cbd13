//! The demo's thread: a lift waiting in Lars's group, one taken into the
//! group's work, and one lifted on to the organisation, each seen by the
//! people involved as they would meet it.

use super::*;
use crate::both_backends;

async fn demo_client(app: &TestApp, email: &str) -> TestClient {
    let client = app.client();
    let r = client.post_form("/login", &[("email", email), ("password", ledertrivsel::demo::PASSWORD)]).await;
    assert_eq!(r.status(), 303, "sign-in as {email}");
    client
}

both_backends!(the_demo_shows_the_thread_at_every_level, |app: TestApp| async move {
    ledertrivsel::demo::create(&app.state.db, &app.state.shipped, app.state.clock.now()).await.unwrap().unwrap();
    let rows: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT to_level, status, attributed FROM lifts WHERE source_kind <> 'apv_theme' ORDER BY created_at")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    let rows: Vec<(&str, &str, i64)> = rows.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), *c)).collect();
    assert_eq!(
        rows,
        vec![("group", "taken", 0), ("group", "handled_elsewhere", 0), ("organisation", "open", 1), ("group", "open", 1)]
    );

    // Lars leads Børn og Unge: Thomas's lift waits for him, with Thomas's name; Anne's is answered, without hers.
    let lars = demo_client(&app, "lars.nielsen@fjordby.dk").await;
    let (_, start) = lars.page("/").await;
    assert!(start.contains("Ét løftet punkt venter på dit svar i Ledergruppen i Børn og Unge"), "{start}");
    let (group,): (String,) = sqlx::query_as("SELECT id FROM leader_groups WHERE name = 'Ledergruppen i Børn og Unge'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let (status, inbox) = lars.page(&format!("/groups/{group}/inbox")).await;
    assert_eq!(status, 200);
    assert!(inbox.contains("Thomas Vinther Hansen") && inbox.contains("Taget med i arbejdet"));
    assert!(!inbox.contains("Anne"), "Anne sent hers without her name");

    // Anne reads the answer on her point's page.
    let anne = demo_client(&app, "anne.kristensen@fjordby.dk").await;
    let (point,): (String,) = sqlx::query_as("SELECT source_id FROM lifts WHERE status = 'taken' AND source_kind = 'agreement_point'").fetch_one(&app.state.db.pool).await.unwrap();
    let (status, page) = anne.page(&format!("/dialog/points/{point}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Dig, sendt uden dit navn") && page.contains("hvert andet ledermøde"));

    // HR has the lifted-on point waiting, from the group and its leader, not
    // from Pia, and one of the APV themes Teknik, Kultur og Fritid sent up.
    let hr = demo_client(&app, "hr@fjordby.dk").await;
    let (_, start) = hr.page("/").await;
    assert!(start.contains("2 løftede punkter venter på svar i organisationens indbakke"), "{start}");
    let (_, inbox) = hr.page("/admin/inbox").await;
    assert!(inbox.contains("Fra Ledergruppen i Social og Sundhed") && inbox.contains("Mette Kjær Andersen"));
    assert!(!inbox.contains("Pia") && !inbox.contains("vagtplanen"), "the first sender's name and words stay in the group");
    // Pia sees that her point went on to the organisation.
    let pia = demo_client(&app, "pia.lauridsen@fjordby.dk").await;
    let (pia_point,): (String,) =
        sqlx::query_as("SELECT source_id FROM lifts WHERE status = 'handled_elsewhere'").fetch_one(&app.state.db.pool).await.unwrap();
    let (_, page) = pia.page(&format!("/dialog/points/{pia_point}")).await;
    assert!(page.contains("Løftet videre til organisationen") && page.contains("Håndteres et andet sted"));
});
