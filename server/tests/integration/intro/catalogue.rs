//! HR's catalogue edits: earlier rounds keep the wording they asked.

use super::*;
use crate::both_backends;

both_backends!(catalogue_edits_keep_the_wording_that_was_answered, |app: TestApp| async move {
    let n = nord(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let lis = app.signed_in("lis@randers.dk").await;
    let run1 = start_round(&lis, &n.group).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "carl@randers.dk"] {
        answered(&app.signed_in(email).await, &run1, |_| "4", "").await;
    }
    lis.reveal(&format!("/intro/runs/{run1}")).await;
    let (items,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM catalogue_items WHERE org_id = $1 AND tool = 'intro'").bind(n.org.id.as_str()).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(items, 15);
    let ids: Vec<(String, String)> = sqlx::query_as(
        "SELECT i.id, r.text_da FROM catalogue_items i JOIN catalogue_revisions r ON r.id = i.current_revision_id \
         WHERE i.org_id = $1 AND i.tool = 'intro' ORDER BY i.position",
    )
    .bind(n.org.id.as_str())
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let (first_id, old_text) = ids[0].clone();
    let (hide_id, hidden_text) = ids[1].clone();

    let (status, body) = hr.page("/admin/catalogue").await;
    assert_eq!(status, 200);
    assert!(body.contains(&old_text) && body.contains("We have a shared language for what leader wellbeing is."));

    // Both languages are required.
    let edit = format!("/admin/catalogue/items/{first_id}");
    let r = hr.post_form(&edit, &[("text_da", "Vi taler samme sprog om ledertrivsel."), ("text_en", "  ")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Skriv en tekst."));
    let r = hr.post_form(&edit, &[("text_da", "Vi taler samme sprog om ledertrivsel."), ("text_en", "We speak the same language about leader wellbeing.")]).await;
    assert_eq!(r.status(), 303);
    let r = hr.post_form(&format!("/admin/catalogue/items/{hide_id}/visibility"), &[("hidden", "1")]).await;
    assert_eq!(r.status(), 303);
    let r = hr.post_form("/admin/catalogue/items", &[("section", "status"), ("text_da", "Jeg kan holde fri, når jeg har fri."), ("text_en", "I can be off when I am off.")]).await;
    assert_eq!(r.status(), 303);
    let r = hr.post_form("/admin/catalogue/items", &[("section", "elsewhere"), ("text_da", "x"), ("text_en", "y")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Vælg det afsnit, punktet hører til."));
    let actions: Vec<(String,)> = sqlx::query_as("SELECT action FROM audit_log WHERE org_id = $1 AND action LIKE 'catalogue-%' ORDER BY at, id")
        .bind(n.org.id.as_str())
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let actions: Vec<&str> = actions.iter().map(|(a,)| a.as_str()).collect();
    assert_eq!(actions, ["catalogue-item-edited", "catalogue-item-hidden", "catalogue-item-added"]);

    // The first round still shows the wording that was answered, the hidden one included.
    let (_, body) = lis.page(&format!("/intro/runs/{run1}")).await;
    let shown = figures(&body);
    assert_eq!(shown.len(), 15);
    assert_eq!(shown[0].0, old_text);
    assert_eq!(shown[1].0, hidden_text);

    // A new round asks the new wording, leaves out the hidden one and adds the own one.
    let d = app.state.clock.today() + time::Duration::days(7);
    let r = lis.post_form(&format!("/intro/runs/{run1}/decision"), &[("next_tool", "leader_apv"), ("owner", n.lis.as_str()), ("due_date", &d.to_string())]).await;
    assert_eq!(r.status(), 303);
    let run2 = start_round(&lis, &n.group).await;
    let (_, statements) = asked(&lis, &run2).await;
    assert_eq!(statements.len(), 15);
    assert_eq!(statements[0], "Vi taler samme sprog om ledertrivsel.");
    assert!(!statements.contains(&hidden_text) && !statements.contains(&old_text));
    assert_eq!(statements.last().unwrap(), "Jeg kan holde fri, når jeg har fri.");
    // Hiding or editing now does not change the open round either.
    hr.post_form(&format!("/admin/catalogue/items/{first_id}/visibility"), &[("hidden", "1")]).await;
    let (_, again) = asked(&lis, &run2).await;
    assert_eq!(again, statements);
    let _ = (n.anna, n.carl);
});
