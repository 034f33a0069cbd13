//! Reminders by mail, so follow-up happens: a day before a dialog (to both
//! people), on Fridays for weekly points still without the week's line, a
//! week before an agreement's period ends (start the next one), and the
//! APV's invitations and Skema 1 deadlines (`tools::apv::mail`). Each mail
//! is in the recipient's language.
//!
//! `run_once` is safe to run on every server at once and as often as one
//! likes: each reminder is claimed in `reminders_sent` before it is sent, and
//! only the one run whose claim took sends it. It never decides anything on
//! the wall clock: the caller passes `now`. The scheduler (`spawn`) also
//! sends the daily digests of news (`notify::mail::digests`).

pub mod store;

use crate::i18n::{format, Lang, Tr};
use crate::mail::Mail;
use crate::state::AppState;
use crate::tools::dialog::meetings_mail;
use crate::tools::dialog::meetings_store::{self as dialogs, instant_text, Dialog, Participant};
use domain::agreement::week_start;
use domain::ids::OrgId;
use time::{Duration, OffsetDateTime, Weekday};

/// How long before a dialog its reminder goes out.
pub const DIALOG_AHEAD: Duration = Duration::hours(24);
/// How many days before a period's last day its reminder goes out.
pub const PERIOD_DAYS_AHEAD: i64 = 7;
/// From this hour (Copenhagen) on Fridays the weekly reminder goes out.
pub const WEEKLY_FROM_HOUR: u8 = 9;

/// How many mails one run sent, per kind.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub dialogs: usize,
    pub weekly: usize,
    pub period_ends: usize,
    pub apv_invitations: usize,
    pub apv_deadlines: usize,
    pub apv_actions: usize,
    pub collab_followups: usize,
    pub collab_meetings: usize,
    pub plan_followups: usize,
}

/// Sends every reminder due at `now` that no run has sent before. A failed
/// mail is logged and given back, so the next run tries it again; it does not
/// stop the others.
pub async fn run_once(state: &AppState, now: OffsetDateTime) -> anyhow::Result<Sent> {
    let mut sent = Sent::default();
    for org in store::orgs(&state.db).await? {
        sent.dialogs += dialogs_due(state, &org, now).await?;
        sent.weekly += weekly_due(state, &org, now).await?;
        sent.period_ends += periods_due(state, &org, now).await?;
        sent.apv_invitations += crate::tools::apv::mail::invitations_due(state, &org).await?;
        sent.apv_deadlines += crate::tools::apv::mail::deadlines_due(state, &org, now).await?;
        sent.apv_actions += crate::tools::apv::mail::actions_due(state, &org, now).await?;
        sent.collab_followups += crate::tools::collab::mail::followups_due(state, &org, now).await?;
        sent.collab_meetings += crate::tools::collab::mail::meetings_due(state, &org, now).await?;
        sent.plan_followups += crate::tools::plan::mail::followups_due(state, &org, now).await?;
    }
    Ok(sent)
}

/// Runs `run_once` every `every` until the process ends (`serve` starts it).
pub fn spawn(state: AppState, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            tick.tick().await;
            let now = state.clock.now();
            match run_once(&state, now).await {
                Ok(sent) if sent != Sent::default() => tracing::info!(?sent, "reminders sent"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not send reminders"),
            }
            match crate::notify::mail::digests(&state, now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(digests = n, "notification digests sent"),
                Err(e) => tracing::warn!(error = %e, "could not send notification digests"),
            }
        }
    })
}

/// Claims, sends, and gives the claim back if sending failed. True when sent.
pub(crate) async fn once<F>(state: &AppState, org: &OrgId, kind: &str, subject: &str, due_key: &str, send: F) -> anyhow::Result<bool>
where
    F: std::future::Future<Output = anyhow::Result<()>>,
{
    if !store::claim(&state.db, org, kind, subject, due_key, state.clock.now()).await? {
        return Ok(false);
    }
    if let Err(e) = send.await {
        tracing::warn!(error = %e, kind, subject, "reminder not sent; will try again");
        store::release(&state.db, org, kind, subject, due_key).await?;
        return Ok(false);
    }
    metrics::counter!("ledertrivsel_reminders_sent_total", "kind" => kind.to_string()).increment(1);
    Ok(true)
}

