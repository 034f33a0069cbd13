//! A theme the group sorted as the organisation's goes up through the
//! thread: the group's leader sends it in the group's words, HR answers in
//! the organisation's inbox, and the whole group reads the answer.

use super::*;
use crate::both_backends;

both_backends!(organisation_themes_go_up_and_the_answer_comes_back, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &round).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk"] {
        handed_in(&app.signed_in(email).await, &round, &revs, &[(1, "red", "Besked for sent"), (0, "yellow", "")]).await;
    }
    lis.reveal(&format!("/apv/rounds/{round}")).await;
    let meeting = format!("/apv/rounds/{round}/meeting");
    assert!(!lis.page(&meeting).await.1.contains("Temaer for organisationen"), "nothing sorted yet");
    let (info, demands) = (revs[1].0.clone(), revs[0].0.clone());
    let field = format!("s-{info}-red");
    assert_eq!(lis.post_form(&format!("/apv/rounds/{round}/sorting"), &[(field.as_str(), "organisation")]).await.status(), 303);
    let (_, body) = lis.page(&meeting).await;
    assert!(body.contains("Temaer for organisationen") && body.contains("Information og beslutninger – Stop op"), "{body}");

    let lift = format!("/apv/rounds/{round}/lift");
    let text = "Beslutninger om budget når for sent frem til lederne";
    let r = lis.post_form(&lift, &[("rev", info.as_str()), ("colour", "red"), ("text", text)]).await;
    assert_eq!(r.status(), 422, "the choice of name is required");
    let r = lis.post_form(&lift, &[("rev", demands.as_str()), ("colour", "yellow"), ("text", text), ("attributed", "no")]).await;
    assert_eq!(r.status(), 422, "only themes sorted as the organisation's");
    assert!(r.text().await.unwrap().contains("Kun temaer, I har placeret som temaer for organisationen"));
    assert_eq!(carl.post_form(&lift, &[("rev", info.as_str()), ("colour", "red"), ("text", text), ("attributed", "no")]).await.status(), 403);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM lifts WHERE org_id = $1", n.org.id.as_str()).await, 0);
    let r = lis.post_form(&lift, &[("rev", info.as_str()), ("colour", "red"), ("text", text), ("attributed", "no")]).await;
    assert_eq!(r.status(), 303);
    let r = lis.post_form(&lift, &[("rev", info.as_str()), ("colour", "red"), ("text", text), ("attributed", "no")]).await;
    assert_eq!(r.status(), 422, "sent once");

    // HR reads it in the organisation's inbox, from the group, without Lis's name.
    let hr = app.signed_in("hr@randers.dk").await;
    let (_, inbox) = hr.page("/admin/inbox").await;
    assert!(inbox.contains(text) && inbox.contains("Fra leder-APV&#39;en i Ledergruppe Nord") && !inbox.contains("Lis Leder"), "{inbox}");
    let (id,): (String,) = sqlx::query_as("SELECT id FROM lifts WHERE source_kind = 'apv_theme'").fetch_one(&app.state.db.pool).await.unwrap();
    let r = hr.post_form(&format!("/admin/inbox/{id}/answer"), &[("status", "taken"), ("answer", "Direktionen sender referat samme dag fra januar")]).await;
    assert_eq!(r.status(), 303);

    // The whole group reads the answer on the meeting page.
    let (_, body) = carl.page(&meeting).await;
    assert!(body.contains(text) && body.contains("Direktionen sender referat samme dag fra januar"), "{body}");
    assert!(!body.contains(&format!("action=\"{lift}\"")), "only the group's leader sends");
});
