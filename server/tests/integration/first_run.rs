//! HR's first run (issue 17, item 9): the first steps on `/admin` that tick
//! themselves from the data, the import that keeps the good rows and the
//! file, the parent-unit column, the warning for the role word HR, and
//! invitations to a filtered list or a leader group.

use crate::both_backends;
use crate::support::app::{location, Org, TestClient};
use crate::support::TestApp;
use domain::roles::Role;

mod browser;
mod import;
mod invitations;

/// The checklist item that links to `href`.
fn step<'a>(body: &'a str, href: &str) -> &'a str {
    let list = body.find("<ol class=\"lt-checklist\">").unwrap_or_else(|| panic!("no checklist: {body}"));
    let body = &body[list..];
    let at = body.find(&format!("href=\"{href}\"")).unwrap_or_else(|| panic!("no step links to {href}: {body}"));
    let start = body[..at].rfind("<li class=\"lt-checklist-item").expect("a checklist item");
    let end = at + body[at..].find("</li>").unwrap();
    &body[start..end]
}

fn is_done(item: &str) -> bool {
    item.contains("is-done") && item.contains("<span class=\"lt-checklist-status\">Gjort</span>") && item.contains("lt-check-mark lt-tick")
}

async fn admin_page(hr: &TestClient) -> String {
    let (status, body) = hr.page("/admin").await;
    assert_eq!(status, 200, "{body}");
    body
}

/// A leader added on HR's form (not yet invited); returns the id.
async fn person_added_by_hr(hr: &TestClient, name: &str, email: &str) -> String {
    let r = hr.post_form("/admin/people", &[("name", name), ("email", email), ("roles", "leader")]).await;
    assert_eq!(r.status(), 303, "adding {name}");
    location(&r).trim_start_matches("/admin/people/").split('?').next().unwrap().to_string()
}

const STEPS: [&str; 5] = ["/admin/units", "/admin/people/new", "/admin/groups/new", "/admin/people", "/apv"];

