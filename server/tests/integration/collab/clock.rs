//! Issue 17, item 4: the meeting's agenda clock is the server's, so a
//! reload, a second member's screen and a phone show the same item and the
//! same time left; "Næste punkt" starts the next item; the buttons are a
//! plain form (and the clock alone for app.js).

use super::*;
use crate::both_backends;
use time::{Duration, OffsetDateTime};

/// The clock as a page shows it: (item from 0, running, seconds left, the item's line).
fn shown(body: &str) -> (String, bool, i64, String) {
    let doc = Html::parse_document(body);
    let timer = doc.select(&Selector::parse("[data-timer]").unwrap()).next().unwrap_or_else(|| panic!("no clock on {body}"));
    let step = timer.select(&Selector::parse("[data-timer-step]").unwrap()).next().unwrap().text().collect::<String>();
    let v = timer.value();
    (v.attr("data-item").unwrap().to_string(), v.attr("data-running").is_some(), v.attr("data-left").unwrap().parse().unwrap(), step)
}

both_backends!(the_agenda_clock_is_the_same_after_a_reload_and_for_a_second_member, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let anna = app.signed_in("anna@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    let meeting = format!("/collab/rounds/{round}/meeting");
    let agenda = format!("/collab/rounds/{round}/agenda");
    let (_, body) = anna.page(&meeting).await;
    let (item, running, left, step) = shown(&body);
    assert_eq!((item.as_str(), running, left), ("0", false, 600), "before anyone presses: the first item's 10 minutes, stopped");
    assert!(step.contains("Punkt 1 af 6: Velkomst og rammer"), "{step}");

    let r = lis.post_form(&agenda, &[("do", "start"), ("item", "0")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("{meeting}#agenda"));
    let r = lis.post_form(&agenda, &[("do", "next"), ("item", "0")]).await;
    assert_eq!(r.status(), 303);

    // A reload, and a second member's screen: item 2, running, its 15 minutes.
    for (who, client) in [("Lis after a reload", &lis), ("Anna", &anna)] {
        let (_, body) = client.page(&meeting).await;
        let (item, running, left, step) = shown(&body);
        assert_eq!((item.as_str(), running), ("1", true), "{who}");
        assert!((890..=900).contains(&left), "{who} sees item 2's time left: {left}");
        assert!(step.contains("Punkt 2 af 6: Opfølgning på sidste aftale"), "{who}: {step}");
        assert!(body.contains("Sæt uret på pause") && body.contains("Uret kører."), "{who}");
    }

    // Five minutes on (the clock's start moved back): 10 minutes left, for both.
    let earlier = ledertrivsel::storage::to_text(OffsetDateTime::now_utc() - Duration::minutes(5));
    sqlx::query("UPDATE collab_agenda SET started_at = $1 WHERE round_id = $2").bind(&earlier).bind(&round).execute(&app.state.db.pool).await.unwrap();
    for client in [&lis, &anna] {
        let (_, body) = client.page(&meeting).await;
        let (item, running, left, _) = shown(&body);
        assert_eq!((item.as_str(), running), ("1", true));
        assert!((595..=600).contains(&left), "{left}");
        assert!(body.contains(">10:00<") || body.contains(">09:59<") || body.contains(">09:58<"), "the clock reads about 10:00");
    }

    // A second screen still showing item 1 presses "next" too: one item on, not two.
    assert_eq!(anna.post_form(&agenda, &[("do", "next"), ("item", "0")]).await.status(), 303);
    assert_eq!(shown(&anna.page(&meeting).await.1).0, "1");

    // app.js asks for the clock alone: pausing keeps what is left.
    let csrf = anna.csrf().await;
    let r = anna
        .http
        .post(format!("{}{agenda}", anna.base))
        .header("hx-request", "true")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string([("do", "pause"), ("item", "1"), ("csrf", csrf.as_str())]).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let part = r.text().await.unwrap();
    assert!(!part.contains("<html") && part.contains("data-timer"), "{part}");
    let (item, running, left, _) = shown(&part);
    assert_eq!((item.as_str(), running), ("1", false));
    assert!((595..=600).contains(&left), "{left}");
    let (_, body) = lis.page(&meeting).await;
    assert!(!shown(&body).1 && body.contains("Uret står på pause.") && body.contains("Fortsæt uret"), "paused for everyone");
    let r = lis.http.get(format!("{}{agenda}", lis.base)).header("hx-request", "true").send().await.unwrap();
    assert_eq!(shown(&r.text().await.unwrap()).0, "1", "the clock alone, as other screens ask for it");

    // A wrong button, someone outside the group, HR: nothing changes.
    assert_eq!(lis.post_form(&agenda, &[("do", "reset"), ("item", "1")]).await.status(), 400);
    assert_eq!(lis.post_form(&agenda, &[("do", "next"), ("item", "x")]).await.status(), 400);
    let ole = app.person(&n.org, "Ole Olsen", "ole@randers.dk", &[Role::Leader]).await;
    assert_eq!(app.signed_in("ole@randers.dk").await.post_form(&agenda, &[("do", "next"), ("item", "1")]).await.status(), 404);
    assert_eq!(app.signed_in("hr@randers.dk").await.post_form(&agenda, &[("do", "next"), ("item", "1")]).await.status(), 403);
    let (item, running, left, _) = shown(&lis.page(&meeting).await.1);
    assert_eq!((item.as_str(), running), ("1", false));
    assert!((595..=600).contains(&left));
    let _ = (ole, n.carl, n.anna);
});

both_backends!(the_agenda_clock_stops_taking_buttons_when_the_agreement_is_settled, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    let agenda = format!("/collab/rounds/{round}/agenda");
    assert_eq!(lis.post_form(&agenda, &[("do", "start"), ("item", "0")]).await.status(), 303);
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let fields = [("text-1", "Vi deler beslutninger samme dag"), ("owner-1", n.anna.as_str()), ("follow_up_on-1", follow.as_str())];
    assert_eq!(lis.post_form(&format!("/collab/rounds/{round}/agreement"), &fields).await.status(), 303);
    confirm_settle(&lis, &round).await;
    assert_eq!(lis.post_form(&agenda, &[("do", "next"), ("item", "0")]).await.status(), 400);
    let (_, body) = lis.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert!(!body.contains("data-timer"), "no clock once the meeting is over");
    let _ = n.carl;
});
