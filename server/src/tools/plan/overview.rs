//! The anonymous overview Tool 3 maps from: how many leaders work with an
//! active leader agreement, how many leader groups settled a group
//! agreement and followed one up in the last year, and what waits in the
//! organisation's inbox. One query of counts; no figure names or singles
//! out a person.
//!
//! A count of leaders is shown only from the organisation's k (the same
//! rule as every aggregate outside a group), the APV campaign's from the k
//! it promised when it started; below it the page says "fewer than k". Counts of groups are counts of the groups' shared work, not of
//! anyone's answers, and are shown as they are.

use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::download;
use crate::web::Page;
use axum::extract::State;
use axum::response::Response;
use exports::xlsx::{Cell, Sheet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overview {
    pub leaders: i64,
    /// Leaders with an agreement for the current period with at least one point.
    pub with_agreement: i64,
    pub groups: i64,
    /// Groups that settled a group agreement in the last twelve months.
    pub groups_agreed: i64,
    /// Groups that followed up an agreement at a meeting in the last twelve months.
    pub groups_following_up: i64,
    /// Lifted points waiting at the organisation.
    pub inbox_open: i64,
    /// The newest APV campaign's participation, if any campaign.
    pub apv: Option<ApvParticipation>,
}

/// How many leaders handed in Skema 1 in a campaign, of how many asked,
/// shown from the k the campaign promised when it started (a later change
/// of the organisation's k applies to later campaigns only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApvParticipation {
    pub handed_in: i64,
    pub asked: i64,
    pub k: u32,
}

pub async fn load(state: &AppState, me: &Member) -> anyhow::Result<Overview> {
    let today = state.clock.today();
    let year_ago = crate::storage::to_text(state.clock.now() - time::Duration::days(365));
    let row: (i64, i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT \
           (SELECT COUNT(*) FROM person_roles WHERE org_id = $1 AND role = 'leader'), \
           (SELECT COUNT(DISTINCT a.person_id) FROM agreements a WHERE a.org_id = $1 AND a.starts_on <= $2 AND a.ends_on >= $2 \
              AND EXISTS (SELECT 1 FROM agreement_points p WHERE p.agreement_id = a.id)), \
           (SELECT COUNT(*) FROM leader_groups WHERE org_id = $1), \
           (SELECT COUNT(DISTINCT group_id) FROM collab_rounds WHERE org_id = $1 AND closed_at IS NOT NULL AND closed_at >= $3), \
           (SELECT COUNT(DISTINCT r.group_id) FROM collab_point_reviews v JOIN collab_rounds r ON r.id = v.round_id \
              WHERE v.org_id = $1 AND v.reviewed_at >= $3), \
           (SELECT COUNT(*) FROM lifts WHERE org_id = $1 AND to_level = 'organisation' AND status = 'open')",
    )
    .bind(me.org().as_str())
    .bind(crate::tools::dialog::store::date_text(today))
    .bind(year_ago)
    .fetch_one(&state.db.pool)
    .await?;
    Ok(Overview {
        leaders: row.0,
        with_agreement: row.1,
        groups: row.2,
        groups_agreed: row.3,
        groups_following_up: row.4,
        inbox_open: row.5,
        apv: match newest_campaign(state, me).await? {
            Some((campaign, k)) => Some(participation(state, me, &campaign, u32::try_from(k).unwrap_or(u32::MAX)).await?),
            None => None,
        },
    })
}

