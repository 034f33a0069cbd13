//! What the two people of a dialog receive: the calendar invitation (.ics)
//! and the mails that carry it, each in the recipient's own language. Used
//! by the dialog pages and by the reminders; never decides who may see a
//! dialog (callers pass only dialogs the recipient takes part in).

use super::meetings_store::{Dialog, Participant};
use crate::i18n::{format, Lang, Tr};
use crate::mail::{Attachment, Mail};
use crate::state::AppState;
use exports::ics::{self, Method, Person};
use time::OffsetDateTime;

/// Why the two people get a mail with the invitation.
pub enum Change<'a> {
    /// A new dialog, with the leader's optional personal message.
    Invited { message: Option<&'a str> },
    /// A new time or place.
    Moved { by: &'a str },
    Cancelled { by: &'a str },
}

/// The dialog's page, for links in mails and calendars.
pub fn link(state: &AppState, dialog: &Dialog) -> String {
    format!("{}/dialog/meetings/{}", state.public_url, dialog.id)
}

/// The same for every version of the dialog, so calendars update the event
/// they already have rather than adding another.
pub fn uid(state: &AppState, dialog: &Dialog) -> String {
    let host = state.public_url.split("://").nth(1).unwrap_or(&*state.public_url);
    let host = host.split(['/', ':']).next().unwrap_or("ledertrivsel");
    format!("dialog-{}@{host}", dialog.id)
}

fn person(p: &Participant) -> Person {
    Person { name: p.name.clone(), email: p.email.clone() }
}

/// The preparation questions, numbered, one a line.
pub fn questions(state: &AppState, lang: Lang) -> String {
    let invite = &state.shipped.dialog.get(lang).invite;
    invite.preparation.iter().enumerate().map(|(i, q)| format!("{}. {q}", i + 1)).collect::<Vec<_>>().join("\n")
}

/// The .ics for `dialog` in `lang`: an invitation (or its cancellation) in
/// Danish time, with the method's preparation questions in the description.
pub fn calendar(state: &AppState, dialog: &Dialog, lang: Lang, message: Option<&str>, stamp: OffsetDateTime) -> String {
    let tr = Tr::new(lang);
    let invite = &state.shipped.dialog.get(lang).invite;
    let nearest_name = dialog.nearest.as_ref().map(|n| n.name.clone()).unwrap_or_default();
    let mut description = invite.intro.clone();
    if let Some(m) = message {
        description.push_str(&format!("\n\n{}\n{m}", tr.t_args("dialog-meeting-message-from", &[("name", dialog.leader.name.clone())])));
    }
    description.push_str(&format!("\n\n{}\n{}\n\n{}", tr.t("dialog-meeting-prepare-heading"), questions(state, lang), link(state, dialog)));
    let event = ics::Event {
        uid: uid(state, dialog),
        sequence: u32::try_from(dialog.sequence).unwrap_or(0),
        start: dialog.starts_at,
        end: dialog.ends_at(),
        summary: tr.t_args("dialog-meeting-summary", &[("leader", dialog.leader.name.clone()), ("nearest", nearest_name)]),
        description,
        location: Some(dialog.place.clone()).filter(|p| !p.is_empty()),
        organizer: Some(person(&dialog.leader)),
        attendees: dialog.nearest.iter().map(person).collect(),
        cancelled: dialog.cancelled,
        url: Some(link(state, dialog)),
    };
    ics::calendar_in(method(dialog), &[event], stamp, &ics::COPENHAGEN)
}

/// REQUEST while the dialog stands, CANCEL once it is cancelled.
pub fn method(dialog: &Dialog) -> Method {
    if dialog.cancelled { Method::Cancel } else { Method::Request }
}

fn method_name(dialog: &Dialog) -> &'static str {
    if dialog.cancelled { "CANCEL" } else { "REQUEST" }
}

/// When and where, as the mails say it.
pub fn when_text(tr: &Tr, dialog: &Dialog) -> String {
    let place = if dialog.place.is_empty() { tr.t("dialog-meeting-no-place") } else { dialog.place.clone() };
    tr.t_args(
        "dialog-meeting-mail-when",
        &[("time", format::date_time(tr.lang, dialog.starts_at)), ("minutes", dialog.minutes.to_string()), ("place", place)],
    )
}

/// Mails both people about `change`, each with the updated invitation.
pub async fn send_change(state: &AppState, dialog: &Dialog, change: Change<'_>, now: OffsetDateTime) -> anyhow::Result<()> {
    let Some(nearest) = &dialog.nearest else { return Ok(()) };
    for (me, other, i_am_leader) in [(&dialog.leader, nearest, true), (nearest, &dialog.leader, false)] {
        let tr = Tr::new(Lang::parse(&me.locale).unwrap_or_default());
        let args = |extra: &[(&'static str, String)]| {
            let mut a = vec![("name", me.name.clone()), ("other", other.name.clone())];
            a.extend_from_slice(extra);
            a
        };
        let (subject_key, lead_key, message) = match &change {
            Change::Invited { message } if i_am_leader => ("dialog-meeting-mail-booked-subject", "dialog-meeting-mail-booked-lead", *message),
            Change::Invited { message } => ("dialog-meeting-mail-invited-subject", "dialog-meeting-mail-invited-lead", *message),
            Change::Moved { .. } => ("dialog-meeting-mail-moved-subject", "dialog-meeting-mail-moved-lead", None),
            Change::Cancelled { .. } => ("dialog-meeting-mail-cancelled-subject", "dialog-meeting-mail-cancelled-lead", None),
        };
        let by = match &change {
            Change::Moved { by } | Change::Cancelled { by } => by.to_string(),
            Change::Invited { .. } => dialog.leader.name.clone(),
        };
        let time = format::date_time(tr.lang, dialog.starts_at);
        let mut body = vec![
            tr.t_args("dialog-meeting-mail-greeting", &args(&[])),
            tr.t_args(lead_key, &args(&[("by", by), ("minutes", dialog.minutes.to_string())])),
            when_text(&tr, dialog),
        ];
        if let Some(m) = message {
            body.push(format!("{}\n{m}", tr.t_args("dialog-meeting-message-from", &[("name", dialog.leader.name.clone())])));
        }
        if !dialog.cancelled {
            body.push(format!("{}\n{}", tr.t("dialog-meeting-prepare-heading"), questions(state, tr.lang)));
        }
        body.push(format!("{}\n{}", tr.t("dialog-meeting-mail-attached"), link(state, dialog)));
        let ics = calendar(state, dialog, tr.lang, message, now);
        let mail = Mail {
            to: me.email.clone(),
            subject: tr.t_args(subject_key, &args(&[("time", time)])),
            body: body.join("\n\n"),
        };
        state.mailer.send_with(mail, vec![Attachment::calendar(method_name(dialog), ics)]).await?;
    }
    Ok(())
}
