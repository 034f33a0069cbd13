//! What the leader APV tells the plan: the newest campaign's picture for
//! the whole organisation, theme by theme (most red first), as the
//! campaign's own overview decides it (`apv::overview`, the campaign's
//! k and the differencing rule), so the plan never shows what the overview
//! withholds. The colour map and the trend are one link away.

use crate::auth::Member;
use crate::error::AppResult;
use crate::state::AppState;
use crate::tools::apv::campaigns::theme_label;
use crate::tools::apv::pages::{colour_text, colours};
use crate::tools::apv::store;
use crate::web::Page;
use domain::apv::overview::{percent, Withheld};
use domain::apv::{by_urgency, Colour, ThemeTally};

pub struct ApvSummary {
    pub campaign_id: String,
    pub title: String,
    /// The three colours' names in the campaign's variant.
    pub colours: [String; 3],
    pub shown: Result<(u32, Vec<(String, [String; 3])>), String>,
}

pub async fn newest(state: &AppState, page: &Page, me: &Member) -> AppResult<Option<ApvSummary>> {
    let (db, org) = (&state.db, me.org());
    let Some(campaign) = store::campaigns(db, org).await?.into_iter().next() else { return Ok(None) };
    let figures = state.apv_figures.get(db, org, &campaign.id, &campaign.rule).await?;
    let names = colours(state.shipped.apv.get(page.lang), campaign.variant);
    let shown = match figures.view(figures.filter(None, None)) {
        Ok(view) => {
            let tallies: Vec<ThemeTally> = view.counts.iter().map(|c| ThemeTally { counts: *c, ..Default::default() }).collect();
            let rows = by_urgency(&tallies)
                .into_iter()
                .map(|i| {
                    let share = view.counts[i].map(|n| page.t1("apv-percent", "value", percent(n, view.respondents).unwrap_or(0)));
                    (theme_label(page, &figures.themes[i]), share)
                })
                .collect();
            Ok((view.respondents, rows))
        }
        Err(Withheld::TooFew { needed, .. }) => Err(page.t1("plan-apv-too-few", "k", needed)),
        Err(Withheld::Differencing) => Err(page.t("plan-apv-too-few-plain")),
    };
    Ok(Some(ApvSummary {
        campaign_id: campaign.id.to_string(),
        title: campaign.title,
        colours: Colour::ALL.map(|c| colour_text(names, c).name.clone()),
        shown,
    }))
}
