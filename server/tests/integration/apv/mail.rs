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

both_backends!(an_actions_owner_is_reminded_and_marks_it_done_from_the_tool_page, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &round).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk"] {
        handed_in(&app.signed_in(email).await, &round, &revs, &[(0, "red", "")]).await;
    }
    assert_eq!(lis.post_form(&format!("/apv/rounds/{round}/choose"), &[("theme", revs[0].0.as_str())]).await.status(), 303);
    let (plan,): (String,) = sqlx::query_as("SELECT id FROM apv_plans WHERE round_id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();
    let (bo,): (String,) = sqlx::query_as("SELECT p.id FROM persons p JOIN accounts a ON a.id = p.account_id WHERE a.email = 'bo@randers.dk'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let due = (time::OffsetDateTime::now_utc().date() + time::Duration::days(2)).to_string();
    let later = (time::OffsetDateTime::now_utc().date() + time::Duration::days(30)).to_string();
    for (text, when) in [("Book mødelokale til sparring", due.as_str()), ("Evaluer ordningen", later.as_str())] {
        let r = lis.post_form(&format!("/apv/plans/{plan}/actions"), &[("text", text), ("owner", bo.as_str()), ("due_on", when)]).await;
        assert_eq!(r.status(), 303);
    }

    // Due in two days: Bo is reminded once; the later one waits.
    let sent = reminders::run_once(&app.state, time::OffsetDateTime::now_utc()).await.unwrap();
    assert_eq!(sent.apv_actions, 1, "{sent:?}");
    let mails = app.mails_to("bo@randers.dk");
    let (subject, body) = mails.iter().find(|(s, _)| s.starts_with("Handling fra leder-APV")).expect("Bo's action reminder");
    assert!(subject.contains("frist") && body.contains("Book mødelokale til sparring") && body.contains(&format!("/apv/plans/{plan}#actions")), "{body}");
    assert_eq!(reminders::run_once(&app.state, time::OffsetDateTime::now_utc()).await.unwrap().apv_actions, 0);

    // Bo sees his actions on the tool page and marks one done there; Carl may not.
    let bo_client = app.signed_in("bo@randers.dk").await;
    let (_, page) = bo_client.page("/apv").await;
    assert!(page.contains("Dine handlinger") && page.contains("Book mødelokale til sparring") && page.contains("Evaluer ordningen"));
    let (action,): (String,) = sqlx::query_as("SELECT id FROM apv_actions WHERE text = 'Book mødelokale til sparring'").fetch_one(&app.state.db.pool).await.unwrap();
    let done = format!("/apv/plans/{plan}/actions/{action}/done");
    assert_eq!(app.signed_in("carl@randers.dk").await.post_form(&done, &[("done", "1"), ("back", "apv")]).await.status(), 403);
    let r = bo_client.post_form(&done, &[("done", "1"), ("back", "apv")]).await;
    assert_eq!(location(&r), "/apv?notice=action-done#my-actions");
    let (_, page) = bo_client.page("/apv?notice=action-done").await;
    assert!(page.contains("Handlingen er markeret som gjort.") && !page.contains("Book mødelokale til sparring") && page.contains("Evaluer ordningen"));
    assert!(!app.signed_in("anna@randers.dk").await.page("/apv").await.1.contains("Dine handlinger"), "only the owner's list");
});
