//! Calendar invitations (.ics, RFC 5545 with the iTIP methods of RFC 5546)
//! for dialogs, follow-ups and network meetings.
//!
//! Times are written in UTC (`…Z`) by [`calendar_at`], so no VTIMEZONE is
//! needed and every client shows the local time. [`calendar_in`] writes them
//! as wall-clock time in a named zone (`TZID=Europe/Copenhagen`) with the
//! zone's VTIMEZONE: Outlook then shows the meeting in the organiser's zone
//! and a reader sees the Danish time in the file itself. The crate speaks
//! `time`; `icalendar` speaks `chrono`, so the conversion stays inside this
//! module.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use icalendar::{Attendee, Calendar, CalendarDateTime, Component, EventLike, EventStatus, PartStat, Property, Role};
use time::{Date, Month, OffsetDateTime, UtcOffset};

const PRODID: &str = "-//Ledertrivsel//DA";

/// One meeting. Send the same `uid` with a higher `sequence` to update or
/// cancel an invitation people already have.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub uid: String,
    pub sequence: u32,
    pub start: OffsetDateTime,
    pub end: OffsetDateTime,
    pub summary: String,
    /// Plain text; line breaks are kept.
    pub description: String,
    pub location: Option<String>,
    /// Needed with [`Method::Request`] and [`Method::Cancel`]: Outlook ignores
    /// an invitation without one (RFC 5546 requires it).
    pub organizer: Option<Person>,
    pub attendees: Vec<Person>,
    pub cancelled: bool,
    /// A link back to the meeting in Ledertrivsel.
    pub url: Option<String>,
}

/// Someone in an invitation: shown by `name`, reached at `email`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: String,
}

/// What the receiving calendar should do with the events (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A file to add to one's own calendar: no attendees (RFC 5546 §3.2.1),
    /// so nobody is asked to reply.
    Publish,
    /// An invitation that asks each attendee to reply.
    Request,
    /// Withdraws earlier invitations; every event is marked cancelled.
    Cancel,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// A time zone an invitation can be written in: its TZID, its VTIMEZONE
/// definition, and the rule that gives its offset at an instant (the two
/// must agree; a test checks the rule at the switches the definition names).
pub struct Zone {
    pub tzid: &'static str,
    vtimezone: &'static str,
    offset: fn(OffsetDateTime) -> UtcOffset,
}

/// Danish time: CET (UTC+1), and CEST (UTC+2) from the last Sunday of March
/// to the last Sunday of October, switching at 01:00 UTC (the EU rule since 1996).
pub const COPENHAGEN: Zone = Zone {
    tzid: "Europe/Copenhagen",
    vtimezone: "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n\
        BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
        DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
        BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
        DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
        END:VTIMEZONE\r\n",
    offset: eu_central_offset,
};

fn last_sunday(year: i32, month: Month) -> Date {
    let last = Date::from_calendar_date(year, month, month.length(year)).expect("a month's last day exists");
    last - time::Duration::days(i64::from(last.weekday().number_days_from_sunday()))
}

fn eu_central_offset(t: OffsetDateTime) -> UtcOffset {
    let t = t.to_offset(UtcOffset::UTC);
    let switch = |month| last_sunday(t.year(), month).with_hms(1, 0, 0).expect("01:00 exists").assume_utc();
    let summer = switch(Month::March) <= t && t < switch(Month::October);
    UtcOffset::from_hms(if summer { 2 } else { 1 }, 0, 0).expect("a valid offset")
}

impl Zone {
    /// The wall-clock time in this zone at `t`.
    pub fn local(&self, t: OffsetDateTime) -> OffsetDateTime {
        t.to_offset((self.offset)(t))
    }
}

/// The .ics text (CRLF line endings, lines folded at 75 octets), stamped now.
pub fn calendar(method: Method, events: &[Event]) -> String {
    calendar_at(method, events, OffsetDateTime::now_utc())
}

