//! SQL for campaigns: HR starts one round per chosen group with a common
//! variant and deadline, follows participation, and reads the anonymous
//! figures of the campaign's closed rounds across groups.

use super::{date, fix_themes};
use crate::catalogue::store::Item;
use crate::storage::Db;
use domain::anonymity::AnonymityRule;
use domain::apv::Variant;
use domain::ids::{ApvCampaignId, ApvRoundId, GroupId, OrgId, PersonId};

#[derive(Clone, Debug)]
pub struct Campaign {
    pub id: ApvCampaignId,
    pub title: String,
    pub variant: Variant,
    pub deadline: Option<time::Date>,
    pub created_at: String,
    /// The thresholds fixed when the campaign started (`domain::promise`).
    pub rule: AnonymityRule,
}

pub struct NewCampaign<'a> {
    pub title: &'a str,
    pub variant: Variant,
    pub deadline: time::Date,
    pub groups: &'a [GroupId],
    pub by: &'a PersonId,
}

/// What starting a campaign did: the groups that got a round, and those left
/// out because they already had one open.
pub struct Started {
    pub id: ApvCampaignId,
    pub rounds: usize,
    pub already_open: usize,
}

/// Starts the campaign and a round in each chosen group without an open
/// round, all in one transaction: HR sees either the whole campaign or none.
pub async fn start_campaign(db: &Db, org: &OrgId, new: NewCampaign<'_>, items: &[Item], other_keys: &[&str], now: time::OffsetDateTime) -> anyhow::Result<Started> {
    let mut tx = db.begin_write().await?;
    let id = ApvCampaignId::new();
    let now = crate::storage::to_text(now);
    sqlx::query(
        // The organisation's thresholds as they are now are the campaign's for good.
        "INSERT INTO apv_campaigns (id, org_id, title, variant, deadline, started_by, created_at, anonymity_k, free_text_k) \
         SELECT $1, $2, $3, $4, $5, $6, $7, o.anonymity_k, o.free_text_k FROM orgs o WHERE o.id = $2",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(new.title)
    .bind(new.variant.code())
    .bind(new.deadline.to_string())
    .bind(new.by.as_str())
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    let (mut rounds, mut already_open) = (0, 0);
    for group in new.groups {
        let round = ApvRoundId::new();
        let inserted = sqlx::query(
            "INSERT INTO apv_rounds (id, org_id, group_id, campaign_id, variant, deadline, started_by, created_at) \
             SELECT $1, $2, g.id, $4, $5, $6, $7, $8 FROM leader_groups g WHERE g.org_id = $2 AND g.id = $3 AND NOT EXISTS \
               (SELECT 1 FROM apv_rounds r WHERE r.org_id = $2 AND r.group_id = $3 AND r.closed_at IS NULL)",
        )
        .bind(round.as_str())
        .bind(org.as_str())
        .bind(group.as_str())
        .bind(id.as_str())
        .bind(new.variant.code())
        .bind(new.deadline.to_string())
        .bind(new.by.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            fix_themes(&mut tx, org, &round, items, other_keys).await?;
            crate::tools::promise::fix(&mut tx, org, crate::tools::promise::Tool::Apv, round.as_str(), group, None, &now).await?;
            rounds += 1;
        } else {
            already_open += 1;
        }
    }
    tx.commit().await?;
    Ok(Started { id, rounds, already_open })
}

type CampaignRow = (String, String, String, Option<String>, String, i64, i64);

fn to_campaign((id, title, variant, deadline, created_at, k, free_text_k): CampaignRow) -> Campaign {
    Campaign {
        id: ApvCampaignId::from_db(id),
        title,
        variant: Variant::parse(&variant).unwrap_or(Variant::Now),
        deadline: date(deadline),
        created_at,
        // A stored rule below the floor cannot come from the settings; read it strictly.
        rule: AnonymityRule::new(k as u32, free_text_k as u32).unwrap_or_default(),
    }
}

/// The organisation's campaigns, newest first.
pub async fn campaigns(db: &Db, org: &OrgId) -> anyhow::Result<Vec<Campaign>> {
    let rows: Vec<CampaignRow> = sqlx::query_as(
        "SELECT id, title, variant, deadline, created_at, anonymity_k, free_text_k FROM apv_campaigns WHERE org_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(org.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(to_campaign).collect())
}

pub async fn campaign(db: &Db, org: &OrgId, id: &ApvCampaignId) -> anyhow::Result<Option<Campaign>> {
    let row: Option<CampaignRow> =
        sqlx::query_as("SELECT id, title, variant, deadline, created_at, anonymity_k, free_text_k FROM apv_campaigns WHERE org_id = $1 AND id = $2")
            .bind(org.as_str())
            .bind(id.as_str())
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(to_campaign))
}

/// The campaign before this one with the same variant, for the trend.
pub async fn previous(db: &Db, org: &OrgId, campaign: &Campaign) -> anyhow::Result<Option<Campaign>> {
    let row: Option<CampaignRow> = sqlx::query_as(
        "SELECT id, title, variant, deadline, created_at, anonymity_k, free_text_k FROM apv_campaigns \
         WHERE org_id = $1 AND variant = $2 AND (created_at < $3 OR (created_at = $3 AND id < $4)) \
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(org.as_str())
    .bind(campaign.variant.code())
    .bind(&campaign.created_at)
    .bind(campaign.id.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(to_campaign))
}

/// One group's round in a campaign: how many were asked and handed in.
#[derive(Clone, Debug)]
pub struct Participation {
    pub round_id: ApvRoundId,
    pub group_id: GroupId,
    pub group_name: String,
    pub open: bool,
    /// The group's members and its leader.
    pub asked: i64,
    pub handed_in: i64,
}

pub async fn participation(db: &Db, org: &OrgId, campaign: &ApvCampaignId) -> anyhow::Result<Vec<Participation>> {
    let rows: Vec<(String, String, String, Option<String>, i64, i64)> = sqlx::query_as(
        "SELECT r.id, g.id, g.name, r.closed_at, \
           (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) + \
           CASE WHEN g.group_leader_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM group_members m \
             WHERE m.group_id = g.id AND m.person_id = g.group_leader_id) THEN 1 ELSE 0 END, \
           (SELECT COUNT(*) FROM apv_respondents x WHERE x.round_id = r.id) + \
           COALESCE((SELECT CAST(SUM(k.respondents) AS BIGINT) FROM apv_kept_blocks k WHERE k.round_id = r.id), 0) \
         FROM apv_rounds r JOIN leader_groups g ON g.id = r.group_id AND g.org_id = r.org_id \
         WHERE r.org_id = $1 AND r.campaign_id = $2 ORDER BY g.name, r.id",
    )
    .bind(org.as_str())
    .bind(campaign.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(round, group, group_name, closed_at, asked, handed_in)| Participation {
            round_id: ApvRoundId::from_db(round),
            group_id: GroupId::from_db(group),
            group_name,
            open: closed_at.is_none(),
            asked,
            handed_in,
        })
        .collect())
}

/// A theme some round of the campaign asked, by catalogue item, so rounds
/// (and campaigns) that asked different revisions of it count together.
#[derive(Clone, Debug)]
pub struct CampaignTheme {
    pub item_id: String,
    pub part: String,
    pub other: bool,
    pub text_da: String,
    pub text_en: String,
}

/// The campaign's themes in the order its rounds ask them.
pub async fn campaign_themes(db: &Db, org: &OrgId, campaign: &ApvCampaignId) -> anyhow::Result<Vec<CampaignTheme>> {
    let rows: Vec<(String, i64, String, i64, String, String)> = sqlx::query_as(
        "SELECT DISTINCT v.item_id, t.position, t.part, t.other, v.text_da, v.text_en \
         FROM apv_round_themes t \
         JOIN apv_rounds r ON r.id = t.round_id AND r.org_id = t.org_id \
         JOIN catalogue_revisions v ON v.id = t.revision_id AND v.org_id = t.org_id \
         WHERE t.org_id = $1 AND r.campaign_id = $2 ORDER BY t.position",
    )
    .bind(org.as_str())
    .bind(campaign.as_str())
    .fetch_all(&db.pool)
    .await?;
    let mut themes: Vec<CampaignTheme> = Vec::new();
    for (item_id, _, part, other, text_da, text_en) in rows {
        if !themes.iter().any(|t| t.item_id == item_id) {
            themes.push(CampaignTheme { item_id, part, other: other != 0, text_da, text_en });
        }
    }
    Ok(themes)
}

/// Who handed in Skema 1 in the campaign's closed rounds: per respondent
/// the group and the unit the leader had when the round closed (not the
/// unit now, so a move changes no view). Open rounds count only once closed.
/// Rounds past the retention period count from the blocks kept for them
/// (`privacy::retention`). Ordered by group, so groups get the same indices
/// on every load.
pub async fn respondents(db: &Db, org: &OrgId, campaign: &ApvCampaignId) -> anyhow::Result<Vec<(String, Option<String>)>> {
    let blocks: Vec<(String, Option<String>, i64)> = sqlx::query_as(
        "SELECT r.group_id, x.unit_id, CAST(1 AS BIGINT) FROM apv_respondents x \
         JOIN apv_rounds r ON r.id = x.round_id AND r.org_id = x.org_id \
         WHERE x.org_id = $1 AND r.campaign_id = $2 AND r.closed_at IS NOT NULL \
         UNION ALL SELECT r.group_id, k.unit_id, k.respondents FROM apv_kept_blocks k \
         JOIN apv_rounds r ON r.id = k.round_id AND r.org_id = k.org_id \
         WHERE k.org_id = $1 AND r.campaign_id = $2 ORDER BY 1",
    )
    .bind(org.as_str())
    .bind(campaign.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(blocks
        .into_iter()
        .flat_map(|(group, unit, n)| std::iter::repeat_n((group, unit), usize::try_from(n).unwrap_or(0)))
        .collect())
}

/// Counts per group, unit (at closing) and theme of the colours marked in
/// the campaign's closed rounds, by handed-in leaders only, with the counts
/// kept for rounds past the retention period.
/// (group id, unit id, item id, red, yellow, green)
pub type CountRow = (String, Option<String>, String, i64, i64, i64);

pub async fn counts(db: &Db, org: &OrgId, campaign: &ApvCampaignId) -> anyhow::Result<Vec<CountRow>> {
    Ok(sqlx::query_as(
        "SELECT group_id, unit_id, item_id, CAST(SUM(red) AS BIGINT), CAST(SUM(yellow) AS BIGINT), CAST(SUM(green) AS BIGINT) FROM ( \
           SELECT r.group_id AS group_id, x.unit_id AS unit_id, v.item_id AS item_id, \
             CASE WHEN a.red IS NULL THEN 0 ELSE 1 END AS red, \
             CASE WHEN a.yellow IS NULL THEN 0 ELSE 1 END AS yellow, \
             CASE WHEN a.green IS NULL THEN 0 ELSE 1 END AS green \
           FROM apv_answers a \
           JOIN apv_respondents x ON x.round_id = a.round_id AND x.person_id = a.person_id \
           JOIN apv_rounds r ON r.id = a.round_id AND r.org_id = a.org_id \
           JOIN catalogue_revisions v ON v.id = a.revision_id AND v.org_id = a.org_id \
           WHERE a.org_id = $1 AND r.campaign_id = $2 AND r.closed_at IS NOT NULL \
           UNION ALL SELECT r.group_id, k.unit_id, k.item_id, k.red, k.yellow, k.green FROM apv_kept_counts k \
           JOIN apv_rounds r ON r.id = k.round_id AND r.org_id = k.org_id \
           WHERE k.org_id = $1 AND r.campaign_id = $2 \
         ) t GROUP BY group_id, unit_id, item_id",
    )
    .bind(org.as_str())
    .bind(campaign.as_str())
    .fetch_all(&db.pool)
    .await?)
}
