//! The interview guide's notes and the agreement editor.

use super::*;
use crate::both_backends;
use crate::support::app::location;

async fn guide_item(app: &TestApp, org: &Org, key: &str) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM catalogue_items WHERE org_id = $1 AND tool = 'dialog' AND item_key = $2")
        .bind(org.id.as_str())
        .bind(key)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

both_backends!(notes_are_saved_as_typed_and_stay_private, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (status, body) = mette.page("/dialog/guide").await;
    assert_eq!(status, 200);
    assert!(body.contains("Mål for din ledelsesopgave") && body.contains("Hvem kan ellers støtte dig"));
    let item = guide_item(&app, &t.org, "goals-main").await;

    // Autosave of one field, as app.js does it.
    let r = mette.post_form(&format!("/dialog/guide/notes/{item}"), &[("text", "Læreplanen og sygefraværet")]).await;
    assert_eq!(r.status(), 204);
    let (_, body) = mette.page("/dialog/guide").await;
    assert!(body.contains("Læreplanen og sygefraværet"));
    let (_, overview) = mette.page("/dialog").await;
    assert!(overview.contains("Du har skrevet noter til 1 af 17 spørgsmål."), "{overview}");

    // Too long: a clear message, and the saved note is unchanged.
    let r = mette.post_form(&format!("/dialog/guide/notes/{item}"), &[("text", &"x".repeat(4001))]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("højst"));
    let (_, body) = mette.page("/dialog/guide").await;
    assert!(body.contains("Læreplanen og sygefraværet"));

    // Without the CSRF token nothing is saved.
    let r = mette.post_raw(&format!("/dialog/guide/notes/{item}"), &[("text", "uden token")]).await;
    assert_eq!(r.status(), 403);

    // The whole form: every note at once; a bad one stops all.
    let other = guide_item(&app, &t.org, "nearest-frequency").await;
    let (a, b) = (format!("note-{item}"), format!("note-{other}"));
    let r = mette.post_form("/dialog/guide", &[(a.as_str(), "Ny tekst"), (b.as_str(), &"y".repeat(4001))]).await;
    assert_eq!(r.status(), 422);
    let (_, body) = mette.page("/dialog/guide").await;
    assert!(body.contains("Læreplanen og sygefraværet") && !body.contains("Ny tekst"));
    let r = mette.post_form("/dialog/guide", &[(a.as_str(), "Ny tekst"), (b.as_str(), "Hver fjortende dag")]).await;
    assert_eq!(r.status(), 303);

    // Nobody else sees them: not Karen (nearest leader), not HR.
    for email in ["karen@aarhus.dk", "hr@aarhus.dk", "bo@aarhus.dk"] {
        let (_, body) = app.signed_in(email).await.page("/dialog/guide").await;
        assert!(!body.contains("Hver fjortende dag") && !body.contains("Ny tekst"), "{email} sees Mette's notes");
    }

    // A hidden or unknown prompt takes no note.
    sqlx::query("UPDATE catalogue_items SET hidden = 1 WHERE id = $1").bind(&other).execute(&app.state.db.pool).await.unwrap();
    let r = mette.post_form(&format!("/dialog/guide/notes/{other}"), &[("text", "skjult")]).await;
    assert_eq!(r.status(), 404);
    let _ = t.mette;
});

both_backends!(edited_prompts_keep_the_wording_a_note_answered, |app: TestApp| async move {
    let t = team(&app).await;
    let item = guide_item(&app, &t.org, "goals-focus").await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    mette.post_form(&format!("/dialog/guide/notes/{item}"), &[("text", "Min leder og min kollega Ib")]).await;
    let hr = app.signed_in("hr@aarhus.dk").await;
    let r = hr
        .post_form(&format!("/admin/catalogue/items/{item}"), &[("text_da", "Hvem hjælper dig med at holde fokus?"), ("text_en", "Who helps you keep focus?")])
        .await;
    assert_eq!(r.status(), 303);
    let (_, body) = mette.page("/dialog/guide").await;
    assert!(body.contains("Hvem hjælper dig med at holde fokus?"));
    assert!(body.contains("Du skrev noten til en tidligere formulering"), "the old wording is shown");
    assert!(body.contains("Min leder og min kollega Ib"));
});

