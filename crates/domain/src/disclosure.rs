//! Which slices of an anonymous overview may be shown to someone outside the
//! groups that answered. One place for the rule, shared by every overview
//! (APV colour map, the organisation's plan, participation).
//!
//! A slice is the set of respondents behind one figure: a group, a unit, a
//! campaign, or any of them narrowed by a filter. A reader who can obtain
//! several slices can add and subtract their figures, and comparing only
//! nested pairs is not enough: a group, a unit crossing it and the whole give
//! `group + unit − whole` = the leaders in both, possibly one. What any
//! combination of counts can reveal is at most the figures of the *common
//! refinement* of the shown slices: the respondents grouped by which shown
//! slices hold them (their signature), one block per signature. So:
//!
//! - each shown slice holds at least its own least size (`mins`), and
//! - every block of the common refinement holds at least `min_remainder`.
//!
//! When a block is too small a slice is hidden: the smallest one whose
//! hiding merges the block into a neighbouring block (or takes it out of
//! view), never a total when a smaller slice cutting into it would do; if no
//! single slice merges it, the smallest slice holding or cutting into it.
//! Then the check runs again. Every round hides at least one slice, so the
//! loop ends; blocks are found by hashing signatures, never by comparing
//! pairs of slices, so thousands of slices decide in milliseconds.

use std::collections::HashMap;

/// The respondents behind one slice, as indices chosen by the caller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Respondents(Vec<u32>);

