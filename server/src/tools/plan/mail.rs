//! Reminders before each follow-up of the plan's action cards: three days
//! before a card's next follow-up, the organisation's HR admins get a mail
//! with the theme, the goal and a link to the card. Cards done or dropped,
//! and plans replaced by a newer one, are left alone. Through the
//! reminders' claims, so each gets it once however many servers run.

use super::sheet;
use crate::i18n::{format, Lang, Tr};
use crate::mail::Mail;
use crate::reminders::once;
use crate::state::AppState;
use domain::ids::OrgId;
use time::{Duration, OffsetDateTime};

/// How many days before a card's follow-up HR is reminded.
pub const DAYS_AHEAD: i64 = 3;

type DueRow = (String, String, String, String, String, String, String);

pub async fn followups_due(state: &AppState, org: &OrgId, now: OffsetDateTime) -> anyhow::Result<usize> {
    let today = format::copenhagen(now).date();
    let rows: Vec<DueRow> = sqlx::query_as(
        "SELECT t.plan_id, t.theme, t.goal, t.follow_up_on, p.id, a.email, a.locale \
         FROM org_plan_themes t \
         JOIN org_plans pl ON pl.id = t.plan_id AND pl.org_id = t.org_id AND pl.closed_at IS NULL \
         JOIN person_roles r ON r.org_id = t.org_id AND r.role = 'hr_admin' \
         JOIN persons p ON p.id = r.person_id AND p.org_id = t.org_id \
         JOIN accounts a ON a.id = p.account_id \
         WHERE t.org_id = $1 AND t.status IN ('planned', 'under_way') AND t.follow_up_on >= $2 AND t.follow_up_on <= $3 \
           AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.org_id = $1 AND s.kind = 'plan-followup' \
             AND s.subject_id = t.plan_id || '/' || t.theme || '/' || p.id AND s.due_key = t.follow_up_on)",
    )
    .bind(org.as_str())
    .bind(today.to_string())
    .bind((today + Duration::days(DAYS_AHEAD)).to_string())
    .fetch_all(&state.db.pool)
    .await?;
    let mut n = 0;
    // The theme sheet once per language, not once per mail.
    let mut sheets: Vec<(Lang, Vec<sheet::SheetTheme>)> = Vec::new();
    for (plan, theme, goal, date, person, email, locale) in rows {
        let Ok(day) = domain::input::parse_date(&date) else { continue };
        let tr = Tr::new(Lang::parse(&locale).unwrap_or_default());
        if !sheets.iter().any(|(l, _)| *l == tr.lang) {
            sheets.push((tr.lang, sheet::sheet(state, org, tr.lang).await?));
        }
        let title = sheets
            .iter()
            .find(|(l, _)| *l == tr.lang)
            .and_then(|(_, s)| s.iter().find(|s| s.key == theme))
            .map(|s| s.title.clone())
            .unwrap_or_else(|| tr.t("plan-theme-gone"));
        let args = [("theme", title), ("date", format::date(tr.lang, day))];
        let mut body = vec![tr.t("collab-mail-followup-greeting"), tr.t_args("plan-mail-followup-lead", &args)];
        if !goal.is_empty() {
            body.push(format!("{}\n{goal}", tr.t("plan-mail-followup-goal")));
        }
        body.push(format!("{}\n{}/plan/{plan}/concretise#cards", tr.t("plan-mail-followup-link"), state.public_url));
        let mail = Mail { to: email, subject: tr.t_args("plan-mail-followup-subject", &args), body: body.join("\n\n") };
        if once(state, org, "plan-followup", &format!("{plan}/{theme}/{person}"), &date, state.mailer.send(mail)).await? {
            n += 1;
        }
    }
    Ok(n)
}
