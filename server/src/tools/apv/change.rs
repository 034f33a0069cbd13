//! What changed since the group's last round (seed 001: the APV is done
//! again a year later): per theme the share of leaders who marked each
//! colour then and now, as two colour maps side by side and a table.
//! Themes are matched by catalogue item, so a reworded theme still lines
//! up. Shown only when the reader may see both pictures.

use super::chart::{colour_map, Row};
use super::pages::{colour_text, colours, theme_label};
use super::picture::{seen, Seen};
use super::store::{self, RoundTheme};
use super::RoundContext;
use crate::auth::Member;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::Page;
use domain::apv::overview::percent;
use domain::apv::{Colour, ThemeTally};

/// One theme's shares then and now, in whole percent of the leaders who answered.
pub struct ChangeRow {
    pub name: String,
    pub then: Option<[u32; 3]>,
    pub now: [u32; 3],
}

impl ChangeRow {
    /// Percentage points more (+) or fewer (−) marking `colour` than last time.
    pub fn delta(&self, colour: usize) -> Option<i64> {
        Some(i64::from(self.now[colour]) - i64::from(self.then?[colour]))
    }
}

pub struct ChangeSection {
    pub started_then: String,
    pub chart_then: String,
    pub chart_now: String,
    pub rows: Vec<ChangeRow>,
}

fn shares(counts: [u32; 3], respondents: u32) -> [u32; 3] {
    counts.map(|n| percent(n, respondents).unwrap_or(0))
}

/// `order` is the current picture's order (most red first), `now` its tallies.
pub async fn section(
    state: &AppState,
    page: &Page,
    me: &Member,
    ctx: &RoundContext,
    themes: &[RoundTheme],
    now: &[ThemeTally],
    order: &[usize],
) -> AppResult<Option<ChangeSection>> {
    let (org, db) = (me.org(), &state.db);
    let Some(previous) = store::previous_round(db, org, me.person(), &ctx.round).await? else {
        return Ok(None);
    };
    // The earlier round is read under its own promise.
    let kept = crate::tools::promise::load(db, org, previous.id.as_str(), me.person(), ctx.relation.may_answer(), me.m.rule).await?;
    let before = RoundContext { round: previous, group: ctx.group.clone(), relation: ctx.relation, is_hr: ctx.is_hr, kept };
    let then_themes = store::themes(db, org, &before.round.id).await?;
    let Seen::Shown { tallies: then, .. } = seen(state, me, &before, &then_themes).await? else {
        return Ok(None);
    };
    let (n_now, n_then) = (u32::try_from(ctx.round.respondents).unwrap_or(0), u32::try_from(before.round.respondents).unwrap_or(0));
    let rows: Vec<ChangeRow> = order
        .iter()
        .map(|&i| {
            let earlier = then_themes.iter().position(|t| t.item_id == themes[i].item_id).map(|j| shares(then[j].counts, n_then));
            ChangeRow { name: theme_label(&page.tr, &themes[i]), then: earlier, now: shares(now[i].counts, n_now) }
        })
        .collect();
    let names = colours(state.shipped.apv.get(page.lang), ctx.round.variant);
    let names = Colour::ALL.map(|c| colour_text(names, c).name.as_str());
    // Both maps in the current order, bars as shares (of 100), so groups of different size compare.
    let chart = |pick: &dyn Fn(&ChangeRow) -> [u32; 3]| {
        let bars: Vec<Row> = rows.iter().map(|r| Row { name: &r.name, counts: pick(r) }).collect();
        colour_map(&bars, 100, names)
    };
    Ok(Some(ChangeSection {
        started_then: page.date_time(&before.round.created_at),
        chart_then: chart(&|r| r.then.unwrap_or([0; 3])),
        chart_now: chart(&|r| r.now),
        rows,
    }))
}
