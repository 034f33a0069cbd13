//! Calendar invitations: parsed back with icalendar's parser, and checked
//! line by line against RFC 5545's framing rules.

use exports::ics::{Event, Method, Person, calendar, calendar_at};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike, EventStatus, PartStat};
use time::macros::datetime;

fn person(name: &str, email: &str) -> Person {
    Person {
        name: name.into(),
        email: email.into(),
    }
}

fn events() -> Vec<Event> {
    let long = "Vi følger op på de to vigtigste punkter for din trivsel, dine mål \
                og aftalerne med dig selv; tag gerne noter med. "
        .repeat(4);
    vec![
        Event {
            uid: "dialog-0191@ledertrivsel.example".into(),
            sequence: 0,
            // Danish winter time is UTC+1.
            start: datetime!(2026-12-03 10:00 +1),
            end: datetime!(2026-12-03 10:45 +1),
            summary: "Dialog om lederaftalen – Søren & Åse".into(),
            description: format!("Dagsorden:\n1. Mål, rammer; trivsel\n2. Aftaler\n\n{long}"),
            location: Some("Mødelokale Ærø, 2. sal; bygning C".into()),
            organizer: Some(person("Åse Østergård", "aase@kommune.example")),
            attendees: vec![
                person("Søren \"Sø\" Ærø", "soeren@kommune.example"),
                person("Jensen, Bo", "bo@kommune.example"),
            ],
            cancelled: false,
            url: Some("https://ledertrivsel.example/aftaler/0191?vis=dialog&uge=49".into()),
        },
        Event {
            uid: "netvaerk-0007@ledertrivsel.example".into(),
            sequence: 2,
            start: datetime!(2026-12-10 13:00 UTC),
            end: datetime!(2026-12-10 15:00 UTC),
            summary: "Netværksmøde".into(),
            description: "Aflyst, vi finder en ny dato.".into(),
            location: None,
            organizer: None,
            attendees: vec![person("Åse Østergård", "aase@kommune.example")],
            cancelled: true,
            url: None,
        },
    ]
}

fn utc(dt: Option<DatePerhapsTime>) -> String {
    match dt {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(dt))) => {
            dt.format("%Y%m%dT%H%M%SZ").to_string()
        }
        other => panic!("expected a UTC date-time, got {other:?}"),
    }
}

#[test]
fn a_request_parses_back_with_every_field() {
    let text = calendar_at(Method::Request, &events(), datetime!(2026-11-30 08:00 UTC));
    let cal: icalendar::Calendar = text.parse().expect("icalendar parses what we wrote");
    assert_eq!(cal.property_value("METHOD"), Some("REQUEST"));
    assert_eq!(cal.property_value("PRODID"), Some("-//Ledertrivsel//DA"));
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));

    let parsed: Vec<_> = cal.events().collect();
    assert_eq!(parsed.len(), 2);
    let (first, second) = (parsed[0], parsed[1]);
    let expected = &events()[0];
    assert_eq!(first.get_uid(), Some("dialog-0191@ledertrivsel.example"));
    assert_eq!(first.get_sequence(), Some(0));
    assert_eq!(
        first.get_summary(),
        Some("Dialog om lederaftalen – Søren & Åse")
    );
    assert_eq!(first.get_description(), Some(expected.description.as_str()));
    assert_eq!(
        first.get_location(),
        Some("Mødelokale Ærø, 2. sal; bygning C")
    );
    assert_eq!(first.get_url(), expected.url.as_deref());
    assert_eq!(utc(first.get_start()), "20261203T090000Z");
    assert_eq!(utc(first.get_end()), "20261203T094500Z");
    assert_eq!(first.property_value("DTSTAMP"), Some("20261130T080000Z"));
    assert_eq!(first.get_status(), Some(EventStatus::Confirmed));

    let organizer = first.properties().get("ORGANIZER").expect("an organizer");
    assert_eq!(organizer.value(), "mailto:aase@kommune.example");
    assert_eq!(
        organizer.params().get("CN").map(|p| p.value()),
        Some("Åse Østergård")
    );

    let attendees = first.get_attendees();
    let names: Vec<_> = attendees
        .iter()
        .map(|a| (a.cn.as_deref(), a.cal_address.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (Some("Søren 'Sø' Ærø"), "mailto:soeren@kommune.example"),
            (Some("Jensen, Bo"), "mailto:bo@kommune.example"),
        ]
    );
    assert!(
        attendees
            .iter()
            .all(|a| a.rsvp == Some(true) && a.part_stat == Some(PartStat::NeedsAction))
    );

    assert_eq!(second.get_status(), Some(EventStatus::Cancelled));
    assert_eq!(second.get_sequence(), Some(2));
    assert_eq!(utc(second.get_start()), "20261210T130000Z");
    assert!(second.properties().get("ORGANIZER").is_none());
}

