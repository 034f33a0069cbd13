//! Fjordby's earlier APV campaigns, so HR's colour map across groups has
//! something to show and a year to compare with: "Leder-APV 2025" (all
//! three area groups, closed about ten months ago; Teknik, Kultur og
//! Fritid's round is the one with plans and a report) and "Leder-APV 2024"
//! a year before it.

use super::apv::write_skema1;
use super::people::{Structure, GROUPS, HR_EMAIL};
use crate::catalogue::store::Item;
use crate::storage::to_text;
use crate::tools::apv::store::fix_themes;
use domain::ids::{ApvCampaignId, ApvRoundId, OrgId};
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

/// (title, started days ago, closed days ago, spread offset: leaders answer
/// a little differently each year)
const CAMPAIGNS: [(&str, i64, i64, usize); 2] = [("Leder-APV 2025", 345, 300, 0), ("Leder-APV 2024", 710, 665, 3)];

/// The area groups; the chief group is not part of the campaigns.
const AREA_GROUPS: [&str; 3] = ["Ledergruppen i Børn og Unge", "Ledergruppen i Social og Sundhed", "Ledergruppen i Teknik, Kultur og Fritid"];

/// Makes both campaigns; `tkf_2025` is Teknik, Kultur og Fritid's finished
/// round with plans and report, which joins the 2025 campaign.
pub async fn campaigns(
    conn: &mut AnyConnection,
    org: &OrgId,
    s: &Structure,
    tkf_2025: &ApvRoundId,
    items: &[Item],
    other_keys: &[&str],
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let revision_of = |key: &str| items.iter().find(|i| i.key == key).map(|i| i.revision_id.as_str().to_string());
    for (title, started_ago, closed_ago, offset) in CAMPAIGNS {
        let campaign = ApvCampaignId::new();
        let started = now - Duration::days(started_ago);
        sqlx::query(
            "INSERT INTO apv_campaigns (id, org_id, title, variant, deadline, started_by, created_at, closed_at) \
             VALUES ($1, $2, $3, 'now', $4, $5, $6, $7)",
        )
        .bind(campaign.as_str())
        .bind(org.as_str())
        .bind(title)
        .bind((started + Duration::days(14)).date().to_string())
        .bind(s.persons[HR_EMAIL].as_str())
        .bind(to_text(started))
        .bind(to_text(now - Duration::days(closed_ago)))
        .execute(&mut *conn)
        .await?;
        for (g, group) in AREA_GROUPS.iter().enumerate() {
            let (_, leader, members) = GROUPS.iter().find(|(name, _, _)| name == group).expect("demo group");
            if offset == 0 && group.contains("Teknik") {
                sqlx::query("UPDATE apv_rounds SET campaign_id = $3 WHERE org_id = $1 AND id = $2")
                    .bind(org.as_str())
                    .bind(tkf_2025.as_str())
                    .bind(campaign.as_str())
                    .execute(&mut *conn)
                    .await?;
                continue;
            }
            let round = ApvRoundId::new();
            sqlx::query(
                "INSERT INTO apv_rounds (id, org_id, group_id, campaign_id, variant, deadline, started_by, created_at, \
                   absence, absence_note, amo_on, amo_note, next_due, closed_at) \
                 VALUES ($1, $2, $3, $4, 'now', $5, $6, $7, 'no', '', $8, 'Arbejdsmiljørepræsentanten deltog i mødet.', $9, $10)",
            )
            .bind(round.as_str())
            .bind(org.as_str())
            .bind(s.groups[*group].as_str())
            .bind(campaign.as_str())
            .bind((started + Duration::days(14)).date().to_string())
            .bind(s.persons[HR_EMAIL].as_str())
            .bind(to_text(started))
            .bind((now - Duration::days(closed_ago + 5)).date().to_string())
            .bind((now - Duration::days(closed_ago) + Duration::days(365)).date().to_string())
            .bind(to_text(now - Duration::days(closed_ago - g as i64)))
            .execute(&mut *conn)
            .await?;
            fix_themes(conn, org, &round, items, other_keys).await?;
            crate::tools::promise::fix(conn, org, crate::tools::promise::Tool::Apv, round.as_str(), &s.groups[*group], None, &to_text(started)).await?;
            // Everyone but the last member hands in.
            let writers = std::iter::once(leader).chain(members[..members.len() - 1].iter());
            for (p, email) in writers.enumerate() {
                let at = started + Duration::hours(3 + 11 * p as i64);
                write_skema1(conn, org, &round, &s.persons[*email], p + offset + g, Some(at), &revision_of, now).await?;
            }
        }
    }
    Ok(())
}
