//! Results under the anonymity thresholds: members from 3, HR at k, free
//! text at free_text_k, names only inside a group in open mode.

use super::*;
use crate::both_backends;

both_backends!(results_follow_the_thresholds, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let anna = app.signed_in("anna@randers.dk").await;
    let bo = app.signed_in("bo@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let hr = app.signed_in("hr@randers.dk").await;
    // Dorte is in the group when the round starts (a round's readers are fixed then).
    let dorte = app.person(&n.org, "Dorte Dahl", "dorte@randers.dk", &[Role::Leader]).await;
    add_member(&app, &n.org, &n.group, &dorte).await;

    let run = start_round(&lis, &n.group).await;
    // One open round per group at a time, with a clear message.
    let r = lis.post_form(&format!("/intro/groups/{}/runs", n.group), &[]).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("Ledergruppe Nord har allerede en åben runde"));

    // Everyone in the group sees the round as due on their start page.
    let (_, start) = carl.page("/").await;
    assert!(start.contains("Svar på runden i Ledergruppe Nord"), "{start}");
    assert!(start.contains(&format!("/intro/runs/{run}/answer")));

    let (_, statements) = asked(&anna, &run).await;
    assert_eq!(statements.len(), 15);
    answered(&anna, &run, |_| "5", "Vi skal tale om weekendarbejdet").await;
    answered(&bo, &run, |i| if i == 0 { "4" } else { "unknown" }, "").await;
    let (_, start) = anna.page("/").await;
    assert!(!start.contains("Svar på runden i Ledergruppe Nord"), "answered rounds are no longer due");

    // While answers come in, the group sees how many have answered, never
    // what: a reload before and after a colleague answers must not differ
    // by that colleague's answers (issue 15, item 4).
    let (status, body) = carl.page(&format!("/intro/runs/{run}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("2 af 5 har svaret"), "{body}");
    assert!(body.contains("Gruppens billede vises for alle på én gang"), "{body}");
    assert!(body.contains("Gruppens leder viser billedet, når I mødes."), "a member waits for the leader: {body}");
    assert!(!body.contains(&format!("/intro/runs/{run}/reveal")), "only the group's leader reveals");
    assert!(!body.contains("<svg") && !body.contains("weekendarbejdet"));

    // The leader answers too (the leader counts as a member): three answers,
    // and still no picture.
    answered(&lis, &run, |i| if i == 0 { "1" } else { "4" }, "").await;
    let (_, body) = carl.page(&format!("/intro/runs/{run}")).await;
    assert!(body.contains("3 af 5 har svaret"), "{body}");
    assert!(figures(&body).is_empty() && !body.contains("weekendarbejdet"), "no picture before it is revealed");

    // HR is outside the group: nothing while the round is open, whatever the count.
    let (status, body) = hr.page(&format!("/intro/runs/{run}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Personer uden for gruppen kan først se resultatet, når runden er afsluttet"), "{body}");
    assert!(figures(&body).is_empty() && !body.contains("weekendarbejdet"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE org_id = $1 AND action = 'intro-results-read'", n.org.id.as_str()).await, 0);

    // Five answers; a member changes hers before the meeting.
    answered(&carl, &run, |i| if i == 1 { "unknown" } else { "2" }, "Mere sparring").await;
    answered(&app.signed_in("dorte@randers.dk").await, &run, |i| if i == 1 { "unknown" } else { "3" }, "").await;
    answered(&anna, &run, |_| "1", "Vi skal tale om weekendarbejdet").await;
    let (_, body) = carl.page(&format!("/intro/runs/{run}")).await;
    assert!(figures(&body).is_empty(), "five answers, but not revealed yet");

    // Only the group's leader reveals, once the group is ready.
    let r = carl.post_form(&format!("/intro/runs/{run}/reveal"), &[("ready", "1")]).await;
    assert_eq!(r.status(), 403, "a member cannot reveal");
    let r = lis.post_form(&format!("/intro/runs/{run}/reveal"), &[]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Sæt flueben, når gruppen er klar"));
    lis.reveal(&format!("/intro/runs/{run}")).await;
    let (_, body) = lis.page(&format!("/intro/runs/{run}?revealed=1")).await;
    assert!(body.contains("Billedet er vist for gruppen. Der kan ikke længere svares."), "confirmed where the leader acted");

    let (_, body) = carl.page(&format!("/intro/runs/{run}")).await;
    let shown = figures(&body);
    assert_eq!(shown.len(), 15);
    assert_eq!(shown[0].0, statements[0]);
    assert_eq!(shown[0].1[0].0, "Helt uenig");
    assert_eq!(shown[0].1[5].0, "Ved ikke");
    assert_eq!(counts(&shown[0].1), vec![2, 1, 1, 1, 0, 0]);
    assert!(shown[1].1.is_empty(), "two took a stand on the second statement (three said don't know): withheld on its own");
    assert!(body.contains("For få har taget stilling til netop dette udsagn"), "{body}");
    assert!(body.contains("Gennemsnit: 2,2"), "mean of 1, 1, 2, 3, 4");
    assert!(body.contains("<svg") && !body.contains("style="), "chart without inline styles");
    assert!(body.contains("Vi skal tale om weekendarbejdet"), "members see comments from 3");
    assert!(body.contains("Gruppen har set sit billede; der kan ikke længere svares."));
    assert!(!body.contains(&format!("/intro/runs/{run}/answer")), "no answer link once revealed");
    assert!(!body.contains("Hvem svarede hvad") && !body.contains("Anna Andersen</th>"), "anonymous mode names nobody");

    // HR still sees nothing: the round is revealed to the group, not closed.
    let (_, body) = hr.page(&format!("/intro/runs/{run}")).await;
    assert!(figures(&body).is_empty(), "revealed inside the group only");

    // The group's leader closes the round with a decision; now HR sees it at k = 5.
    let due = (app.state.clock.today() + time::Duration::days(14)).to_string();
    let r = lis
        .post_form(&format!("/intro/runs/{run}/decision"), &[("next_tool", "leader_apv"), ("owner", n.lis.as_str()), ("due_date", &due)])
        .await;
    assert_eq!(r.status(), 303);
    let (_, body) = hr.page(&format!("/intro/runs/{run}")).await;
    let shown = figures(&body);
    assert_eq!(counts(&shown[0].1), vec![2, 1, 1, 1, 0, 0]);
    assert!(shown[2].1.is_empty(), "four took a stand on the third statement (Bo said don't know): under HR's k of 5");
    assert!(body.contains("5 af 5 har svaret"));
    assert!(body.contains("kan først se kommentarerne, når mindst 8 har svaret"));
    assert!(!body.contains("weekendarbejdet") && !body.contains("Mere sparring"));
    let (actor, target): (String, String) = sqlx::query_as(
        "SELECT actor_name, target FROM audit_log WHERE org_id = $1 AND action = 'intro-results-read'",
    )
    .bind(n.org.id.as_str())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(actor, "Hanne HR");
    assert!(target.starts_with("Ledergruppe Nord"));

    // The round keeps the free-text threshold it promised: lowering the
    // organisation's afterwards opens nothing (tests/integration/promises.rs).
    sqlx::query("UPDATE orgs SET free_text_k = 5 WHERE id = $1").bind(n.org.id.as_str()).execute(&app.state.db.pool).await.unwrap();
    let (_, body) = hr.page(&format!("/intro/runs/{run}")).await;
    assert!(!body.contains("Vi skal tale om weekendarbejdet") && !body.contains("Mere sparring"));
    let _ = (n.lis, n.anna, n.carl);
});

both_backends!(named_mode_shows_who_answered_what_inside_the_group, |app: TestApp| async move {
    let n = nord(&app).await;
    sqlx::query("UPDATE leader_groups SET openness = 'named' WHERE id = $1").bind(&n.group).execute(&app.state.db.pool).await.unwrap();
    sqlx::query("UPDATE orgs SET anonymity_k = 3, free_text_k = 3 WHERE id = $1").bind(n.org.id.as_str()).execute(&app.state.db.pool).await.unwrap();
    let anna = app.signed_in("anna@randers.dk").await;
    let run = start_round(&app.signed_in("hr@randers.dk").await, &n.group).await;
    let (_, form) = anna.page(&format!("/intro/runs/{run}/answer")).await;
    assert!(form.contains("kan rundens læsere se, hvem der har svaret hvad."), "{form}");
    answered(&anna, &run, |_| "5", "Åbent er godt").await;
    answered(&app.signed_in("bo@randers.dk").await, &run, |_| "unknown", "").await;
    answered(&app.signed_in("carl@randers.dk").await, &run, |_| "2", "").await;
    let (_, body) = anna.page(&format!("/intro/runs/{run}")).await;
    assert!(!body.contains("Hvem svarede hvad"), "no names before the picture is revealed");
    app.signed_in("lis@randers.dk").await.reveal(&format!("/intro/runs/{run}")).await;

    let (_, body) = anna.page(&format!("/intro/runs/{run}")).await;
    assert!(body.contains("Hvem svarede hvad"));
    let doc = Html::parse_document(&body);
    let heads: Vec<String> = doc
        .select(&Selector::parse(".lt-table-wrap thead th").unwrap())
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(heads, ["Udsagn", "Anna Andersen", "Bo Berg", "Carl Clausen"]);
    let first: Vec<String> = doc
        .select(&Selector::parse(".lt-table-wrap tbody tr td").unwrap())
        .take(3)
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(first, ["5", "–", "2"]);
    // HR, outside, sees a closed round's figures at k = 3 but never names.
    let due = (app.state.clock.today() + time::Duration::days(7)).to_string();
    let r = app
        .signed_in("lis@randers.dk")
        .await
        .post_form(&format!("/intro/runs/{run}/decision"), &[("next_tool", "network"), ("owner", n.lis.as_str()), ("due_date", &due)])
        .await;
    assert_eq!(r.status(), 303);
    let (_, body) = app.signed_in("hr@randers.dk").await.page(&format!("/intro/runs/{run}")).await;
    assert_eq!(figures(&body).len(), 15);
    assert!(!body.contains("Hvem svarede hvad") && !body.contains("Anna Andersen</th>"));
    assert!(body.contains("Åbent er godt"), "free text at free_text_k = 3, unattributed");
    let _ = (n.lis, n.anna, n.carl);
});
