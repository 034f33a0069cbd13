//! Step 1's calendar invitation (.ics) and the mails that carry it: each
//! person inside the group gets one in their own language when the round
//! starts, and again when the meeting moves. The description holds the
//! preparation points and the link to the checklist.

use super::store::Round;
use crate::i18n::{format, Lang, Tr};
use crate::mail::{Attachment, Mail};
use crate::state::AppState;
use crate::storage::Db;
use crate::tools::dialog::meetings_store::Participant;
use domain::ids::{GroupId, OrgId, PersonId};
use exports::ics::{self, Method, Person};
use time::OffsetDateTime;

/// The group's leader and members with their address and language.
pub async fn invitees(db: &Db, org: &OrgId, group: &GroupId) -> anyhow::Result<Vec<Participant>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT p.id, p.name, a.email, a.locale FROM persons p JOIN accounts a ON a.id = p.account_id \
         WHERE p.org_id = $1 AND (p.id IN (SELECT m.person_id FROM group_members m WHERE m.group_id = $2 AND m.org_id = $1) \
           OR p.id IN (SELECT g.group_leader_id FROM leader_groups g WHERE g.id = $2 AND g.org_id = $1)) \
         ORDER BY p.name, p.id",
    )
    .bind(org.as_str())
    .bind(group.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(id, name, email, locale)| Participant { id: PersonId::from_db(id), name, email, locale }).collect())
}

pub fn link(state: &AppState, round: &Round) -> String {
    format!("{}/collab/rounds/{}", state.public_url, round.id)
}

/// The same for every version of the meeting, so calendars update their event.
fn uid(state: &AppState, round: &Round) -> String {
    let host = state.public_url.split("://").nth(1).unwrap_or(&*state.public_url);
    let host = host.split(['/', ':']).next().unwrap_or("ledertrivsel");
    format!("collab-{}@{host}", round.id)
}

/// The preparation points, numbered, one a line.
fn preparation(state: &AppState, lang: Lang) -> String {
    let invite = &state.shipped.collab.get(lang).invite;
    invite.preparation.iter().enumerate().map(|(i, q)| format!("{}. {q}", i + 1)).collect::<Vec<_>>().join("\n")
}

/// The meeting's .ics in `lang`, in Danish time. `people` are the group's
/// leader (the organiser) and everyone else inside the group.
pub fn calendar(state: &AppState, round: &Round, group_name: &str, people: &[Participant], organiser: Option<&PersonId>, lang: Lang, stamp: OffsetDateTime) -> String {
    let tr = Tr::new(lang);
    let content = state.shipped.collab.get(lang);
    let mut description = content.invite.intro.clone();
    if !round.message.is_empty() {
        description.push_str(&format!("\n\n{}", round.message));
    }
    description.push_str(&format!(
        "\n\n{}\n{}\n\n{}\n{}/checklist",
        tr.t("collab-prepare-heading"),
        preparation(state, lang),
        tr.t("collab-mail-checklist"),
        link(state, round)
    ));
    let person = |p: &Participant| Person { name: p.name.clone(), email: p.email.clone() };
    let event = ics::Event {
        uid: uid(state, round),
        sequence: u32::try_from(round.sequence).unwrap_or(0),
        start: round.meeting_at,
        end: round.ends_at(),
        summary: tr.t_args("collab-meeting-summary", &[("group", group_name.to_string())]),
        description,
        location: Some(round.place.clone()).filter(|p| !p.is_empty()),
        organizer: people.iter().find(|p| Some(&p.id) == organiser).map(person),
        attendees: people.iter().filter(|p| Some(&p.id) != organiser).map(person).collect(),
        cancelled: false,
        url: Some(link(state, round)),
    };
    ics::calendar_in(Method::Request, &[event], stamp, &ics::COPENHAGEN)
}

/// When and where, as the pages and mails say it.
pub fn when_text(tr: &Tr, round: &Round) -> String {
    let place = if round.place.is_empty() { tr.t("dialog-meeting-no-place") } else { round.place.clone() };
    tr.t_args(
        "dialog-meeting-mail-when",
        &[("time", format::date_time(tr.lang, round.meeting_at)), ("minutes", round.minutes.to_string()), ("place", place)],
    )
}

/// Mails everyone inside the group the invitation: `moved` says the meeting
/// has a new time or place.
pub async fn send(state: &AppState, org: &OrgId, round: &Round, group_name: &str, organiser: Option<&PersonId>, by: &str, moved: bool) -> anyhow::Result<()> {
    let org_people = invitees(&state.db, org, &round.group_id).await?;
    let now = state.clock.now();
    for me in &org_people {
        let tr = Tr::new(Lang::parse(&me.locale).unwrap_or_default());
        let args = [("name", me.name.clone()), ("group", group_name.to_string()), ("by", by.to_string())];
        let (subject, lead) = if moved {
            ("collab-mail-moved-subject", "collab-mail-moved-lead")
        } else {
            ("collab-mail-invite-subject", "collab-mail-invite-lead")
        };
        let body = [
            tr.t_args("dialog-meeting-mail-greeting", &args),
            tr.t_args(lead, &args),
            when_text(&tr, round),
            format!("{}\n{}", tr.t("collab-prepare-heading"), preparation(state, tr.lang)),
            format!("{}\n{}/checklist", tr.t("collab-mail-checklist"), link(state, round)),
            tr.t("collab-mail-privacy"),
        ];
        let ics = calendar(state, round, group_name, &org_people, organiser, tr.lang, now);
        let mail = Mail { to: me.email.clone(), subject: tr.t_args(subject, &args), body: body.join("\n\n") };
        // One address that fails must not keep the invitation from the others;
        // the round is saved either way and the invitation can be downloaded.
        if let Err(e) = state.mailer.send_with(mail, vec![Attachment::calendar("REQUEST", ics)]).await {
            tracing::warn!(error = %e, round = %round.id, "Tool 2 invitation not sent");
        }
    }
    Ok(())
}
