//! Reminders before each follow-up: the point's owner and the group's
//! leader, three days ahead, once.

use super::*;
use crate::both_backends;
use ledertrivsel::reminders;

both_backends!(owner_and_group_leader_are_reminded_before_a_follow_up_once, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    let (soon, _, _) = crate::dialog_meetings::slot(2, 9, 0);
    let (later, _, _) = crate::dialog_meetings::slot(20, 9, 0);
    let r = lis
        .post_form(
            &format!("/collab/rounds/{round}/agreement"),
            &[
                ("text-1", "Sparring hver anden uge"),
                ("owner-1", n.anna.as_str()),
                ("follow_up_on-1", &soon),
                ("text-2", "Fælles budskaber efter møderne"),
                ("owner-2", n.carl.as_str()),
                ("follow_up_on-2", &later),
                ("settle", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    super::confirm_settle(&lis, &round).await;
    let (_, start) = app.signed_in("anna@randers.dk").await.page("/").await;
    assert!(start.contains("Opfølgning på gruppeaftalen: Sparring hver anden uge"), "Anna owns the point: {start}");
    assert!(!app.signed_in("carl@randers.dk").await.page("/").await.1.contains("Fælles budskaber"), "20 days off is not due yet");
    let now = time::OffsetDateTime::now_utc();
    let sent = reminders::run_once(&app.state, now).await.unwrap();
    assert_eq!(sent.collab_followups, 2, "Anna owns the near point, Lis leads the group: {sent:?}");
    let anna = app.mails_to("anna@randers.dk");
    let last = anna.last().unwrap();
    assert!(last.0.starts_with("Opfølgning på gruppeaftalen i Ledergruppe Nord"), "{}", last.0);
    assert!(last.1.contains("Sparring hver anden uge") && last.1.contains("Blev det gjort?"), "{}", last.1);
    assert!(app.mails_to("carl@randers.dk").iter().all(|(s, _)| !s.starts_with("Opfølgning")), "Carl's point is 20 days off");
    assert_eq!(reminders::run_once(&app.state, now).await.unwrap().collab_followups, 0, "once");
    let _ = n.lis;
});

both_backends!(everyone_is_reminded_the_day_before_the_meeting_once, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    fill_in(&app.signed_in("anna@randers.dk").await, &round, "3", "").await;
    // Dorte joins after the round started: its meeting page is not hers, so no reminder of it.
    let dorte = app.person(&n.org, "Dorte Dahl", "dorte@randers.dk", &[domain::roles::Role::Leader]).await;
    app.add_member(&n.org, &n.group, &dorte).await;
    // Three days ahead: nothing yet. Twelve hours before: the meeting is within a day.
    let (_, _, at) = crate::dialog_meetings::slot(7, 9, 0);
    assert_eq!(reminders::run_once(&app.state, at - time::Duration::days(3)).await.unwrap().collab_meetings, 0);
    let later = at - time::Duration::hours(12);
    let sent = reminders::run_once(&app.state, later).await.unwrap();
    assert_eq!(sent.collab_meetings, 4, "the leader and three members: {sent:?}");
    let carl = app.mails_to("carl@randers.dk");
    let (subject, body) = carl.last().unwrap();
    assert!(subject.starts_with("I morgen: møde om samarbejdet i Ledergruppe Nord"), "{subject}");
    assert!(body.contains(&format!("/collab/rounds/{round}/checklist")), "Carl has not filled in the checklist: {body}");
    let (_, body) = app.mails_to("anna@randers.dk").into_iter().filter(|(s, _)| s.starts_with("I morgen")).last().unwrap();
    assert!(!body.contains("/checklist"), "Anna has: {body}");
    assert_eq!(reminders::run_once(&app.state, later).await.unwrap().collab_meetings, 0, "once");
    assert!(app.mails_to("dorte@randers.dk").is_empty(), "a newcomer is not one of the round's readers");
    let _ = (n.lis, n.anna, n.carl);
});