/// Like [`calendar`] with an explicit DTSTAMP, for callers that pass a clock.
pub fn calendar_at(method: Method, events: &[Event], stamp: OffsetDateTime) -> String {
    build(method, events, stamp, None)
}

/// Like [`calendar_at`], with start and end written as wall-clock time in
/// `zone` (`DTSTART;TZID=…`) and the zone's VTIMEZONE in the calendar.
pub fn calendar_in(method: Method, events: &[Event], stamp: OffsetDateTime, zone: &Zone) -> String {
    let text = build(method, events, stamp, Some(zone));
    // icalendar 0.17 has no VTIMEZONE component, so the fixed definition
    // goes in as text, before the first event as RFC 5545 shows it.
    match text.find("BEGIN:VEVENT\r\n") {
        Some(at) => format!("{}{}{}", &text[..at], zone.vtimezone, &text[at..]),
        None => text,
    }
}

fn build(method: Method, events: &[Event], stamp: OffsetDateTime, zone: Option<&Zone>) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", method.as_str()));
    for event in events {
        cal.push(vevent(method, event, utc(stamp), zone));
    }
    cal.to_string()
}

/// Start or end: UTC, or wall-clock time with the zone's TZID.
fn when(t: OffsetDateTime, zone: Option<&Zone>) -> CalendarDateTime {
    match zone {
        None => CalendarDateTime::Utc(utc(t)),
        Some(z) => {
            let l = z.local(t);
            let date = NaiveDate::from_ymd_opt(l.year(), u32::from(u8::from(l.month())), u32::from(l.day()));
            let time = NaiveTime::from_hms_opt(u32::from(l.hour()), u32::from(l.minute()), u32::from(l.second()));
            let date_time = NaiveDateTime::new(date.expect("time's dates fit in chrono's"), time.expect("a valid time of day"));
            CalendarDateTime::WithTimezone { date_time, tzid: z.tzid.to_string() }
        }
    }
}

fn vevent(method: Method, e: &Event, stamp: DateTime<Utc>, zone: Option<&Zone>) -> icalendar::Event {
    let mut v = icalendar::Event::new();
    v.uid(&text(&e.uid))
        .sequence(e.sequence)
        .timestamp(stamp)
        .starts(when(e.start, zone))
        .ends(when(e.end, zone))
        .summary(&text(&e.summary))
        .description(&text(&e.description));
    let cancelled = e.cancelled || method == Method::Cancel;
    v.status(if cancelled {
        EventStatus::Cancelled
    } else {
        EventStatus::Confirmed
    });
    if let Some(location) = &e.location {
        v.location(&text(location));
    }
    if let Some(url) = &e.url {
        v.url(&text(url));
    }
    if let Some(organizer) = &e.organizer {
        let mut p = Property::new("ORGANIZER", mailto(organizer));
        p.add_parameter("CN", &common_name(organizer));
        v.append_property(p);
    }
    if method != Method::Publish {
        for person in &e.attendees {
            let mut a = Attendee::new(mailto(person))
                .cn(common_name(person))
                .role(Role::ReqParticipant);
            if method == Method::Request && !cancelled {
                a = a.partstat(PartStat::NeedsAction).rsvp(true);
            }
            v.attendee(a);
        }
    }
    v.done()
}

/// `time`'s whole range fits in `chrono`'s, so this cannot fail.
fn utc(t: OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(t.unix_timestamp(), 0).expect("time's range fits in chrono's")
}

/// Control characters are not allowed in iCalendar text (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    crate::clean(value)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

fn mailto(person: &Person) -> String {
    let email: String = person
        .email
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    format!("mailto:{email}")
}

/// A parameter value may not hold a double quote or a line break
/// (RFC 5545 §3.1); icalendar quotes it when it has `:`, `;` or `,`.
fn common_name(person: &Person) -> String {
    crate::clean(&person.name)
        .chars()
        .map(|c| match c {
            '"' => '\'',
            '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}
