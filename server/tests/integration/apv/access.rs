//! Who sees and does what: 404 outside the group and the organisation, 403
//! for members on the leader's steps and for HR on Skema 1, and HR's view of
//! the picture only once the round is closed and at the organisation's k.

use super::*;
use crate::both_backends;

both_backends!(outsiders_get_404_and_members_403_on_leading, |app: TestApp| async move {
    let n = nord(&app).await;
    let ole = app.person(&n.org, "Ole Olsen", "ole@randers.dk", &[Role::Leader]).await;
    app.group(&n.org, "Ledergruppe Syd", &ole, &[]).await;
    let other = app.org("Viborg Kommune", "hr@viborg.dk").await;
    app.person(&other, "Vera Viborg", "vera@viborg.dk", &[Role::Leader]).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &round).await;
    lis.post_form(&format!("/apv/rounds/{round}/choose"), &[("theme", revs[0].0.as_str())]).await;
    let (plan,): (String,) =
        sqlx::query_as("SELECT id FROM apv_plans WHERE round_id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();

    let outsiders = [app.signed_in("ole@randers.dk").await, app.signed_in("vera@viborg.dk").await, app.signed_in("hr@viborg.dk").await];
    for client in &outsiders {
        for path in [
            format!("/apv/rounds/{round}"),
            format!("/apv/rounds/{round}/map"),
            format!("/apv/rounds/{round}/meeting"),
            format!("/apv/rounds/{round}/prepare"),
            format!("/apv/plans/{plan}"),
        ] {
            let (status, body) = client.page(&path).await;
            assert_eq!(status, 404, "{path}");
            assert!(!body.contains("Ledergruppe Nord"));
        }
        let k = format!("k-{}-red", revs[0].0);
        let r = client.post_form(&format!("/apv/rounds/{round}/map"), &[(k.as_str(), "indbrud"), ("hand_in", "1")]).await;
        assert_eq!(r.status(), 404);
        assert_eq!(client.post_form(&format!("/apv/groups/{}/rounds", n.group), &[("variant", "now")]).await.status(), 404);
        assert_eq!(client.post_form(&format!("/apv/plans/{plan}"), &[("issue", "x")]).await.status(), 404);
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_answers WHERE round_id = $1", &round).await, 0);
    let (_, body) = outsiders[0].page("/apv").await;
    assert!(body.contains("Ledergruppe Syd") && !body.contains("Ledergruppe Nord"));

    // A member may not lead the meeting, the plans or the report.
    let carl = app.signed_in("carl@randers.dk").await;
    for (path, fields) in [
        (format!("/apv/rounds/{round}/sorting"), vec![]),
        (format!("/apv/rounds/{round}/choose"), vec![("theme", revs[1].0.as_str())]),
        (format!("/apv/rounds/{round}/report"), vec![("absence", "no")]),
        (format!("/apv/rounds/{round}/close"), vec![]),
        (format!("/apv/plans/{plan}/actions"), vec![("text", "x"), ("due_on", "2030-01-01")]),
        (format!("/apv/groups/{}/rounds", n.group), vec![("variant", "now")]),
    ] {
        assert_eq!(carl.post_form(&path, &fields).await.status(), 403, "{path}");
    }
    // HR may look but not answer for the group.
    let hr = app.signed_in("hr@randers.dk").await;
    assert_eq!(hr.page(&format!("/apv/rounds/{round}/map")).await.0, 403);
    let _ = n.lis;
});

both_backends!(hr_sees_the_picture_only_closed_and_at_k, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &round).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk", "carl@randers.dk"] {
        handed_in(&app.signed_in(email).await, &round, &revs, &[(2, "red", "Ingen indflydelse på budgettet")]).await;
    }
    let hr = app.signed_in("hr@randers.dk").await;
    let (status, body) = hr.page(&format!("/apv/rounds/{round}/meeting")).await;
    assert_eq!(status, 200);
    assert!(body.contains("når runden er afsluttet") && picture(&body).is_empty(), "open: withheld from HR");

    let next_year = (time::OffsetDateTime::now_utc().date() + time::Duration::days(300)).to_string();
    lis.post_form(&format!("/apv/rounds/{round}/report"), &[("absence", "no"), ("next_due", next_year.as_str())]).await;
    assert_eq!(lis.post_form(&format!("/apv/rounds/{round}/close"), &[]).await.status(), 303);
    let (_, body) = hr.page(&format!("/apv/rounds/{round}/meeting")).await;
    assert!(picture(&body).is_empty() && body.contains("mindst 5"), "four answers are below k = 5: {body}");

    // A fifth member (who joined late) cannot answer a closed round, so the
    // picture stays withheld; a new round with five answers is shown at k,
    // but its keywords wait for the free-text threshold (8).
    let eva = app.person(&n.org, "Eva Eriksen", "eva@randers.dk", &[Role::Leader]).await;
    app.add_member(&n.org, &n.group, &eva).await;
    let second = start_round(&lis, &n.group).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk", "carl@randers.dk", "eva@randers.dk"] {
        handed_in(&app.signed_in(email).await, &second, &themes(&lis, &second).await, &[(2, "red", "Ingen indflydelse på budgettet")]).await;
    }
    lis.post_form(&format!("/apv/rounds/{second}/report"), &[("absence", "no"), ("next_due", next_year.as_str())]).await;
    assert_eq!(lis.post_form(&format!("/apv/rounds/{second}/close"), &[]).await.status(), 303);
    let (_, body) = hr.page(&format!("/apv/rounds/{second}/meeting")).await;
    let shown = picture(&body);
    assert_eq!(shown[0], ("Indflydelse".to_string(), [5, 0, 0]), "{body}");
    assert!(!body.contains("Ingen indflydelse på budgettet"), "keywords need 8 outside the group");
    let (entries,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE org_id = $1 AND action = 'apv-picture-read'")
        .bind(n.org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(entries, 1, "HR's read of the picture is in the audit log");
});
