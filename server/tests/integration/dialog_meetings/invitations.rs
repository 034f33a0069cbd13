//! Inviting, moving and cancelling: what lands in both outboxes, and the
//! calendar file read back as a calendar would read it.

use super::*;
use crate::both_backends;
use icalendar::{Component, EventLike, EventStatus};

both_backends!(an_invitation_reaches_both_with_the_calendar_file, |app: TestApp| async move {
    let _t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (status, form) = mette.page("/dialog/meetings/new").await;
    assert_eq!(status, 200);
    assert!(form.contains("Karen Holm") && form.contains("value=\"45\""), "45 minutes by default");
    let (date, time, starts) = slot(3, 10, 0);
    let r = invite(&mette, &date, &time, "45", "Mødelokale 2, Rådhuset", "Jeg glæder mig til at tale om weekenderne.").await;
    assert_eq!(r.status(), 303);
    let rows = dialogs(&app).await;
    assert_eq!(rows.len(), 1);
    let id = rows[0].0.clone();
    assert_eq!(location(&r), format!("/dialog/meetings/{id}?notice=invited"));
    assert_eq!(rows[0].1, ledertrivsel::storage::to_text(starts), "stored in UTC");
    assert_eq!((rows[0].2, rows[0].3.as_str(), rows[0].4), (45, "Mødelokale 2, Rådhuset", 0));

    let to_karen = outbox(&app.data_dir, "karen@aarhus.dk");
    let to_mette = outbox(&app.data_dir, "mette@aarhus.dk");
    assert_eq!((to_karen.len(), to_mette.len()), (1, 1));
    assert!(to_karen[0].subject.starts_with("Mette Lund inviterer dig til en dialog"), "{}", to_karen[0].subject);
    assert!(to_mette[0].subject.starts_with("Din dialog med Karen Holm"), "{}", to_mette[0].subject);
    let questions = &app.state.shipped.dialog.da.invite.preparation;
    for mail in [&to_karen[0], &to_mette[0]] {
        assert!(mail.body.contains("Jeg glæder mig til at tale om weekenderne."), "{}", mail.body);
        assert!(mail.body.contains("(45 minutter). Sted: Mødelokale 2, Rådhuset."), "{}", mail.body);
        assert!(mail.body.contains(&format!("http://test.invalid/dialog/meetings/{id}")));
        for q in questions {
            assert!(mail.body.contains(q.as_str()), "{q} missing in {}", mail.body);
        }
        let (content_type, ics) = mail.calendar.clone().expect("the invitation is attached");
        assert!(content_type.starts_with("text/calendar") && content_type.contains("method=REQUEST"), "{content_type}");
        let (cal, event) = parse(&ics);
        assert_eq!(cal.property_value("METHOD"), Some("REQUEST"));
        assert_eq!(event.get_uid(), Some(format!("dialog-{id}@test.invalid").as_str()));
        assert_eq!(event.get_sequence(), Some(0));
        assert_eq!(utc_of(event.get_start()), starts);
        assert_eq!(utc_of(event.get_end()), starts + time::Duration::minutes(45));
        assert_eq!(event.get_location(), Some("Mødelokale 2, Rådhuset"));
        assert_eq!(event.get_status(), Some(EventStatus::Confirmed));
        let description = event.get_description().unwrap();
        for q in questions {
            assert!(description.contains(q.as_str()), "{q} missing in {description}");
        }
        let organizer = event.properties().get("ORGANIZER").expect("an organizer");
        assert_eq!(organizer.value(), "mailto:mette@aarhus.dk");
        assert_eq!(organizer.params().get("CN").map(|p| p.value()), Some("Mette Lund"));
        let attendees: Vec<_> = event.get_attendees().iter().map(|a| (a.cn.clone(), a.cal_address.clone())).collect();
        assert_eq!(attendees, vec![(Some("Karen Holm".to_string()), "mailto:karen@aarhus.dk".to_string())]);
        assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen"));
    }

    // Both see the dialog and download the same event; the tool page shows it as next.
    let karen = app.signed_in("karen@aarhus.dk").await;
    for client in [&mette, &karen] {
        let (status, page) = client.page(&format!("/dialog/meetings/{id}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Mødelokale 2, Rådhuset") && page.contains(questions[0].as_str()));
        let r = client.get(&format!("/dialog/meetings/{id}.ics")).await;
        assert_eq!(r.status(), 200);
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
        let (cal, event) = parse(&r.text().await.unwrap());
        assert_eq!(cal.property_value("METHOD"), Some("REQUEST"));
        assert_eq!(event.get_uid(), Some(format!("dialog-{id}@test.invalid").as_str()));
        let (_, tool) = client.page("/dialog").await;
        assert!(tool.contains("Næste dialog") && tool.contains(&format!("/dialog/meetings/{id}")), "{tool}");
    }
    let (_, tool) = mette.page("/dialog").await;
    assert!(tool.contains("Dialog med Karen Holm") && tool.contains("Inviter til dialog"));
    // Within a week, it is also on both start pages as something due.
    let (_, start) = karen.page("/").await;
    assert!(start.contains(&format!("/dialog/meetings/{id}")) && start.contains("Dialog med Mette Lund"), "{start}");
    let (_, start) = app.signed_in("bo@aarhus.dk").await.page("/").await;
    assert!(!start.contains("/dialog/meetings/"));
});