both_backends!(the_editor_refuses_bad_rows_and_changes_nothing, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let r = save_agreement(&mette, ROWS).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/dialog/agreement?notice=saved");
    assert_eq!(points_of(&app, &t.mette).await.len(), 5);

    let cases: &[(&[(&str, &str, &str, &str)], &str)] = &[
        (&[("self", "Pauser", "hver dag", "")], "Vælg, hvordan du følger op på aftalen."),
        (&[("self", "Pauser", "hver dag", "hourly")], "Vælg, hvordan du følger op på aftalen."),
        (&[("goal", "", "noget opfølgning", "")], "Skriv punktet."),
        (&[("goal", &"æ".repeat(501), "", "")], "Punktet må højst være 500 tegn."),
        (&[("manager", "Møde", &"x".repeat(301), "at_dialog")], "Opfølgningen må højst være 300 tegn."),
        (&[("wellbeing", "a", "", ""), ("wellbeing", "b", "", ""), ("wellbeing", "c", "", "")], "for mange punkter"),
        (&[("other", "a", "", "")], "ugyldige værdier"),
    ];
    for (rows, message) in cases {
        let r = save_agreement(&mette, rows).await;
        let status = r.status();
        let body = r.text().await.unwrap();
        assert_eq!(status, 422, "{rows:?}");
        assert!(body.contains(message), "{rows:?}: {message}");
        assert_eq!(points_of(&app, &t.mette).await.len(), 5, "{rows:?} changed the agreement");
    }
    // What was typed comes back, so nothing is lost.
    let r = save_agreement(&mette, &[("goal", &"æ".repeat(501), "", ""), ("goal", "Behold mig", "", "")]).await;
    assert!(r.text().await.unwrap().contains("Behold mig"));
});

both_backends!(editing_keeps_a_points_history_and_clears_agreed_marks, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    let points = points_of(&app, &t.mette).await;
    let daily = points.iter().find(|p| p.3 == "daily").unwrap().0.clone();
    assert_eq!(mette.post_form(&format!("/dialog/points/{daily}/tick"), &[("kept", "yes")]).await.status(), 303);
    assert_eq!(mette.post_form("/dialog/agreement/agreed", &[("agreed", "yes")]).await.status(), 303);
    // The editor says what saving a change will do, before it is done (issue 17, item 5).
    let (_, body) = mette.page("/dialog/agreement").await;
    assert!(body.contains("skal I begge markere den som aftalt igen"), "{body}");

    // Edit the daily point's wording by its id and drop the goal.
    let mut fields: Vec<(String, String)> = Vec::new();
    for (n, p) in points.iter().enumerate().filter(|(_, p)| p.1 != "goal") {
        let text = if p.0 == daily { "Mail lukkes kl. 16.30".to_string() } else { p.2.clone() };
        fields.extend([
            (format!("p-{n}-kind"), p.1.clone()),
            (format!("p-{n}-id"), p.0.clone()),
            (format!("p-{n}-text"), text),
            (format!("p-{n}-follow"), String::new()),
            (format!("p-{n}-rhythm"), p.3.clone()),
        ]);
    }
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(mette.post_form("/dialog/agreement", &borrowed).await.status(), 303);
    let after = points_of(&app, &t.mette).await;
    assert_eq!(after.len(), 4);
    assert!(after.iter().any(|p| p.0 == daily && p.2 == "Mail lukkes kl. 16.30"));
    let (ticks,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM check_ins WHERE point_id = $1").bind(&daily).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(ticks, 1, "the tick stays with the edited point");
    let (agreed,): (Option<String>,) = sqlx::query_as("SELECT agreed_by_leader_at FROM agreements WHERE person_id = $1")
        .bind(t.mette.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(agreed, None, "a changed agreement is no longer agreed");
    let (_, body) = mette.page("/dialog/agreement").await;
    assert!(!body.contains("skal I begge markere den som aftalt igen"), "nothing is marked now");
});

both_backends!(the_sample_fills_an_empty_agreement_only, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (_, sample) = mette.page("/dialog/sample").await;
    assert!(sample.contains("Jeg tjekker mails fire gange om dagen"));
    let r = mette.post_form("/dialog/agreement/from-sample", &[]).await;
    assert_eq!(location(&r), "/dialog/agreement?notice=sample-used");
    let points = points_of(&app, &t.mette).await;
    assert_eq!(points.len(), 10);
    assert_eq!(points.iter().filter(|p| p.1 == "wellbeing").count(), 2);
    let r = mette.post_form("/dialog/agreement/from-sample", &[]).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("Eksemplet lægges kun ind i en tom aftale."));
    assert_eq!(points_of(&app, &t.mette).await.len(), 10);
    // In English the sample is English.
    let bo = app.signed_in("bo@aarhus.dk").await;
    bo.post_form("/language", &[("lang", "en"), ("next", "/")]).await;
    bo.post_form("/dialog/agreement/from-sample", &[]).await;
    assert!(points_of(&app, &t.bo).await.iter().any(|p| p.2 == "I check e-mail four times a day – and not in the evening."));
});