/// A campaign's participation: the different leaders who handed in (and
/// those the retention purge counted before their answers went), of
/// everyone in the groups of its rounds (members and leaders).
async fn participation(state: &AppState, me: &Member, campaign: &str, k: u32) -> anyhow::Result<ApvParticipation> {
    let (handed_in, asked): (i64, i64) = sqlx::query_as(
        "SELECT \
           (SELECT COUNT(DISTINCT x.person_id) FROM apv_respondents x JOIN apv_rounds r ON r.id = x.round_id AND r.org_id = x.org_id \
              WHERE r.org_id = $1 AND r.campaign_id = $2) + \
           COALESCE((SELECT c.kept_respondents FROM apv_campaigns c WHERE c.org_id = $1 AND c.id = $2), 0), \
           (SELECT COUNT(*) FROM ( \
           SELECT m.person_id FROM group_members m JOIN apv_rounds r ON r.group_id = m.group_id AND r.org_id = m.org_id \
             WHERE r.org_id = $1 AND r.campaign_id = $2 \
           UNION SELECT g.group_leader_id FROM leader_groups g JOIN apv_rounds r ON r.group_id = g.id AND r.org_id = g.org_id \
             WHERE r.org_id = $1 AND r.campaign_id = $2 AND g.group_leader_id IS NOT NULL) asked)",
    )
    .bind(me.org().as_str())
    .bind(campaign)
    .fetch_one(&state.db.pool)
    .await?;
    Ok(ApvParticipation { handed_in, asked, k })
}

/// The newest campaign and the k it promised.
async fn newest_campaign(state: &AppState, me: &Member) -> anyhow::Result<Option<(String, i64)>> {
    Ok(sqlx::query_as("SELECT id, anonymity_k FROM apv_campaigns WHERE org_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1")
        .bind(me.org().as_str())
        .fetch_optional(&state.db.pool)
        .await?)
}

/// One line of the overview as the page and the files show it.
pub struct Line {
    pub label: String,
    /// The figure, or the reason it is withheld.
    pub value: String,
    pub number: Option<i64>,
}

pub fn lines(page: &Page, o: &Overview, k: u32) -> Vec<Line> {
    let count = |n: i64| Line { label: String::new(), value: n.to_string(), number: Some(n) };
    let leaders_with = if o.with_agreement >= i64::from(k) {
        Line { label: String::new(), value: page.t2("plan-overview-of", "count", o.with_agreement, "total", o.leaders), number: Some(o.with_agreement) }
    } else {
        Line { label: String::new(), value: page.t1("plan-overview-under-k", "k", k), number: None }
    };
    let label = |key: &str, mut l: Line| {
        l.label = page.t(key);
        l
    };
    let apv = match o.apv {
        Some(p) if p.handed_in >= i64::from(p.k) => {
            Line { label: String::new(), value: page.t2("plan-overview-of", "count", p.handed_in, "total", p.asked), number: Some(p.handed_in) }
        }
        Some(p) => Line { label: String::new(), value: page.t1("plan-overview-under-k", "k", p.k), number: None },
        None => Line { label: String::new(), value: page.t("plan-overview-no-campaign"), number: None },
    };
    vec![
        label("plan-overview-leaders", count(o.leaders)),
        label("plan-overview-with-agreement", leaders_with),
        label("plan-overview-groups", count(o.groups)),
        label("plan-overview-groups-agreed", count(o.groups_agreed)),
        label("plan-overview-groups-following-up", count(o.groups_following_up)),
        label("plan-overview-apv-participation", apv),
        label("plan-overview-inbox", count(o.inbox_open)),
    ]
}

async fn allowed(state: &AppState, me: &Member, page: &Page) -> AppResult<(Vec<String>, Vec<Vec<Cell>>)> {
    if !me.m.roles.may_read_overview() {
        return Err(AppError::Forbidden);
    }
    let o = load(state, me).await?;
    let header = vec![page.t("plan-overview-figure"), page.t("plan-overview-value")];
    let rows = lines(page, &o, me.m.rule.k)
        .into_iter()
        .map(|l| vec![Cell::Text(l.label), l.number.map_or(Cell::Text(l.value), Cell::Integer)])
        .collect();
    Ok((header, rows))
}

pub async fn xlsx(State(state): State<AppState>, page: Page, me: Member) -> AppResult<Response> {
    let (header, rows) = allowed(&state, &me, &page).await?;
    let sheets = [Sheet { name: page.t("plan-overview-heading"), header, rows }];
    download::xlsx(&sheets, &page.t("plan-overview-file"))
}

pub async fn csv(State(state): State<AppState>, page: Page, me: Member) -> AppResult<Response> {
    let (header, rows) = allowed(&state, &me, &page).await?;
    Ok(download::csv(&header, &rows, &page.t("plan-overview-file")))
}
