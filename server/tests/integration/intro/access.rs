//! Who sees and does what: 404 for anyone outside the group (or the
//! organisation), 403 for HR answering, the tool page per role.

use super::*;
use crate::both_backends;

both_backends!(outsiders_get_404_and_hr_403_on_answering, |app: TestApp| async move {
    let n = nord(&app).await;
    let ole = app.person(&n.org, "Ole Olsen", "ole@randers.dk", &[Role::Leader]).await;
    let syd = group(&app, &n.org, "Ledergruppe Syd", &ole, &[]).await;
    let other = app.org("Viborg Kommune", "hr@viborg.dk").await;
    app.person(&other, "Vera Viborg", "vera@viborg.dk", &[Role::Leader]).await;

    let run = start_round(&app.signed_in("lis@randers.dk").await, &n.group).await;
    let ole_c = app.signed_in("ole@randers.dk").await;
    let vera = app.signed_in("vera@viborg.dk").await;
    let foreign_hr = app.signed_in("hr@viborg.dk").await;
    for client in [&ole_c, &vera, &foreign_hr] {
        for path in [format!("/intro/runs/{run}"), format!("/intro/runs/{run}/answer"), format!("/groups/{}", n.group)] {
            let (status, body) = client.page(&path).await;
            assert_eq!(status, 404, "{path}");
            assert!(!body.contains("Ledergruppe Nord"));
        }
        let r = client.post_form(&format!("/intro/runs/{run}/answer"), &[("comment", "hej")]).await;
        assert_eq!(r.status(), 404);
        let r = client.post_form(&format!("/intro/groups/{}/runs", n.group), &[]).await;
        assert_eq!(r.status(), 404);
        let r = client.post_form(&format!("/intro/runs/{run}/decision"), &[("next_tool", "network")]).await;
        assert_eq!(r.status(), 404);
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM intro_respondents WHERE run_id = $1", &run).await, 0);
    // Ole sees his own group, and not Nord's, on the tool page.
    let (_, body) = ole_c.page("/intro").await;
    assert!(body.contains("Ledergruppe Syd") && !body.contains("Ledergruppe Nord"));
    assert_eq!(ole_c.page(&format!("/groups/{syd}")).await.0, 200);

    // HR sees the group page (members, leader, rounds) but may not answer for the group.
    let hr = app.signed_in("hr@randers.dk").await;
    let (status, body) = hr.page(&format!("/groups/{}", n.group)).await;
    assert_eq!(status, 200);
    assert!(body.contains("Lis Leder") && body.contains("Carl Clausen") && body.contains("0 af 4 har svaret"), "{body}");
    assert_eq!(hr.page(&format!("/intro/runs/{run}/answer")).await.0, 403);
    let (_, body) = hr.page("/intro").await;
    assert!(body.contains("Organisationens øvrige ledergrupper") && body.contains("0 af 4 har svaret"), "{body}");
    // A member sees the group page with the leader and the round to answer.
    let (status, body) = app.signed_in("carl@randers.dk").await.page(&format!("/groups/{}", n.group)).await;
    assert_eq!(status, 200);
    assert!(body.contains("Anonym") && body.contains(&format!("/intro/runs/{run}/answer")));
    // A leader is forbidden the catalogue admin.
    assert_eq!(ole_c.page("/admin/catalogue").await.0, 403);
    let _ = (n.lis, n.anna, n.carl);
});

both_backends!(tool_page_explains_and_lists_my_groups, |app: TestApp| async move {
    let n = nord(&app).await;
    let carl = app.signed_in("carl@randers.dk").await;
    let (status, body) = carl.page("/intro").await;
    assert_eq!(status, 200);
    assert!(body.contains("Sæt spot på lederes trivsel"));
    assert!(body.contains("Hvorfor sætte spot på lederes trivsel?") && body.contains("Sådan gør I"));
    assert!(body.contains("Ledergruppe Nord") && body.contains("Gruppen har ikke haft en runde endnu."));
    assert!(!body.contains("Start en runde"), "members do not start rounds");
    let r = carl.post_form(&format!("/intro/groups/{}/runs", n.group), &[]).await;
    assert_eq!(r.status(), 403);
    let (_, body) = app.signed_in("lis@randers.dk").await.page("/intro").await;
    assert!(body.contains("Start en runde for Ledergruppe Nord"));
    // In English too.
    carl.post_form("/language", &[("lang", "en"), ("next", "/intro")]).await;
    let (_, body) = carl.page("/intro").await;
    assert!(body.contains("How you do it") && body.contains("The group has not had a round yet."));
    let _ = (n.lis, n.anna, n.carl);
});
