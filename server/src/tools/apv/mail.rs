//! Mail about APV rounds: an invitation to everyone asked when a round
//! starts (alone or in a campaign), a reminder two days before Skema 1's
//! deadline to those who have not handed in, and a reminder to an action's
//! owner three days before it is due. Both go through the reminders'
//! claims, so each person gets each mail once however many servers run.

use super::store::{self, mail_subject, Asked};
use crate::i18n::{format, Lang, Tr};
use crate::mail::Mail;
use crate::reminders::once;
use crate::state::AppState;
use domain::ids::OrgId;
use time::{Duration, OffsetDateTime};

/// How many days before the deadline the reminder goes out.
pub const DEADLINE_DAYS_AHEAD: i64 = 2;
/// How many days before an action's due date its owner is reminded.
pub const ACTION_DAYS_AHEAD: i64 = 3;

fn mail(state: &AppState, asked: &Asked, reminder: bool) -> Mail {
    let tr = Tr::new(Lang::parse(&asked.locale).unwrap_or_default());
    let deadline = asked.deadline.map(|d| format::date(tr.lang, d)).unwrap_or_default();
    let args = [("name", asked.name.clone()), ("group", asked.group_name.clone()), ("date", deadline)];
    let (subject, lead) = match (reminder, asked.deadline.is_some()) {
        (true, _) => ("apv-mail-reminder-subject", "apv-mail-reminder-lead"),
        (false, true) => ("apv-mail-invite-subject-deadline", "apv-mail-invite-lead"),
        (false, false) => ("apv-mail-invite-subject", "apv-mail-invite-lead"),
    };
    let round = format!("{}/apv/rounds/{}", state.public_url, asked.round);
    let mut body = vec![tr.t_args("dialog-meeting-mail-greeting", &args), tr.t_args(lead, &args)];
    if !reminder {
        body.push(tr.t("apv-mail-privacy"));
        body.push(format!("{}\n{round}/prepare", tr.t("apv-mail-prepare")));
    }
    body.push(format!("{}\n{round}/map", tr.t("apv-mail-fill-in")));
    Mail { to: asked.email.clone(), subject: tr.t_args(subject, &args), body: body.join("\n\n") }
}

/// Invites everyone asked in an open round who has not been invited.
pub async fn invitations_due(state: &AppState, org: &OrgId) -> anyhow::Result<usize> {
    let mut n = 0;
    for asked in store::not_invited(&state.db, org).await? {
        let subject = mail_subject(&asked.round, &asked.person);
        if once(state, org, "apv-invite", &subject, "start", state.mailer.send(mail(state, &asked, false))).await? {
            n += 1;
        }
    }
    Ok(n)
}

/// Reminds those still missing Skema 1 when the deadline is two days off or less.
pub async fn deadlines_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let today = format::copenhagen(now).date();
    let mut n = 0;
    for asked in store::deadline_near(&state.db, org, today, today + Duration::days(DEADLINE_DAYS_AHEAD)).await? {
        let Some(deadline) = asked.deadline else { continue };
        let subject = mail_subject(&asked.round, &asked.person);
        if once(state, org, "apv-deadline", &subject, &deadline.to_string(), state.mailer.send(mail(state, &asked, true))).await? {
            n += 1;
        }
    }
    Ok(n)
}

/// Reminds each action's owner when its due date is three days off or less.
pub async fn actions_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let today = format::copenhagen(now).date();
    let mut n = 0;
    for action in store::actions_due(&state.db, org, today, today + Duration::days(ACTION_DAYS_AHEAD)).await? {
        let tr = Tr::new(Lang::parse(&action.locale).unwrap_or_default());
        let theme = super::content::ApvContent::theme_name(match tr.lang {
            Lang::Da => &action.theme_da,
            Lang::En => &action.theme_en,
        });
        let args = [
            ("name", action.owner_name.clone()),
            ("action", action.text.clone()),
            ("date", format::date(tr.lang, action.due_on)),
            ("theme", theme.to_string()),
            ("group", action.group_name.clone()),
        ];
        let body = [
            tr.t_args("dialog-meeting-mail-greeting", &args),
            tr.t_args("apv-mail-action-lead", &args),
            format!("{}\n{}/apv/plans/{}#actions", tr.t("apv-mail-action-link"), state.public_url, action.plan_id),
        ];
        let mail = Mail { to: action.email.clone(), subject: tr.t_args("apv-mail-action-subject", &args), body: body.join("\n\n") };
        if once(state, org, "apv-action", action.id.as_str(), &action.due_on.to_string(), state.mailer.send(mail)).await? {
            n += 1;
        }
    }
    Ok(n)
}

/// Sends the invitations of a round just started without making the person
/// who started it wait for the mail (a campaign may ask thousands).
pub fn invite_soon(state: &AppState, org: &OrgId) {
    let (state, org) = (state.clone(), org.clone());
    tokio::spawn(async move {
        if let Err(e) = invitations_due(&state, &org).await {
            tracing::warn!(error = %e, "APV invitations not sent; the reminders' next run tries again");
        }
    });
}
