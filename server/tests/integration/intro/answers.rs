//! Answering (bad input refused, nothing stored) and the decision on the
//! next step, which closes the round and reaches the start page.

use super::*;
use crate::both_backends;

both_backends!(bad_answers_are_refused_and_nothing_is_stored, |app: TestApp| async move {
    let n = nord(&app).await;
    let other = app.org("Viborg Kommune", "hr@viborg.dk").await;
    let anna = app.signed_in("anna@randers.dk").await;
    let run = start_round(&app.signed_in("lis@randers.dk").await, &n.group).await;
    let (revs, statements) = asked(&anna, &run).await;
    let path = format!("/intro/runs/{run}/answer");
    let first = format!("a-{}", revs[0]);
    let second = format!("a-{}", revs[1]);

    let r = anna.post_form(&path, &[(&first, "7"), (&second, "4")]).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains(&format!("Svaret på »{}« er ikke et af valgene på skalaen.", statements[0])), "{body}");
    assert!(body.contains(&format!("id=\"{second}-4\" name=\"{second}\" value=\"4\" checked")), "the valid choice is kept");

    // A statement of another organisation's catalogue, or none at all.
    let (foreign,): (String,) = sqlx::query_as("SELECT current_revision_id FROM catalogue_items WHERE org_id = $1 LIMIT 1")
        .bind(other.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    for name in [format!("a-{foreign}"), format!("a-{}", uuid::Uuid::now_v7()), "a-1".to_string()] {
        let r = anna.post_form(&path, &[(&first, "3"), (&name, "3")]).await;
        assert_eq!(r.status(), 422, "{name}");
        assert!(r.text().await.unwrap().contains("ikke er med i denne runde"));
    }
    let long = "æ".repeat(4001);
    let r = anna.post_form(&path, &[(&first, "3"), ("comment", &long)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Teksten er for lang"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM intro_answers WHERE run_id = $1", &run).await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM intro_respondents WHERE run_id = $1", &run).await, 0);

    // A good answer is stored against the revision shown.
    answered(&anna, &run, |i| if i < 2 { "2" } else { "unknown" }, "  Tid til sparring  ").await;
    let stored: Vec<(String, i64)> =
        sqlx::query_as("SELECT revision_id, value FROM intro_answers WHERE run_id = $1 AND person_id = $2 ORDER BY revision_id")
            .bind(&run)
            .bind(n.anna.as_str())
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    let mut expected = vec![(revs[0].clone(), 2), (revs[1].clone(), 2)];
    expected.sort();
    assert_eq!(stored, expected);
    let (comment,): (Option<String>,) = sqlx::query_as("SELECT comment FROM intro_respondents WHERE run_id = $1")
        .bind(&run)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(comment.as_deref(), Some("Tid til sparring"));
    // The form shows my answers again, "don't know" included.
    let (_, body) = anna.page(&path).await;
    assert!(body.contains(&format!("id=\"{first}-2\" name=\"{first}\" value=\"2\" checked")));
    assert!(body.contains(&format!("id=\"a-{r}-unknown\" name=\"a-{r}\" value=\"unknown\" checked", r = revs[2])));
    let _ = (n.lis, n.carl);
});

both_backends!(decision_closes_the_round_and_reaches_the_start_page, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let run = start_round(&lis, &n.group).await;
    let path = format!("/intro/runs/{run}/decision");
    let today = app.state.clock.today();
    let yesterday = (today - time::Duration::days(1)).to_string();
    let due = today + time::Duration::days(14);

    // Only the group's leader decides.
    let r = carl.post_form(&path, &[("next_tool", "network"), ("owner", n.carl.as_str()), ("due_date", &due.to_string())]).await;
    assert_eq!(r.status(), 403);

    let (_, body) = lis.page(&format!("/intro/runs/{run}")).await;
    assert!(body.contains("Værktøj 2: Skærp ledergruppens samarbejde"));
    assert!(body.contains("Ledergruppen ser på sit samarbejde og indgår en gruppeaftale."));
    let outsider = app.person(&n.org, "Ulla Udenfor", "ulla@randers.dk", &[Role::Leader]).await;
    let r = lis.post_form(&path, &[("next_tool", "tool9"), ("owner", outsider.as_str()), ("due_date", &yesterday)]).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Vælg et af værktøjerne på listen."));
    assert!(body.contains("Vælg en ansvarlig blandt gruppens medlemmer."));
    assert!(body.contains("Datoen skal være i dag eller senere."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM intro_decisions WHERE run_id = $1", &run).await, 0);

    let r = lis
        .post_form(
            &path,
            &[("next_tool", "group_collaboration"), ("owner", n.carl.as_str()), ("due_date", &due.to_string()), ("note", "Vi starter på næste møde")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let danish_due = ledertrivsel::i18n::format::date(ledertrivsel::i18n::Lang::Da, due);

    // Everyone in the group sees it; the round is closed.
    let (_, body) = carl.page(&format!("/intro/runs/{run}")).await;
    assert!(body.contains("Afsluttet"));
    assert!(body.contains("Værktøj 2: Skærp ledergruppens samarbejde") && body.contains(&danish_due));
    assert!(body.contains("Vi starter på næste møde"));
    let (_, body) = app.signed_in("anna@randers.dk").await.page(&format!("/groups/{}", n.group)).await;
    assert!(body.contains("Næste skridt: Værktøj 2: Skærp ledergruppens samarbejde.") && body.contains("Ansvarlig: Carl Clausen."));
    // HR sees the decision, but not the group's note.
    let (_, body) = app.signed_in("hr@randers.dk").await.page(&format!("/groups/{}", n.group)).await;
    assert!(body.contains("Ansvarlig: Carl Clausen.") && !body.contains("Vi starter på næste møde"));

    // The responsible person's start page shows the step and its date, the Danish way.
    let (_, start) = carl.page("/").await;
    assert!(start.contains("Næste skridt: Værktøj 2: Skærp ledergruppens samarbejde"), "{start}");
    assert!(start.contains(&format!("senest {danish_due}")));
    assert!(!start.contains("Svar på runden i Ledergruppe Nord"), "a closed round is not due");
    let (_, start) = app.signed_in("anna@randers.dk").await.page("/").await;
    assert!(!start.contains("Næste skridt:"));

    // Closed: no more answers, no second decision; a new round may start.
    let r = carl.post_form(&format!("/intro/runs/{run}/answer"), &[("comment", "for sent")]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("Runden er afsluttet"));
    let r = lis.post_form(&path, &[("next_tool", "network"), ("owner", n.lis.as_str()), ("due_date", &due.to_string())]).await;
    assert_eq!(r.status(), 400);
    start_round(&lis, &n.group).await;
    let _ = n.anna;
});
