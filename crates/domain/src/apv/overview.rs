//! HR's colour map of a campaign across groups: per theme how many leaders
//! marked each colour, for the whole campaign or narrowed by unit, by group
//! or both.
//!
//! Every view a reader can choose is a slice of the campaign's respondents.
//! All of them are decided together by `disclosure`, so no combination of
//! views can be set against each other to single out a leader: a slice shows
//! from `k` respondents (twice `k` when a unit and a group filter combine),
//! and every block of the shown views' common refinement holds `k`.
//! A respondent's unit is the one the leader had when the round closed
//! (the caller reads it so), so a later move changes no view.

use crate::anonymity::{AnonymityRule, Audience};
use crate::disclosure::{self, Respondents};
use std::collections::HashMap;

/// One handed-in Skema 1 in a closed round of the campaign, with the group
/// and unit the leader had when the round closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Respondent {
    pub group: u32,
    /// The leader's unit and every unit above it; empty without a unit.
    pub units: Vec<u32>,
}

/// What a reader narrows the map to; `None` is "all".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub unit: Option<u32>,
    pub group: Option<u32>,
}

impl Filter {
    /// How many filters are combined.
    pub fn count(&self) -> usize {
        usize::from(self.unit.is_some()) + usize::from(self.group.is_some())
    }

    pub fn matches(&self, r: &Respondent) -> bool {
        self.holds(r.group, &r.units)
    }

    /// Whether a leader of `group` in `units` (a unit and those above it) is in view.
    fn holds(&self, group: u32, units: &[u32]) -> bool {
        self.group.is_none_or(|g| g == group) && self.unit.is_none_or(|u| units.contains(&u))
    }

    /// Every filter that holds `r`.
    fn all_holding(r: &Respondent) -> impl Iterator<Item = Filter> + '_ {
        let units = std::iter::once(None).chain(r.units.iter().copied().map(Some));
        units.flat_map(move |unit| [Filter { unit, group: None }, Filter { unit, group: Some(r.group) }])
    }
}

/// Which filters may be shown to a reader outside the groups.
#[derive(Debug)]
pub struct Disclosure {
    decided: HashMap<Filter, Slice>,
    rule: AnonymityRule,
}

/// One view's size and verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slice {
    pub respondents: u32,
    pub shown: bool,
}

/// Why a view is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withheld {
    /// Fewer respondents than `needed`.
    TooFew { respondents: u32, needed: u32 },
    /// Large enough, but together with another view it would single someone out.
    Differencing,
}

impl Disclosure {
    /// Decides every view of `respondents` at once.
    pub fn decide(respondents: &[Respondent], rule: &AnonymityRule) -> Disclosure {
        let mut members: HashMap<Filter, Vec<u32>> = HashMap::new();
        for (index, r) in respondents.iter().enumerate() {
            for filter in Filter::all_holding(r) {
                members.entry(filter).or_default().push(index as u32);
            }
        }
        // A fixed order, so a tie in what to hide is broken the same way on every load.
        let mut filters: Vec<Filter> = members.keys().copied().collect();
        filters.sort_by_key(|f| (f.unit, f.group));
        let slices: Vec<Respondents> = filters.iter().map(|f| Respondents::new(members.remove(f).unwrap_or_default())).collect();
        let mins: Vec<u32> = filters.iter().map(|f| rule.min_for_filtered_counts(Audience::Outside, f.count())).collect();
        let shown = disclosure::shown_each(&slices, &mins, rule.k);
        let decided = filters
            .into_iter()
            .zip(slices.iter().zip(shown))
            .map(|(f, (s, shown))| (f, Slice { respondents: s.len() as u32, shown }))
            .collect();
        Disclosure { decided, rule: *rule }
    }

    pub fn slice(&self, filter: Filter) -> Slice {
        self.decided.get(&filter).copied().unwrap_or(Slice { respondents: 0, shown: false })
    }

    /// `Ok` when the view may be shown, else why not.
    pub fn verdict(&self, filter: Filter) -> Result<u32, Withheld> {
        let slice = self.slice(filter);
        let needed = self.rule.min_for_filtered_counts(Audience::Outside, filter.count());
        match slice {
            Slice { respondents, shown: true } => Ok(respondents),
            Slice { respondents, .. } if respondents < needed => Err(Withheld::TooFew { respondents, needed }),
            _ => Err(Withheld::Differencing),
        }
    }
}

/// Counts per colour for one theme, from the leaders in one group and unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub group: u32,
    /// The leaders' unit and every unit above it.
    pub units: Vec<u32>,
    pub theme: u32,
    pub counts: [u32; 3],
}

