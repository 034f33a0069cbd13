//! HR's leader groups, CSV import, audit log and settings: the happy paths,
//! bad input that changes nothing, and who may not see or change what.

mod browser;
mod import;
mod settings;

use crate::both_backends;
use crate::support::app::{location, Org, TestClient};
use crate::support::TestApp;
use domain::ids::PersonId;
use domain::roles::Role;

async fn scalar(app: &TestApp, sql: &'static str, org: &Org) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(org.id.as_str()).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

async fn group_id(app: &TestApp, org: &Org, name: &str) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM leader_groups WHERE org_id = $1 AND name = $2")
        .bind(org.id.as_str())
        .bind(name)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

/// (name, leader id, openness, sorted member ids) of a group as stored.
async fn stored_group(app: &TestApp, id: &str) -> (String, Option<String>, String, Vec<String>) {
    let (name, leader, openness): (String, Option<String>, String) =
        sqlx::query_as("SELECT name, group_leader_id, openness FROM leader_groups WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let members: Vec<(String,)> = sqlx::query_as("SELECT person_id FROM group_members WHERE group_id = $1 ORDER BY person_id")
        .bind(id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    (name, leader, openness, members.into_iter().map(|(m,)| m).collect())
}

async fn put_in_unit(app: &TestApp, org: &Org, person: &PersonId, unit: &str) {
    let existing: Option<(String,)> = sqlx::query_as("SELECT id FROM units WHERE org_id = $1 AND name = $2")
        .bind(org.id.as_str())
        .bind(unit)
        .fetch_optional(&app.state.db.pool)
        .await
        .unwrap();
    let id = match existing {
        Some((id,)) => id,
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            sqlx::query("INSERT INTO units (id, org_id, name, created_at) VALUES ($1, $2, $3, '2026-01-01T00:00:00Z')")
                .bind(&id)
                .bind(org.id.as_str())
                .bind(unit)
                .execute(&app.state.db.pool)
                .await
                .unwrap();
            id
        }
    };
    sqlx::query("UPDATE persons SET unit_id = $1 WHERE id = $2")
        .bind(id)
        .bind(person.as_str())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
}

async fn audit_actions(app: &TestApp, org: &Org) -> Vec<(String, String)> {
    sqlx::query_as("SELECT action, target FROM audit_log WHERE org_id = $1 ORDER BY id")
        .bind(org.id.as_str())
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

both_backends!(groups_are_created_edited_and_deleted, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    let ida = app.person(&org, "Ida Ærø", "ida@horsens.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Øster", "bo@horsens.dk", &[Role::Leader]).await;
    let kim = app.person(&org, "Kim Åberg", "kim@horsens.dk", &[Role::Leader]).await;
    put_in_unit(&app, &org, &ida, "Børn og Unge").await;
    put_in_unit(&app, &org, &bo, "Børn og Unge").await;
    let hr = app.signed_in("hr@horsens.dk").await;

    let (status, body) = hr.page("/admin/groups").await;
    assert_eq!(status, 200);
    assert!(body.contains("Der er ingen ledergrupper endnu."), "{body}");

    let (status, body) = hr.page("/admin/groups/new").await;
    assert_eq!(status, 200);
    assert!(body.contains("<legend class=\"form-label\">Børn og Unge</legend>"), "{body}");
    assert!(body.contains("<legend class=\"form-label\">Uden enhed</legend>"));
    assert!(body.contains(&format!("value=\"{ida}\"")));
    assert!(body.contains("value=\"anonymous\" checked"), "anonymous is the default");
    assert!(body.contains("Alle medlemmer får det at vide, før de svarer."));

    let r = hr
        .post_form(
            "/admin/groups/new",
            &[
                ("name", "Ledergruppen i Børn og Unge"),
                ("leader", kim.as_str()),
                ("members", ida.as_str()),
                ("members", bo.as_str()),
                ("openness", "named"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin/groups?notice=created");
    let id = group_id(&app, &org, "Ledergruppen i Børn og Unge").await;
    let mut members = vec![ida.to_string(), bo.to_string()];
    members.sort();
    assert_eq!(
        stored_group(&app, &id).await,
        ("Ledergruppen i Børn og Unge".into(), Some(kim.to_string()), "named".into(), members)
    );

    let (_, body) = hr.page("/admin/groups?notice=created").await;
    assert!(body.contains("Ledergruppen er oprettet."));
    assert!(body.contains("Ledergruppen i Børn og Unge"));
    assert!(body.contains("<td>Kim Åberg</td>"), "{body}");
    assert!(body.contains("<td>2</td>"));
    assert!(body.contains("Åben dialog med navne"));

    // The edit form shows what is stored.
    let (status, body) = hr.page(&format!("/admin/groups/{id}")).await;
    assert_eq!(status, 200);
    assert!(body.contains(&format!("value=\"{ida}\" checked")));
    assert!(body.contains(&format!("value=\"{bo}\" checked")));
    assert!(!body.contains(&format!("value=\"{kim}\" checked")));
    assert!(body.contains(&format!("<option value=\"{kim}\" selected>Kim Åberg</option>")));
    assert!(body.contains("value=\"named\" checked"));

    let r = hr
        .post_form(
            &format!("/admin/groups/{id}"),
            &[("name", "Ledergruppe BU"), ("leader", ida.as_str()), ("members", kim.as_str()), ("openness", "anonymous")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        stored_group(&app, &id).await,
        ("Ledergruppe BU".into(), Some(ida.to_string()), "anonymous".into(), vec![kim.to_string()])
    );
    // The group's members and leader now see it on their start page.
    let kim_client = app.signed_in("kim@horsens.dk").await;
    assert!(kim_client.page("/").await.1.contains("Ledergruppe BU"));

    let (status, body) = hr.page(&format!("/admin/groups/{id}/delete")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Slet ledergruppen Ledergruppe BU?"));
    assert!(body.contains("Personerne i gruppen bliver ikke slettet."));
    let r = hr.post_form(&format!("/admin/groups/{id}/delete"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin/groups?notice=deleted");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM leader_groups WHERE org_id = $1", &org).await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM group_members WHERE org_id = $1", &org).await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM persons WHERE org_id = $1", &org).await, 4, "people stay");

    let actions = audit_actions(&app, &org).await;
    let actions: Vec<(&str, &str)> = actions.iter().map(|(a, t)| (a.as_str(), t.as_str())).collect();
    assert_eq!(
        actions[1..],
        [
            ("group-created", "Ledergruppen i Børn og Unge"),
            (
                "group-updated",
                "Ledergruppe BU (Navn: Ledergruppen i Børn og Unge → Ledergruppe BU; Leder: Kim Åberg → Ida Ærø; \
                 Åbenhed: Åben dialog med navne → Anonymt; Kom med: Kim Åberg; Gik ud: Bo Øster, Ida Ærø)"
            ),
            ("group-deleted", "Ledergruppe BU"),
        ]
    );
});

both_backends!(bad_group_input_is_refused_and_changes_nothing, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    let other = app.org("Vejle Kommune", "hr@vejle.dk").await;
    let ida = app.person(&org, "Ida Ærø", "ida@horsens.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Øster", "bo@horsens.dk", &[Role::Leader]).await;
    let stranger = app.person(&other, "Sara Fremmed", "sara@vejle.dk", &[Role::Leader]).await;
    let hr = app.signed_in("hr@horsens.dk").await;
    let r = hr
        .post_form("/admin/groups/new", &[("name", "Nord"), ("leader", ida.as_str()), ("members", bo.as_str())])
        .await;
    assert_eq!(r.status(), 303, "no openness means the default");
    let nord = group_id(&app, &org, "Nord").await;
    assert_eq!(stored_group(&app, &nord).await.2, "anonymous");
    let before = stored_group(&app, &nord).await;

    let long_name = "x".repeat(161);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("name", "  "), ("leader", ida.as_str())], "Skriv ledergruppens navn."),
        (vec![("name", "nord"), ("leader", ida.as_str())], "Der findes allerede en ledergruppe med det navn."),
        (vec![("name", long_name.as_str()), ("leader", ida.as_str())], "Ledergruppens navn er for langt"),
        (vec![("name", "Syd")], "Vælg gruppens leder."),
        (vec![("name", "Syd"), ("leader", stranger.as_str())], "Den valgte leder findes ikke i organisationen."),
        (vec![("name", "Syd"), ("leader", "1 OR 1=1")], "Den valgte leder findes ikke i organisationen."),
        (
            vec![("name", "Syd"), ("leader", ida.as_str()), ("members", bo.as_str()), ("members", stranger.as_str())],
            "Et af de valgte medlemmer findes ikke i organisationen.",
        ),
        (
            vec![("name", "Syd"), ("leader", ida.as_str()), ("openness", "everyone")],
            "Vælg, om svarene skal vises anonymt eller med navne.",
        ),
    ];
    for (fields, message) in &cases {
        let r = hr.post_form("/admin/groups/new", fields).await;
        assert_eq!(r.status(), 422, "{fields:?}");
        let body = r.text().await.unwrap();
        assert!(body.contains(message), "{fields:?}: {body}");
        assert!(body.contains("Der er fejl i formularen"));
        // Editing Nord with the same input is refused the same way (a duplicate
        // name only against another group, so that case is skipped here).
        if !message.starts_with("Der findes allerede") {
            let r = hr.post_form(&format!("/admin/groups/{nord}"), fields).await;
            assert_eq!(r.status(), 422, "edit {fields:?}");
        }
    }
    // What was typed comes back.
    let r = hr.post_form("/admin/groups/new", &[("name", "Syd"), ("members", bo.as_str())]).await;
    let body = r.text().await.unwrap();
    assert!(body.contains("value=\"Syd\""));
    assert!(body.contains(&format!("value=\"{bo}\" checked")));

    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM leader_groups WHERE org_id = $1", &org).await, 1);
    assert_eq!(stored_group(&app, &nord).await, before);
    assert_eq!(audit_actions(&app, &org).await.len(), 2, "org-created and one group-created");
    // Renaming a group to its own name in another case is fine.
    let r = hr.post_form(&format!("/admin/groups/{nord}"), &[("name", "NORD"), ("leader", ida.as_str())]).await;
    assert_eq!(r.status(), 303);
});

both_backends!(an_hr_admin_of_another_org_cannot_see_or_change_a_group, |app: TestApp| async move {
    let a = app.org("Horsens Kommune", "hr@horsens.dk").await;
    app.org("Vejle Kommune", "hr@vejle.dk").await;
    let ida = app.person(&a, "Ida Ærø", "ida@horsens.dk", &[Role::Leader]).await;
    let hr_a = app.signed_in("hr@horsens.dk").await;
    hr_a.post_form("/admin/groups/new", &[("name", "Nord"), ("leader", ida.as_str()), ("members", ida.as_str())]).await;
    let id = group_id(&app, &a, "Nord").await;
    let before = stored_group(&app, &id).await;

    let hr_b = app.signed_in("hr@vejle.dk").await;
    assert!(!hr_b.page("/admin/groups").await.1.contains("Nord"));
    assert_eq!(hr_b.page(&format!("/admin/groups/{id}")).await.0, 404);
    assert_eq!(hr_b.page(&format!("/admin/groups/{id}/delete")).await.0, 404);
    let r = hr_b.post_form(&format!("/admin/groups/{id}"), &[("name", "Overtaget"), ("leader", ida.as_str())]).await;
    assert_eq!(r.status(), 404);
    let r = hr_b.post_form(&format!("/admin/groups/{id}/delete"), &[]).await;
    assert_eq!(r.status(), 404);
    assert_eq!(hr_b.page("/admin/groups/not-a-uuid").await.0, 404);
    assert_eq!(stored_group(&app, &id).await, before);
});

both_backends!(a_leader_gets_403_on_every_page_here, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    let ida = app.person(&org, "Ida Ærø", "ida@horsens.dk", &[Role::Leader]).await;
    let hr = app.signed_in("hr@horsens.dk").await;
    hr.post_form("/admin/groups/new", &[("name", "Nord"), ("leader", ida.as_str())]).await;
    let id = group_id(&app, &org, "Nord").await;
    let leader = app.signed_in("ida@horsens.dk").await;
    let group = format!("/admin/groups/{id}");
    let delete = format!("/admin/groups/{id}/delete");
    let pages = [
        "/admin/groups",
        "/admin/groups/new",
        group.as_str(),
        delete.as_str(),
        "/admin/import",
        "/admin/import/example.csv",
        "/admin/audit",
        "/admin/settings",
    ];
    for path in pages {
        let (status, body) = leader.page(path).await;
        assert_eq!(status, 403, "GET {path}");
        assert!(body.contains("Ingen adgang"), "{path}");
    }
    for path in ["/admin/groups/new", group.as_str(), delete.as_str(), "/admin/import/confirm", "/admin/settings"] {
        let r = leader.post_form(path, &[("name", "Min gruppe"), ("leader", ida.as_str()), ("k", "3"), ("content", "")]).await;
        assert_eq!(r.status(), 403, "POST {path}");
    }
    let r = upload(&leader, b"navn;e-mail\nEva;eva@horsens.dk\n".to_vec()).await;
    assert_eq!(r.status(), 403, "POST /admin/import");
    assert_eq!(stored_group(&app, &id).await.0, "Nord");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM persons WHERE org_id = $1", &org).await, 2);
    assert_eq!(scalar(&app, "SELECT anonymity_k FROM orgs WHERE id = $1", &org).await, 5);
});

/// Posts a file to the import form as a browser does: the token first.
pub async fn upload(client: &TestClient, bytes: Vec<u8>) -> reqwest::Response {
    let token = client.csrf().await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", token)
        .part("file", reqwest::multipart::Part::bytes(bytes).file_name("personer.csv").mime_str("text/csv").unwrap())
        .text("text", "");
    client.http.post(format!("{}/admin/import", client.base)).multipart(form).send().await.unwrap()
}

pub fn hidden_content(body: &str) -> String {
    let marker = "name=\"content\" value=\"";
    let at = body.find(marker).expect("a confirmation form");
    let rest = &body[at + marker.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}