both_backends!(the_first_steps_tick_themselves_and_fold_away, |app: TestApp| async move {
    let org = app.org("Silkeborg Kommune", "hr@silkeborg.dk").await;
    let hr = app.signed_in("hr@silkeborg.dk").await;
    // HR's own start page does not tell HR that HR creates the groups.
    let (_, start) = hr.page("/").await;
    assert!(!start.contains("HR opretter ledergrupperne"), "{start}");
    assert!(start.contains("Som HR opretter du ledergrupperne") && start.contains("href=\"/admin/groups\""), "{start}");

    let body = admin_page(&hr).await;
    assert!(body.contains("Kom i gang"), "{body}");
    assert!(body.contains("0 af 5 skridt er gjort"));
    for href in STEPS {
        let item = step(&body, href);
        assert!(!is_done(item), "{href} is not done yet");
        assert!(item.contains("Mangler"), "a step not done says so in words: {item}");
    }
    let units = step(&body, "/admin/units");
    assert!(units.contains("aria-current=\"step\""), "the first step is the next one: {units}");
    assert!(units.contains("class=\"button button-primary\""), "and its link is the obvious button");
    assert!(step(&body, "/admin/people/new").contains("href=\"/admin/import\""), "people can be imported from the step");

    // 1. A unit.
    assert_eq!(hr.post_form("/admin/units", &[("name", "Børn og Unge")]).await.status(), 303);
    let body = admin_page(&hr).await;
    assert!(is_done(step(&body, "/admin/units")), "{body}");
    assert!(body.contains("1 af 5 skridt er gjort"));
    assert!(step(&body, "/admin/people/new").contains("aria-current=\"step\""));

    // 2. Leaders besides HR (HR was a person from the setup, which does not count).
    let anna = person_added_by_hr(&hr, "Anna Andersen", "anna@silkeborg.dk").await;
    let bo = person_added_by_hr(&hr, "Bo Berg", "bo@silkeborg.dk").await;
    let body = admin_page(&hr).await;
    assert!(is_done(step(&body, "/admin/people/new")));
    assert!(!is_done(step(&body, "/admin/people")), "added is not invited");

    // 3. A leader group.
    let r = hr
        .post_form("/admin/groups/new", &[("name", "Ledergruppe Nord"), ("leader", &anna), ("members", &bo)])
        .await;
    assert_eq!(r.status(), 303);
    assert!(is_done(step(&admin_page(&hr).await, "/admin/groups/new")));

    // 4. An invitation.
    assert_eq!(hr.post_form(&format!("/admin/people/{anna}/invite"), &[]).await.status(), 303);
    let body = admin_page(&hr).await;
    assert!(is_done(step(&body, "/admin/people")), "{body}");
    assert!(body.contains("4 af 5 skridt er gjort"));
    assert!(step(&body, "/apv").contains("aria-current=\"step\""));

    // 5. Anna accepts, and as the group's leader starts the introduction:
    // every step is done, and the list folds into one line.
    let (group,): (String,) = sqlx::query_as("SELECT id FROM leader_groups WHERE org_id = $1")
        .bind(org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let mails = app.mails_to("anna@silkeborg.dk");
    let link = mails[0].1.lines().find(|l| l.contains("/invitation/")).unwrap().trim().trim_start_matches("http://test.invalid").to_string();
    let leader = app.client();
    let password = crate::support::app::PASSWORD;
    assert_eq!(leader.post_form(&link, &[("password", password), ("password_repeat", password)]).await.status(), 303);
    let r = leader.post_form(&format!("/intro/groups/{group}/runs"), &[]).await;
    assert_eq!(r.status(), 303, "{}", location(&r));
    let body = admin_page(&hr).await;
    assert!(body.contains("Alle fem første skridt er gjort"), "{body}");
    assert!(!body.contains("lt-checklist-item"), "the list is gone");
    assert!(!body.contains("Kom i gang"));

    // In English too.
    assert_eq!(hr.post_form("/account/language", &[("lang", "en")]).await.status(), 303);
    assert!(admin_page(&hr).await.contains("All five first steps are done"));
});

both_backends!(the_first_steps_in_english_and_any_agreement_starts_a_tool, |app: TestApp| async move {
    let org = app.org("Silkeborg Kommune", "hr@silkeborg.dk").await;
    let hr = app.signed_in("hr@silkeborg.dk").await;
    assert_eq!(hr.post_form("/account/language", &[("lang", "en")]).await.status(), 303);
    let body = admin_page(&hr).await;
    assert!(body.contains("Getting started"), "{body}");
    assert!(body.contains("0 of 5 steps done"));
    assert!(step(&body, "/admin/units").contains("To do"));
    // A leader's agreement counts as a tool started; a leader who joined
    // without an invitation (set up by the operator, as in the demo) counts
    // as invited.
    let lis = app.person(&org, "Lis Leder", "lis@silkeborg.dk", &[Role::Leader]).await;
    sqlx::query(
        "INSERT INTO agreements (id, org_id, person_id, starts_on, ends_on, created_at, updated_at) \
         VALUES ($1, $2, $3, '2026-01-01', '2026-06-30', '2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z')",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(org.id.as_str())
    .bind(lis.as_str())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let body = admin_page(&hr).await;
    let tool = step(&body, "/apv");
    assert!(tool.contains("is-done") && tool.contains(">Done</span>"), "{tool}");
    assert!(body.contains("3 of 5 steps done"), "{body}");
    assert!(step(&body, "/admin/people").contains(">Done</span>"));
});

both_backends!(a_leader_outside_any_group_is_told_hr_makes_the_groups, |app: TestApp| async move {
    let org = app.org("Silkeborg Kommune", "hr@silkeborg.dk").await;
    app.person(&org, "Lone Leder", "lone@silkeborg.dk", &[domain::roles::Role::Leader]).await;
    let lone = app.signed_in("lone@silkeborg.dk").await;
    let (_, start) = lone.page("/").await;
    assert!(start.contains("HR opretter ledergrupperne") && !start.contains("Som HR opretter du"), "{start}");
    // Nothing due and no agreement yet: one obvious first step, not "Intet lige nu".
    assert!(start.contains("class=\"button button-primary\" href=\"/dialog\">Begynd på din lederaftale"), "{start}");
    assert!(!start.contains("Intet lige nu."));
    let r = crate::agreement::save_agreement(&lone, &[("goal", "Ny struktur i dagtilbud på plads", "", "")]).await;
    assert_eq!(r.status(), 303);
    let (_, start) = lone.page("/").await;
    assert!(start.contains("Intet lige nu.") && !start.contains("Begynd på din lederaftale"), "begun: {start}");
});
