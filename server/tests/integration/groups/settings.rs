//! The organisation's settings and the audit log.

use super::{audit_actions, hidden_content, scalar, upload};
use crate::both_backends;
use crate::support::app::{location, Org};
use crate::support::TestApp;

async fn settings(app: &TestApp, org: &Org) -> (String, i64, i64, i64) {
    sqlx::query_as("SELECT name, anonymity_k, free_text_k, retention_days FROM orgs WHERE id = $1")
        .bind(org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

both_backends!(settings_are_validated_saved_and_audited, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    let hr = app.signed_in("hr@horsens.dk").await;
    let (status, body) = hr.page("/admin/settings").await;
    assert_eq!(status, 200);
    for value in ["value=\"Horsens Kommune\"", "value=\"5\"", "value=\"8\"", "value=\"1095\""] {
        assert!(body.contains(value), "{value}");
    }
    assert!(body.contains("Den laveste grænse er 3."));

    let defaults = settings(&app, &org).await;
    let cases = [
        (["Horsens Kommune", "2", "8", "1095"], "Anonymitetsgrænsen kan ikke være lavere end 3."),
        (["Horsens Kommune", "6", "5", "1095"], "Grænsen for fritekst kan ikke være lavere end grænsen for tal."),
        (["Horsens Kommune", "fem", "8", "1095"], "Skriv et helt tal, fx 5."),
        (["Horsens Kommune", "-4", "8", "1095"], "Skriv et helt tal, fx 5."),
        (["Horsens Kommune", "5", "5000", "1095"], "Grænsen er for høj (højst 1.000)."),
        (["Horsens Kommune", "5", "8", "10"], "Opbevaringstiden skal være mellem 30 og 3650 dage."),
        (["", "5", "8", "1095"], "Skriv organisationens navn."),
    ];
    for ([name, k, free, days], message) in cases {
        let r = hr
            .post_form("/admin/settings", &[("org_name", name), ("k", k), ("free_text_k", free), ("retention_days", days)])
            .await;
        assert_eq!(r.status(), 422, "{k} {free} {days}");
        let body = r.text().await.unwrap();
        assert!(body.contains(message), "{message}: {body}");
        assert!(body.contains(&format!("value=\"{k}\"")), "what was typed comes back");
        assert_eq!(settings(&app, &org).await, defaults);
    }

    let fields = [("org_name", "Horsens Kommune, HR"), ("k", "6"), ("free_text_k", "10"), ("retention_days", "730")];
    let r = hr.post_form("/admin/settings", &fields).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin/settings?saved=1");
    assert_eq!(settings(&app, &org).await, ("Horsens Kommune, HR".into(), 6, 10, 730));
    let (_, body) = hr.page("/admin/settings?saved=1").await;
    assert!(body.contains("Indstillingerne er gemt."));
    assert!(body.contains("Hanne HR · Horsens Kommune, HR"), "the header shows the new name");
    let actions = audit_actions(&app, &org).await;
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[1].0, "settings-updated");
    assert_eq!(
        actions[1].1,
        "Organisationens navn: Horsens Kommune → Horsens Kommune, HR; Anonymitetsgrænse for tal: 5 → 6; \
         Anonymitetsgrænse for fritekst: 8 → 10; Opbevaringstid i dage: 1095 → 730"
    );
    // Saving the same values changes nothing and adds nothing to the log.
    assert_eq!(hr.post_form("/admin/settings", &fields).await.status(), 303);
    assert_eq!(audit_actions(&app, &org).await.len(), 2);
    // The smallest allowed values are accepted.
    let r = hr
        .post_form("/admin/settings", &[("org_name", "Horsens"), ("k", "3"), ("free_text_k", "3"), ("retention_days", "30")])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(settings(&app, &org).await, ("Horsens".into(), 3, 3, 30));
});

both_backends!(the_audit_log_lists_actions_newest_first_in_pages, |app: TestApp| async move {
    let org = app.org("Horsens Kommune", "hr@horsens.dk").await;
    let hr = app.signed_in("hr@horsens.dk").await;
    let (status, body) = hr.page("/admin/audit").await;
    assert_eq!(status, 200);
    assert!(body.contains("Oprettede organisationen"));
    assert!(!body.contains("rel=\"next\""));

    hr.post_form("/admin/groups/new", &[("name", "Nord"), ("leader", org.admin_person.as_str())]).await;
    hr.post_form("/admin/settings", &[("org_name", "Horsens"), ("k", "5"), ("free_text_k", "8"), ("retention_days", "1095")])
        .await;
    let r = upload(&hr, "navn;e-mail\nEva Ærø;eva@horsens.dk\n".as_bytes().to_vec()).await;
    let content = hidden_content(&r.text().await.unwrap());
    hr.post_form("/admin/import/confirm", &[("content", &content)]).await;

    let (_, body) = hr.page("/admin/audit").await;
    let order: Vec<usize> = ["Importerede personer", "Ændrede indstillinger", "Oprettede ledergruppe", "Oprettede organisationen"]
        .iter()
        .map(|action| body.find(&format!("<td>{action}</td>")).unwrap_or_else(|| panic!("{action} in {body}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "newest first: {order:?}");
    assert!(body.contains("<td>Nord</td>"));
    assert!(body.contains("<td>Hanne HR</td>"));
    assert!(body.contains("Organisationens navn: Horsens Kommune → Horsens"));
    // Danish date and time, e.g. "3. marts 2026 kl. 14.05".
    let when = body.split("<td class=\"lt-when\">").nth(1).unwrap().split("</td>").next().unwrap();
    assert!(when.contains(" kl. ") && when.contains(". "), "{when}");

    // 60 more entries: two pages, 50 on the first.
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    for i in 0..60 {
        let actor = ledertrivsel::org::audit::Actor { person: None, name: "Hanne HR" };
        ledertrivsel::org::audit::record(&mut conn, &org.id, actor, "group-updated", &format!("Gruppe {i}"), app.state.clock.now()).await.unwrap();
    }
    drop(conn);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM audit_log WHERE org_id = $1", &org).await, 64);
    let (_, first) = hr.page("/admin/audit").await;
    assert_eq!(first.matches("<td class=\"lt-when\">").count(), 50);
    assert!(first.contains("<td>Gruppe 59</td>"), "the newest is on page 1");
    assert!(!first.contains("<td>Gruppe 9</td>"));
    assert!(first.contains("href=\"/admin/audit?page=2\" rel=\"next\""));
    assert!(!first.contains("rel=\"prev\""));
    let (_, second) = hr.page("/admin/audit?page=2").await;
    assert_eq!(second.matches("<td class=\"lt-when\">").count(), 14);
    assert!(second.contains("<td>Gruppe 9</td>"));
    assert!(second.contains("Oprettede organisationen"));
    assert!(second.contains("href=\"/admin/audit?page=1\" rel=\"prev\""));
    assert!(!second.contains("rel=\"next\""));
    // A page number that is not one shows the first page.
    assert_eq!(hr.page("/admin/audit?page=abc").await.1.matches("<td class=\"lt-when\">").count(), 50);
    assert!(hr.page("/admin/audit?page=99").await.1.contains("Der er ingen handlinger i loggen endnu."));

    // English: the same actions in English.
    hr.post_form("/language", &[("lang", "en"), ("next", "/")]).await;
    let (_, body) = hr.page("/admin/audit?page=2").await;
    assert!(body.contains("<td>Created the organisation</td>"), "{body}");
});