impl Respondents {
    pub fn new(mut ids: Vec<u32>) -> Self {
        ids.sort_unstable();
        ids.dedup();
        Self(ids)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn ids(&self) -> &[u32] {
        &self.0
    }

    /// `self ⊆ other`, both sorted.
    pub fn is_subset_of(&self, other: &Respondents) -> bool {
        if self.len() > other.len() {
            return false;
        }
        let mut theirs = other.0.iter();
        self.0.iter().all(|id| theirs.by_ref().any(|o| o == id))
    }
}

impl FromIterator<u32> for Respondents {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> Self {
        Self::new(iter.into_iter().collect())
    }
}

/// For each slice, whether it may be shown when all shown slices are visible
/// together to the same reader.
pub fn shown(slices: &[Respondents], min: u32) -> Vec<bool> {
    shown_each(slices, &vec![min; slices.len()], min)
}

/// As [`shown`], with each slice's own least size (a slice cut by combined
/// filters needs more, see `AnonymityRule::min_for_filtered_counts`); every
/// block of the common refinement needs `min_remainder`.
pub fn shown_each(slices: &[Respondents], mins: &[u32], min_remainder: u32) -> Vec<bool> {
    assert_eq!(slices.len(), mins.len(), "one least size per slice");
    let min = min_remainder as usize;
    let mut show: Vec<bool> = slices.iter().zip(mins).map(|(s, &m)| s.len() >= m as usize).collect();
    let atoms = atoms(slices, &show);
    // Ties go to the lower index, so a tie is broken the same way on every load.
    let size = |s: u32| (slices[s as usize].len(), s);
    loop {
        let blocks = Blocks::of(&atoms, &show);
        let mut small: Vec<(&Vec<u32>, usize)> = blocks.count.iter().filter(|(_, n)| **n < min).map(|(s, &n)| (s, n)).collect();
        if small.is_empty() {
            return show;
        }
        small.sort_unstable_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
        // Several small blocks are mended per round, but a block whose
        // neighbourhood a hiding this round has already changed waits for the
        // next round, so each choice is made on the picture it mends.
        let mut hidden_now: Vec<u32> = Vec::new();
        for (signature, _) in small {
            let merging = blocks.merging.get(signature).map(Vec::as_slice).unwrap_or_default();
            let touched = |s: &u32| hidden_now.contains(s);
            if signature.iter().any(touched) || merging.iter().any(touched) {
                continue;
            }
            let choice = match merging.iter().copied().min_by_key(|&s| size(s)) {
                Some(only) if signature == &[only] => {
                    // Taking a total out of view would do, but hiding a
                    // smaller slice that cuts into it keeps more shown.
                    let cutter = blocks.cutters(signature).min_by_key(|&s| size(s));
                    cutter.filter(|&c| size(c) < size(only)).unwrap_or(only)
                }
                Some(merge) => merge,
                None => signature.iter().copied().chain(blocks.cutters(signature)).min_by_key(|&s| size(s)).expect("a block lies in a shown slice"),
            };
            if touched(&choice) {
                continue;
            }
            show[choice as usize] = false;
            hidden_now.push(choice);
        }
    }
}

/// For a set of shown slices, the sizes of the blocks of their common
/// refinement: respondents in the same shown slices form one block.
/// Respondents in no shown slice are not in view and form no block.
pub fn refinement(slices: &[Respondents], show: &[bool]) -> Vec<usize> {
    let atoms = atoms(slices, show);
    let mut sizes: Vec<usize> = Blocks::of(&atoms, show).count.into_values().collect();
    sizes.sort_unstable();
    sizes
}

/// Respondents in the same slices (of those that may show at all), counted
/// once: every later round only narrows these signatures.
fn atoms(slices: &[Respondents], show: &[bool]) -> Vec<(Vec<u32>, usize)> {
    let mut holding: HashMap<u32, Vec<u32>> = HashMap::new();
    for (index, slice) in slices.iter().enumerate().filter(|(i, _)| show[*i]) {
        for &id in slice.ids() {
            holding.entry(id).or_default().push(index as u32);
        }
    }
    let mut atoms: HashMap<Vec<u32>, usize> = HashMap::new();
    for signature in holding.into_values() {
        *atoms.entry(signature).or_default() += 1;
    }
    atoms.into_iter().collect()
}

/// The common refinement of the shown slices.
struct Blocks {
    /// Respondents per signature (the sorted shown slices holding them).
    count: HashMap<Vec<u32>, usize>,
    /// Per signature, the slices whose hiding merges its block into a
    /// neighbour (signatures one slice apart) or, for a block in one slice
    /// only, takes it out of view.
    merging: HashMap<Vec<u32>, Vec<u32>>,
    /// Per slice, the signatures holding it.
    by_slice: HashMap<u32, Vec<Vec<u32>>>,
}

impl Blocks {
    fn of(atoms: &[(Vec<u32>, usize)], show: &[bool]) -> Blocks {
        let mut count: HashMap<Vec<u32>, usize> = HashMap::new();
        for (signature, n) in atoms {
            let visible: Vec<u32> = signature.iter().copied().filter(|&s| show[s as usize]).collect();
            if !visible.is_empty() {
                *count.entry(visible).or_default() += n;
            }
        }
        let mut merging: HashMap<Vec<u32>, Vec<u32>> = HashMap::new();
        let mut by_slice: HashMap<u32, Vec<Vec<u32>>> = HashMap::new();
        for signature in count.keys() {
            for (i, &slice) in signature.iter().enumerate() {
                by_slice.entry(slice).or_default().push(signature.clone());
                let mut without = signature.clone();
                without.remove(i);
                if without.is_empty() {
                    merging.entry(signature.clone()).or_default().push(slice);
                } else if count.contains_key(&without) {
                    merging.entry(signature.clone()).or_default().push(slice);
                    merging.entry(without).or_default().push(slice);
                }
            }
        }
        Blocks { count, merging, by_slice }
    }

    /// The shown slices outside `signature` that cut into the respondents
    /// of all its slices.
    fn cutters<'a>(&'a self, signature: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
        let rarest = signature.iter().filter_map(|s| self.by_slice.get(s)).min_by_key(|b| b.len());
        rarest
            .into_iter()
            .flatten()
            .filter(move |other| other.len() > signature.len() && is_sorted_subset(signature, other))
            .flat_map(move |other| other.iter().copied().filter(move |s| signature.binary_search(s).is_err()))
    }
}

