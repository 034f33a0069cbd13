//! Two HR admins write in the same step of the plan at once: a theme the
//! second form left as it was keeps the first admin's words; a theme both
//! changed refuses the second save, names the theme, keeps the typed words
//! in the form and saves nothing; saving that form again replaces it.

use super::{count, randers, started};
use crate::support::{Backend, TestApp};
use domain::roles::Role;
use scraper::{Html, Selector};

/// The fingerprint a step's form carries for its Nth theme.
fn seen(body: &str, n: usize) -> String {
    let doc = Html::parse_document(body);
    let input = Selector::parse(&format!("input[name=\"seen-{n}\"]")).unwrap();
    doc.select(&input).next().and_then(|e| e.value().attr("value")).expect("the form carries what it showed").to_string()
}

async fn known(app: &TestApp, plan: &str, theme: &str) -> String {
    let (known,): (String,) = sqlx::query_as("SELECT known FROM org_plan_themes WHERE plan_id = $1 AND theme = $2")
        .bind(plan)
        .bind(theme)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    known
}

async fn two_admins_in_one_step(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let r = randers(&app).await;
    app.person(&r.org, "Henrik HR", "hr2@randers.dk", &[Role::HrAdmin]).await;
    let hanne = app.signed_in("hr@randers.dk").await;
    let henrik = app.signed_in("hr2@randers.dk").await;
    let plan = started(&hanne).await;
    let themes = [("theme", "org-onboarding"), ("theme", "org-overload-stress")];
    assert_eq!(hanne.post_form(&format!("/plan/{plan}/themes"), &themes).await.status(), 303);
    let prepare = format!("/plan/{plan}/prepare");
    let mapping = format!("/plan/{plan}/mapping");
    let (_, hers) = hanne.page(&prepare).await;
    let (_, his) = henrik.page(&prepare).await;
    let (h1, h2) = (seen(&his, 1), seen(&his, 2));
    assert_eq!((seen(&hers, 1), seen(&hers, 2)), (h1.clone(), h2.clone()), "both opened the same step");

    let r = hanne.post_form(&mapping, &[("theme-1", "org-onboarding"), ("seen-1", &seen(&hers, 1)), ("known-1", "Mentorer mangler"), ("theme-2", "org-overload-stress"), ("seen-2", &seen(&hers, 2))]).await;
    assert_eq!(r.status(), 303);
    // Henrik's older form changes only the second theme: the first keeps Hanne's words.
    let r = henrik.post_form(&mapping, &[("theme-1", "org-onboarding"), ("seen-1", &h1), ("theme-2", "org-overload-stress"), ("seen-2", &h2), ("known-2", "Sygefraværet steg")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(known(&app, &plan, "org-onboarding").await, "Mentorer mangler");
    assert_eq!(known(&app, &plan, "org-overload-stress").await, "Sygefraværet steg");

    // From Hanne's first form, left open, she now writes the first theme
    // again and the second too: Henrik changed the second meanwhile.
    let r = hanne
        .post_form(&mapping, &[("theme-1", "org-onboarding"), ("seen-1", &seen(&hers, 1)), ("known-1", "Mentorer mangler"), ("theme-2", "org-overload-stress"), ("seen-2", &seen(&hers, 2)), ("known-2", "Stress i budgettiden")])
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("En anden har gemt ændringer i Overbelastning og stress i dette trin"), "only the theme both changed: {body}");
    assert!(body.contains("Stress i budgettiden"), "her words stay in the form");
    assert_eq!(known(&app, &plan, "org-overload-stress").await, "Sygefraværet steg", "nothing was saved");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM org_plan_themes WHERE plan_id = $1 AND known = 'Stress i budgettiden'", &plan).await, 0);

    // Saved again from the form as it came back: now on purpose.
    let r = hanne
        .post_form(&mapping, &[("theme-1", "org-onboarding"), ("seen-1", &seen(&body, 1)), ("known-1", "Mentorer mangler"), ("theme-2", "org-overload-stress"), ("seen-2", &seen(&body, 2)), ("known-2", "Stress i budgettiden")])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(known(&app, &plan, "org-overload-stress").await, "Stress i budgettiden");

    // The same words from an old form are no conflict.
    let r = henrik.post_form(&mapping, &[("theme-2", "org-overload-stress"), ("seen-2", &h2), ("known-2", "Stress i budgettiden")]).await;
    assert_eq!(r.status(), 303);

    // In English, the message names the theme too.
    henrik.post_form("/language", &[("lang", "en"), ("next", "/")]).await;
    let r = henrik.post_form(&mapping, &[("theme-1", "org-onboarding"), ("seen-1", &h1), ("known-1", "Something else")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Someone else saved changes to Onboarding in this step"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hr_admins_writing_one_step_lose_nothing() {
    two_admins_in_one_step(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hr_admins_writing_one_step_lose_nothing_postgres() {
    two_admins_in_one_step(Backend::Postgres).await;
}
