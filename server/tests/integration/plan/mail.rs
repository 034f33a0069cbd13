//! HR is reminded three days before an action card's follow-up, once; a
//! card done or dropped is not followed up any more.

use super::*;
use crate::both_backends;
use ledertrivsel::reminders;

both_backends!(hr_is_reminded_before_a_cards_follow_up_once, |app: TestApp| async move {
    let r = randers(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let plan = started(&hr).await;
    assert_eq!(hr.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-onboarding"), ("theme", "org-goals")]).await.status(), 303);
    let (soon, _, _) = crate::dialog_meetings::slot(2, 9, 0);
    let r2 = hr
        .post_form(
            &format!("/plan/{plan}/cards"),
            &[
                ("theme-1", "org-onboarding"),
                ("goal-1", "Alle nye ledere har en mentor"),
                ("follow_up_on-1", &soon),
                ("status-1", "under_way"),
                ("theme-2", "org-goals"),
                ("goal-2", "Klare mål for alle ledere"),
                ("follow_up_on-2", &soon),
                ("status-2", "done"),
            ],
        )
        .await;
    assert_eq!(r2.status(), 303);
    let now = time::OffsetDateTime::now_utc();
    let sent = reminders::run_once(&app.state, now).await.unwrap();
    assert_eq!(sent.plan_followups, 1, "the card under way, not the one done: {sent:?}");
    let mails = app.mails_to("hr@randers.dk");
    let (subject, body) = mails.last().unwrap();
    assert!(subject.starts_with("Opfølgning på planen for ledertrivsel: Onboarding"), "{subject}");
    assert!(body.contains("Alle nye ledere har en mentor") && body.contains(&format!("/plan/{plan}/concretise")), "{body}");
    assert!(app.mails_to("direktor@randers.dk").is_empty(), "HR follows up the plan");
    assert_eq!(reminders::run_once(&app.state, now).await.unwrap().plan_followups, 0, "once");
    let _ = r.org;
});