#[test]
fn lines_end_in_crlf_and_are_folded_at_75_octets() {
    let text = calendar(Method::Request, &events());
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let body = text.strip_suffix("\r\n").expect("ends with CRLF");
    for line in body.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(
        body.split("\r\n").any(|l| l.starts_with(' ')),
        "the long description is folded"
    );
    assert!(text.contains("\r\nDTSTAMP:"), "stamped");
    // Text is escaped as RFC 5545 §3.3.11 asks, before folding.
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains(r"DESCRIPTION:Dagsorden:\n1. Mål\, rammer\; trivsel\n2. Aftaler\n\n")
    );
    assert!(unfolded.contains("STATUS:CANCELLED"));
}

#[test]
fn publish_leaves_out_attendees_and_cancel_cancels_everything() {
    let published = calendar(Method::Publish, &events());
    assert!(published.contains("METHOD:PUBLISH\r\n"));
    assert!(
        !published.contains("ATTENDEE"),
        "RFC 5546: no attendees in PUBLISH"
    );

    let cancel = calendar(Method::Cancel, &events()[..1]);
    let cal: icalendar::Calendar = cancel.parse().expect("parses");
    assert_eq!(cal.property_value("METHOD"), Some("CANCEL"));
    let event = cal.events().next().expect("one event");
    assert_eq!(event.get_status(), Some(EventStatus::Cancelled));
    assert_eq!(
        event.get_attendees().len(),
        2,
        "everyone invited hears of it"
    );
    assert!(event.get_attendees().iter().all(|a| a.rsvp.is_none()));
}

#[test]
fn danish_time_switches_on_the_last_sundays_of_march_and_october_at_one_utc() {
    use exports::ics::COPENHAGEN;
    let hours = |t| COPENHAGEN.local(t).offset().whole_hours();
    for (year, march, october) in [(2026, 29, 25), (2027, 28, 31), (2028, 26, 29), (2029, 25, 28)] {
        let at = |month, day, h, m| {
            time::Date::from_calendar_date(year, month, day).unwrap().with_hms(h, m, 0).unwrap().assume_utc()
        };
        assert_eq!(hours(at(time::Month::March, march, 0, 59)), 1, "{year}");
        assert_eq!(hours(at(time::Month::March, march, 1, 0)), 2, "{year}");
        assert_eq!(hours(at(time::Month::October, october, 0, 59)), 2, "{year}");
        assert_eq!(hours(at(time::Month::October, october, 1, 0)), 1, "{year}");
    }
    assert_eq!(hours(datetime!(2026-07-01 12:00 UTC)), 2);
    assert_eq!(hours(datetime!(2026-12-24 12:00 UTC)), 1);
}

#[test]
fn a_calendar_in_copenhagen_time_names_the_zone_and_defines_it() {
    let text = exports::ics::calendar_in(
        Method::Request,
        &events(),
        datetime!(2026-11-30 08:00 UTC),
        &exports::ics::COPENHAGEN,
    );
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;TZID=Europe/Copenhagen:20261203T100000\r\n"), "{text}");
    assert!(unfolded.contains("DTEND;TZID=Europe/Copenhagen:20261203T104500\r\n"));
    assert!(unfolded.contains("DTSTART;TZID=Europe/Copenhagen:20261210T140000\r\n"));
    let zone = text.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n").expect("the zone is defined");
    assert!(zone < text.find("BEGIN:VEVENT").unwrap(), "before the events");
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
    for line in text.strip_suffix("\r\n").unwrap().split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    let cal: icalendar::Calendar = text.parse().expect("icalendar parses what we wrote");
    let first = cal.events().next().unwrap();
    match first.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "Europe/Copenhagen");
            assert_eq!(date_time.format("%Y%m%dT%H%M%S").to_string(), "20261203T100000");
        }
        other => panic!("expected a zoned time, got {other:?}"),
    }
}
