//! Who may not: a leader gets 403 on every admin page of this area (GET and
//! POST), HR of another organisation gets 404, and nothing changes.

use super::*;

both_backends!(a_leader_gets_403_on_every_admin_page, |app: TestApp| async move {
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let leader = app.person(&org, "Lars Leder", "lars@favrskov.dk", &[Role::Leader]).await.to_string();
    let hr = app.signed_in("hr@favrskov.dk").await;
    hr.post_form("/admin/units", &[("name", "Teknik")]).await;
    let unit = unit_id(&app, &org, "Teknik").await;
    let leader_id = domain::ids::PersonId::parse(&leader).unwrap();
    let group = app.group(&org, "Ledergruppe Teknik", &leader_id, &[]).await;
    let lars = app.signed_in("lars@favrskov.dk").await;
    let before = audit_actions(&app, &org).await.len();
    for path in [
        "/admin/units".to_string(),
        format!("/admin/units/{unit}"),
        format!("/admin/units/{unit}/delete"),
        "/admin/people".to_string(),
        "/admin/people/new".to_string(),
        format!("/admin/people/{leader}"),
        format!("/admin/people/{leader}/remove"),
        format!("/admin/people/invite-filtered?unit={unit}"),
        format!("/admin/groups/{group}/invite"),
    ] {
        let (status, body) = lars.page(&path).await;
        assert_eq!(status, 403, "GET {path}");
        assert!(body.contains("Ingen adgang"));
    }
    let person_form = [("name", "Lars Chef"), ("email", "lars@favrskov.dk"), ("roles", "hr_admin")];
    for (path, fields) in [
        ("/admin/units".to_string(), &[("name", "Min enhed")][..]),
        (format!("/admin/units/{unit}"), &[("name", "Omdøbt")][..]),
        (format!("/admin/units/{unit}/delete"), &[][..]),
        ("/admin/people".to_string(), &person_form[..]),
        ("/admin/people/invite-all".to_string(), &[][..]),
        (format!("/admin/people/invite-filtered?unit={unit}"), &[][..]),
        (format!("/admin/groups/{group}/invite"), &[][..]),
        (format!("/admin/people/{leader}"), &person_form[..]),
        (format!("/admin/people/{leader}/invite"), &[][..]),
        (format!("/admin/people/{leader}/remove"), &[][..]),
    ] {
        let r = lars.post_form(&path, fields).await;
        assert_eq!(r.status(), 403, "POST {path}");
    }
    assert_eq!(audit_actions(&app, &org).await.len(), before, "nothing changed");
    assert_eq!(people_in(&app, &org).await, 2);
    assert_eq!(unit_id(&app, &org, "Teknik").await, unit);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM person_roles WHERE person_id = $1 AND role = 'hr_admin'")
        .bind(&leader)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
    assert!(app.mails_to("lars@favrskov.dk").is_empty());
});

both_backends!(hr_of_another_org_gets_404_and_changes_nothing, |app: TestApp| async move {
    let a = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    app.org("Syddjurs Kommune", "hr@syddjurs.dk").await;
    let person = app.person(&a, "Lars Leder", "lars@favrskov.dk", &[Role::Leader]).await.to_string();
    let hr_a = app.signed_in("hr@favrskov.dk").await;
    hr_a.post_form("/admin/units", &[("name", "Teknik")]).await;
    let unit = unit_id(&app, &a, "Teknik").await;
    let hr_b = app.signed_in("hr@syddjurs.dk").await;
    let before = audit_actions(&app, &a).await.len();
    for path in [
        format!("/admin/units/{unit}"),
        format!("/admin/units/{unit}/delete"),
        format!("/admin/people/{person}"),
        format!("/admin/people/{person}/remove"),
        "/admin/people/not-a-uuid".to_string(),
    ] {
        assert_eq!(hr_b.page(&path).await.0, 404, "GET {path}");
    }
    let person_form = [("name", "Kapret"), ("email", "lars@favrskov.dk"), ("roles", "leader")];
    for (path, fields) in [
        (format!("/admin/units/{unit}"), &[("name", "Kapret")][..]),
        (format!("/admin/units/{unit}/delete"), &[][..]),
        (format!("/admin/people/{person}"), &person_form[..]),
        (format!("/admin/people/{person}/invite"), &[][..]),
        (format!("/admin/people/{person}/remove"), &[][..]),
    ] {
        let r = hr_b.post_form(&path, fields).await;
        assert_eq!(r.status(), 404, "POST {path}");
    }
    // B's lists show nothing of A's.
    let (_, body) = hr_b.page("/admin/people").await;
    assert!(!body.contains("Lars Leder"));
    let (_, body) = hr_b.page("/admin/units").await;
    assert!(!body.contains("Teknik"));
    assert_eq!(audit_actions(&app, &a).await.len(), before);
    assert_eq!(unit_id(&app, &a, "Teknik").await, unit);
    assert_eq!(people_in(&app, &a).await, 2);
    assert!(app.mails_to("lars@favrskov.dk").is_empty());
});
