//! Issue 16 item 4: a NUL in a guest's name was stored on SQLite (and the
//! backup then did not restore into PostgreSQL) and answered 500 on
//! PostgreSQL; NUL was taken in live command ids; bytes that are not UTF-8
//! were stored as replacement characters with a 2xx. Every posted field and
//! every live command is now refused in Danish instead, and nothing is kept.

use super::*;
use crate::agreement::team;
use crate::both_backends;
use crate::live::socket::Ws;
use crate::live::{guest, start};
use crate::support::TestApp;
use serde_json::json;

async fn participants(app: &TestApp, session: &str) -> (i64, i64) {
    let (people,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM live_participants WHERE session_id = $1").bind(session).fetch_one(&app.state.db.pool).await.unwrap();
    let (events,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM live_events WHERE session_id = $1").bind(session).fetch_one(&app.state.db.pool).await.unwrap();
    (people, events)
}

both_backends!(a_guest_name_with_nul_or_bad_bytes_is_refused_in_danish, |app: TestApp| async move {
    app.org("Silkeborg Kommune", "hr@silkeborg.dk").await;
    let hr = app.signed_in("hr@silkeborg.dk").await;
    let (id, code) = start(&app, &hr, "organisation:prioritise").await;
    let before = participants(&app, &id).await;

    let path = format!("/join/{code}");
    for (body, message) in [
        (&b"name=G%C3%A6st%00"[..], HIDDEN),
        (b"name=%00", HIDDEN),
        (b"name=G%E6st", UNREADABLE),
        (b"name=G\xe6st", UNREADABLE),
        (b"na%FFme=G%C3%A6st", UNREADABLE),
    ] {
        let g = TestClient::new(&app.base);
        assert_eq!(g.page(&path).await.0, 200);
        let r = post_bytes(&g, &path, body).await;
        assert_eq!(r.status(), 400, "{body:?}");
        let page = r.text().await.unwrap();
        assert!(page.contains(message), "{body:?}: {page}");
    }
    assert_eq!(participants(&app, &id).await, before, "nobody joined, nothing was written");
    // The same name typed properly joins.
    guest(&app.base, &code, "Gæst").await;
    assert_eq!(participants(&app, &id).await.0, before.0 + 1);
});

both_backends!(bad_bytes_in_any_form_change_nothing, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (item,): (String,) = sqlx::query_as("SELECT id FROM catalogue_items WHERE org_id = $1 AND tool = 'dialog' AND item_key = 'goals-main'")
        .bind(t.org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let path = format!("/dialog/guide/notes/{item}");
    assert_eq!(mette.post_form(&path, &[("text", "Første linje\r\nAnden linje")]).await.status(), 204, "line breaks are text");
    for (body, message) in [(&b"text=S%F8ren"[..], UNREADABLE), (b"text=Ny%00note", HIDDEN), (b"text=farve%1B%5B31m", HIDDEN)] {
        let r = post_bytes(&mette, &path, body).await;
        assert_eq!(r.status(), 400, "{body:?}");
        assert!(r.text().await.unwrap().contains(message), "{body:?}");
    }
    let notes: Vec<(String,)> = sqlx::query_as("SELECT text FROM guide_notes WHERE person_id = $1").bind(t.mette.as_str()).fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(notes, vec![("Første linje\nAnden linje".to_string(),)]);
});

both_backends!(live_commands_with_hidden_characters_are_refused_in_danish, |app: TestApp| async move {
    app.org("Silkeborg Kommune", "hr@silkeborg.dk").await;
    let hr = app.signed_in("hr@silkeborg.dk").await;
    let (id, code) = start(&app, &hr, "organisation:prioritise").await;
    let gitte = guest(&app.base, &code, "Gitte Gæst").await;
    let mut g = Ws::connect(&gitte, &id, 0).await;
    let before = participants(&app, &id).await.1;

    // A NUL in the command's id.
    g.send_raw(r#"{"id":"n\u0000ul","cmd":{"type":"note","text":"Hej"}}"#).await;
    let answer = g.until(|m| m["type"] == "refused" || m["type"] == "ack").await.0;
    assert_eq!(answer["type"], "refused", "{answer}");
    assert!(answer["message"].as_str().unwrap().starts_with(HIDDEN), "{answer}");
    // In a note's text, and other hidden characters.
    for text in ["Hej\u{0}", "\u{1b}[31mRød", "Hej\u{7f}"] {
        let message = g.refused(json!({"type": "note", "text": text})).await;
        assert!(message.starts_with(HIDDEN), "{text:?}: {message}");
    }
    assert_eq!(participants(&app, &id).await.1, before, "nothing was written");
    // A note over several lines is fine.
    g.ok(json!({"type": "note", "text": "Første linje\nAnden linje"})).await;
    assert_eq!(participants(&app, &id).await.1, before + 1);
});
