//! Issue 16 item 3, its last part: "never treat a missing field as erase
//! unless the form says so". A urlencoded body with the right token but none
//! of the form's own fields was read as an empty form: Skema 1's answers, the
//! agreement's points and a note were erased (and Skema 1 counted as handed
//! in). A form that replaces what is saved now names the fields it always
//! sends (`auth::csrf::WholeForm`); a body without any of them gets 400 with
//! a Danish message, and nothing changes.

use super::post_bytes;
use crate::agreement::{points_of, save_agreement, team, ROWS};
use crate::apv::{count, map, nord, start_round, themes};
use crate::both_backends;
use crate::support::{TestApp, TestClient};

/// The Danish message for a form that did not arrive whole.
const INCOMPLETE: &str = "Formularen kom ikke helt frem, så intet blev gemt eller slettet";

/// Posts `body` (the token is added) and asserts 400 with the Danish message.
async fn refused_as_incomplete(client: &TestClient, path: &str, body: &[u8], what: &str) {
    let r = post_bytes(client, path, body).await;
    let status = r.status();
    let text = r.text().await.unwrap();
    assert_eq!(status, 400, "{what}: {text}");
    assert!(text.contains(INCOMPLETE), "{what}: {text}");
}

both_backends!(a_skema_1_is_not_erased_by_a_form_with_only_its_token, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &round).await;
    let marks: Vec<(usize, &str, &str)> = (0..revs.len()).map(|i| (i, "yellow", "Travlt")).collect();
    assert_eq!(map(&lis, &round, &revs, &marks, false).await.status(), 303);
    let answers = "SELECT COUNT(*) FROM apv_answers WHERE round_id = $1 AND yellow = 'Travlt'";
    let respondents = "SELECT COUNT(*) FROM apv_respondents WHERE round_id = $1";
    assert_eq!(count(&app, answers, &round).await, 13);

    let path = format!("/apv/rounds/{round}/map");
    refused_as_incomplete(&lis, &path, b"", "the token alone").await;
    refused_as_incomplete(&lis, &path, b"hand_in=1", "handing in without a theme").await;
    let theme = format!("theme={}", revs[0].0);
    refused_as_incomplete(&lis, &format!("{path}/theme"), theme.as_bytes(), "one theme without its fields").await;
    assert_eq!(count(&app, answers, &round).await, 13, "every answer is kept");
    assert_eq!(count(&app, respondents, &round).await, 0, "nothing was handed in");

    // A whole form that leaves a theme's boxes empty still clears that theme.
    let cleared = format!("theme={0}&k-{0}-yellow=&k-{0}-red=&k-{0}-green=", revs[0].0);
    let r = post_bytes(&lis, &format!("{path}/theme"), cleared.as_bytes()).await;
    assert_eq!(r.status(), 204, "{}", r.text().await.unwrap());
    assert_eq!(count(&app, answers, &round).await, 12, "the form said so");
});

both_backends!(an_agreement_and_notes_are_not_erased_by_a_form_with_only_its_token, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    assert_eq!(save_agreement(&mette, ROWS).await.status(), 303);
    let before = points_of(&app, &t.mette).await;
    assert_eq!(before.len(), ROWS.len());
    refused_as_incomplete(&mette, "/dialog/agreement", b"", "the agreement, token alone").await;
    refused_as_incomplete(&mette, "/dialog/agreement", b"p-0-text=", "the agreement without its rows").await;
    assert_eq!(points_of(&app, &t.mette).await, before, "the agreement keeps its points");

    let (item,): (String,) = sqlx::query_as("SELECT id FROM catalogue_items WHERE org_id = $1 AND tool = 'dialog' AND item_key = 'goals-main'")
        .bind(t.org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let path = format!("/dialog/guide/notes/{item}");
    assert_eq!(mette.post_form(&path, &[("text", "Læreplanen og sygefraværet")]).await.status(), 204);
    refused_as_incomplete(&mette, &path, b"", "a guide note").await;
    let notes = "SELECT COUNT(*) FROM guide_notes WHERE person_id = $1";
    assert_eq!(crate::apv::count(&app, notes, t.mette.as_str()).await, 1, "the note is kept");
    // An emptied box is how a note is deleted, and still is.
    assert_eq!(post_bytes(&mette, &path, b"text=").await.status(), 204);
    assert_eq!(crate::apv::count(&app, notes, t.mette.as_str()).await, 0);

    assert_eq!(mette.post_form("/cards/wellbeing/notes/w-role", &[("text", "Tid til mine medarbejdere")]).await.status(), 204);
    refused_as_incomplete(&mette, "/cards/wellbeing/notes/w-role", b"", "a card note").await;
    let cards = "SELECT COUNT(*) FROM card_notes WHERE person_id = $1";
    assert_eq!(crate::apv::count(&app, cards, t.mette.as_str()).await, 1, "the card note is kept");

    // In English for an English account.
    assert_eq!(mette.post_form("/account/language", &[("lang", "en")]).await.status(), 303);
    let r = post_bytes(&mette, "/dialog/agreement", b"").await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("The form did not arrive whole"));
});
