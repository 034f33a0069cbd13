//! Organisations are strictly separated: every URL that names something of
//! organisation B answers 404 to anyone of organisation A, for reading and
//! for writing, and changes nothing. A leader gets 403 on admin pages.

use domain::roles::Role;

async fn one(app: &crate::support::TestApp, sql: &'static str, org: &str) -> String {
    let (id,): (String,) = sqlx::query_as(sql).bind(org).fetch_one(&app.state.db.pool).await.unwrap();
    id
}

/// Everything of organisation B that a change could touch, as one string.
async fn fingerprint(app: &crate::support::TestApp, org: &str) -> String {
    let mut out = String::new();
    for sql in [
        "SELECT id || name || COALESCE(unit_id, '') || COALESCE(nearest_leader_id, '') FROM persons WHERE org_id = $1 ORDER BY id",
        "SELECT id || name || COALESCE(group_leader_id, '') || openness FROM leader_groups WHERE org_id = $1 ORDER BY id",
        "SELECT id || name FROM units WHERE org_id = $1 ORDER BY id",
        "SELECT id || hidden || COALESCE(current_revision_id, '') FROM catalogue_items WHERE org_id = $1 ORDER BY id",
        "SELECT id || COALESCE(closed_at, '') FROM intro_runs WHERE org_id = $1 ORDER BY id",
        "SELECT run_id || person_id || revision_id || value FROM intro_answers WHERE org_id = $1 ORDER BY 1",
        "SELECT id FROM audit_log WHERE org_id = $1 ORDER BY id",
        "SELECT name || anonymity_k || free_text_k FROM orgs WHERE id = $1",
        "SELECT id || COALESCE(shared_with_id, '') || COALESCE(agreed_by_leader_at, '') || COALESCE(agreed_by_nearest_at, '') || ends_on \
         FROM agreements WHERE org_id = $1 ORDER BY id",
        "SELECT id || COALESCE(point_id, '') || COALESCE(author_id, '') || text FROM agreement_comments WHERE org_id = $1 ORDER BY id",
        "SELECT id || text || shared || rhythm FROM agreement_points WHERE org_id = $1 ORDER BY id",
        "SELECT point_id || day || kept || note FROM check_ins WHERE org_id = $1 ORDER BY 1",
        "SELECT person_id || item_id || text FROM guide_notes WHERE org_id = $1 ORDER BY 1",
        "SELECT id || starts_at || minutes || place || sequence || COALESCE(cancelled_at, '') FROM dialogs WHERE org_id = $1 ORDER BY id",
        "SELECT id || text || status || answer || COALESCE(answered_at, '') FROM lifts WHERE org_id = $1 ORDER BY id",
    ] {
        let rows: Vec<(String,)> = sqlx::query_as(sql).bind(org).fetch_all(&app.state.db.pool).await.unwrap();
        for (r,) in rows {
            out.push_str(&r);
            out.push('\n');
        }
    }
    out
}