fn is_sorted_subset(small: &[u32], large: &[u32]) -> bool {
    let mut theirs = large.iter();
    small.iter().all(|id| theirs.by_ref().any(|o| o == id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn r(ids: &[u32]) -> Respondents {
        Respondents::new(ids.to_vec())
    }

    #[test]
    fn a_small_slice_is_hidden_and_a_large_one_shown() {
        assert_eq!(shown(&[r(&[1, 2, 3, 4, 5]), r(&[6, 7])], 5), vec![true, false]);
    }

    #[test]
    fn a_part_that_leaves_too_few_outside_is_hidden() {
        // 6 in the unit, 5 of them in one group: showing both reveals the sixth.
        let unit = r(&[1, 2, 3, 4, 5, 6]);
        let group = r(&[1, 2, 3, 4, 5]);
        assert_eq!(shown(&[unit, group], 5), vec![true, false]);
    }

    #[test]
    fn parts_that_together_leave_one_outside_are_thinned_until_safe() {
        // 11 in the organisation, two groups of 5: the eleventh would show.
        let org = Respondents::from_iter(1..=11);
        let a = Respondents::from_iter(1..=5);
        let b = Respondents::from_iter(6..=10);
        assert_eq!(shown(&[org, a, b], 5), vec![true, false, true]);
    }

    #[test]
    fn a_filter_equal_to_its_total_reveals_nothing() {
        let all = Respondents::from_iter(1..=5);
        assert_eq!(shown(&[all.clone(), all], 5), vec![true, true]);
    }

    #[test]
    fn a_small_unit_goes_rather_than_the_large_group_crossing_it() {
        // The unit's sixth leader is in no group inside it: hiding the unit
        // (6) mends that block, and is cheaper than hiding the group (26).
        let unit = Respondents::from_iter(1..=6);
        let group = Respondents::from_iter((1..=5).chain(100..121));
        assert_eq!(shown(&[unit, group], 5), vec![false, true]);
    }

    #[test]
    fn crossing_slices_that_nest_in_no_pair_are_still_checked() {
        // The case: 20 leaders in two units of ten, whose groups
        // cross the units by one leader each. No two views nest, yet unit 1 +
        // group 2 − all = the one leader of group 2 in unit 1.
        let all = Respondents::from_iter(0..20);
        let unit1 = Respondents::from_iter(0..10);
        let unit2 = Respondents::from_iter(10..20);
        let group1 = Respondents::from_iter((0..9).chain([10]));
        let group2 = Respondents::from_iter([9].into_iter().chain(11..20));
        let slices = [all, unit1, unit2, group1, group2];
        assert_eq!(refinement(&slices, &[true; 5]), vec![1, 1, 9, 9], "the attack the old rule allowed");
        let show = shown(&slices, 5);
        assert!(show[0], "the whole stays");
        assert_eq!(show.iter().filter(|s| **s).count(), 3, "one pair of crossing views goes: {show:?}");
        assert!(refinement(&slices, &show).iter().all(|&n| n >= 5));
    }

    #[test]
    fn three_views_meeting_in_one_leader_are_thinned() {
        // Each pair shares only leader 0: no single hiding merges that block.
        let a = Respondents::from_iter([0, 1, 2, 3, 4]);
        let b = Respondents::from_iter([0, 5, 6, 7, 8]);
        let c = Respondents::from_iter([0, 9, 10, 11, 12]);
        let slices = [a, b, c];
        let show = shown(&slices, 5);
        assert!(refinement(&slices, &show).iter().all(|&n| n >= 5), "{show:?}");
        assert!(show.iter().any(|s| *s));
    }

    #[test]
    fn the_refinement_counts_each_respondent_once_in_view() {
        let slices = [r(&[1, 2, 3]), r(&[3, 4]), r(&[9])];
        assert_eq!(refinement(&slices, &[true, true, false]), vec![1, 1, 2]);
    }

    #[test]
    fn subsets_are_recognised() {
        assert!(r(&[2, 4]).is_subset_of(&r(&[1, 2, 3, 4])));
        assert!(!r(&[2, 5]).is_subset_of(&r(&[1, 2, 3, 4])));
        assert!(r(&[]).is_subset_of(&r(&[1])));
    }

    /// The blocks of the shown slices' common refinement, counted the plain
    /// way: per respondent, the list of shown slices holding it.
    fn blocks_by_hand(slices: &[Respondents], show: &[bool]) -> Vec<usize> {
        let everyone: std::collections::BTreeSet<u32> = slices.iter().flat_map(|s| s.ids().iter().copied()).collect();
        let mut blocks: std::collections::BTreeMap<Vec<usize>, usize> = Default::default();
        for id in everyone {
            let signature: Vec<usize> = (0..slices.len()).filter(|&s| show[s] && slices[s].ids().contains(&id)).collect();
            if !signature.is_empty() {
                *blocks.entry(signature).or_default() += 1;
            }
        }
        blocks.into_values().collect()
    }

    /// Organisations as they are: units of people, groups whose members
    /// cross units, and filters (bit masks over an attribute such as a
    /// question's answer) applied to groups, units and the whole.
    fn slices_strategy() -> impl Strategy<Value = (Vec<Respondents>, Vec<u32>, u32)> {
        (
            1usize..80,
            3u32..8,
            prop::collection::vec((0u8..6, 0u8..5, 0u8..4), 80),
            prop::collection::vec((0u8..12, 0u8..16), 0..10),
        )
            .prop_map(|(people, k, attrs, filters)| {
                let attrs = &attrs[..people];
                let everyone = 0..people as u32;
                let mut slices = vec![Respondents::from_iter(everyone.clone())];
                let mut mins = vec![k];
                for group in 0..6u8 {
                    slices.push(everyone.clone().filter(|&i| attrs[i as usize].0 == group).collect());
                    mins.push(k);
                }
                for unit in 0..5u8 {
                    slices.push(everyone.clone().filter(|&i| attrs[i as usize].1 == unit).collect());
                    mins.push(k);
                }
                // Filter 0..6 narrows a group, 6..11 a unit, 11 the whole.
                for (within, mask) in filters {
                    slices.push(
                        everyone
                            .clone()
                            .filter(|&i| {
                                let (g, u, level) = attrs[i as usize];
                                let inside = match within {
                                    0..6 => g == within,
                                    6..11 => u == within - 6,
                                    _ => true,
                                };
                                inside && mask & (1 << level) != 0
                            })
                            .collect(),
                    );
                    mins.push(if within < 11 { 2 * k } else { k });
                }
                (slices, mins, k)
            })
    }

    proptest! {
        /// The whole rule: every shown slice meets its own least size, and
        /// every block of the shown slices' common refinement holds k.
        #[test]
        fn no_combination_of_shown_slices_singles_anyone_out((slices, mins, k) in slices_strategy()) {
            let show = shown_each(&slices, &mins, k);
            for (s, slice) in slices.iter().enumerate().filter(|(s, _)| show[*s]) {
                prop_assert!(slice.len() >= mins[s] as usize, "slice {} of {} shows", s, slice.len());
            }
            let blocks = blocks_by_hand(&slices, &show);
            prop_assert!(blocks.iter().all(|&n| n >= k as usize), "blocks {:?}", blocks);
            let mut fast = refinement(&slices, &show);
            let mut plain = blocks;
            fast.sort_unstable();
            plain.sort_unstable();
            prop_assert_eq!(fast, plain);
        }

        #[test]
        fn the_whole_is_shown_whenever_it_is_large_enough((slices, mins, k) in slices_strategy()) {
            let show = shown_each(&slices, &mins, k);
            prop_assert_eq!(show[0], slices[0].len() >= k as usize);
        }

        /// Nothing that may show by the rule is hidden for nothing: a slice
        /// large enough in an overview where every block already holds k
        /// stays shown.
        #[test]
        fn a_safe_overview_is_left_alone((slices, mins, k) in slices_strategy()) {
            let big: Vec<bool> = slices.iter().zip(&mins).map(|(s, &m)| s.len() >= m as usize).collect();
            if refinement(&slices, &big).iter().all(|&n| n >= k as usize) {
                prop_assert_eq!(shown_each(&slices, &mins, k), big);
            }
        }
    }
}
