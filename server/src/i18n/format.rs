//! Dates and times the Danish way, in Europe/Copenhagen.

use super::Lang;
use time::OffsetDateTime;
use time_tz::{timezones, OffsetDateTimeExt};

const MONTHS_DA: [&str; 12] = [
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
    "november", "december",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

pub fn copenhagen(t: OffsetDateTime) -> OffsetDateTime {
    t.to_timezone(timezones::db::europe::COPENHAGEN)
}

/// The day `t` falls on in Copenhagen: deadlines, due dates, ticks and
/// periods are counted in local days.
pub fn local_date(t: OffsetDateTime) -> time::Date {
    copenhagen(t).date()
}

/// "23. november 2026" / "23 November 2026".
pub fn date(lang: Lang, d: time::Date) -> String {
    let m = usize::from(u8::from(d.month())) - 1;
    match lang {
        Lang::Da => format!("{}. {} {}", d.day(), MONTHS_DA[m], d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// "23. november 2026 kl. 14.05" / "23 November 2026, 14:05", Copenhagen time.
pub fn date_time(lang: Lang, t: OffsetDateTime) -> String {
    let local = copenhagen(t);
    match lang {
        Lang::Da => format!("{} kl. {:02}.{:02}", date(lang, local.date()), local.hour(), local.minute()),
        Lang::En => format!("{}, {:02}:{:02}", date(lang, local.date()), local.hour(), local.minute()),
    }
}

/// Formats a stored RFC 3339 text; unreadable values show as they are.
pub fn stored_date_time(lang: Lang, stored: &str) -> String {
    crate::storage::from_text(stored).map(|t| date_time(lang, t)).unwrap_or_else(|| stored.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn danish_style_in_copenhagen_time() {
        // 13:05 UTC in winter is 14:05 in Copenhagen; in summer 15:05.
        assert_eq!(date_time(Lang::Da, datetime!(2026-11-23 13:05 UTC)), "23. november 2026 kl. 14.05");
        assert_eq!(date_time(Lang::Da, datetime!(2026-07-01 13:05 UTC)), "1. juli 2026 kl. 15.05");
        assert_eq!(date_time(Lang::En, datetime!(2026-11-23 13:05 UTC)), "23 November 2026, 14:05");
    }
}