crate::both_backends!(another_organisations_urls_are_404_and_change_nothing, |app: crate::support::TestApp| async move {
    // Organisation B: the full demo (people, units, groups, intro rounds).
    ledertrivsel::demo::create(&app.state.db, &app.state.shipped, app.state.clock.now()).await.unwrap().unwrap();
    let (b,): (String,) = sqlx::query_as("SELECT id FROM orgs").fetch_one(&app.state.db.pool).await.unwrap();
    let person = one(&app, "SELECT id FROM persons WHERE org_id = $1 ORDER BY id LIMIT 1", &b).await;
    let unit = one(&app, "SELECT id FROM units WHERE org_id = $1 ORDER BY id LIMIT 1", &b).await;
    let group = one(&app, "SELECT id FROM leader_groups WHERE org_id = $1 ORDER BY id LIMIT 1", &b).await;
    let run = one(&app, "SELECT id FROM intro_runs WHERE org_id = $1 AND closed_at IS NULL LIMIT 1", &b).await;
    let item = one(&app, "SELECT id FROM catalogue_items WHERE org_id = $1 LIMIT 1", &b).await;
    let daily = one(&app, "SELECT id FROM agreement_points WHERE org_id = $1 AND rhythm = 'daily' LIMIT 1", &b).await;
    let weekly = one(&app, "SELECT id FROM agreement_points WHERE org_id = $1 AND rhythm = 'weekly' LIMIT 1", &b).await;
    let prompt = one(&app, "SELECT id FROM catalogue_items WHERE org_id = $1 AND tool = 'dialog' LIMIT 1", &b).await;
    let dialog = one(&app, "SELECT id FROM dialogs WHERE org_id = $1 AND cancelled_at IS NULL ORDER BY starts_at DESC LIMIT 1", &b).await;
    let lift = one(&app, "SELECT id FROM lifts WHERE org_id = $1 AND to_level = 'group' AND status = 'open' LIMIT 1", &b).await;
    let inbox = one(&app, "SELECT to_group_id FROM lifts WHERE org_id = $1 AND to_level = 'group' AND status = 'open' LIMIT 1", &b).await;
    let at_org = one(&app, "SELECT id FROM lifts WHERE org_id = $1 AND to_level = 'organisation' LIMIT 1", &b).await;
    let shared = one(&app, "SELECT id FROM agreements WHERE org_id = $1 AND shared_with_id IS NOT NULL ORDER BY id LIMIT 1", &b).await;
    let before = fingerprint(&app, &b).await;

    // Organisation A: its HR admin, and a leader.
    let a = app.org("Anden Kommune", "hr@anden.dk").await;
    app.person(&a, "Lene Leder", "lene@anden.dk", &[Role::Leader]).await;

    let gets = [
        format!("/admin/people/{person}"),
        format!("/admin/people/{person}/remove"),
        format!("/admin/units/{unit}"),
        format!("/admin/units/{unit}/delete"),
        format!("/admin/groups/{group}"),
        format!("/admin/groups/{group}/delete"),
        format!("/admin/catalogue/items/{item}"),
        format!("/groups/{group}"),
        format!("/intro/runs/{run}"),
        format!("/intro/runs/{run}/answer"),
        format!("/dialog/points/{daily}"),
        format!("/dialog/points/{weekly}"),
        format!("/dialog/meetings/{dialog}"),
        format!("/dialog/meetings/{dialog}.ics"),
        format!("/groups/{inbox}/inbox"),
        format!("/team/agreements/{shared}"),
    ];
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (format!("/admin/people/{person}"), vec![("name", "Overtaget"), ("email", "x@anden.dk"), ("roles", "leader")]),
        (format!("/admin/people/{person}/remove"), vec![]),
        (format!("/admin/people/{person}/invite"), vec![]),
        (format!("/admin/units/{unit}"), vec![("name", "Overtaget")]),
        (format!("/admin/units/{unit}/delete"), vec![]),
        (format!("/admin/groups/{group}"), vec![("name", "Overtaget"), ("openness", "named")]),
        (format!("/admin/groups/{group}/delete"), vec![]),
        (format!("/admin/catalogue/items/{item}"), vec![("text_da", "Overtaget"), ("text_en", "Taken")]),
        (format!("/admin/catalogue/items/{item}/visibility"), vec![("hidden", "1")]),
        (format!("/intro/groups/{group}/runs"), vec![]),
        (format!("/intro/runs/{run}/answer"), vec![("comment", "Overtaget")]),
        (format!("/intro/runs/{run}/decision"), vec![("next_tool", "network"), ("due_date", "2099-01-01")]),
        (format!("/dialog/points/{daily}/tick"), vec![("kept", "no")]),
        (format!("/dialog/points/{weekly}/week"), vec![("kept", "no"), ("note", "Overtaget")]),
        (format!("/dialog/guide/notes/{prompt}"), vec![("text", "Overtaget")]),
        (format!("/dialog/meetings/{dialog}/reschedule"), vec![("date", "2099-01-01"), ("time", "10:00"), ("minutes", "45")]),
        (format!("/dialog/meetings/{dialog}/cancel"), vec![]),
        (format!("/dialog/points/{daily}/lift"), vec![("group", inbox.as_str()), ("text", "Overtaget"), ("attributed", "yes"), ("consent", "yes")]),
        (format!("/groups/{inbox}/inbox/{lift}/answer"), vec![("status", "declined"), ("answer", "Overtaget")]),
        (format!("/groups/{inbox}/inbox/{lift}/lift-on"), vec![("text", "Overtaget"), ("attributed", "yes")]),
        (format!("/thread/lifts/{lift}/withdraw"), vec![]),
        (format!("/admin/inbox/{at_org}/answer"), vec![("status", "declined"), ("answer", "Overtaget")]),
        (format!("/team/agreements/{shared}/comments"), vec![("comment", "Overtaget")]),
        (format!("/team/agreements/{shared}/agreed"), vec![("agreed", "yes")]),
    ];

    for who in ["hr@anden.dk", "lene@anden.dk"] {
        let client = app.signed_in(who).await;
        for path in &gets {
            let status = client.get(path).await.status().as_u16();
            let expected = if who == "lene@anden.dk" && path.starts_with("/admin") { 403 } else { 404 };
            assert_eq!(status, expected, "{who} GET {path}");
        }
        for (path, fields) in &posts {
            let status = client.post_form(path, fields).await.status().as_u16();
            let expected = if who == "lene@anden.dk" && path.starts_with("/admin") { 403 } else { 404 };
            assert_eq!(status, expected, "{who} POST {path}");
        }
    }
    assert_eq!(fingerprint(&app, &b).await, before, "organisation B was changed from organisation A");
});

crate::both_backends!(a_leader_gets_403_on_every_admin_page, |app: crate::support::TestApp| async move {
    let a = app.org("Anden Kommune", "hr@anden.dk").await;
    app.person(&a, "Lene Leder", "lene@anden.dk", &[Role::Leader, Role::TopManagement]).await;
    let client = app.signed_in("lene@anden.dk").await;
    for path in [
        "/admin",
        "/admin/people",
        "/admin/people/new",
        "/admin/units",
        "/admin/groups",
        "/admin/groups/new",
        "/admin/import",
        "/admin/import/example.csv",
        "/admin/catalogue",
        "/admin/catalogue/new",
        "/admin/settings",
        "/admin/audit",
        "/admin/inbox",
    ] {
        let r = client.get(path).await;
        assert_eq!(r.status(), 403, "GET {path}");
        assert!(r.text().await.unwrap().contains("Ingen adgang"), "{path}");
    }
    for path in ["/admin/people", "/admin/units", "/admin/groups/new", "/admin/settings", "/admin/people/invite-all", "/admin/import/confirm"] {
        assert_eq!(client.post_form(path, &[("name", "x")]).await.status(), 403, "POST {path}");
    }
});
