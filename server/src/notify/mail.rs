//! News by mail, in the reader's language (`accounts.locale`), as each
//! reader chose (`MailChoice`):
//! - every time: `send_immediate`, run by a worker that an action wakes
//!   (`notify::wake`) and that looks again every `RETRY_EVERY` for mail that
//!   failed or was recorded on another server;
//! - daily (the default): `digests_due`, run by the reminder scheduler, one
//!   mail per person and day from `DIGEST_HOUR` Copenhagen time, with the
//!   unread news recorded before that hour; news recorded later waits for
//!   the next day's digest. The day's claim (`reminders::once`) makes it go
//!   out once however often and on however many servers it runs.
//!
//! Each piece of news is claimed (`store::claim`) before its mail goes out
//! and given back if sending fails. Nothing here reads the wall clock
//! except the worker's loop, which passes it in.

use super::store::{self, News, Waiting};
use super::{view, MailChoice};
use crate::i18n::{format, Lang, Tr};
use crate::mail::Mail;
use crate::state::AppState;
use domain::ids::OrgId;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time};
use time_tz::{timezones, PrimitiveDateTimeExt};

/// The hour (Copenhagen) from which the daily digest goes out.
pub const DIGEST_HOUR: u8 = 7;
/// How often the worker looks again without being woken.
pub const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(60);
/// Mail at once also takes news a server with a clock slightly ahead recorded.
const CLOCK_SLACK: Duration = Duration::minutes(5);

/// The digest's day at `now`, with the instant it starts (`DIGEST_HOUR` that
/// day in Copenhagen); `None` before that hour, local time.
pub fn digest_day(now: OffsetDateTime) -> Option<(Date, OffsetDateTime)> {
    let local = format::copenhagen(now);
    if local.hour() < DIGEST_HOUR {
        return None;
    }
    let at = Time::from_hms(DIGEST_HOUR, 0, 0).ok()?;
    // The digest hour is never skipped or repeated by summer time (02–03).
    let from = PrimitiveDateTime::new(local.date(), at).assume_timezone(timezones::db::europe::COPENHAGEN).take_first()?;
    Some((local.date(), from))
}

/// Mails every piece of news waiting for a person who wants it at once;
/// the number of mails sent.
pub async fn send_immediate(state: &AppState, now: OffsetDateTime) -> anyhow::Result<usize> {
    let mut sent = 0;
    for org in crate::reminders::store::orgs(&state.db).await? {
        for waiting in store::to_mail(&state.db, &org, MailChoice::Immediate, now + CLOCK_SLACK).await? {
            for news in &waiting.news {
                if !store::claim(&state.db, &org, &news.id, now).await? {
                    continue;
                }
                let tr = tr_for(&waiting);
                let line = view::line(&tr, news);
                let body = [greeting(&tr, &waiting), line.clone(), open_link(state, news), footer(state, &tr)].join("\n\n");
                let mail = Mail { to: waiting.email.clone(), subject: line, body };
                match state.mailer.send(mail).await {
                    Ok(()) => sent += 1,
                    Err(e) => {
                        tracing::warn!(error = %e, "notification mail not sent; will try again");
                        store::release(&state.db, &org, &news.id).await?;
                    }
                }
            }
        }
    }
    Ok(sent)
}

/// Every organisation's digests due at `now` (the reminder scheduler runs it).
pub async fn digests(state: &AppState, now: OffsetDateTime) -> anyhow::Result<usize> {
    let mut n = 0;
    for org in crate::reminders::store::orgs(&state.db).await? {
        n += digests_due(state, &org, now).await?;
    }
    Ok(n)
}

/// Sends each person of `org` who wants a daily digest the day's digest, if
/// it is the digest hour or later and they have unread news from before it.
pub async fn digests_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let Some((day, from)) = digest_day(now) else { return Ok(0) };
    let mut n = 0;
    for waiting in store::to_mail(&state.db, org, MailChoice::Daily, from).await? {
        let key = day.to_string();
        if crate::reminders::once(state, org, "notify-digest", waiting.person.as_str(), &key, digest(state, org, &waiting, now)).await? {
            n += 1;
        }
    }
    Ok(n)
}

/// Claims the news, sends the digest with what this run claimed, and gives
/// the claims back if it could not be sent.
async fn digest(state: &AppState, org: &OrgId, waiting: &Waiting, now: OffsetDateTime) -> anyhow::Result<()> {
    let mut claimed: Vec<&News> = Vec::new();
    for news in &waiting.news {
        if store::claim(&state.db, org, &news.id, now).await? {
            claimed.push(news);
        }
    }
    if claimed.is_empty() {
        return Ok(());
    }
    let tr = tr_for(waiting);
    let lines: Vec<String> = claimed.iter().map(|n| format!("- {}\n  {}", view::line(&tr, n), open_link(state, n))).collect();
    let count = claimed.len().to_string();
    let body = [greeting(&tr, waiting), tr.t_args("notify-digest-lead", &[("count", count.clone())]), lines.join("\n"), footer(state, &tr)];
    let mail = Mail { to: waiting.email.clone(), subject: tr.t_args("notify-digest-subject", &[("count", count)]), body: body.join("\n\n") };
    if let Err(e) = state.mailer.send(mail).await {
        for news in claimed {
            store::release(&state.db, org, &news.id).await?;
        }
        return Err(e);
    }
    Ok(())
}

fn tr_for(waiting: &Waiting) -> Tr {
    Tr::new(Lang::parse(&waiting.locale).unwrap_or_default())
}

fn greeting(tr: &Tr, waiting: &Waiting) -> String {
    tr.t_args("notify-mail-greeting", &[("name", waiting.name.clone())])
}

/// The link opens the news, which marks it read on the start page too.
fn open_link(state: &AppState, news: &News) -> String {
    format!("{}/notifications/{}/open", state.public_url, news.id)
}

fn footer(state: &AppState, tr: &Tr) -> String {
    tr.t_args("notify-mail-footer", &[("link", format!("{}/account#notify-heading", state.public_url))])
}

/// Sends mail at once whenever an action wakes it, and every `RETRY_EVERY`.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = send_immediate(&state, state.clock.now()).await {
                tracing::warn!(error = %e, "could not send notification mails");
            }
            tokio::select! {
                _ = state.notify_mail.notified() => {}
                _ = tokio::time::sleep(RETRY_EVERY) => {}
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn the_digest_day_starts_at_seven_copenhagen_time() {
        // Winter: Copenhagen is UTC+1.
        assert_eq!(digest_day(datetime!(2030-01-15 05:59 UTC)), None);
        assert_eq!(digest_day(datetime!(2030-01-15 06:00 UTC)), Some((date!(2030 - 01 - 15), datetime!(2030-01-15 06:00 UTC))));
        // 23:30 UTC is already the next day in Copenhagen, but before seven.
        assert_eq!(digest_day(datetime!(2030-01-15 23:30 UTC)), None);
        // 22:59 UTC is 23:59 the same day: still that day's digest.
        assert_eq!(digest_day(datetime!(2030-01-15 22:59 UTC)).map(|d| d.0), Some(date!(2030 - 01 - 15)));
        // Summer: UTC+2.
        assert_eq!(digest_day(datetime!(2030-07-01 04:59 UTC)), None);
        assert_eq!(digest_day(datetime!(2030-07-01 05:00 UTC)).map(|d| d.1), Some(datetime!(2030-07-01 05:00 UTC)));
    }
}
