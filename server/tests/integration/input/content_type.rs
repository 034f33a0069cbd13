//! Issue 16 item 3: a JSON or multipart body with a valid token in the
//! `X-CSRF-Token` header was read as a form without fields: Skema 1's 13
//! answers became 0 while the leader counted as handed in, an agreement lost
//! its points, a guide note was deleted. Now such a body gets 415 and the
//! Danish error page, and a form without the hidden `csrf` field (the marker
//! every form of ours sends) is refused too; nothing changes.

use super::*;
use crate::agreement::{points_of, save_agreement, team, ROWS};
use crate::apv::{count, map, nord, start_round, themes};
use crate::both_backends;
use crate::support::TestApp;

const JSON: &str = "application/json";

/// Asserts the answer is 415 with the product's Danish error page.
async fn refused_as_not_a_form(r: reqwest::Response, what: &str) {
    assert_eq!(r.status(), 415, "{what}");
    let body = r.text().await.unwrap();
    assert!(body.contains(NOT_A_FORM) && body.contains("<html"), "{what}: {body}");
}

both_backends!(a_skema_1_is_not_erased_by_a_body_that_is_not_a_form, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &round).await;
    let marks: Vec<(usize, &str, &str)> = (0..revs.len()).map(|i| (i, "yellow", "Travlt")).collect();
    assert_eq!(map(&lis, &round, &revs, &marks, false).await.status(), 303);
    let answers = "SELECT COUNT(*) FROM apv_answers WHERE round_id = $1";
    let respondents = "SELECT COUNT(*) FROM apv_respondents WHERE round_id = $1";
    assert_eq!(count(&app, answers, &round).await, 13);

    let path = format!("/apv/rounds/{round}/map");
    refused_as_not_a_form(post_with_header(&lis, &path, JSON, br#"{"hand_in":"1"}"#.to_vec()).await, "JSON").await;
    refused_as_not_a_form(post_multipart(&lis, &path, &[("hand_in", "1")]).await, "multipart").await;
    refused_as_not_a_form(post_with_header(&lis, &path, "text/plain", b"hand_in=1".to_vec()).await, "text").await;
    refused_as_not_a_form(
        post_with_header(&lis, &path, "application/x-www-form-urlencoded; charset=iso-8859-1", b"hand_in=1".to_vec()).await,
        "another charset",
    )
    .await;
    // A urlencoded body with the token only in the header is not one of our forms.
    let r = post_with_header(&lis, &path, "application/x-www-form-urlencoded", b"hand_in=1".to_vec()).await;
    assert_eq!(r.status(), 403);
    assert_eq!(count(&app, answers, &round).await, 13, "every answer is kept");
    assert_eq!(count(&app, respondents, &round).await, 0, "nothing was handed in");
    let (_, body) = lis.page(&path).await;
    assert_eq!(body.matches(">Travlt</textarea>").count(), 13, "the form shows every answer still");
});

both_backends!(an_agreement_and_a_guide_note_are_not_erased_by_a_body_that_is_not_a_form, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    assert_eq!(save_agreement(&mette, ROWS).await.status(), 303);
    let before = points_of(&app, &t.mette).await;
    assert_eq!(before.len(), ROWS.len());
    refused_as_not_a_form(post_with_header(&mette, "/dialog/agreement", JSON, b"{}".to_vec()).await, "JSON agreement").await;
    refused_as_not_a_form(post_multipart(&mette, "/dialog/agreement", &[("p-0-text", "Kun denne")]).await, "multipart agreement").await;
    let r = post_with_header(&mette, "/dialog/agreement", "application/x-www-form-urlencoded", Vec::new()).await;
    assert_eq!(r.status(), 403, "an empty form with the token in the header only");
    assert_eq!(points_of(&app, &t.mette).await, before, "the agreement keeps its points");

    let (item,): (String,) = sqlx::query_as("SELECT id FROM catalogue_items WHERE org_id = $1 AND tool = 'dialog' AND item_key = 'goals-main'")
        .bind(t.org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let path = format!("/dialog/guide/notes/{item}");
    assert_eq!(mette.post_form(&path, &[("text", "Læreplanen og sygefraværet")]).await.status(), 204);
    refused_as_not_a_form(post_with_header(&mette, &path, JSON, br#"{"text":""}"#.to_vec()).await, "JSON note").await;
    refused_as_not_a_form(post_multipart(&mette, &path, &[("text", "")]).await, "multipart note").await;
    assert_eq!(post_with_header(&mette, &path, "application/x-www-form-urlencoded", Vec::new()).await.status(), 403);
    let notes: Vec<(String,)> = sqlx::query_as("SELECT text FROM guide_notes WHERE person_id = $1").bind(t.mette.as_str()).fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(notes, vec![("Læreplanen og sygefraværet".to_string(),)], "the note is kept");

    // In English for an English account.
    assert_eq!(mette.post_form("/account/language", &[("lang", "en")]).await.status(), 303);
    let r = post_with_header(&mette, "/dialog/agreement", JSON, b"{}".to_vec()).await;
    assert_eq!(r.status(), 415);
    assert!(r.text().await.unwrap().contains("was not a form from the page"));
});
