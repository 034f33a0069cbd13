//! Issue 17, item 8: Tool 3's matrix is read by HR and top management, who
//! are the organisation. It once reused a leader group's words ("… til
//! gruppeaftalen", "tag det op med organisationen"); it has its own, in
//! Danish and English.

use super::*;
use crate::both_backends;

both_backends!(the_plans_matrix_speaks_to_the_organisation_not_to_a_leader_group, |app: TestApp| async move {
    let _ = randers(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let plan = started(&hr).await;
    assert_eq!(hr.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-onboarding")]).await.status(), 303);
    let qualify = format!("/plan/{plan}/qualify");
    for reader in ["hr@randers.dk", "direktor@randers.dk"] {
        let (status, body) = app.signed_in(reader).await.page(&qualify).await;
        assert_eq!(status, 200);
        for leader_group in ["tag det op med organisationen", "gruppeaftalen", "Løft det videre", "vores fælles trivsel"] {
            assert!(!body.contains(leader_group), "{reader} reads a leader group's words: {leader_group}");
        }
        assert!(body.contains("Hvor meget kan organisationen selv påvirke det?") && body.contains("planens action cards"), "{reader}: {body}");
    }
    assert_eq!(hr.post_form("/language", &[("lang", "en"), ("next", "/")]).await.status(), 303);
    let (_, body) = hr.page(&qualify).await;
    for leader_group in ["take it up with the organisation", "group agreement", "Lift it up", "our shared wellbeing"] {
        assert!(!body.contains(leader_group), "HR reads a leader group's words in English: {leader_group}");
    }
    assert!(body.contains("How much can the organisation influence it itself?") && body.contains("Work within the limits"), "{body}");
});
