//! The figures behind HR's colour map of a campaign: loads the campaign's
//! closed rounds (each respondent with the unit they had when the round
//! closed; open rounds count only once closed), maps groups and units to
//! the indices `domain::apv::overview` decides on, and answers one view at
//! a time.
//! Every view of a campaign is decided together, once per load, so what the
//! page, the exports and a group's own round page show agree.

use super::store::{self, CampaignTheme};
use crate::org::units::Unit;
use crate::storage::Db;
use domain::anonymity::AnonymityRule;
use domain::apv::overview::{tally, Cell, Disclosure, Filter, Respondent, Withheld};
use domain::ids::{ApvCampaignId, GroupId, OrgId};
use crate::state::AppState;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Units as indices with every unit's path to the top.
pub struct UnitTree {
    index: HashMap<String, u32>,
    paths: Vec<Vec<u32>>,
}

impl UnitTree {
    pub fn new(units: &[Unit]) -> UnitTree {
        let index: HashMap<String, u32> = units.iter().enumerate().map(|(i, u)| (u.id.as_str().to_string(), i as u32)).collect();
        let parent: Vec<Option<u32>> =
            units.iter().map(|u| u.parent_id.as_ref().and_then(|p| index.get(p.as_str()).copied())).collect();
        let paths = (0..units.len() as u32)
            .map(|start| {
                let mut path = vec![start];
                // The tree rules keep units acyclic; the bound guards against bad data anyway.
                while let Some(up) = parent[*path.last().unwrap_or(&start) as usize] {
                    if path.contains(&up) || path.len() > units.len() {
                        break;
                    }
                    path.push(up);
                }
                path
            })
            .collect();
        UnitTree { index, paths }
    }

    /// The unit and every unit above it; empty for a leader without a unit.
    fn path(&self, unit: Option<&str>) -> Vec<u32> {
        unit.and_then(|u| self.index.get(u)).map(|&i| self.paths[i as usize].clone()).unwrap_or_default()
    }

    fn get(&self, unit: &str) -> Option<u32> {
        self.index.get(unit).copied()
    }
}

/// One campaign's figures, decided for every view.
pub struct Figures {
    pub themes: Vec<CampaignTheme>,
    units: UnitTree,
    groups: HashMap<String, u32>,
    cells: Vec<Cell>,
    disclosure: Disclosure,
}

/// One view: per theme (in `Figures::themes` order) the counts per colour.
pub struct View {
    pub respondents: u32,
    pub counts: Vec<[u32; 3]>,
}

impl Figures {
    pub async fn load(db: &Db, org: &OrgId, campaign: &ApvCampaignId, rule: &AnonymityRule) -> anyhow::Result<Figures> {
        let (themes, respondents, counts, unit_list) = tokio::try_join!(
            store::campaign_themes(db, org, campaign),
            store::respondents(db, org, campaign),
            store::counts(db, org, campaign),
            crate::org::units::list(db, org),
        )?;
        let units = UnitTree::new(&unit_list);
        let mut groups: HashMap<String, u32> = HashMap::new();
        let mut group_index = |id: String| {
            let next = groups.len() as u32;
            *groups.entry(id).or_insert(next)
        };
        let respondents: Vec<Respondent> = respondents
            .into_iter()
            .map(|(group, unit)| Respondent { group: group_index(group), units: units.path(unit.as_deref()) })
            .collect();
        let theme_index: HashMap<&str, u32> = themes.iter().enumerate().map(|(i, t)| (t.item_id.as_str(), i as u32)).collect();
        let cells = counts
            .into_iter()
            .filter_map(|(group, unit, item, red, yellow, green)| {
                Some(Cell {
                    group: group_index(group),
                    units: units.path(unit.as_deref()),
                    theme: *theme_index.get(item.as_str())?,
                    counts: [red, yellow, green].map(|n| u32::try_from(n).unwrap_or(0)),
                })
            })
            .collect();
        let disclosure = Disclosure::decide(&respondents, rule);
        Ok(Figures { themes, units, groups, cells, disclosure })
    }

