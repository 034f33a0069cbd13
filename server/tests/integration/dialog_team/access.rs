//! Who sees a shared agreement: the person it is shared with, and nobody
//! else; only its shared points, never notes or unshared points.

use super::*;
use crate::both_backends;
use crate::support::app::location;
use domain::roles::Role;

both_backends!(only_the_person_it_is_shared_with_gets_in, |app: TestApp| async move {
    let t = team(&app).await;
    let other_org = app.org("Anden Kommune", "hr@anden.dk").await;
    app.person(&other_org, "Lene Leder", "lene@anden.dk", &[Role::Leader]).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (id, _) = shared_agreement(&app, &t, &mette).await;
    let read = format!("/team/agreements/{id}");
    let comment = format!("/team/agreements/{id}/comments");
    let agreed = format!("/team/agreements/{id}/agreed");

    // (who, GET the agreement, POST a comment, POST agreed)
    let table: &[(&str, u16, u16, u16)] = &[
        ("karen@aarhus.dk", 200, 303, 303),
        ("mette@aarhus.dk", 404, 404, 404),
        ("bo@aarhus.dk", 404, 404, 404),
        ("hr@aarhus.dk", 404, 404, 404),
        ("lene@anden.dk", 404, 404, 404),
        ("hr@anden.dk", 404, 404, 404),
    ];
    for (who, get, post_comment, post_agreed) in table {
        let client = app.signed_in(who).await;
        assert_eq!(client.get(&read).await.status().as_u16(), *get, "{who} GET {read}");
        let text = format!("Kommentar fra {who}");
        assert_eq!(client.post_form(&comment, &[("comment", &text)]).await.status().as_u16(), *post_comment, "{who} POST {comment}");
        assert_eq!(client.post_form(&agreed, &[("agreed", "yes")]).await.status().as_u16(), *post_agreed, "{who} POST {agreed}");
        assert_eq!(client.get("/team").await.status().as_u16(), 200, "{who} GET /team");
    }
    let authors: Vec<(String,)> = sqlx::query_as("SELECT author_id FROM agreement_comments").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(authors, vec![(t.karen.as_str().to_string(),)], "only Karen's comment was written");
    let (by_nearest,): (Option<String>,) = sqlx::query_as("SELECT agreed_by_nearest_at FROM agreements WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(by_nearest.is_some(), "Karen's mark is set");

    // A malformed or unknown id is 404 too, also for Karen.
    let karen = app.signed_in("karen@aarhus.dk").await;
    assert_eq!(karen.get("/team/agreements/nope").await.status(), 404);
    assert_eq!(karen.get(&format!("/team/agreements/{}", t.mette.as_str())).await.status(), 404);

    // "Mine ledere": Karen sees Mette (shared) and Bo (not shared), nobody else sees them.
    let (_, page) = karen.page("/team").await;
    assert!(page.contains("Mette Lund") && page.contains(&read), "{page}");
    assert!(page.contains("Bo Dahl") && page.contains("Har ikke delt en aftale for den aktuelle periode med dig."));
    for who in ["bo@aarhus.dk", "hr@aarhus.dk", "lene@anden.dk"] {
        let (_, page) = app.signed_in(who).await.page("/team").await;
        assert!(!page.contains("Mette Lund") && !page.contains(&read), "{who} sees Mette on /team");
        assert!(page.contains("Der er ingen ledere, der har dig som nærmeste leder"), "{who}");
    }
    // Every read by Karen is in the organisation's log.
    let (reads,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'dialog-shared-agreement-read' AND actor_person_id = $1 AND target LIKE 'Mette Lund, %'",
    )
    .bind(t.karen.as_str())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(reads, 1);
    let overviews: Vec<(Option<String>, String)> =
        sqlx::query_as("SELECT actor_person_id, target FROM audit_log WHERE action = 'dialog-team-read'")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    let karen_reads = (Some(t.karen.as_str().to_string()), "Mette Lund".to_string());
    assert_eq!(overviews, vec![karen_reads.clone(), karen_reads], "only Karen's two views of /team showed shared data");
    let _ = location;
});

both_backends!(the_nearest_leader_never_sees_notes_or_unshared_points, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (id, points) = shared_agreement(&app, &t, &mette).await;
    let (item,): (String,) = sqlx::query_as("SELECT id FROM catalogue_items WHERE org_id = $1 AND tool = 'dialog' AND item_key = 'goals-main'")
        .bind(t.org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let r = mette.post_form(&format!("/dialog/guide/notes/{item}"), &[("text", "Min hemmelige note om sygefraværet")]).await;
    assert_eq!(r.status(), 204);
    // A tick on the private daily point, so its history exists.
    assert_eq!(mette.post_form(&format!("/dialog/points/{}/tick", points[2]), &[("kept", "yes")]).await.status(), 303);
    // A comment about the shared goal, which Mette then makes private again.
    let r = mette.post_form("/dialog/agreement/comments", &[("comment", "Tanker om strukturen i dagtilbud"), ("point", &points[0])]).await;
    assert_eq!(r.status(), 303);

    let karen = app.signed_in("karen@aarhus.dk").await;
    let (status, page) = karen.page(&format!("/team/agreements/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Ny struktur i dagtilbud på plads") && page.contains("Prioritering på ugemødet"), "{page}");
    assert!(page.contains("De sidste fem minutter"), "the shared point's follow-up text");
    assert!(page.contains("Tanker om strukturen i dagtilbud"));

    mette.post_form("/dialog/agreement/share", &[("point", &points[4])]).await;
    for path in [format!("/team/agreements/{id}"), "/team".to_string(), "/".to_string(), "/dialog".to_string(), "/dialog/guide".to_string()] {
        let (_, page) = karen.page(&path).await;
        for private in [
            "Min hemmelige note om sygefraværet",
            "Fri i weekenderne",
            "Mail lukkes kl. 17",
            "Flueben hver aften",
            "Gåtur to gange om ugen",
            "Ny struktur i dagtilbud på plads",
            "Tanker om strukturen i dagtilbud",
        ] {
            assert!(!page.contains(private), "Karen sees {private:?} on {path}");
        }
    }
    let (_, page) = karen.page(&format!("/team/agreements/{id}")).await;
    assert!(page.contains("Prioritering på ugemødet"), "the point still shared is shown");
    // Nor can she comment on a point that is not shared.
    let r = karen.post_form(&format!("/team/agreements/{id}/comments"), &[("comment", "Om et privat punkt"), ("point", &points[1])]).await;
    assert_eq!(r.status(), 404);
    assert_eq!(comment_count(&app).await, 1);
});

both_backends!(withdrawing_or_resharing_moves_access, |app: TestApp| async move {
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (id, points) = shared_agreement(&app, &t, &mette).await;
    let read = format!("/team/agreements/{id}");
    let karen = app.signed_in("karen@aarhus.dk").await;
    let bo = app.signed_in("bo@aarhus.dk").await;
    assert_eq!(karen.get(&read).await.status(), 200);
    assert_eq!(karen.post_form(&format!("{read}/agreed"), &[("agreed", "yes")]).await.status(), 303);

    // Withdrawn: 404 for every URL, and /team says it is not shared.
    let r = mette.post_form("/dialog/agreement/share", &[("withdraw", "1")]).await;
    assert_eq!(location(&r), "/dialog/agreement?notice=unshared#share");
    assert_eq!(karen.get(&read).await.status(), 404);
    assert_eq!(karen.post_form(&format!("{read}/comments"), &[("comment", "Hallo?")]).await.status(), 404);
    assert_eq!(karen.post_form(&format!("{read}/agreed"), &[("agreed", "yes")]).await.status(), 404);
    let (_, page) = karen.page("/team").await;
    assert!(!page.contains(&read) && page.contains("Har ikke delt en aftale for den aktuelle periode med dig."));
    assert_eq!(comment_count(&app).await, 0);

    // Shared again with Karen: back, without her old mark.
    mette.post_form("/dialog/agreement/share", &[("point", &points[0])]).await;
    assert_eq!(karen.get(&read).await.status(), 200);
    let (_, page) = karen.page(&read).await;
    assert!(page.contains("Markér som aftalt"), "the withdrawn mark does not come back");
    assert_eq!(karen.post_form(&format!("{read}/agreed"), &[("agreed", "yes")]).await.status(), 303);

    // HR makes Bo Mette's nearest leader: access follows the sharing, not the reporting line.
    sqlx::query("UPDATE persons SET nearest_leader_id = $1 WHERE id = $2")
        .bind(t.bo.as_str())
        .bind(t.mette.as_str())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(karen.get(&read).await.status(), 200, "still shared with Karen until Mette shares anew");
    assert_eq!(bo.get(&read).await.status(), 404);
    let (_, page) = karen.page("/team").await;
    assert!(page.contains("har ikke længere dig som nærmeste leder"), "{page}");
    let (_, page) = mette.page("/dialog/agreement").await;
    assert!(page.contains("Aftalen er delt med Karen Holm, som ikke længere er din nærmeste leder."));

    mette.post_form("/dialog/agreement/share", &[("point", &points[0]), ("point", &points[4])]).await;
    assert_eq!(karen.get(&read).await.status(), 404);
    assert_eq!(bo.get(&read).await.status(), 200);
    let (with, by_nearest): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT shared_with_id, agreed_by_nearest_at FROM agreements WHERE id = $1")
            .bind(&id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(with.as_deref(), Some(t.bo.as_str()));
    assert_eq!(by_nearest, None, "Karen's mark does not count for Bo");
});
