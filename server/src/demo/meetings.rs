//! Dialogs with the nearest leader in Fjordby: Anne Marie Kristensen held
//! hers with Lars Bech Nielsen three weeks ago (its reminder was sent), and
//! she, Lars and Pia Lauridsen have dialogs coming up, so the tool page
//! shows a next dialog for both a leader and a nearest leader.

use super::people::Structure;
use crate::tools::dialog::meetings_store::{self as dialogs, instant_text, When};
use crate::tools::dialog::store as agreements;
use domain::agreement::DIALOG_MINUTES;
use domain::ids::OrgId;
use sqlx::AnyConnection;
use time::macros::time;
use time::{Duration, OffsetDateTime, PrimitiveDateTime, Time};
use time_tz::{timezones, PrimitiveDateTimeExt};

/// (leader's e-mail, days from today, Copenhagen time, place)
const DIALOGS: &[(&str, i64, Time, &str)] = &[
    ("anne.kristensen@fjordby.dk", -21, time!(9:00), "Lars' kontor, Rådhuset 2. sal"),
    ("anne.kristensen@fjordby.dk", 12, time!(13:30), "Mødelokale Fjorden, Rådhuset"),
    ("lars.nielsen@fjordby.dk", 6, time!(10:00), "Direktionsgangen, mødelokale 3"),
    ("pia.lauridsen@fjordby.dk", 2, time!(14:00), ""),
];

pub async fn fill(conn: &mut AnyConnection, org: &OrgId, s: &Structure, now: OffsetDateTime) -> anyhow::Result<()> {
    let today = crate::i18n::format::copenhagen(now).date();
    for (email, days, at, place) in DIALOGS {
        let leader = &s.persons[email];
        let Some((nearest, _)) = agreements::nearest_leader_in(conn, org, leader).await? else { continue };
        let (agreement,): (String,) = sqlx::query_as(
            "SELECT id FROM agreements WHERE org_id = $1 AND person_id = $2 ORDER BY starts_on DESC LIMIT 1",
        )
        .bind(org.as_str())
        .bind(leader.as_str())
        .fetch_one(&mut *conn)
        .await?;
        let starts_at = PrimitiveDateTime::new(today + Duration::days(*days), *at)
            .assume_timezone(timezones::db::europe::COPENHAGEN)
            .take_first()
            .ok_or_else(|| anyhow::anyhow!("no such time in Copenhagen"))?;
        let when = When { starts_at, minutes: DIALOG_MINUTES, place };
        let agreement = domain::ids::AgreementId::from_db(agreement);
        let id = dialogs::create(conn, org, leader, &nearest, &agreement, when, now).await?;
        if *days < 0 {
            // The day-before reminder of the dialog that was held.
            sqlx::query("INSERT INTO reminders_sent (kind, subject_id, due_key, org_id, sent_at) VALUES ('dialog', $1, $2, $3, $4)")
                .bind(id.as_str())
                .bind(instant_text(starts_at))
                .bind(org.as_str())
                .bind(instant_text(starts_at - Duration::hours(24)))
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
