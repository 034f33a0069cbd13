//! The three steps as the group's leader and members walk them, with every
//! refusal changing nothing.

use super::*;
use crate::both_backends;
use crate::dialog_meetings::{outbox, parse, slot, utc_of};
use icalendar::{Component, EventLike};

both_backends!(planning_mails_everyone_a_calendar_invitation, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let (status, body) = lis.page(&format!("/collab/groups/{}/rounds", n.group)).await;
    assert_eq!(status, 200);
    assert!(body.contains("Planlæg mødet om samarbejdet") && body.contains("Ledergruppe Nord"));

    // Bad input: a past date, a too short meeting, a place too long. Nothing is written.
    let (past, time, _) = slot(-2, 9, 0);
    let long = "x".repeat(201);
    let r = lis
        .post_form(&format!("/collab/groups/{}/rounds", n.group), &[("date", &past), ("time", &time), ("minutes", "10"), ("place", &long)])
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("mellem 30 og 480"), "{body}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_rounds WHERE group_id = $1", &n.group).await, 0);
    assert!(outbox(&app.data_dir, "carl@randers.dk").is_empty());

    let round = planned(&lis, &n.group).await;
    let (_, _, at) = slot(7, 9, 0);
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk", "carl@randers.dk"] {
        let mails = outbox(&app.data_dir, email);
        assert_eq!(mails.len(), 1, "{email}");
        let mail = &mails[0];
        assert_eq!(mail.subject, "Invitation: møde om samarbejdet i Ledergruppe Nord");
        assert!(mail.body.contains(&format!("/collab/rounds/{round}/checklist")), "{}", mail.body);
        let (content_type, ics) = mail.calendar.as_ref().expect("a calendar file");
        assert!(content_type.contains("method=REQUEST"), "{content_type}");
        let (_, event) = parse(ics);
        assert_eq!(utc_of(event.get_start()), at);
        assert_eq!(event.get_location(), Some("Lokale 1"));
        assert!(event.get_description().unwrap().contains("afkrydsningsskema"), "{ics}");
    }
    // The same file is a download on the round page.
    let r = app.signed_in("carl@randers.dk").await.get(&format!("/collab/rounds/{round}.ics")).await;
    assert_eq!(r.status(), 200);
    let (_, event) = parse(&r.text().await.unwrap());
    assert_eq!(utc_of(event.get_start()), at);

    // A second round while one is open is refused.
    let (date, time, _) = slot(9, 9, 0);
    let r = lis.post_form(&format!("/collab/groups/{}/rounds", n.group), &[("date", &date), ("time", &time)]).await;
    assert_eq!(r.status(), 409);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_rounds WHERE group_id = $1", &n.group).await, 1);

    // Moving the meeting sends the new time with a higher sequence.
    let (date, time, moved) = slot(8, 13, 0);
    let r = lis.post_form(&format!("/collab/rounds/{round}/move"), &[("date", &date), ("time", &time), ("minutes", "90"), ("place", "Lokale 2")]).await;
    assert_eq!(r.status(), 303);
    let mails = outbox(&app.data_dir, "anna@randers.dk");
    assert_eq!(mails.len(), 2);
    let (_, event) = parse(&mails[1].calendar.as_ref().unwrap().1);
    assert_eq!(utc_of(event.get_start()), moved);
    assert_eq!(event.property_value("SEQUENCE"), Some("1"));
    // A member may not move it.
    let r = app.signed_in("anna@randers.dk").await.post_form(&format!("/collab/rounds/{round}/move"), &[("date", &date), ("time", &time)]).await;
    assert_eq!(r.status(), 403);
    let _ = (n.lis, n.anna, n.carl);
});

