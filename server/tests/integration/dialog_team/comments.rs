//! The conversation and both "agreed" marks: the nearest leader comments
//! and marks the agreement agreed, the leader answers and agrees; the start
//! page counts what waits; bad input changes nothing; a deleted author's
//! comments stay without a name.

use super::*;
use crate::both_backends;
use crate::support::app::location;

both_backends!(comments_and_agreed_marks_go_both_ways, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (id, points) = shared_agreement(&app, &t, &mette).await;
    let read = format!("/team/agreements/{id}");
    let karen = app.signed_in("karen@aarhus.dk").await;

    // Karen's start page: one agreement waits for her mark, no comment yet.
    let (_, start) = karen.page("/").await;
    assert!(start.contains("Mine ledere") && start.contains("href=\"/team\""), "{start}");
    assert!(start.contains("Én aftale venter på, at du markerer den som aftalt."));
    assert!(start.contains("Ingen kommentarer venter på dit svar."));
    // Mette has no reports and nothing shared with her: no such section.
    let (_, start) = mette.page("/").await;
    assert!(!start.contains("Mine ledere"));

    let r = karen.post_form(&format!("{read}/comments"), &[("comment", "Skal vi tage prioriteringen først på ugemødet?"), ("point", &points[4])]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("{read}?notice=commented#comment-form"));
    let (_, page) = karen.page(&location(&r)).await;
    assert!(page.contains("Din kommentar er sendt."));
    assert!(page.contains("Skal vi tage prioriteringen først på ugemødet?"));
    // Written for Karen, who reads Mette's agreement: not "with your nearest leader" or "with yourself".
    assert!(page.contains("Om Lederens aftaler med dig: Prioritering på ugemødet"), "{page}");
    assert!(page.contains("Lederens mål for ledelsesopgaven"), "{page}");
    for written_for_mette in ["Aftaler med din nærmeste leder", "Aftaler med dig selv", "Mål for din ledelsesopgave"] {
        assert!(!page.contains(written_for_mette), "{written_for_mette} on the nearest leader's page");
    }

    // Mette's start page asks her to answer; her agreement page shows the comment.
    let (_, start) = mette.page("/").await;
    assert!(start.contains("Svar på en kommentar til din lederaftale"), "{start}");
    let (_, page) = mette.page("/dialog/agreement").await;
    assert!(page.contains("Skal vi tage prioriteringen først på ugemødet?") && page.contains("Karen Holm"));
    assert!(page.contains("Om Aftaler med din nærmeste leder: Prioritering på ugemødet"), "Mette reads it in her own words");
    let r = mette.post_form("/dialog/agreement/comments", &[("comment", "Ja, lad os gøre det fra næste uge."), ("point", "")]).await;
    assert_eq!(location(&r), "/dialog/agreement?notice=commented#comment-form");
    let (_, start) = karen.page("/").await;
    assert!(start.contains("Én aftale har en kommentar, der venter på dit svar."), "{start}");
    let (_, start) = mette.page("/").await;
    assert!(!start.contains("Svar på en kommentar til din lederaftale"), "answered");
    let (_, team_page) = karen.page("/team").await;
    assert!(team_page.contains("Venter på dit svar.") && team_page.contains("2 kommentarer."));

    // Karen marks it agreed; Mette sees that and agrees too.
    let r = karen.post_form(&format!("{read}/agreed"), &[("agreed", "yes")]).await;
    assert_eq!(location(&r), format!("{read}?notice=agreed#agreed"));
    let (_, page) = mette.page("/dialog/agreement").await;
    assert!(page.contains("Din nærmeste leder har markeret aftalen som aftalt."));
    mette.post_form("/dialog/agreement/agreed", &[("agreed", "yes")]).await;
    let (_, page) = karen.page(&read).await;
    assert!(page.contains("Mette Lund markerede aftalen som aftalt") && page.contains("Du markerede aftalen som aftalt"), "{page}");
    let (_, start) = karen.page("/").await;
    assert!(start.contains("Ingen aftaler venter på, at du markerer dem som aftalt."));
    // Taken back, it waits again.
    karen.post_form(&format!("{read}/agreed"), &[("agreed", "no")]).await;
    let (_, start) = karen.page("/").await;
    assert!(start.contains("Én aftale venter på, at du markerer den som aftalt."));
    let r = karen.post_form(&format!("{read}/agreed"), &[("agreed", "maybe")]).await;
    assert_eq!(r.status(), 400);

    // Shared follow-up that is due shows on "Mine ledere" until it is done.
    mette.post_form("/dialog/agreement/share", &[("point", &points[0]), ("point", &points[3]), ("point", &points[4])]).await;
    // Points made minutes ago miss nothing yet (issue 17, item 5).
    let (_, team_page) = karen.page("/team").await;
    assert!(!team_page.contains("Mangler:") && !team_page.contains("Gåtur to gange om ugen"), "nothing is due: {team_page}");
    // A week later, this week's line is due.
    let week_ago = ledertrivsel::storage::to_text(time::OffsetDateTime::now_utc() - time::Duration::days(7));
    sqlx::query("UPDATE agreement_points SET created_at = $1").bind(&week_ago).execute(&app.state.db.pool).await.unwrap();
    let (_, team_page) = karen.page("/team").await;
    assert!(team_page.contains("Gåtur to gange om ugen") && team_page.contains("Mangler: ugens linje."), "{team_page}");
    let (_, page) = karen.page(&read).await;
    assert!(page.contains("Mangler: ugens linje."));
    assert_eq!(mette.post_form(&format!("/dialog/points/{}/week", points[3]), &[("kept", "yes"), ("note", "To ture")]).await.status(), 303);
    let (_, team_page) = karen.page("/team").await;
    assert!(!team_page.contains("Mangler:") && !team_page.contains("Opfølgning, der mangler"), "{team_page}");
    let (_, page) = karen.page(&read).await;
    assert!(page.contains("To ture"), "the shared point's weekly line is part of its follow-up");

    // In English too.
    karen.post_form("/language", &[("lang", "en"), ("next", "/")]).await;
    let (_, page) = karen.page(&read).await;
    assert!(page.contains("Leader agreement: Mette Lund") && page.contains("Comments"));
    let (_, start) = karen.page("/").await;
    assert!(start.contains("My leaders") && start.contains("One agreement has a comment waiting for your reply."));
});

