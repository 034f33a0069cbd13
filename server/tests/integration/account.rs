//! My account: details, language, the export of my data, and deleting my
//! account (password, last HR admin, what is erased and what is kept).

use crate::both_backends;
use crate::support::app::location;
use crate::support::{TestApp, TestClient};
use ledertrivsel::demo::PASSWORD as DEMO_PASSWORD;
use ledertrivsel::privacy::register::{Of, REGISTER};

async fn demo(app: &TestApp) {
    ledertrivsel::demo::create(&app.state.db, &app.state.shipped, app.state.clock.now()).await.unwrap().unwrap();
}

async fn demo_client(app: &TestApp, email: &str) -> TestClient {
    let client = app.client();
    let r = client.post_form("/login", &[("email", email), ("password", DEMO_PASSWORD)]).await;
    assert_eq!(r.status(), 303, "sign-in as {email}");
    client
}

async fn person_id(app: &TestApp, name: &str) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM persons WHERE name = $1")
        .bind(name)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

async fn count(app: &TestApp, sql: &'static str, bind: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(bind).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

async fn export(client: &TestClient) -> (String, serde_json::Value) {
    let r = client.get("/account/export.json").await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let body = r.text().await.unwrap();
    let json = serde_json::from_str(&body).unwrap();
    (body, json)
}

both_backends!(account_page_shows_me_and_keeps_my_language, |app: TestApp| async move {
    demo(&app).await;
    let r = app.client().get("/account").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/login?next=%2Faccount");

    let client = demo_client(&app, "anne.kristensen@fjordby.dk").await;
    let (status, body) = client.page("/account").await;
    assert_eq!(status, 200);
    for expected in ["Min konto", "anne.kristensen@fjordby.dk", "Anne Marie Kristensen", "Fjordby Kommune", "Leder, MED/SU", "Dagtilbud", "Lars Bech Nielsen"] {
        assert!(body.contains(expected), "{expected} missing: {body}");
    }
    assert!(body.contains("id=\"lang-da\" name=\"lang\" value=\"da\" checked"), "{body}");

    let r = client.post_form("/account/language", &[("lang", "en")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/account?notice=language-saved");
    let (_, body) = client.page("/account?notice=language-saved").await;
    assert!(body.contains("<html lang=\"en\">") && body.contains("Your language choice has been saved."), "{body}");
    assert!(body.contains("Leader, Works council (MED/SU)"), "{body}");
    let locale = count(&app, "SELECT COUNT(*) FROM accounts WHERE email = $1 AND locale = 'en'", "anne.kristensen@fjordby.dk").await;
    assert_eq!(locale, 1, "saved on the account");
    // A fresh sign-in elsewhere gets English too.
    let (_, body) = demo_client(&app, "anne.kristensen@fjordby.dk").await.page("/").await;
    assert!(body.contains("Hello Anne"), "{body}");

    // An unknown language: a clear message, 422, nothing changed.
    let r = client.post_form("/account/language", &[("lang", "xx")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Choose Danish or English."));
    let r = client.post_raw("/account/language", &[("lang", "da")]).await;
    assert_eq!(r.status(), 403, "no CSRF token, no change");
    let locale = count(&app, "SELECT COUNT(*) FROM accounts WHERE email = $1 AND locale = 'en'", "anne.kristensen@fjordby.dk").await;
    assert_eq!(locale, 1);
});

both_backends!(export_holds_my_data_and_nobody_elses, |app: TestApp| async move {
    demo(&app).await;
    let anne = person_id(&app, "Anne Marie Kristensen").await;
    // HR edits a statement after Anne answered: her export keeps the wording she answered.
    let org = domain::ids::OrgId::from_db(count_org(&app).await);
    let items = ledertrivsel::catalogue::store::items(&app.state.db, &org, "intro").await.unwrap();
    let edited = items.iter().find(|i| i.key == "status-thriving-in-role").unwrap();
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    ledertrivsel::catalogue::store::edit(&mut conn, &org, &edited.id, "Jeg er glad for mit lederjob.", "I enjoy my job as a leader.", app.state.clock.now())
        .await
        .unwrap();
    drop(conn);

    let client = demo_client(&app, "anne.kristensen@fjordby.dk").await;
    let (body, json) = export(&client).await;
    assert!(!body.contains("password_hash") && !body.contains("$argon2"), "no password hash in the export");
    assert_eq!(json["format"], "ledertrivsel-personal-data");
    assert_eq!(json["account"]["email"], "anne.kristensen@fjordby.dk");
    let orgs = json["organisations"].as_array().unwrap();
    assert_eq!(orgs.len(), 1);
    let me = &orgs[0];
    assert_eq!(me["organisation"], "Fjordby Kommune");
    assert_eq!(me["name"], "Anne Marie Kristensen");
    assert_eq!(me["unit"], "Dagtilbud");
    assert_eq!(me["nearest_leader"], "Lars Bech Nielsen");
    assert_eq!(me["roles"], serde_json::json!(["leader", "works_council"]));
    assert_eq!(me["groups"], serde_json::json!([{"name": "Ledergruppen i Børn og Unge", "i_lead_it": false}]));

    let answers = me["intro_answers"].as_array().unwrap();
    let stored = count(&app, "SELECT COUNT(*) FROM intro_answers WHERE person_id = $1", &anne).await;
    assert!(stored > 5);
    assert_eq!(answers.len() as i64, stored, "every answer of mine");
    assert!(answers.iter().all(|a| a["statement_da"].as_str().is_some_and(|s| !s.is_empty())));
    assert!(answers.iter().all(|a| (1..=5).contains(&a["answer"].as_i64().unwrap())));
    let statements: Vec<&str> = answers.iter().map(|a| a["statement_da"].as_str().unwrap()).collect();
    assert!(statements.contains(&"Jeg trives i min rolle som leder."), "{statements:?}");
    assert!(!statements.contains(&"Jeg er glad for mit lederjob."), "the wording answered, not today's");
    assert_eq!(me["intro_comments"][0]["comment"], "Vi taler meget om medarbejdernes trivsel, men sjældent om vores egen.");
    assert!(!body.contains("Personalemanglen"), "another respondent's comment is not in my export");

    // The register-driven records: only rows about me.
    let records = &json["records"];
    assert_eq!(records["accounts"].as_array().unwrap().len(), 1);
    assert!(records["accounts"][0].get("password_hash").is_none());
    assert_eq!(records["intro_answers"].as_array().unwrap().len() as i64, stored);
    for table in ["intro_answers", "intro_respondents", "group_members", "person_roles"] {
        let rows = records[table].as_array().unwrap();
        assert!(!rows.is_empty(), "{table}");
        assert!(rows.iter().all(|r| r["person_id"] == anne.as_str()), "{table} holds only my rows");
    }
    assert_eq!(records["persons"].as_array().unwrap().len(), 1, "not the people who report to someone");

    // Lars leads the group and owns its decision; HR created the organisation.
    let (_, lars) = export(&demo_client(&app, "lars.nielsen@fjordby.dk").await).await;
    let decisions = lars["organisations"][0]["decisions_responsible_for"].as_array().unwrap();
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0]["next_tool"], "group_collaboration");
    assert!(lars["organisations"][0]["groups"].as_array().unwrap().iter().any(|g| g["i_lead_it"] == true));
    assert_eq!(lars["records"]["persons"].as_array().unwrap().len(), 1, "his reports' rows are theirs, not his");
    let (_, hr) = export(&demo_client(&app, "hr@fjordby.dk").await).await;
    assert_eq!(hr["organisations"][0]["audit_entries_by_me"][0]["action"], "org-created");

    let r = app.client().get("/account/export.json").await;
    assert_eq!(r.status(), 303, "signed out: no export");
});

async fn count_org(app: &TestApp) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM orgs WHERE name = 'Fjordby Kommune'").fetch_one(&app.state.db.pool).await.unwrap();
    id
}

both_backends!(deleting_needs_the_right_password, |app: TestApp| async move {
    demo(&app).await;
    let anne = person_id(&app, "Anne Marie Kristensen").await;
    let answers = count(&app, "SELECT COUNT(*) FROM intro_answers WHERE person_id = $1", &anne).await;
    let client = demo_client(&app, "anne.kristensen@fjordby.dk").await;
    let (status, body) = client.page("/account/delete").await;
    assert_eq!(status, 200);
    assert!(body.contains("Slet min konto permanent") && body.contains("type=\"password\""), "{body}");

    let r = client.post_form("/account/delete", &[("password", "forkert-kodeord")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Adgangskoden er forkert. Din konto er ikke slettet."));
    let r = client.post_form("/account/delete", &[("password", "")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Skriv din adgangskode"));
    let r = client.post_raw("/account/delete", &[("password", DEMO_PASSWORD)]).await;
    assert_eq!(r.status(), 403, "no CSRF token");

    assert_eq!(count(&app, "SELECT COUNT(*) FROM persons WHERE id = $1", &anne).await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM intro_answers WHERE person_id = $1", &anne).await, answers);
    assert_eq!(client.page("/").await.0, 200, "still signed in");
});

both_backends!(deleting_my_account_erases_me_everywhere, |app: TestApp| async move {
    demo(&app).await;
    // Lars has every kind of link: his own rows, a group he leads, a round he
    // started, a decision he owns and made, and leaders who report to him.
    // He is also a consultant in a second organisation.
    let other = app.org("Region Nord", "hr@rn.dk").await;
    app.person(&other, "Lars B. Nielsen", "lars.nielsen@fjordby.dk", &[domain::roles::Role::Facilitator]).await;
    let lars = person_id(&app, "Lars Bech Nielsen").await;
    let lars_nord = person_id(&app, "Lars B. Nielsen").await;
    let (account,): (String,) = sqlx::query_as("SELECT id FROM accounts WHERE email = 'lars.nielsen@fjordby.dk'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let answers_before = count(&app, "SELECT COUNT(*) FROM intro_answers WHERE person_id <> $1", &lars).await;

    let client = app.signed_in("lars.nielsen@fjordby.dk").await;
    let elsewhere = app.signed_in("lars.nielsen@fjordby.dk").await;
    // With two organisations and none chosen yet, the account pages still work.
    assert_eq!(location(&client.get("/").await), "/orgs");
    let (status, body) = client.page("/account/delete").await;
    assert_eq!(status, 200);
    assert!(body.contains("dine 2 organisationer"), "{body}");
    let csrf = crate::support::app::csrf_in(&body).unwrap();
    let r = client.post_raw("/account/delete", &[("password", crate::support::app::PASSWORD), ("csrf", &csrf)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/login?notice=account-deleted");
    let (_, body) = client.page("/login?notice=account-deleted").await;
    assert!(body.contains("Din konto og dine data er slettet."), "{body}");
    assert_eq!(client.get("/account").await.status(), 303, "signed out");
    assert_eq!(elsewhere.get("/").await.status(), 303, "signed out in every browser");
    let r = app.client().post_form("/login", &[("email", "lars.nielsen@fjordby.dk"), ("password", crate::support::app::PASSWORD)]).await;
    assert_eq!(r.status(), 422, "cannot sign in any more");

    // Nothing in the register's owner columns points at him any more.
    for entry in REGISTER {
        for owner in entry.owners {
            let ids = match owner.of {
                Of::Account => vec![account.clone()],
                Of::Person => vec![lars.clone(), lars_nord.clone()],
            };
            for id in ids {
                let sql = format!("SELECT COUNT(*) FROM {} WHERE {} = $1", entry.table, owner.column);
                let (n,): (i64,) =
                    sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
                assert_eq!(n, 0, "{}.{} still points at him ({:?})", entry.table, owner.column, owner.link);
            }
        }
    }
    // Shared work stays, without him; others' answers are untouched.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM intro_answers WHERE person_id <> $1", &lars).await, answers_before);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM intro_decisions WHERE next_tool = $1 AND owner_person_id IS NULL", "group_collaboration").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM leader_groups WHERE name = $1 AND group_leader_id IS NULL", "Ledergruppen i Børn og Unge").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM persons WHERE name = $1 AND nearest_leader_id IS NULL", "Anne Marie Kristensen").await, 1);
    // Each organisation's log records the deletion by name.
    let logged: Vec<(String, String)> = sqlx::query_as(
        "SELECT o.name, a.target FROM audit_log a JOIN orgs o ON o.id = a.org_id WHERE a.action = 'account-deleted' ORDER BY o.name",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(
        logged,
        vec![
            ("Fjordby Kommune".to_string(), "Lars Bech Nielsen".to_string()),
            ("Region Nord".to_string(), "Lars B. Nielsen".to_string())
        ]
    );
    let entries = ledertrivsel::org::audit::list(&app.state.db, &domain::ids::OrgId::from_db(count_org(&app).await), 1, 0).await.unwrap();
    assert_eq!((entries[0].action.as_str(), entries[0].actor_name.as_str()), ("account-deleted", "Lars Bech Nielsen"));
});

both_backends!(the_last_hr_admin_cannot_delete_their_account, |app: TestApp| async move {
    demo(&app).await;
    let client = demo_client(&app, "hr@fjordby.dk").await;
    let (status, body) = client.page("/account/delete").await;
    assert_eq!(status, 200);
    assert!(body.contains("Du er den eneste HR-administrator i Fjordby Kommune"), "{body}");
    assert!(!body.contains("Slet min konto permanent"), "no form while it cannot succeed");
    let r = client.post_form("/account/delete", &[("password", DEMO_PASSWORD)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Giv en anden person rollen som HR-administrator"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts WHERE email = $1", "hr@fjordby.dk").await, 1);

    // With a second HR admin, the first may go.
    let org = domain::ids::OrgId::from_db(count_org(&app).await);
    let karen = domain::ids::PersonId::from_db(person_id(&app, "Karen Holm Mikkelsen").await);
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    use domain::roles::Role;
    ledertrivsel::org::store::set_roles(&mut conn, &org, &karen, &[Role::TopManagement, Role::Leader, Role::HrAdmin]).await.unwrap();
    drop(conn);
    let r = client.post_form("/account/delete", &[("password", DEMO_PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts WHERE email = $1", "hr@fjordby.dk").await, 0);
    // Now Karen is the last one.
    let karen_client = demo_client(&app, "karen.mikkelsen@fjordby.dk").await;
    let r = karen_client.post_form("/account/delete", &[("password", DEMO_PASSWORD)]).await;
    assert_eq!(r.status(), 422);
});

mod in_a_browser {
    use super::*;
    use crate::support::browser::Browser;

    async fn check_both_sizes(browser: &Browser, name: &str) {
        browser.check_page(name).await;
    }

    /// The account pages with axe-core at phone and desktop width, used the
    /// way a person would: choose English, try a wrong password, delete.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn account_pages_are_accessible_and_work_in_a_browser() {
        let Some(browser) = Browser::launch().await else {
            eprintln!("browser test not run: Chromium/ChromeDriver missing");
            return;
        };
        let app = TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
        demo(&app).await;
        let c = browser.client();
        c.goto(&format!("{}/login?next=%2Faccount", app.base)).await.unwrap();
        browser.fill("email", "anne.kristensen@fjordby.dk").await;
        browser.fill("password", DEMO_PASSWORD).await;
        browser.submit("main form button[type=submit]").await;
        browser.wait_for_path("/account").await;
        check_both_sizes(&browser, "account").await;

        browser.click("label[for=lang-en]").await;
        browser.submit("form[action='/account/language'] button[type=submit]").await;
        let notice = browser.text("[role=status]").await;
        assert_eq!(notice, "Your language choice has been saved.");
        check_both_sizes(&browser, "account-en").await;

        c.goto(&format!("{}/account/delete", app.base)).await.unwrap();
        browser.fill("password", "forkert-kodeord").await;
        browser.submit("main form button[type=submit]").await;
        let summary = browser.text("#form-errors").await;
        assert!(summary.contains("The password is wrong."), "{summary}");
        check_both_sizes(&browser, "account-delete-with-errors").await;

        browser.fill("password", DEMO_PASSWORD).await;
        browser.submit("main form button[type=submit]").await;
        browser.wait_for_path("/login").await;
        let notice = browser.text("[role=status]").await;
        assert_eq!(notice, "Your account and your data have been deleted.");

        // The last HR admin sees why the account cannot be deleted.
        c.goto(&format!("{}/login?next=%2Faccount%2Fdelete", app.base)).await.unwrap();
        browser.fill("email", "hr@fjordby.dk").await;
        browser.fill("password", DEMO_PASSWORD).await;
        browser.submit("main form button[type=submit]").await;
        browser.wait_for_path("/account/delete").await;
        check_both_sizes(&browser, "account-delete-blocked").await;
        browser.close().await;
    }
}
