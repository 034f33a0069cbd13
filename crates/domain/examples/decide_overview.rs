//! Times `Disclosure::decide` for a campaign's every view, with groups that
//! cross units (the case the common refinement is for). Figures go to
//! `docs/performance.md`: `cargo run --release -p domain --example decide_overview`.

use domain::anonymity::AnonymityRule;
use domain::apv::overview::{Disclosure, Filter, Respondent};

fn main() {
    // (leaders, every how many-th leader sits outside the group's unit; 0 = none)
    for (leaders, cross) in [(10_000u32, 0u32), (10_000, 10), (10_000, 3), (50_000, 10)] {
        let units = leaders / 100;
        let respondents: Vec<Respondent> = (0..leaders)
            .map(|i| {
                let group = i / 10;
                let home = group % units;
                let unit = if cross > 0 && i % cross == 0 { (home * 7 + 3) % units } else { home };
                Respondent { group, units: vec![unit, units + unit % 10] }
            })
            .collect();
        let started = std::time::Instant::now();
        let d = Disclosure::decide(&respondents, &AnonymityRule::default());
        let took = started.elapsed();
        let groups_shown = (0..leaders / 10).filter(|&g| d.verdict(Filter { unit: None, group: Some(g) }).is_ok()).count();
        let units_shown = (0..units).filter(|&u| d.verdict(Filter { unit: Some(u), group: None }).is_ok()).count();
        println!(
            "{leaders} leaders, 1 in {cross} elsewhere: {took:.1?}; shown {groups_shown} of {} groups, {units_shown} of {units} units",
            leaders / 10
        );
    }
}
