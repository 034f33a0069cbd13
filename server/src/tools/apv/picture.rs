//! The round's picture as one viewer may see it, in one place for the
//! meeting page and the report: the group's rule (`domain::apv::picture`),
//! and for a campaign round seen from outside the group, the campaign
//! overview's verdict too, so no page shows what the overview hides.

use super::store::{self, RoundTheme};
use super::RoundContext;
use crate::auth::Member;
use crate::error::AppResult;
use crate::org::audit;
use crate::state::AppState;
use domain::anonymity::Audience;
use domain::apv::overview::Withheld;
use domain::apv::{picture, Picture, ThemeTally};
use domain::promise::Seat;
use std::collections::HashMap;

pub enum Seen {
    /// Per theme in `themes` order; keywords only at the free-text threshold.
    Shown { tallies: Vec<ThemeTally>, keywords_shown: bool },
    Withheld { respondents: u32, needed: u32 },
    UntilClosed,
    /// Inside the group, before its leader has shown it to everyone.
    UntilRevealed,
    /// Large enough, but the campaign's overview hides it (differencing).
    Differencing,
    /// Deleted after the organisation's retention period.
    AnswersDeleted,
}

/// HR reading a group's picture from outside is written to the audit log
/// here, so every page that shows it (meeting, print, the change since last
/// round) is logged the same way.
pub async fn seen(state: &AppState, me: &Member, ctx: &RoundContext, themes: &[RoundTheme]) -> AppResult<Seen> {
    // A campaign's rounds share the campaign's thresholds, fixed when it started.
    let (org, db, rule) = (me.org(), &state.db, ctx.kept.promise.rule);
    let audience = ctx.kept.seat.audience();
    if let (Some(campaign), Audience::Outside, false) = (&ctx.round.campaign_id, audience, ctx.round.open) {
        match super::overview::group_verdict(state, org, campaign, &ctx.group.id, &rule).await? {
            Err(Withheld::TooFew { respondents, needed }) => return Ok(Seen::Withheld { respondents, needed }),
            Err(Withheld::Differencing) => return Ok(Seen::Differencing),
            Ok(_) => {}
        }
    }
    let index: HashMap<&str, usize> = themes.iter().enumerate().map(|(i, t)| (t.revision_id.as_str(), i)).collect();
    let answers = store::handed_in(db, org, &ctx.round.id).await?;
    let marks = answers.into_iter().filter_map(|(rev, mark)| Some((*index.get(rev.as_str())?, mark)));
    let respondents = u32::try_from(ctx.round.respondents).unwrap_or(0);
    let stage = ctx.kept.stage(ctx.round.open);
    Ok(match picture(themes.len(), marks, respondents, stage, &rule, audience, ctx.round.id.as_str()) {
        Picture::Shown { themes, keywords_shown } => {
            if ctx.kept.seat == Seat::Outsider {
                let mut conn = db.pool.acquire().await?;
                let day = ctx.round.created_at.get(..10).unwrap_or(&ctx.round.created_at);
                let target = format!("{} ({day})", ctx.group.name);
                audit::record(&mut conn, org, audit::Actor { person: Some(me.person()), name: &me.m.name }, "apv-picture-read", &target, state.clock.now())
                    .await?;
            }
            Seen::Shown { tallies: themes, keywords_shown }
        }
        Picture::Withheld { respondents, needed } => Seen::Withheld { respondents, needed },
        Picture::UntilClosed => Seen::UntilClosed,
        Picture::UntilRevealed => Seen::UntilRevealed,
        Picture::AnswersDeleted => Seen::AnswersDeleted,
    })
}