    /// The filter for a unit and a group chosen by id; an id the campaign
    /// does not hold gives a view with no one in it.
    pub fn filter(&self, unit: Option<&str>, group: Option<&str>) -> Filter {
        Filter {
            unit: unit.map(|u| self.units.get(u).unwrap_or(u32::MAX)),
            group: group.map(|g| self.groups.get(g).copied().unwrap_or(u32::MAX)),
        }
    }

    pub fn view(&self, filter: Filter) -> Result<View, Withheld> {
        let respondents = self.disclosure.verdict(filter)?;
        Ok(View { respondents, counts: tally(&self.cells, self.themes.len(), filter) })
    }

    /// The groups with leaders in `unit` (or below it) who answered.
    pub fn groups_in(&self, unit: &str) -> std::collections::HashSet<String> {
        let Some(u) = self.units.get(unit) else { return Default::default() };
        let inside: std::collections::HashSet<u32> = self.cells.iter().filter(|c| c.units.contains(&u)).map(|c| c.group).collect();
        self.groups.iter().filter(|(_, i)| inside.contains(i)).map(|(id, _)| id.clone()).collect()
    }

    /// The counts for the theme with this catalogue item, if the campaign asked it.
    pub fn theme_counts<'a>(&self, view: &'a View, item_id: &str) -> Option<&'a [u32; 3]> {
        let i = self.themes.iter().position(|t| t.item_id == item_id)?;
        view.counts.get(i)
    }
}

/// Whether a group's picture in a campaign may be shown outside the group:
/// the same verdict as the campaign's overview filtered to that group, so
/// the round page cannot show what the overview hides.
pub async fn group_verdict(state: &AppState, org: &OrgId, campaign: &ApvCampaignId, group: &GroupId, rule: &AnonymityRule) -> anyhow::Result<Result<u32, Withheld>> {
    let figures = state.apv_figures.get(&state.db, org, campaign, rule).await?;
    Ok(figures.disclosure.verdict(figures.filter(None, Some(group.as_str()))))
}

/// Campaigns decided recently. Deciding every view of 10,000 leaders takes a
/// few hundred milliseconds, and a campaign's figures change only when one
/// of its rounds closes or the thresholds change (both part of the key).
/// Respondents keep the unit they had at closing, so a leader moving changes
/// nothing here; only a change to the unit tree itself (a unit moved under
/// another or deleted) does, and shows once the entry is a minute old.
#[derive(Clone, Default)]
pub struct FiguresCache(Arc<Mutex<HashMap<CacheKey, (Instant, Arc<Figures>)>>>);

/// (organisation, campaign, closed rounds, last closed, rounds whose answers
/// the retention purge turned into kept counts, k, free-text k)
type CacheKey = (String, String, i64, Option<String>, i64, u32, u32);

const MAX_AGE: Duration = Duration::from_secs(60);
const MAX_ENTRIES: usize = 64;

impl FiguresCache {
    pub async fn get(&self, db: &Db, org: &OrgId, campaign: &ApvCampaignId, rule: &AnonymityRule) -> anyhow::Result<Arc<Figures>> {
        let (closed, last, tallied): (i64, Option<String>, i64) = sqlx::query_as(
            "SELECT COUNT(*), MAX(closed_at), COUNT(tallied_at) FROM apv_rounds WHERE org_id = $1 AND campaign_id = $2 AND closed_at IS NOT NULL",
        )
        .bind(org.as_str())
        .bind(campaign.as_str())
        .fetch_one(&db.pool)
        .await?;
        let key = (org.as_str().to_string(), campaign.as_str().to_string(), closed, last, tallied, rule.k, rule.free_text_k);
        if let Some((at, figures)) = self.lock().get(&key) {
            if at.elapsed() < MAX_AGE {
                return Ok(figures.clone());
            }
        }
        let figures = Arc::new(Figures::load(db, org, campaign, rule).await?);
        let mut entries = self.lock();
        entries.retain(|_, (at, _)| at.elapsed() < MAX_AGE);
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), figures.clone()));
        Ok(figures)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<CacheKey, (Instant, Arc<Figures>)>> {
        // A panic while holding the lock leaves only a cache behind; keep using it.
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