fn tr_for(p: &Participant) -> Tr {
    Tr::new(Lang::parse(&p.locale).unwrap_or_default())
}

async fn dialogs_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let mut n = 0;
    for dialog in dialogs::starting_between(&state.db, org, now, now + DIALOG_AHEAD).await? {
        // Keyed by the time: a dialog moved after its reminder gets one for the new time.
        let key = instant_text(dialog.starts_at);
        if once(state, org, "dialog", dialog.id.as_str(), &key, dialog_mails(state, &dialog)).await? {
            n += 1;
        }
    }
    Ok(n)
}

async fn dialog_mails(state: &AppState, dialog: &Dialog) -> anyhow::Result<()> {
    let mut pairs = vec![(&dialog.leader, dialog.nearest.as_ref())];
    if let Some(nearest) = &dialog.nearest {
        pairs.push((nearest, Some(&dialog.leader)));
    }
    for (me, other) in pairs {
        let tr = tr_for(me);
        let other = other.map(|o| o.name.clone()).unwrap_or_default();
        let args = [("name", me.name.clone()), ("other", other), ("time", format::date_time(tr.lang, dialog.starts_at))];
        let body = [
            tr.t_args("dialog-meeting-mail-greeting", &args),
            tr.t_args("reminder-dialog-lead", &args),
            meetings_mail::when_text(&tr, dialog),
            format!("{}\n{}", tr.t("dialog-meeting-prepare-heading"), meetings_mail::questions(state, tr.lang)),
            meetings_mail::link(state, dialog),
        ];
        let mail = Mail { to: me.email.clone(), subject: tr.t_args("reminder-dialog-subject", &args), body: body.join("\n\n") };
        state.mailer.send(mail).await?;
    }
    Ok(())
}

async fn weekly_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let local = format::copenhagen(now);
    if local.weekday() != Weekday::Friday || local.hour() < WEEKLY_FROM_HOUR {
        return Ok(0);
    }
    let (today, monday) = (local.date(), week_start(local.date()));
    let mut n = 0;
    for due in store::weekly_missing(&state.db, org, today, monday).await? {
        let tr = tr_for(&due.leader);
        let points: Vec<String> =
            due.points.iter().map(|(id, text)| format!("- {text}\n  {}/dialog/points/{id}", state.public_url)).collect();
        let args = [("name", due.leader.name.clone()), ("count", due.points.len().to_string())];
        let body = [tr.t_args("dialog-meeting-mail-greeting", &args), tr.t_args("reminder-weekly-lead", &args), points.join("\n")];
        let mail = Mail { to: due.leader.email.clone(), subject: tr.t("reminder-weekly-subject"), body: body.join("\n\n") };
        if once(state, org, "weekly", due.agreement.as_str(), &monday.to_string(), state.mailer.send(mail)).await? {
            n += 1;
        }
    }
    Ok(n)
}

async fn periods_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let today = format::copenhagen(now).date();
    let mut n = 0;
    for due in store::periods_ending(&state.db, org, today, today + Duration::days(PERIOD_DAYS_AHEAD)).await? {
        let tr = tr_for(&due.leader);
        let args = [("name", due.leader.name.clone()), ("date", format::date(tr.lang, due.ends_on))];
        let body = [
            tr.t_args("dialog-meeting-mail-greeting", &args),
            tr.t_args("reminder-period-end-lead", &args),
            format!("{}/dialog", state.public_url),
        ];
        let mail = Mail { to: due.leader.email.clone(), subject: tr.t_args("reminder-period-end-subject", &args), body: body.join("\n\n") };
        if once(state, org, "period-end", due.agreement.as_str(), &due.ends_on.to_string(), state.mailer.send(mail)).await? {
            n += 1;
        }
    }
    Ok(n)
}
