//! Mail about a round: everyone asked is invited when it starts, and those
//! still missing Skema 1 are reminded two days before the deadline, each
//! once, in their own language.

use super::*;
use crate::both_backends;
use ledertrivsel::reminders;

/// Waits for the invitation sent in the background after a start.
async fn first_mail(app: &TestApp, to: &str) -> (String, String) {
    for _ in 0..100 {
        if let Some(mail) = app.mails_to(to).into_iter().next() {
            return mail;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no mail to {to}");
}

both_backends!(a_round_invites_its_leaders_and_reminds_those_missing_before_the_deadline, |app: TestApp| async move {
    let n = nord(&app).await;
    sqlx::query("UPDATE accounts SET locale = 'en' WHERE email = 'carl@randers.dk'").execute(&app.state.db.pool).await.unwrap();
    let lis = app.signed_in("lis@randers.dk").await;
    let deadline = time::OffsetDateTime::now_utc().date() + time::Duration::days(2);
    let r = lis.post_form(&format!("/apv/groups/{}/rounds", n.group), &[("variant", "now"), ("deadline", deadline.to_string().as_str())]).await;
    assert_eq!(r.status(), 303);
    let round = location(&r).trim_start_matches("/apv/rounds/").trim_end_matches("?notice=started").to_string();

    let (subject, body) = first_mail(&app, "anna@randers.dk").await;
    assert!(subject.starts_with("Leder-APV i Ledergruppe Nord: udfyld Skema 1 senest"), "{subject}");
    assert!(body.starts_with("Hej Anna Andersen") && body.contains(&format!("/apv/rounds/{round}/map")), "{body}");
    assert!(body.contains("Dine svar er dine egne"));
    let (subject, _) = first_mail(&app, "carl@randers.dk").await;
    assert!(subject.starts_with("Leader APV in Ledergruppe Nord: fill in Form 1 by"), "{subject}");
    first_mail(&app, "lis@randers.dk").await;
    first_mail(&app, "bo@randers.dk").await;

    // Anna hands in; the others are reminded once, in their own language.
    let anna = app.signed_in("anna@randers.dk").await;
    let revs = themes(&anna, &round).await;
    handed_in(&anna, &round, &revs, &[(0, "green", "")]).await;
    let sent = reminders::run_once(&app.state, time::OffsetDateTime::now_utc()).await.unwrap();
    assert_eq!((sent.apv_invitations, sent.apv_deadlines), (0, 3), "{sent:?}");
    assert_eq!(app.mails_to("anna@randers.dk").len(), 1, "who handed in is not reminded");
    let carl = app.mails_to("carl@randers.dk");
    assert_eq!(carl.len(), 2);
    assert!(carl[1].0.starts_with("Reminder: Form 1 in Ledergruppe Nord by"), "{:?}", carl[1]);
    assert!(app.mails_to("bo@randers.dk")[1].1.contains("du har ikke afleveret endnu"));
    let again = reminders::run_once(&app.state, time::OffsetDateTime::now_utc()).await.unwrap();
    assert_eq!(again, reminders::Sent::default(), "each mail goes out once");
    assert!(app.mails_to("hr@randers.dk").is_empty(), "HR is not asked");
});
