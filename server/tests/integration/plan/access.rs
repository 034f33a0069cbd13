//! HR changes the plan; top management, MED and AMO read it; leaders and
//! other organisations do not get it.

use super::*;
use crate::both_backends;

both_backends!(leaders_get_403_readers_read_and_other_organisations_get_404, |app: TestApp| async move {
    let r = randers(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let plan = started(&hr).await;
    assert_eq!(hr.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-goals")]).await.status(), 303);

    let lis = app.signed_in("lis@randers.dk").await;
    for path in ["/plan".to_string(), format!("/plan/{plan}/prepare"), format!("/plan/{plan}/print"), "/plan/overview.csv".to_string()] {
        assert_eq!(lis.page(&path).await.0, 403, "{path}");
    }
    assert_eq!(lis.post_form("/plan", &[("title", "Min plan")]).await.status(), 403);

    let director = app.signed_in("direktor@randers.dk").await;
    let (status, body) = director.page(&format!("/plan/{plan}/prepare")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Trivselsplan for Randers 2027") && !body.contains(&format!("action=\"/plan/{plan}/themes\"")), "readers get no forms");
    assert_eq!(director.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-onboarding")]).await.status(), 403);
    assert_eq!(director.post_form("/plan", &[("title", "Direktionens plan")]).await.status(), 403);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM org_plan_themes WHERE plan_id = $1", &plan).await, 1);

    let other = app.org("Viborg Kommune", "hr@viborg.dk").await;
    let viborg = app.signed_in("hr@viborg.dk").await;
    for path in [format!("/plan/{plan}/prepare"), format!("/plan/{plan}/concretise"), format!("/plan/{plan}/plan.docx")] {
        let (status, body) = viborg.page(&path).await;
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("Trivselsplan for Randers 2027"));
    }
    assert_eq!(viborg.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-goals")]).await.status(), 404);
    assert!(!viborg.page("/plan").await.1.contains("Trivselsplan for Randers 2027"));
    let _ = (r.org, other);
});
