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

/// A form built at run time, as `post_form` takes it.
fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, x)| (k.as_str(), x.as_str())).collect()
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

    // A refused form shows the themes it left alone as they are stored now,
    // so saving it again brings no old words back.
    let (_, old) = hanne.page(&prepare).await;
    let row = |n: usize, body: &str, known: &'static str| {
        let theme = if n == 1 { "org-onboarding" } else { "org-overload-stress" };
        vec![(format!("theme-{n}"), theme.to_string()), (format!("seen-{n}"), seen(body, n)), (format!("known-{n}"), known.to_string())]
    };
    let form = |a: Vec<(String, String)>, b: Vec<(String, String)>| a.into_iter().chain(b).collect::<Vec<_>>();
    let henriks = form(row(1, &old, "Henriks nye ord"), row(2, &old, "Henriks stress"));
    assert_eq!(henrik.post_form(&mapping, &pairs(&henriks)).await.status(), 303);
    let hers = form(row(1, &old, "Mentorer mangler"), row(2, &old, "Hannes stress"));
    let r = hanne.post_form(&mapping, &pairs(&hers)).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("ændringer i Overbelastning og stress i dette trin") && !body.contains("ændringer i Onboarding"), "{body}");
    assert!(body.contains("Henriks nye ord") && body.contains("Hannes stress"), "the first theme as stored, the second as she typed");
    let again = form(row(1, &body, "Henriks nye ord"), row(2, &body, "Hannes stress"));
    assert_eq!(hanne.post_form(&mapping, &pairs(&again)).await.status(), 303);
    assert_eq!(known(&app, &plan, "org-onboarding").await, "Henriks nye ord", "his words survive her second save");
    assert_eq!(known(&app, &plan, "org-overload-stress").await, "Hannes stress");

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