both_backends!(the_meeting_shows_the_picture_from_three_and_the_group_settles_its_agreement, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let anna = app.signed_in("anna@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let round = planned(&lis, &n.group).await;
    let due = "Udfyld afkrydsningsskemaet om samarbejdet i Ledergruppe Nord";
    assert!(carl.page("/").await.1.contains(due), "the start page asks for the checklist");
    fill_in(&lis, &round, "4", "Vi skal tale om vores møder.").await;
    assert!(!lis.page("/").await.1.contains(due), "not once it is filled in");
    fill_in(&anna, &round, "2", "").await;
    let (_, body) = lis.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert!(body.contains("Billedet kan først vises, når mindst 3 har svaret."), "two answers are too few: {body}");
    assert!(crate::intro::figures(&body).is_empty());
    // Carl answers "don't know", then changes his mind before the meeting.
    fill_in(&carl, &round, "unknown", "").await;
    fill_in(&carl, &round, "3", "").await;
    lis.reveal(&format!("/collab/rounds/{round}")).await;

    let (status, body) = carl.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert_eq!(status, 200);
    let figures = crate::intro::figures(&body);
    assert_eq!(figures.len(), 21);
    let counts: Vec<u32> = figures[0].1.iter().map(|(_, c)| *c).collect();
    assert_eq!(counts, [0, 1, 1, 1, 0, 0], "one each of 'I mindre grad', 'I nogen grad', 'I høj grad'");
    assert!(body.contains("Drejebog") && body.contains("Prioriteringsmatrix") && body.contains("Gruppeaftalen"));
    assert!(body.contains("Vi skal tale om vores møder."), "inside the group, comments show from three answers");

    // A point Anna lifted to the group from her own agreement is on the meeting page, without her name.
    let lifted = "Jeg har brug for, at vi deler vikarer på tværs";
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    let to = domain::thread::Destination::Group(domain::ids::GroupId::from_db(n.group.clone()));
    let new = ledertrivsel::thread::store::NewLift {
        source_kind: domain::thread::SourceKind::AgreementPoint,
        source_id: "punkt-1",
        from_person: &n.anna,
        from_group: None,
        to: &to,
        text: &domain::thread::LiftText::parse(lifted).unwrap(),
        attributed: false,
    };
    ledertrivsel::thread::store::lift(&mut conn, &n.org.id, new, app.state.clock.now()).await.unwrap().unwrap();
    drop(conn);
    let (_, body) = carl.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert!(body.contains(lifted) && body.contains("Punkter, som ledere har løftet til gruppen"), "{body}");

    // The matrix: a known theme in a known field; anything else is refused and changes nothing.
    let r = anna.post_form(&format!("/collab/rounds/{round}/matrix"), &[("theme", "sparring"), ("quadrant", "act")]).await;
    assert_eq!(r.status(), 303);
    for (theme, quadrant) in [("budget", "act"), ("sparring", "top")] {
        let r = anna.post_form(&format!("/collab/rounds/{round}/matrix"), &[("theme", theme), ("quadrant", quadrant)]).await;
        assert_eq!(r.status(), 400, "{theme} {quadrant}");
    }
    let placed: Vec<(String, String)> =
        sqlx::query_as("SELECT theme, quadrant FROM collab_matrix WHERE round_id = $1").bind(&round).fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(placed, [("sparring".to_string(), "act".to_string())]);

    // The agreement: an owner outside the group and a past date are refused.
    let outsider = app.person(&n.org, "Ole Olsen", "ole@randers.dk", &[Role::Leader]).await;
    let (past, _, _) = slot(-1, 9, 0);
    let r = lis
        .post_form(&format!("/collab/rounds/{round}/agreement"), &[("text-1", "Sparring hver anden uge"), ("owner-1", outsider.as_str()), ("follow_up_on-1", &past)])
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Vælg en ansvarlig fra gruppen") && body.contains("i dag eller senere") && body.contains("Sparring hver anden uge"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_points WHERE round_id = $1", &round).await, 0);

    let (follow, _, _) = slot(60, 9, 0);
    let point = [
        ("text-1", "Sparring på en svær sag hvert andet møde"),
        ("actions-1", "Fast punkt, 20 minutter"),
        ("owner-1", n.anna.as_str()),
        ("follow_up_on-1", follow.as_str()),
    ];
    let r = anna.post_form(&format!("/collab/rounds/{round}/agreement"), &point).await;
    assert_eq!(r.status(), 303, "a member may write the agreement with the group");
    let mut settle = point.to_vec();
    settle.push(("settle", "1"));
    let r = anna.post_form(&format!("/collab/rounds/{round}/agreement"), &settle).await;
    assert_eq!(r.status(), 403, "only the group's leader settles it");
    let r = lis.post_form(&format!("/collab/rounds/{round}/agreement"), &settle).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/collab/rounds/{round}/settle"), "saved, and asked before settling");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_rounds WHERE id = $1 AND closed_at IS NULL", &round).await, 1, "not settled in one click");
    assert_eq!(anna.post_form(&format!("/collab/rounds/{round}/settle"), &[]).await.status(), 403, "only the group's leader answers");
    super::confirm_settle(&lis, &round).await;
    let (_, body) = carl.page(&format!("/collab/rounds/{round}")).await;
    assert!(body.contains("Sparring på en svær sag hvert andet møde") && body.contains("Anna Andersen") && body.contains("aftalen er indgået"));

    // Settled: the checklist, the matrix and the agreement are closed.
    let r = carl.post_form(&format!("/collab/rounds/{round}/matrix"), &[("theme", "safety"), ("quadrant", "act")]).await;
    assert_eq!(r.status(), 400);
    let r = lis.post_form(&format!("/collab/rounds/{round}/agreement"), &point).await;
    assert_eq!(r.status(), 400);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_matrix WHERE round_id = $1", &round).await, 1);

    // The next round's meeting opens with this agreement to follow up.
    let next = planned(&lis, &n.group).await;
    let (_, body) = carl.page(&format!("/collab/rounds/{next}/meeting")).await;
    assert!(body.contains("Opfølgning på sidste aftale") && body.contains("Sparring på en svær sag hvert andet møde"), "{body}");
    let (point,): (String,) = sqlx::query_as("SELECT id FROM collab_points WHERE round_id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();
    let (done, worked, step) = (format!("done-{point}"), format!("worked-{point}"), format!("next-{point}"));
    let half = [(done.as_str(), "yes"), (worked.as_str(), "partly")];
    let r = lis.post_form(&format!("/collab/rounds/{next}/review"), &half).await;
    assert_eq!(r.status(), 422, "a half-answered point is refused");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM collab_point_reviews WHERE round_id = $1", &next).await, 0);
    let full = [(done.as_str(), "yes"), (worked.as_str(), "partly"), (step.as_str(), "carry_on")];
    assert_eq!(carl.post_form(&format!("/collab/rounds/{next}/review"), &full).await.status(), 403, "the group's leader records it");
    assert_eq!(lis.post_form(&format!("/collab/rounds/{next}/review"), &full).await.status(), 303);
    let (_, body) = carl.page(&format!("/collab/rounds/{next}/meeting")).await;
    assert!(body.contains("Ja, gjort") && body.contains("virkede: Delvist") && body.contains("Vi fortsætter"), "{body}");
    let _ = (n.lis, n.carl);
});