both_backends!(a_bad_comment_gets_a_clear_message_and_changes_nothing, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;

    // Not shared yet: no conversation to write in.
    save_agreement(&mette, ROWS).await;
    let r = mette.post_form("/dialog/agreement/comments", &[("comment", "Hej")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Del aftalen med din nærmeste leder, før I kan skrive kommentarer til den."));
    assert_eq!(comment_count(&app).await, 0);

    let points = ids_in_rows_order(&app, &t).await;
    mette.post_form("/dialog/agreement/share", &[("point", &points[0]), ("point", &points[4])]).await;
    let id = agreement_of(&app, &t).await;
    let karen = app.signed_in("karen@aarhus.dk").await;
    let long = "æ".repeat(2001);
    let cases: &[(&TestClient, String, Vec<(&str, &str)>, &str)] = &[
        (&karen, format!("/team/agreements/{id}/comments"), vec![("comment", "   ")], "Skriv en kommentar."),
        (&karen, format!("/team/agreements/{id}/comments"), vec![("comment", &long)], "Kommentaren må højst være 2000 tegn."),
        (&karen, format!("/team/agreements/{id}/comments"), vec![("comment", "Hej"), ("point", "ikke-et-id")], "ugyldige værdier"),
        (&mette, "/dialog/agreement/comments".to_string(), vec![("comment", "")], "Skriv en kommentar."),
        (&mette, "/dialog/agreement/comments".to_string(), vec![("comment", &long)], "Kommentaren må højst være 2000 tegn."),
    ];
    for (client, path, fields, message) in cases {
        let r = client.post_form(path, fields).await;
        assert_eq!(r.status(), 422, "{path} {message}");
        let body = r.text().await.unwrap();
        assert!(body.contains(message), "{path}: {message}");
        assert_eq!(comment_count(&app).await, 0, "{path} {message} wrote a comment");
    }
    // What was typed comes back, so nothing is lost.
    let r = karen.post_form(&format!("/team/agreements/{id}/comments"), &[("comment", &format!("Behold mig {long}"))]).await;
    assert!(r.text().await.unwrap().contains("Behold mig"));
    // Without the CSRF token nothing is written.
    let r = karen.post_raw(&format!("/team/agreements/{id}/comments"), &[("comment", "uden token")]).await;
    assert_eq!(r.status(), 403);
    assert_eq!(comment_count(&app).await, 0);
    // At the limit it goes through.
    let r = karen.post_form(&format!("/team/agreements/{id}/comments"), &[("comment", &"æ".repeat(2000))]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(comment_count(&app).await, 1);
});

both_backends!(comments_are_exported_and_outlive_a_deleted_author, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (id, _) = shared_agreement(&app, &t, &mette).await;
    let karen = app.signed_in("karen@aarhus.dk").await;
    karen.post_form(&format!("/team/agreements/{id}/comments"), &[("comment", "Godt skrevet, Mette.")]).await;

    let export: serde_json::Value = karen.get("/account/export.json").await.json().await.unwrap();
    let rows = export["records"]["agreement_comments"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["text"], "Godt skrevet, Mette.");
    let export: serde_json::Value = mette.get("/account/export.json").await.json().await.unwrap();
    assert!(export["records"]["agreement_comments"].as_array().unwrap().is_empty(), "Karen's row is hers to export");
    let thread = export["organisations"][0]["comments_on_my_agreements"].as_array().unwrap();
    assert_eq!(thread.len(), 1, "the conversation about Mette's agreement is in her readable export");
    assert_eq!(thread[0]["author"], "Karen Holm");
    assert_eq!(thread[0]["comment"], "Godt skrevet, Mette.");

    let (_, body) = karen.page("/account/delete").await;
    let csrf = crate::support::app::csrf_in(&body).unwrap();
    let r = karen.post_raw("/account/delete", &[("password", crate::support::app::PASSWORD), ("csrf", &csrf)]).await;
    assert_eq!(location(&r), "/login?notice=account-deleted");
    let (author,): (Option<String>,) = sqlx::query_as("SELECT author_id FROM agreement_comments").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(author, None, "the comment stays in Mette's agreement, without Karen");
    let (_, page) = mette.page("/dialog/agreement").await;
    assert!(page.contains("Godt skrevet, Mette.") && page.contains("Slettet bruger"), "{page}");
});

both_backends!(the_demo_has_conversations_waiting, |app: TestApp| async move {
    ledertrivsel::demo::create(&app.state.db, &app.state.shipped, app.state.clock.now()).await.unwrap().unwrap();
    let lars = app.client();
    let r = lars.post_form("/login", &[("email", "lars.nielsen@fjordby.dk"), ("password", ledertrivsel::demo::PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    let (_, start) = lars.page("/").await;
    assert!(start.contains("Én aftale venter på, at du markerer den som aftalt."), "{start}");
    assert!(start.contains("Én aftale har en kommentar, der venter på dit svar."));
    let (_, team_page) = lars.page("/team").await;
    assert!(team_page.contains("Anne Marie Kristensen") && team_page.contains("Venter på dit svar."), "{team_page}");
    assert!(team_page.contains("Thomas Vinther Hansen") && team_page.contains("Har ikke delt en aftale"));
    // Anne's coming dialog with Lars (in 12 days), not her past one.
    let (dialog,): (String,) = sqlx::query_as(
        "SELECT d.id FROM dialogs d JOIN persons p ON p.id = d.leader_id \
         WHERE p.name = 'Anne Marie Kristensen' AND d.starts_at > $1",
    )
    .bind(ledertrivsel::storage::to_text(time::OffsetDateTime::now_utc()))
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert!(team_page.contains(&format!("<a href=\"/dialog/meetings/{dialog}\">Næste dialog: ")), "{team_page}");
    let (id,): (String,) = sqlx::query_as(
        "SELECT a.id FROM agreements a JOIN persons p ON p.id = a.person_id WHERE p.name = 'Anne Marie Kristensen' AND a.shared_with_id IS NOT NULL",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let (_, page) = lars.page(&format!("/team/agreements/{id}")).await;
    assert!(page.contains("Skal vi have HR med på vagtplanlægningen") && page.contains("Tirsdag passer fint"));
    // Anne's private points and notes stay hers.
    assert!(!page.contains("Jeg lukker mail og Aula kl. 17") && !page.contains("Jeg siger ja til for mange arbejdsgrupper"));

    // Karen sees Lars's shared daily point with its history picture and summary.
    let karen = app.client();
    karen.post_form("/login", &[("email", "karen.mikkelsen@fjordby.dk"), ("password", ledertrivsel::demo::PASSWORD)]).await;
    let (id,): (String,) = sqlx::query_as(
        "SELECT a.id FROM agreements a JOIN persons p ON p.id = a.person_id WHERE p.name = 'Lars Bech Nielsen'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let (status, page) = karen.page(&format!("/team/agreements/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Jeg blokerer fredag eftermiddag") && page.contains("class=\"lt-history\"") && page.contains("Holdt: "), "{page}");
    assert!(page.contains("Du markerede aftalen som aftalt"));
});