/// Per theme (by index below `themes`), the counts per colour in `filter`'s view.
pub fn tally(cells: &[Cell], themes: usize, filter: Filter) -> Vec<[u32; 3]> {
    let mut out = vec![[0u32; 3]; themes];
    for cell in cells.iter().filter(|c| filter.holds(c.group, &c.units)) {
        if let Some(theme) = out.get_mut(cell.theme as usize) {
            for (sum, n) in theme.iter_mut().zip(cell.counts) {
                *sum += n;
            }
        }
    }
    out
}

/// The share of `part` in `whole`, in whole percent.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| ((u64::from(part) * 100 + u64::from(whole) / 2) / u64::from(whole)) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rule(k: u32) -> AnonymityRule {
        AnonymityRule::new(k, k.max(8)).unwrap()
    }

    fn leaders(group: u32, units: &[u32], n: usize) -> Vec<Respondent> {
        vec![Respondent { group, units: units.to_vec() }; n]
    }

    #[test]
    fn a_group_that_leaves_too_few_in_its_unit_is_hidden_not_the_unit() {
        // Nord holds Alfa (6) and Cirkel (3); Bravo (6) is Syd.
        let mut all = leaders(0, &[1], 6);
        all.extend(leaders(2, &[1], 3));
        all.extend(leaders(1, &[2], 6));
        let d = Disclosure::decide(&all, &rule(5));
        assert_eq!(d.verdict(Filter::default()), Ok(15));
        assert_eq!(d.verdict(Filter { unit: Some(1), group: None }), Ok(9));
        assert_eq!(d.verdict(Filter { unit: Some(2), group: None }), Ok(6));
        assert_eq!(d.verdict(Filter { unit: None, group: Some(1) }), Ok(6));
        assert_eq!(d.verdict(Filter { unit: None, group: Some(0) }), Err(Withheld::Differencing));
        assert_eq!(d.verdict(Filter { unit: None, group: Some(2) }), Err(Withheld::TooFew { respondents: 3, needed: 5 }));
    }

    /// The attack: Alfa's leader Lis sits in Syd with Cirkel, away
    /// from her group's unit. No shown view nests in another with a small
    /// difference, yet Alfa + Bravo + Syd − all = Lis.
    fn one_leader_outside_her_groups_unit() -> Vec<Respondent> {
        let mut all = leaders(0, &[1], 5);
        all.extend(leaders(0, &[2], 1));
        all.extend(leaders(1, &[1], 5));
        all.extend(leaders(2, &[2], 5));
        all
    }

    #[test]
    fn four_views_cannot_be_combined_to_single_out_one_leader() {
        let all = one_leader_outside_her_groups_unit();
        let d = Disclosure::decide(&all, &rule(5));
        let four = [Filter::default(), Filter { unit: None, group: Some(0) }, Filter { unit: None, group: Some(1) }, Filter { unit: Some(2), group: None }];
        let shown: Vec<Filter> = four.into_iter().filter(|f| d.verdict(*f).is_ok()).collect();
        assert!(shown.len() < 4, "one of the four views is withheld");
        let blocks = refinement_by_hand(&all, &shown);
        assert!(blocks.iter().all(|&n| n >= 5), "{blocks:?} from {shown:?}");
        assert!(d.verdict(Filter::default()).is_ok(), "the whole campaign stays");
    }

    #[test]
    fn twenty_leaders_whose_groups_cross_two_units() {
        // Units 1 and 2 of ten; group 0 is nine of unit 1 and one of unit 2,
        // group 1 the other way round. The old rule showed all five views.
        let mut all = leaders(0, &[1], 9);
        all.extend(leaders(1, &[1], 1));
        all.extend(leaders(0, &[2], 1));
        all.extend(leaders(1, &[2], 9));
        let d = Disclosure::decide(&all, &rule(5));
        let five = [
            Filter::default(),
            Filter { unit: Some(1), group: None },
            Filter { unit: Some(2), group: None },
            Filter { unit: None, group: Some(0) },
            Filter { unit: None, group: Some(1) },
        ];
        assert_eq!(refinement_by_hand(&all, &five), vec![1, 1, 9, 9], "what showing them all would reveal");
        let shown: Vec<Filter> = every_filter(&all).into_iter().filter(|f| d.verdict(*f).is_ok()).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(refinement_by_hand(&all, &shown).iter().all(|&n| n >= 5));
    }

    #[test]
    fn combined_filters_need_twice_k() {
        let all = leaders(0, &[1], 9);
        let d = Disclosure::decide(&all, &rule(5));
        assert_eq!(d.verdict(Filter { unit: None, group: Some(0) }), Ok(9));
        assert_eq!(d.verdict(Filter { unit: Some(1), group: Some(0) }), Err(Withheld::TooFew { respondents: 9, needed: 10 }));
    }

    #[test]
    fn an_unknown_view_is_too_small() {
        let d = Disclosure::decide(&[], &rule(5));
        assert_eq!(d.verdict(Filter { unit: Some(3), group: None }), Err(Withheld::TooFew { respondents: 0, needed: 5 }));
    }

    #[test]
    fn tally_sums_the_cells_in_view() {
        let cells = vec![
            Cell { group: 0, units: vec![1, 0], theme: 0, counts: [2, 1, 0] },
            Cell { group: 1, units: vec![2, 0], theme: 0, counts: [1, 0, 3] },
            Cell { group: 1, units: vec![2, 0], theme: 1, counts: [0, 4, 0] },
        ];
        assert_eq!(tally(&cells, 2, Filter::default()), vec![[3, 1, 3], [0, 4, 0]]);
        assert_eq!(tally(&cells, 2, Filter { unit: Some(2), group: None }), vec![[1, 0, 3], [0, 4, 0]]);
        assert_eq!(tally(&cells, 2, Filter { unit: Some(1), group: Some(1) }), vec![[0, 0, 0], [0, 0, 0]]);
    }

    #[test]
    fn percent_rounds_half_up_and_needs_a_whole() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(1, 2), Some(50));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(0, 0), None);
    }

    /// The blocks of the views' common refinement: leaders counted by the
    /// set of views holding them.
    fn refinement_by_hand(respondents: &[Respondent], views: &[Filter]) -> Vec<usize> {
        let mut blocks: HashMap<Vec<usize>, usize> = HashMap::new();
        for r in respondents {
            let signature: Vec<usize> = (0..views.len()).filter(|&v| views[v].matches(r)).collect();
            if !signature.is_empty() {
                *blocks.entry(signature).or_default() += 1;
            }
        }
        let mut sizes: Vec<usize> = blocks.into_values().collect();
        sizes.sort_unstable();
        sizes
    }

    /// Organisations as they are: a unit tree two levels deep (units 1..=3
    /// under 0, 4..=9 under them), leaders in groups that mostly follow the
    /// units but often cross them (a group's leader elsewhere, a group across
    /// two units), and a threshold.
    fn campaign() -> impl Strategy<Value = (Vec<Respondent>, u32)> {
        let leader = (0u32..8, any::<bool>(), 0u32..6);
        (prop::collection::vec(leader, 0..80), 3u32..7).prop_map(|(people, k)| {
            let respondents = people
                .into_iter()
                .map(|(group, crosses, elsewhere)| {
                    // A group's home unit, or now and then another one.
                    let unit = if crosses { 4 + elsewhere } else { 4 + group % 6 };
                    Respondent { group, units: vec![unit, 1 + unit % 3, 0] }
                })
                .collect();
            (respondents, k)
        })
    }

    fn every_filter(respondents: &[Respondent]) -> Vec<Filter> {
        let mut all: Vec<Filter> = respondents.iter().flat_map(Filter::all_holding).collect();
        all.sort_by_key(|f| (f.unit, f.group));
        all.dedup();
        all
    }

    proptest! {
        /// Whatever views a reader fetches, each shown one rests on k
        /// leaders (2k with combined filters), and every block of their
        /// common refinement, so every sum and difference of them, too.
        #[test]
        fn no_combination_of_views_singles_anyone_out((respondents, k) in campaign()) {
            let rule = rule(k);
            let d = Disclosure::decide(&respondents, &rule);
            let shown: Vec<Filter> = every_filter(&respondents).into_iter().filter(|f| d.verdict(*f).is_ok()).collect();
            let k = k as usize;
            for f in &shown {
                let holding = respondents.iter().filter(|r| f.matches(r)).count();
                prop_assert_eq!(d.verdict(*f), Ok(holding as u32));
                let least = if f.count() == 2 { 2 * k } else { k };
                prop_assert!(holding >= least);
            }
            let blocks = refinement_by_hand(&respondents, &shown);
            prop_assert!(blocks.iter().all(|&n| n >= k), "blocks {:?} of {:?}", blocks, shown);
        }

        #[test]
        fn the_whole_campaign_shows_whenever_it_is_large_enough((respondents, k) in campaign()) {
            let d = Disclosure::decide(&respondents, &rule(k));
            prop_assert_eq!(d.verdict(Filter::default()).is_ok(), respondents.len() >= k as usize);
        }
    }
}