both_backends!(moving_bumps_the_sequence_and_cancelling_withdraws_the_invitation, |app: TestApp| async move {
    let _t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let karen = app.signed_in("karen@aarhus.dk").await;
    let id = booked(&mette).await;

    // The nearest leader moves it: a new time, sequence 1, the same UID.
    let (date, time, starts) = slot(5, 13, 30);
    let r = karen.post_form(&format!("/dialog/meetings/{id}/reschedule"), &[("date", &date), ("time", &time), ("minutes", "60"), ("place", "Kantinen")]).await;
    assert_eq!(location(&r), format!("/dialog/meetings/{id}?notice=moved"));
    assert_eq!(dialogs(&app).await[0].4, 1);
    for who in ["mette@aarhus.dk", "karen@aarhus.dk"] {
        let mails = outbox(&app.data_dir, who);
        assert_eq!(mails.len(), 2, "{who}");
        assert!(mails[1].subject.contains("er flyttet til"), "{}", mails[1].subject);
        assert!(mails[1].body.contains("Karen Holm har flyttet jeres dialog"));
        let (_, event) = parse(&mails[1].calendar.as_ref().unwrap().1);
        assert_eq!(event.get_uid(), Some(format!("dialog-{id}@test.invalid").as_str()));
        assert_eq!(event.get_sequence(), Some(1));
        assert_eq!(utc_of(event.get_start()), starts);
        assert_eq!(utc_of(event.get_end()), starts + time::Duration::minutes(60));
        assert_eq!(event.get_location(), Some("Kantinen"));
    }

    // The leader cancels: METHOD:CANCEL, sequence 2, both told once.
    let r = mette.post_form(&format!("/dialog/meetings/{id}/cancel"), &[]).await;
    assert_eq!(location(&r), format!("/dialog/meetings/{id}?notice=cancelled"));
    let row = &dialogs(&app).await[0];
    assert_eq!(row.4, 2);
    assert!(row.5.is_some());
    for who in ["mette@aarhus.dk", "karen@aarhus.dk"] {
        let mails = outbox(&app.data_dir, who);
        assert_eq!(mails.len(), 3, "{who}");
        assert!(mails[2].subject.contains("er aflyst"), "{}", mails[2].subject);
        let (content_type, ics) = mails[2].calendar.clone().unwrap();
        assert!(content_type.contains("method=CANCEL"), "{content_type}");
        let (cal, event) = parse(&ics);
        assert_eq!(cal.property_value("METHOD"), Some("CANCEL"));
        assert_eq!(event.get_sequence(), Some(2));
        assert_eq!(event.get_status(), Some(EventStatus::Cancelled));
        assert_eq!(event.get_uid(), Some(format!("dialog-{id}@test.invalid").as_str()));
    }
    let (cal, _) = parse(&karen.get(&format!("/dialog/meetings/{id}.ics")).await.text().await.unwrap());
    assert_eq!(cal.property_value("METHOD"), Some("CANCEL"));
    let (_, page) = karen.page(&format!("/dialog/meetings/{id}")).await;
    assert!(page.contains("Dialogen er aflyst.") && !page.contains("/reschedule"));
    let (_, tool) = mette.page("/dialog").await;
    assert!(!tool.contains("Næste dialog"), "a cancelled dialog is not the next one");

    // A cancelled dialog cannot be moved, and cancelling again mails no one.
    let r = mette.post_form(&format!("/dialog/meetings/{id}/reschedule"), &[("date", &date), ("time", &time), ("minutes", "45")]).await;
    assert_eq!(r.status(), 400);
    mette.post_form(&format!("/dialog/meetings/{id}/cancel"), &[]).await;
    assert_eq!(dialogs(&app).await[0].4, 2);
    assert_eq!(outbox(&app.data_dir, "karen@aarhus.dk").len(), 3);
});

