//! HR's units and people: the happy paths, bad input (422, Danish message,
//! nothing changed), removal, e-mail changes, the audit log. Invitations,
//! access rules and the browser check are in the submodules.

use crate::both_backends;
use crate::support::app::{location, Org, TestClient, PASSWORD};
use crate::support::TestApp;
use domain::ids::OrgId;
use domain::roles::Role;

mod access;
mod addresses;
mod browser;
mod invitations;

async fn count(app: &TestApp, sql: &'static str, org: &OrgId) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(org.as_str()).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

async fn people_in(app: &TestApp, org: &Org) -> i64 {
    count(app, "SELECT COUNT(*) FROM persons WHERE org_id = $1", &org.id).await
}

async fn unit_id(app: &TestApp, org: &Org, name: &str) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM units WHERE org_id = $1 AND name = $2")
        .bind(org.id.as_str())
        .bind(name)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

/// The id in a redirect to `/admin/people/{id}?notice=…`.
fn person_in(r: &reqwest::Response) -> String {
    let to = location(r);
    let rest = to.strip_prefix("/admin/people/").unwrap_or_else(|| panic!("unexpected redirect {to}"));
    rest.split('?').next().unwrap().to_string()
}

/// The audit log's actions for the organisation, oldest first.
async fn audit_actions(app: &TestApp, org: &Org) -> Vec<(String, String)> {
    sqlx::query_as("SELECT action, target FROM audit_log WHERE org_id = $1 ORDER BY at, id")
        .bind(org.id.as_str())
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

async fn create_person(hr: &TestClient, fields: &[(&str, &str)]) -> reqwest::Response {
    hr.post_form("/admin/people", fields).await
}

/// The link in the newest invitation mail to `to`, as a path.
fn invitation_path(app: &TestApp, to: &str) -> String {
    let mails = app.mails_to(to);
    let (_, body) = mails.last().unwrap_or_else(|| panic!("no mail to {to}"));
    let link = body.lines().find(|l| l.contains("/invitation/")).unwrap().trim();
    link.trim_start_matches("http://test.invalid").to_string()
}

both_backends!(hr_builds_units_and_people, |app: TestApp| async move {
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let hr = app.signed_in("hr@favrskov.dk").await;

    let r = hr.post_form("/admin/units", &[("name", "Børn og Unge"), ("parent", "")]).await;
    assert_eq!(r.status(), 303);
    let top = unit_id(&app, &org, "Børn og Unge").await;
    let r = hr.post_form("/admin/units", &[("name", "Skoler"), ("parent", &top)]).await;
    assert_eq!(r.status(), 303);
    let schools = unit_id(&app, &org, "Skoler").await;
    let (status, body) = hr.page("/admin/units").await;
    assert_eq!(status, 200);
    let (a, b) = (body.find("Børn og Unge").unwrap(), body.find("Skoler").unwrap());
    assert!(a < b, "the sub-unit is listed under its parent");

    let r = create_person(
        &hr,
        &[("name", "Mette Østergaard"), ("email", "Mette@Favrskov.dk"), ("unit", &top), ("nearest_leader", ""), ("roles", "leader"), ("roles", "top_management")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let mette = person_in(&r);
    let r = create_person(
        &hr,
        &[("name", "Søren Ærø"), ("email", "soren@favrskov.dk"), ("unit", &schools), ("nearest_leader", &mette), ("roles", "leader"), ("roles", "safety_org")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let soren = person_in(&r);
    let (status, body) = hr.page(&format!("/admin/people/{soren}?notice=created")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Personen er oprettet."));
    assert!(body.contains("value=\"soren@favrskov.dk\""));

    // Edit: new name, no longer AMO.
    let r = hr
        .post_form(
            &format!("/admin/people/{soren}"),
            &[("name", "Søren Ærø Nielsen"), ("email", "soren@favrskov.dk"), ("unit", &schools), ("nearest_leader", &mette), ("roles", "leader")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/admin/people/{soren}?notice=saved"));

    let (status, body) = hr.page("/admin/people").await;
    assert_eq!(status, 200);
    assert!(body.contains("3 personer"), "{body}");
    let row = body.split("<tr>").find(|r| r.contains("Søren Ærø Nielsen")).unwrap();
    assert!(row.contains("soren@favrskov.dk"));
    assert!(row.contains("Skoler"));
    assert!(row.contains("Mette Østergaard"));
    assert!(row.contains("Leder") && !row.contains("Arbejdsmiljøorganisation"));
    assert!(row.contains("Ikke inviteret"));
    let row = body.split("<tr>").find(|r| r.contains("mette@favrskov.dk")).unwrap();
    assert!(row.contains("Leder, Topledelse"), "{row}");
    assert!(row.contains("Ingen nærmeste leder"));

    // Filters: a unit includes its sub-units; role; text (case-insensitive, æøå).
    let (_, body) = hr.page(&format!("/admin/people?unit={top}")).await;
    assert!(body.contains("2 personer passer til søgningen"), "{body}");
    assert!(!body.contains("hr@favrskov.dk"));
    let (_, body) = hr.page(&format!("/admin/people?unit={schools}")).await;
    assert!(body.contains("1 person passer til søgningen") && body.contains("Søren"));
    let (_, body) = hr.page("/admin/people?role=top_management").await;
    assert!(body.contains("Mette Østergaard") && !body.contains("Søren Ærø"));
    let (_, body) = hr.page("/admin/people?q=%C3%98STERg").await;
    assert!(body.contains("Mette Østergaard") && !body.contains("Søren Ærø"));
    let (_, body) = hr.page("/admin/people?q=ingen-s%C3%A5dan").await;
    assert!(body.contains("Ingen personer passer til søgningen"));

    // Rename and move the sub-unit to the top, then delete the parent: people stay.
    let r = hr.post_form(&format!("/admin/units/{schools}"), &[("name", "Skoler og SFO"), ("parent", "")]).await;
    assert_eq!(r.status(), 303);
    let (status, body) = hr.page(&format!("/admin/units/{top}/delete")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Den ene person i enheden bliver i organisationen"), "{body}");
    let r = hr.post_form(&format!("/admin/units/{top}/delete"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM units WHERE org_id = $1", &org.id).await, 1);
    assert_eq!(people_in(&app, &org).await, 3);
    let (_, body) = hr.page("/admin/people").await;
    let row = body.split("<tr>").find(|r| r.contains("mette@favrskov.dk")).unwrap();
    assert!(row.contains("Ingen enhed"));

    let actions: Vec<String> = audit_actions(&app, &org).await.into_iter().map(|(a, _)| a).collect();
    for expected in ["unit-created", "person-created", "person-updated", "unit-updated", "unit-deleted"] {
        assert!(actions.iter().any(|a| a == expected), "{expected} missing from {actions:?}");
    }
    let log = audit_actions(&app, &org).await;
    assert!(log.contains(&("unit-updated".into(), "Skoler → Skoler og SFO".into())), "{log:?}");
    assert!(log.contains(&("person-updated".into(), "Søren Ærø Nielsen (soren@favrskov.dk)".into())));
});

both_backends!(bad_person_input_is_refused_in_danish, |app: TestApp| async move {
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let other = app.org("Syddjurs Kommune", "hr@syddjurs.dk").await;
    let stranger = app.person(&other, "Anna Andersen", "anna@syddjurs.dk", &[Role::Leader]).await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    let too_long = "æ".repeat(121);
    let stranger_id = stranger.to_string();
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("name", "  "), ("email", "a@favrskov.dk"), ("roles", "leader")], "Skriv et navn."),
        (vec![("name", &too_long), ("email", "a@favrskov.dk"), ("roles", "leader")], "Navnet er for langt (højst 120 tegn)."),
        (vec![("name", "Ib"), ("email", "ib@favrskov"), ("roles", "leader")], "Skriv en gyldig e-mailadresse"),
        (vec![("name", "Ib"), ("email", "ib@favrskov.dk"), ("roles", "chef")], "En af de valgte roller findes ikke."),
        (vec![("name", "Ib"), ("email", "ib@favrskov.dk")], "Vælg mindst én rolle."),
        (
            vec![("name", "Ib"), ("email", "ib@favrskov.dk"), ("roles", "leader"), ("nearest_leader", &stranger_id)],
            "Vælg nærmeste leder blandt organisationens personer på listen.",
        ),
        (vec![("name", "Ib"), ("email", "ib@favrskov.dk"), ("roles", "leader"), ("unit", "not-an-id")], "Vælg en af organisationens enheder på listen."),
        (vec![("name", "Ib"), ("email", "HR@favrskov.dk"), ("roles", "leader")], "Der er allerede en person i organisationen med denne e-mailadresse."),
    ];
    for (fields, message) in cases {
        let r = create_person(&hr, &fields).await;
        assert_eq!(r.status(), 422, "{fields:?}");
        let body = r.text().await.unwrap();
        assert!(body.contains(message), "{message} not in answer to {fields:?}");
        assert!(body.contains("Der er fejl i formularen"));
    }
    assert_eq!(people_in(&app, &org).await, 1, "nothing was created");
    let (accounts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(accounts, 3, "no account was created");

    // A cycle in the reporting line: a → b → c, then a's leader := c.
    let mut ids: Vec<String> = Vec::new();
    for (name, email) in [("Anne", "anne@favrskov.dk"), ("Bo", "bo@favrskov.dk"), ("Carl", "carl@favrskov.dk")] {
        let leader = ids.last().cloned().unwrap_or_default();
        let r = create_person(&hr, &[("name", name), ("email", email), ("roles", "leader"), ("nearest_leader", &leader)]).await;
        assert_eq!(r.status(), 303);
        ids.push(person_in(&r));
    }
    let (anne, carl) = (&ids[0], &ids[2]);
    let r = hr
        .post_form(&format!("/admin/people/{anne}"), &[("name", "Anne"), ("email", "anne@favrskov.dk"), ("roles", "leader"), ("nearest_leader", carl)])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Ledelseslinjen vil gå i ring"));
    let r = hr
        .post_form(&format!("/admin/people/{anne}"), &[("name", "Anne"), ("email", "anne@favrskov.dk"), ("roles", "leader"), ("nearest_leader", anne)])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("En person kan ikke være sin egen nærmeste leder."));
    // The page does not offer those who report to Anne as her leader.
    let (_, body) = hr.page(&format!("/admin/people/{anne}")).await;
    let select = &body[body.find("id=\"nearest_leader\"").unwrap()..];
    let select = &select[..select.find("</select>").unwrap()];
    assert!(!select.contains(carl.as_str()) && !select.contains(ids[1].as_str()) && select.contains("Hanne HR"));
    // Another's e-mail on edit is refused too.
    let r = hr.post_form(&format!("/admin/people/{carl}"), &[("name", "Carl"), ("email", "bo@favrskov.dk"), ("roles", "leader")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Der er allerede en person i organisationen med denne e-mailadresse."));
    let (leader,): (Option<String>,) = sqlx::query_as("SELECT nearest_leader_id FROM persons WHERE id = $1")
        .bind(anne.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(leader, None, "nothing changed");
    let (email,): (String,) = sqlx::query_as("SELECT a.email FROM persons p JOIN accounts a ON a.id = p.account_id WHERE p.id = $1")
        .bind(carl.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(email, "carl@favrskov.dk");

    // The only HR admin cannot drop the role.
    let me = org.admin_person.to_string();
    let r = hr.post_form(&format!("/admin/people/{me}"), &[("name", "Hanne HR"), ("email", "hr@favrskov.dk"), ("roles", "leader")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Organisationen skal have mindst én HR-administrator."));
    assert_eq!(hr.page("/admin/people").await.0, 200, "still HR");
});

both_backends!(bad_unit_input_is_refused_in_danish, |app: TestApp| async move {
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let other = app.org("Syddjurs Kommune", "hr@syddjurs.dk").await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    hr.post_form("/admin/units", &[("name", "Økonomi")]).await;
    let economy = unit_id(&app, &org, "Økonomi").await;
    hr.post_form("/admin/units", &[("name", "Løn"), ("parent", &economy)]).await;
    let payroll = unit_id(&app, &org, "Løn").await;
    let hr_b = app.signed_in("hr@syddjurs.dk").await;
    hr_b.post_form("/admin/units", &[("name", "Teknik")]).await;
    let foreign = unit_id(&app, &other, "Teknik").await;

    let too_long = "x".repeat(161);
    let cases: Vec<(&str, &str, &str)> = vec![
        ("", "", "Skriv enhedens navn."),
        (&too_long, "", "Enhedens navn er for langt (højst 160 tegn)."),
        ("øKONOMI", "", "Der findes allerede en enhed med det navn."),
        ("Ny", &foreign, "Vælg en af organisationens enheder på listen."),
    ];
    for (name, parent, message) in cases {
        let r = hr.post_form("/admin/units", &[("name", name), ("parent", parent)]).await;
        assert_eq!(r.status(), 422, "{name}");
        assert!(r.text().await.unwrap().contains(message), "{message}");
    }
    // Økonomi cannot move under its own sub-unit, nor under itself.
    let r = hr.post_form(&format!("/admin/units/{economy}"), &[("name", "Økonomi"), ("parent", &payroll)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Enheden kan ikke ligge under en af sine egne underenheder."));
    let r = hr.post_form(&format!("/admin/units/{economy}"), &[("name", "Økonomi"), ("parent", &economy)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("En enhed kan ikke ligge under sig selv."));
    let r = hr.post_form(&format!("/admin/units/{payroll}"), &[("name", "Økonomi"), ("parent", &economy)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Der findes allerede en enhed med det navn."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM units WHERE org_id = $1", &org.id).await, 2);
    let (parent,): (Option<String>,) = sqlx::query_as("SELECT parent_id FROM units WHERE id = $1")
        .bind(&economy)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(parent, None, "nothing changed");
});

both_backends!(removing_a_person_keeps_accounts_used_elsewhere, |app: TestApp| async move {
    let a = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let b = app.org("Konsulenthuset", "hr@konsulent.dk").await;
    let lars = app.person(&a, "Lars Leder", "lars@favrskov.dk", &[Role::Leader]).await.to_string();
    app.person(&b, "Kim Konsulent", "kim@konsulent.dk", &[Role::Facilitator]).await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    let r = create_person(&hr, &[("name", "Kim Konsulent"), ("email", "kim@konsulent.dk"), ("roles", "facilitator"), ("nearest_leader", &lars)]).await;
    let kim = person_in(&r);
    let r = create_person(&hr, &[("name", "Ulla Underleder"), ("email", "ulla@favrskov.dk"), ("roles", "leader"), ("nearest_leader", &lars)]).await;
    let ulla = person_in(&r);
    let accounts = |email: &'static str| {
        let pool = app.state.db.pool.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts WHERE email = $1").bind(email).fetch_one(&pool).await.unwrap();
            n
        }
    };

    let (status, body) = hr.page(&format!("/admin/people/{lars}/remove")).await;
    assert_eq!(status, 200);
    assert!(body.contains("2 personer har personen som nærmeste leder"), "{body}");
    let r = hr.post_form(&format!("/admin/people/{lars}/remove"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(accounts("lars@favrskov.dk").await, 0, "an account used nowhere else goes");
    let (leader,): (Option<String>,) = sqlx::query_as("SELECT nearest_leader_id FROM persons WHERE id = $1")
        .bind(&ulla)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(leader, None);

    let r = hr.post_form(&format!("/admin/people/{kim}/remove"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(accounts("kim@konsulent.dk").await, 1, "an account used in another organisation stays");
    assert_eq!(app.signed_in("kim@konsulent.dk").await.page("/").await.0, 200);

    // The only HR admin cannot be removed.
    let me = a.admin_person.to_string();
    let (_, body) = hr.page(&format!("/admin/people/{me}/remove")).await;
    assert!(body.contains("eneste HR-administrator"));
    let r = hr.post_form(&format!("/admin/people/{me}/remove"), &[]).await;
    assert_eq!(r.status(), 422);
    assert_eq!(people_in(&app, &a).await, 2);
    let log = audit_actions(&app, &a).await;
    assert!(log.contains(&("person-removed".into(), "Lars Leder (lars@favrskov.dk)".into())), "{log:?}");
});

both_backends!(changing_an_email_needs_the_owner_or_relinks_the_invitation, |app: TestApp| async move {
    let a = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let b = app.org("Konsulenthuset", "hr@konsulent.dk").await;
    let lars = app.person(&a, "Lars Leder", "lars@favrskov.dk", &[Role::Leader]).await.to_string();
    let kim = app.person(&a, "Kim Konsulent", "kim@konsulent.dk", &[Role::Facilitator]).await.to_string();
    app.person(&b, "Kim Konsulent", "kim@konsulent.dk", &[Role::Facilitator]).await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    let account_of = |person: String| {
        let pool = app.state.db.pool.clone();
        async move {
            let row: (String, String) = sqlx::query_as(
                "SELECT a.id, a.email FROM persons p JOIN accounts a ON a.id = p.account_id WHERE p.id = $1",
            )
            .bind(person)
            .fetch_one(&pool)
            .await
            .unwrap();
            row
        }
    };

    // Someone who signs in here: HR only proposes; the account keeps its
    // address until its owner confirms (see people/addresses.rs).
    let before = account_of(lars.clone()).await;
    let r = hr.post_form(&format!("/admin/people/{lars}"), &[("name", "Lars Leder"), ("email", "lars.leder@favrskov.dk"), ("roles", "leader")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(account_of(lars.clone()).await, before);
    assert_eq!(app.signed_in("lars@favrskov.dk").await.page("/").await.0, 200);

    // An address shared with another organisation: neither may change it.
    let shared = account_of(kim.clone()).await;
    let r = hr.post_form(&format!("/admin/people/{kim}"), &[("name", "Kim Konsulent"), ("email", "kim@favrskov.dk"), ("roles", "facilitator")]).await;
    assert_eq!(r.status(), 422);
    assert_eq!(account_of(kim.clone()).await, shared, "the account is untouched");

    // Someone added here who has not accepted yet: the person points at the
    // new address, which has not been invited yet.
    let r = create_person(&hr, &[("name", "Ulla Underleder"), ("email", "ulla@favrskv.dk"), ("roles", "leader")]).await;
    let ulla = person_in(&r);
    let r = hr.post_form(&format!("/admin/people/{ulla}"), &[("name", "Ulla Underleder"), ("email", "ulla@favrskov.dk"), ("roles", "leader")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(account_of(ulla.clone()).await.1, "ulla@favrskov.dk");
    let (_, body) = hr.page("/admin/people").await;
    let row = body.split("<tr>").find(|r| r.contains("ulla@favrskov.dk")).unwrap();
    assert!(row.contains("Ikke inviteret"), "the new address has not been invited yet");
});
