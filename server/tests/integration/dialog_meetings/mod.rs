//! Tool 1, step 3: the dialog with the nearest leader. Invitations by mail
//! with a calendar file (read back with the `icalendar` parser), moving and
//! cancelling, who may see a dialog, and the reminders.

mod access;
mod browser;
mod invitations;
mod reminders;

pub use crate::agreement::{save_agreement, team, ROWS};
use crate::support::app::location;
use crate::support::{TestApp, TestClient};
use mail_parser::MimeHeaders;
use std::path::Path;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};
use time_tz::{timezones, PrimitiveDateTimeExt};

/// A mail as it landed in an outbox, with its calendar attachment if any.
pub struct Received {
    pub subject: String,
    pub body: String,
    /// (Content-Type as sent, the .ics text).
    pub calendar: Option<(String, String)>,
}

/// Every mail to `to` in the outbox under `data_dir`, oldest first.
pub fn outbox(data_dir: &Path, to: &str) -> Vec<Received> {
    let Ok(entries) = std::fs::read_dir(data_dir.join("outbox")) else { return Vec::new() };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "eml")).collect();
    paths.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    let mut out = Vec::new();
    for path in paths {
        let raw = std::fs::read(&path).unwrap();
        let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
        let recipient = message.to().and_then(|a| a.first()).and_then(|a| a.address()).unwrap_or_default().to_string();
        if recipient != to {
            continue;
        }
        let calendar = message.attachments().find(|a| a.content_type().is_some_and(|c| c.subtype() == Some("calendar"))).map(|a| {
            let ct = a.content_type().unwrap();
            let params: Vec<String> =
                ct.attributes().unwrap_or_default().iter().map(|at| format!("{}={}", at.name.to_lowercase(), at.value)).collect();
            (format!("{}/{}; {}", ct.ctype(), ct.subtype().unwrap_or_default(), params.join("; ")), String::from_utf8(a.contents().to_vec()).unwrap())
        });
        out.push(Received {
            subject: message.subject().unwrap_or_default().to_string(),
            body: message.body_text(0).unwrap_or_default().to_string(),
            calendar,
        });
    }
    out
}

/// A day `days` from today at `hh:mm` Copenhagen time: the form's values and the instant.
pub fn slot(days: i64, hour: u8, minute: u8) -> (String, String, OffsetDateTime) {
    let day: Date = ledertrivsel::clock::Clock::wall().today() + time::Duration::days(days);
    let at = Time::from_hms(hour, minute, 0).unwrap();
    let instant = PrimitiveDateTime::new(day, at).assume_timezone(timezones::db::europe::COPENHAGEN).take_first().unwrap();
    (day.to_string(), format!("{hour:02}:{minute:02}"), instant)
}

/// Invites the nearest leader through the form; returns the response.
pub async fn invite(client: &TestClient, date: &str, time: &str, minutes: &str, place: &str, message: &str) -> reqwest::Response {
    client
        .post_form("/dialog/meetings", &[("date", date), ("time", time), ("minutes", minutes), ("place", place), ("message", message)])
        .await
}

/// Invites in three days at 10:00 and returns the new dialog's id.
pub async fn booked(client: &TestClient) -> String {
    let (date, time, _) = slot(3, 10, 0);
    let r = invite(client, &date, &time, "45", "Mødelokale 2", "").await;
    assert_eq!(r.status(), 303);
    let to = location(&r);
    to.strip_prefix("/dialog/meetings/").and_then(|r| r.strip_suffix("?notice=invited")).unwrap().to_string()
}

/// The dialogs table as (id, starts_at, minutes, place, sequence, cancelled).
pub async fn dialogs(app: &TestApp) -> Vec<(String, String, i64, String, i64, Option<String>)> {
    sqlx::query_as("SELECT id, starts_at, minutes, place, sequence, cancelled_at FROM dialogs ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

/// The one event of an .ics text, parsed back with `icalendar`.
pub fn parse(ics: &str) -> (icalendar::Calendar, icalendar::Event) {
    let cal: icalendar::Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"));
    let event = cal.events().next().expect("one event").clone();
    (cal, event)
}

/// A start or end written in Danish time (`TZID=Europe/Copenhagen`), as an instant.
pub fn utc_of(dt: Option<icalendar::DatePerhapsTime>) -> OffsetDateTime {
    match dt {
        Some(icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "Europe/Copenhagen");
            let naive = OffsetDateTime::from_unix_timestamp(date_time.and_utc().timestamp()).unwrap();
            PrimitiveDateTime::new(naive.date(), naive.time()).assume_timezone(timezones::db::europe::COPENHAGEN).take_first().unwrap()
        }
        other => panic!("expected a time in Danish time, got {other:?}"),
    }
}