both_backends!(bad_input_is_refused_in_danish_and_changes_nothing, |app: TestApp| async move {
    let _t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let (date, time, _) = slot(3, 10, 0);
    let (past, _, _) = slot(-1, 10, 0);
    let (far, _, _) = slot(400, 10, 0);
    let long_place = "x".repeat(201);
    for (fields, message) in [
        ((past.as_str(), time.as_str(), "45", ""), "Vælg et tidspunkt, der ikke er passeret."),
        ((far.as_str(), time.as_str(), "45", ""), "Vælg et tidspunkt inden for det næste år."),
        (("3/12", time.as_str(), "45", ""), "Skriv en gyldig dato."),
        ((date.as_str(), "25:00", "45", ""), "Skriv et gyldigt tidspunkt, fx 09:30."),
        ((date.as_str(), time.as_str(), "5", ""), "Skriv en varighed mellem 15 og 180 minutter."),
        ((date.as_str(), time.as_str(), "45", long_place.as_str()), "Stedet må højst være 200 tegn."),
    ] {
        let (d, t, m, p) = fields;
        let r = invite(&mette, d, t, m, p, "Husk kaffe").await;
        assert_eq!(r.status(), 422, "{fields:?}");
        let body = r.text().await.unwrap();
        assert!(body.contains(message), "{message} missing for {fields:?}");
        assert!(body.contains("Husk kaffe"), "the form comes back as typed");
    }
    // A time skipped when the clocks go forward (the last Sunday of March):
    // the next such night after today, always within the year the form takes.
    let today = app.state.clock.today();
    let last_sunday_of_march = |year: i32| {
        (25..=31).map(|d| time::Date::from_calendar_date(year, time::Month::March, d).unwrap()).find(|d| d.weekday() == time::Weekday::Sunday).unwrap()
    };
    let spring_forward = [today.year(), today.year() + 1].into_iter().map(last_sunday_of_march).find(|d| *d > today).unwrap();
    assert!(spring_forward - today < time::Duration::days(366));
    let r = invite(&mette, &spring_forward.to_string(), "02:30", "45", "", "").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("uret stilles frem"));
    assert!(dialogs(&app).await.is_empty());
    let (agreements,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM agreements").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(agreements, 0, "a refused invitation starts no agreement either");
    assert!(outbox(&app.data_dir, "karen@aarhus.dk").is_empty() && outbox(&app.data_dir, "mette@aarhus.dk").is_empty());

    // Without a nearest leader set by HR there is no one to invite.
    let karen = app.signed_in("karen@aarhus.dk").await;
    let (status, page) = karen.page("/dialog/meetings/new").await;
    assert_eq!(status, 200);
    assert!(page.contains("Bed HR om at angive din nærmeste leder") && !page.contains("name=\"date\""));
    let r = invite(&karen, &date, &time, "45", "", "").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bed HR om at angive din nærmeste leder"));
    assert!(dialogs(&app).await.is_empty());
});
