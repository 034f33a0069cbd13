//! Reminders of Tool 2: the day before the group's meeting, everyone inside
//! the group gets a mail (with the checklist's link for those who have not
//! filled it in); three days before a point's follow-up date, its owner and
//! the group's leader get a mail with the point and the method's three
//! questions. Through the
//! reminders' claims, so each gets it once however many servers run; a
//! point already followed up at a later meeting is left alone.

use crate::i18n::{format, Lang, Tr};
use crate::mail::Mail;
use crate::reminders::once;
use crate::state::AppState;
use domain::ids::OrgId;
use time::{Duration, OffsetDateTime};

/// How many days before the follow-up date the reminder goes out.
pub const DAYS_AHEAD: i64 = 3;

type DueRow = (String, String, String, String, String, String, String, String, String);

pub async fn followups_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let today = format::copenhagen(now).date();
    let rows: Vec<DueRow> = sqlx::query_as(
        "SELECT c.id, c.text, c.follow_up_on, c.round_id, g.id, g.name, p.id, a.email, a.locale \
         FROM collab_points c \
         JOIN collab_rounds r ON r.id = c.round_id AND r.org_id = c.org_id AND r.closed_at IS NOT NULL \
         JOIN leader_groups g ON g.id = r.group_id AND g.org_id = c.org_id \
         JOIN persons p ON p.org_id = c.org_id AND (p.id = c.owner_person_id OR p.id = g.group_leader_id) \
         JOIN accounts a ON a.id = p.account_id \
         WHERE c.org_id = $1 AND c.follow_up_on >= $2 AND c.follow_up_on <= $3 \
           AND NOT EXISTS (SELECT 1 FROM collab_point_reviews v WHERE v.point_id = c.id) \
           AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.org_id = $1 AND s.kind = 'collab-followup' \
             AND s.subject_id = c.id || '/' || p.id AND s.due_key = c.follow_up_on)",
    )
    .bind(org.as_str())
    .bind(today.to_string())
    .bind((today + Duration::days(DAYS_AHEAD)).to_string())
    .fetch_all(&state.db.pool)
    .await?;
    let mut n = 0;
    for (point, text, date, round, group_id, group, person, email, locale) in rows {
        let Ok(day) = domain::input::parse_date(&date) else { continue };
        let tr = Tr::new(Lang::parse(&locale).unwrap_or_default());
        let args = [("group", group.clone()), ("date", format::date(tr.lang, day)), ("point", text.clone())];
        let body = [
            tr.t("collab-mail-followup-greeting"),
            tr.t_args("collab-mail-followup-lead", &args),
            tr.t("collab-mail-followup-questions"),
            format!("{}\n{}/collab/rounds/{round}#agreement-points", tr.t("collab-mail-followup-link"), state.public_url),
            format!("{}\n{}/collab/groups/{group_id}/rounds", tr.t("collab-mail-followup-plan"), state.public_url),
        ];
        let mail = Mail { to: email, subject: tr.t_args("collab-mail-followup-subject", &args), body: body.join("\n\n") };
        if once(state, org, "collab-followup", &format!("{point}/{person}"), &date, state.mailer.send(mail)).await? {
            n += 1;
        }
    }
    Ok(n)
}

/// How long before the meeting everyone is reminded.
pub const MEETING_HOURS_AHEAD: i64 = 24;

type MeetingRow = (String, String, String, i64, String, String, String, String, i64);

/// Reminds the round's readers still in the group (`tools::promise`) of a
/// meeting starting within a day: the meeting page is theirs.
pub async fn meetings_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let rows: Vec<MeetingRow> = sqlx::query_as(
        "SELECT r.id, g.name, r.meeting_at, r.minutes, r.place, p.id, a.email, a.locale, \
           (SELECT COUNT(*) FROM collab_respondents x WHERE x.round_id = r.id AND x.person_id = p.id) \
         FROM collab_rounds r \
         JOIN leader_groups g ON g.id = r.group_id AND g.org_id = r.org_id \
         JOIN persons p ON p.org_id = r.org_id AND (p.id = g.group_leader_id OR p.id IN \
           (SELECT m.person_id FROM group_members m WHERE m.group_id = g.id AND m.org_id = r.org_id)) \
         JOIN accounts a ON a.id = p.account_id \
         WHERE r.org_id = $1 AND r.closed_at IS NULL AND r.meeting_at > $2 AND r.meeting_at <= $3 \
           AND EXISTS (SELECT 1 FROM round_readers rr WHERE rr.round_id = r.id AND rr.person_id = p.id) \
           AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.org_id = $1 AND s.kind = 'collab-meeting' \
             AND s.subject_id = r.id || '/' || p.id AND s.due_key = r.meeting_at)",
    )
    .bind(org.as_str())
    .bind(crate::storage::to_text(now))
    .bind(crate::storage::to_text(now + Duration::hours(MEETING_HOURS_AHEAD)))
    .fetch_all(&state.db.pool)
    .await?;
    let mut n = 0;
    for (round, group, at, minutes, place, person, email, locale, answered) in rows {
        let Some(starts) = crate::storage::from_text(&at) else { continue };
        let tr = Tr::new(Lang::parse(&locale).unwrap_or_default());
        let place = if place.is_empty() { tr.t("dialog-meeting-no-place") } else { place };
        let args = [("group", group), ("time", format::date_time(tr.lang, starts))];
        let mut body = vec![
            tr.t("collab-mail-followup-greeting"),
            tr.t_args("collab-mail-meeting-lead", &args),
            tr.t_args("dialog-meeting-mail-when", &[("time", format::date_time(tr.lang, starts)), ("minutes", minutes.to_string()), ("place", place)]),
        ];
        if answered == 0 {
            body.push(format!("{}\n{}/collab/rounds/{round}/checklist", tr.t("collab-mail-checklist"), state.public_url));
        }
        body.push(format!("{}\n{}/collab/rounds/{round}/meeting", tr.t("collab-mail-meeting-link"), state.public_url));
        let mail = Mail { to: email, subject: tr.t_args("collab-mail-meeting-subject", &args), body: body.join("\n\n") };
        if once(state, org, "collab-meeting", &format!("{round}/{person}"), &at, state.mailer.send(mail)).await? {
            n += 1;
        }
    }
    Ok(n)
}