both_backends!(sharing_is_chosen_point_by_point_and_can_be_withdrawn, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    save_agreement(&mette, ROWS).await;
    let points = points_of(&app, &t.mette).await;
    let (a, b) = (points[0].0.clone(), points[4].0.clone());
    let r = mette.post_form("/dialog/agreement/share", &[("point", &a), ("point", &b)]).await;
    assert_eq!(location(&r), "/dialog/agreement?notice=shared#share");
    let shared: Vec<String> = points_of(&app, &t.mette).await.into_iter().filter(|p| p.4 == 1).map(|p| p.0).collect();
    assert_eq!(shared.len(), 2);
    let (with,): (Option<String>,) = sqlx::query_as("SELECT shared_with_id FROM agreements WHERE person_id = $1")
        .bind(t.mette.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(with.as_deref(), Some(t.karen.as_str()));
    // Another leader's point ids change nothing of Bo's or Mette's.
    let bo = app.signed_in("bo@aarhus.dk").await;
    save_agreement(&bo, &ROWS[..1]).await;
    bo.post_form("/dialog/agreement/share", &[("point", &points[1].0)]).await;
    assert_eq!(points_of(&app, &t.mette).await.iter().filter(|p| p.4 == 1).count(), 2);

    let r = mette.post_form("/dialog/agreement/share", &[("withdraw", "1"), ("point", &a)]).await;
    assert_eq!(location(&r), "/dialog/agreement?notice=unshared#share");
    assert_eq!(points_of(&app, &t.mette).await.iter().filter(|p| p.4 == 1).count(), 0);
    let (with,): (Option<String>,) = sqlx::query_as("SELECT shared_with_id FROM agreements WHERE person_id = $1")
        .bind(t.mette.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(with, None);

    // Without a nearest leader there is no one to share with.
    sqlx::query("UPDATE persons SET nearest_leader_id = NULL WHERE id = $1").bind(t.mette.as_str()).execute(&app.state.db.pool).await.unwrap();
    let r = mette.post_form("/dialog/agreement/share", &[("point", &a)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Du har ingen nærmeste leder at dele med."));
});

// Found by scripts/chaos.sh (session 25): on SQLite, saving the agreement
// while others wrote failed with 500 "database is locked" (SQLITE_BUSY_SNAPSHOT)
// for about one save in five, even with nothing else wrong: its transaction
// read the points before it wrote them, and a deferred transaction that has
// read cannot take the write lock once another write has landed. It now takes
// the write lock first (`Db::begin_write`).
both_backends!(the_agreement_is_saved_while_others_write, |app: TestApp| async move {
    let t = team(&app).await;
    let item = guide_item(&app, &t.org, "goals-main").await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let writers: Vec<_> = ["karen@aarhus.dk", "bo@aarhus.dk"]
        .into_iter()
        .map(|email| {
            let (app, item) = (&app, item.clone());
            async move {
                let c = app.signed_in(email).await;
                for n in 0..120 {
                    let r = c.post_form(&format!("/dialog/guide/notes/{item}"), &[("text", &format!("note {n}"))]).await;
                    assert_eq!(r.status(), 204);
                }
            }
        })
        .collect();
    let saves = async {
        let mut refused = Vec::new();
        for n in 0..40 {
            let text = format!("Mål nummer {n}");
            let rows = [("goal", text.as_str(), "", ""), ("self", "Mail lukkes kl. 17", "Flueben", "daily")];
            let r = save_agreement(&mette, &rows).await;
            if r.status() != 303 {
                refused.push(r.status());
            }
        }
        refused
    };
    let (refused, _) = tokio::join!(saves, futures_util::future::join_all(writers));
    assert!(refused.is_empty(), "saves refused while others wrote: {refused:?}");
    assert_eq!(points_of(&app, &t.mette).await[0].2, "Mål nummer 39");
});
