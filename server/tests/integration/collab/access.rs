//! Who sees what: the round does not exist outside the group (404), also
//! across organisations; HR sees that it exists and, once settled and
//! answered by enough, the picture, never the agreement or the meeting.

use super::*;
use crate::both_backends;

both_backends!(outsiders_get_404_and_hr_never_sees_the_agreement, |app: TestApp| async move {
    let n = nord(&app).await;
    let ole = app.person(&n.org, "Ole Olsen", "ole@randers.dk", &[Role::Leader]).await;
    app.group(&n.org, "Ledergruppe Syd", &ole, &[]).await;
    let other = app.org("Viborg Kommune", "hr@viborg.dk").await;
    app.person(&other, "Vera Viborg", "vera@viborg.dk", &[Role::Leader]).await;

    let lis = app.signed_in("lis@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "carl@randers.dk"] {
        fill_in(&app.signed_in(email).await, &round, "3", "Hemmelig kommentar").await;
    }
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let r = lis
        .post_form(&format!("/collab/rounds/{round}/agreement"), &[("text-1", "Fortroligt punkt"), ("owner-1", n.lis.as_str()), ("follow_up_on-1", &follow)])
        .await;
    assert_eq!(r.status(), 303);

    let ole_c = app.signed_in("ole@randers.dk").await;
    let vera = app.signed_in("vera@viborg.dk").await;
    let foreign_hr = app.signed_in("hr@viborg.dk").await;
    for client in [&ole_c, &vera, &foreign_hr] {
        for path in ["", "/meeting", "/checklist", ".ics"] {
            let (status, body) = client.page(&format!("/collab/rounds/{round}{path}")).await;
            assert_eq!(status, 404, "{path}");
            assert!(!body.contains("Ledergruppe Nord") && !body.contains("Fortroligt punkt"));
        }
        for (path, fields) in [
            ("/checklist", vec![("comment", "hej")]),
            ("/matrix", vec![("theme", "safety"), ("quadrant", "act")]),
            ("/agreement", vec![("text-1", "x")]),
        ] {
            assert_eq!(client.post_form(&format!("/collab/rounds/{round}{path}"), &fields).await.status(), 404, "{path}");
        }
        assert_eq!(client.post_form(&format!("/collab/groups/{}/rounds", n.group), &[]).await.status(), 404);
        let (_, body) = client.page("/collab").await;
        assert!(!body.contains("Ledergruppe Nord"));
    }

    // HR: the round exists for them, the group's work does not.
    let hr = app.signed_in("hr@randers.dk").await;
    let (status, body) = hr.page(&format!("/collab/rounds/{round}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("3 af 4 har svaret") && !body.contains("Fortroligt punkt") && !body.contains("Hemmelig kommentar"));
    assert!(crate::intro::figures(&body).is_empty(), "not before the round is settled");
    for path in ["/meeting", "/checklist", ".ics"] {
        assert_eq!(hr.page(&format!("/collab/rounds/{round}{path}")).await.0, 403, "{path}");
    }
    let r = lis
        .post_form(
            &format!("/collab/rounds/{round}/agreement"),
            &[("text-1", "Fortroligt punkt"), ("owner-1", n.lis.as_str()), ("follow_up_on-1", &follow), ("settle", "1")],
        )
        .await;
    assert_eq!(r.status(), 303);
    super::confirm_settle(&lis, &round).await;
    let (_, body) = hr.page(&format!("/collab/rounds/{round}")).await;
    assert!(crate::intro::figures(&body).is_empty(), "3 answers are under the organisation's 5: {body}");
    assert!(!body.contains("Fortroligt punkt"));
    // The settled agreement is the group's: members see it.
    let (_, body) = app.signed_in("carl@randers.dk").await.page(&format!("/collab/rounds/{round}")).await;
    assert!(body.contains("Fortroligt punkt"));
    let _ = (n.anna, n.carl);
});

both_backends!(hr_sees_a_settled_picture_at_the_threshold_and_the_read_is_audited, |app: TestApp| async move {
    let n = nord(&app).await;
    let dan = app.person(&n.org, "Dan Dahl", "dan@randers.dk", &[Role::Leader]).await;
    app.add_member(&n.org, &n.group, &dan).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk", "carl@randers.dk", "dan@randers.dk"] {
        fill_in(&app.signed_in(email).await, &round, "4", "").await;
    }
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let r = lis
        .post_form(
            &format!("/collab/rounds/{round}/agreement"),
            &[("text-1", "Fortroligt punkt"), ("owner-1", n.lis.as_str()), ("follow_up_on-1", &follow), ("settle", "1")],
        )
        .await;
    assert_eq!(r.status(), 303);
    super::confirm_settle(&lis, &round).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let (_, body) = hr.page(&format!("/collab/rounds/{round}")).await;
    assert_eq!(crate::intro::figures(&body).len(), 21, "five answers meet the organisation's threshold");
    assert!(!body.contains("Fortroligt punkt"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = $1", "collab-picture-read").await, 1);
    let _ = (n.anna, n.carl);
});

both_backends!(hr_reads_the_agreement_only_while_the_group_shares_it, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    let share = format!("/collab/rounds/{round}/share");
    assert_eq!(lis.post_form(&share, &[("shared", "1")]).await.status(), 400, "not before the agreement is settled");
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let r = lis
        .post_form(
            &format!("/collab/rounds/{round}/agreement"),
            &[("text-1", "Fælles vikarpulje"), ("owner-1", n.anna.as_str()), ("follow_up_on-1", &follow), ("settle", "1")],
        )
        .await;
    assert_eq!(r.status(), 303);
    super::confirm_settle(&lis, &round).await;
    let hr = app.signed_in("hr@randers.dk").await;
    assert!(!hr.page(&format!("/collab/rounds/{round}")).await.1.contains("Fælles vikarpulje"));
    assert_eq!(app.signed_in("carl@randers.dk").await.post_form(&share, &[("shared", "1")]).await.status(), 403);
    assert_eq!(lis.post_form(&share, &[("shared", "maybe")]).await.status(), 400);
    assert_eq!(hr.post_form(&share, &[("shared", "1")]).await.status(), 403, "HR cannot share on the group's behalf");
    assert_eq!(lis.post_form(&share, &[("shared", "1")]).await.status(), 303);
    let (_, body) = hr.page(&format!("/collab/rounds/{round}")).await;
    assert!(body.contains("Fælles vikarpulje") && body.contains("Anna Andersen"), "{body}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = $1", "collab-agreement-read").await, 1);
    assert_eq!(lis.post_form(&share, &[("shared", "0")]).await.status(), 303);
    assert!(!hr.page(&format!("/collab/rounds/{round}")).await.1.contains("Fælles vikarpulje"), "sharing can be withdrawn");
    let _ = n.carl;
});

both_backends!(a_group_that_lost_its_leader_settles_its_agreement_itself, |app: TestApp| async move {
    let n = nord(&app).await;
    sqlx::query("UPDATE leader_groups SET group_leader_id = NULL WHERE id = $1").bind(&n.group).execute(&app.state.db.pool).await.unwrap();
    // HR plans the meeting for the group; a member settles the agreement.
    let round = planned(&app.signed_in("hr@randers.dk").await, &n.group).await;
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let r = app
        .signed_in("anna@randers.dk")
        .await
        .post_form(
            &format!("/collab/rounds/{round}/agreement"),
            &[("text-1", "Vi finder en ny leder af gruppen"), ("owner-1", n.anna.as_str()), ("follow_up_on-1", &follow), ("settle", "1")],
        )
        .await;
    assert_eq!(r.status(), 303);
    super::confirm_settle(&app.signed_in("anna@randers.dk").await, &round).await;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_rounds WHERE id = $1 AND closed_at IS NOT NULL", &round).await, 1);
    // HR outside the group still cannot touch the group's work.
    let hr = app.signed_in("hr@randers.dk").await;
    assert_eq!(hr.post_form(&format!("/collab/rounds/{round}/share"), &[("shared", "1")]).await.status(), 403);
    let _ = (n.lis, n.carl);
});
