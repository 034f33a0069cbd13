//! Calendar invitations (.ics, RFC 5545 with the iTIP methods of RFC 5546)
//! for dialogs, follow-ups and network meetings.
//!
//! Times are written in UTC (`…Z`), so no VTIMEZONE is needed and every
//! client shows the local time. The crate speaks `time`; `icalendar` speaks
//! `chrono`, so the conversion stays inside this module.

use chrono::{DateTime, Utc};
use icalendar::{Attendee, Calendar, Component, EventLike, EventStatus, PartStat, Property, Role};
use time::OffsetDateTime;

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

/// The .ics text (CRLF line endings, lines folded at 75 octets), stamped now.
pub fn calendar(method: Method, events: &[Event]) -> String {
    calendar_at(method, events, OffsetDateTime::now_utc())
}

/// Like [`calendar`] with an explicit DTSTAMP, for callers that pass a clock.
pub fn calendar_at(method: Method, events: &[Event], stamp: OffsetDateTime) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", method.as_str()));
    for event in events {
        cal.push(vevent(method, event, utc(stamp)));
    }
    cal.to_string()
}

fn vevent(method: Method, e: &Event, stamp: DateTime<Utc>) -> icalendar::Event {
    let mut v = icalendar::Event::new();
    v.uid(&text(&e.uid))
        .sequence(e.sequence)
        .timestamp(stamp)
        .starts(utc(e.start))
        .ends(utc(e.end))
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
