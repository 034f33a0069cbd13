//! Which slices of an anonymous overview may be shown to someone outside the
//! groups that answered. One place for the rule, shared by every overview
//! (APV colour map, the organisation's plan, participation).
//!
//! A slice is the set of respondents behind one figure: a group, a unit, a
//! campaign, or any of them narrowed by a filter. A slice is shown only when
//! it rests on at least `min` respondents, and only when no other shown slice
//! lets a reader work out a smaller set by subtraction:
//!
//! - nested pairs: if `a ⊂ b` are both shown, `b \ a` is revealed, so it must
//!   be empty or hold at least `min`;
//! - a total and its parts: if `t` is shown together with parts inside it,
//!   what is left of `t` outside all of them is revealed the same way.
//!
//! When a rule is broken the smallest slice involved is hidden, never the
//! larger total, and the check runs again until nothing is broken. Hiding only
//! ever removes figures, so the loop ends.

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

    /// How many of `self` are in none of `parts`.
    #[cfg(test)]
    fn left_outside(&self, parts: &[&Respondents]) -> usize {
        self.0.iter().filter(|id| !parts.iter().any(|p| p.0.binary_search(id).is_ok())).count()
    }
}

impl FromIterator<u32> for Respondents {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> Self {
        Self::new(iter.into_iter().collect())
    }
}

/// A revealed remainder is harmless when it is empty or large enough.
fn safe(count: usize, min: usize) -> bool {
    count == 0 || count >= min
}

/// For each slice, whether it may be shown when all shown slices are visible
/// together to the same reader.
pub fn shown(slices: &[Respondents], min: u32) -> Vec<bool> {
    shown_each(slices, &vec![min; slices.len()], min)
}

/// As [`shown`], with each slice's own least size (a slice cut by combined
/// filters needs more, see `AnonymityRule::min_for_filtered_counts`); any
/// remainder revealed by subtraction needs `min_remainder`.
pub fn shown_each(slices: &[Respondents], mins: &[u32], min_remainder: u32) -> Vec<bool> {
    assert_eq!(slices.len(), mins.len(), "one least size per slice");
    let min = min_remainder as usize;
    let mut show: Vec<bool> = slices.iter().zip(mins).map(|(s, &m)| s.len() >= m as usize).collect();
    let parts = strict_subsets(slices);
    let mut scratch = Scratch::default();
    loop {
        let Some(hide) = first_breach(slices, &parts, &show, min, &mut scratch) else {
            return show;
        };
        show[hide] = false;
    }
}

/// For each slice `t`, the slices strictly inside it (equal sets reveal
/// nothing). A part shares its first respondent with every slice around it,
/// so only the slices holding that respondent are candidates: this keeps an
/// overview of thousands of groups far from comparing every pair.
fn strict_subsets(slices: &[Respondents]) -> Vec<Vec<usize>> {
    let mut holding: std::collections::HashMap<u32, Vec<usize>> = std::collections::HashMap::new();
    for (index, slice) in slices.iter().enumerate() {
        for &id in slice.ids() {
            holding.entry(id).or_default().push(index);
        }
    }
    let mut parts = vec![Vec::new(); slices.len()];
    for (p, part) in slices.iter().enumerate() {
        let Some(first) = part.ids().first() else { continue };
        for &t in &holding[first] {
            let total = &slices[t];
            if t != p && part.len() < total.len() && part.ids().iter().all(|id| total.ids().binary_search(id).is_ok()) {
                parts[t].push(p);
            }
        }
    }
    parts
}

/// Reused marks for counting what of a total lies outside its shown parts.
#[derive(Default)]
struct Scratch {
    marked: std::collections::HashSet<u32>,
}

/// The slice to hide for the first broken rule, if any.
fn first_breach(slices: &[Respondents], parts: &[Vec<usize>], show: &[bool], min: usize, scratch: &mut Scratch) -> Option<usize> {
    for (t, total) in slices.iter().enumerate() {
        if !show[t] {
            continue;
        }
        let visible: Vec<usize> = parts[t].iter().copied().filter(|&p| show[p]).collect();
        if visible.is_empty() {
            continue;
        }
        // Nested pairs.
        if let Some(&p) = visible.iter().find(|&&p| !safe(total.len() - slices[p].len(), min)) {
            return Some(p);
        }
        // The total against all its shown parts at once.
        scratch.marked.clear();
        scratch.marked.extend(visible.iter().flat_map(|&p| slices[p].ids().iter().copied()));
        let outside = total.len() - scratch.marked.len();
        if !safe(outside, min) {
            return visible.into_iter().min_by_key(|&p| (slices[p].len(), p));
        }
    }
    None
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
    fn subsets_are_recognised() {
        assert!(r(&[2, 4]).is_subset_of(&r(&[1, 2, 3, 4])));
        assert!(!r(&[2, 5]).is_subset_of(&r(&[1, 2, 3, 4])));
        assert!(r(&[]).is_subset_of(&r(&[1])));
    }

    /// Slices made the way overviews make them: groups, and filters (bit
    /// masks over an attribute) applied to groups and to the whole.
    fn slices_strategy() -> impl Strategy<Value = (Vec<Respondents>, u32)> {
        (1usize..60, 3u32..8, prop::collection::vec((0u8..6, 0u8..4), 60), prop::collection::vec((0u8..7, 0u8..16), 1..12))
            .prop_map(|(people, k, attrs, filters)| {
                let attrs = &attrs[..people];
                let mut slices = vec![Respondents::from_iter(0..people as u32)];
                for group in 0..6u8 {
                    slices.push((0..people as u32).filter(|&i| attrs[i as usize].0 == group).collect());
                }
                for (group, mask) in filters {
                    slices.push(
                        (0..people as u32)
                            .filter(|&i| {
                                let (g, level) = attrs[i as usize];
                                (group == 6 || g == group) && mask & (1 << level) != 0
                            })
                            .collect(),
                    );
                }
                (slices, k)
            })
    }

    proptest! {
        #[test]
        fn no_shown_figure_or_difference_rests_on_fewer_than_min((slices, k) in slices_strategy()) {
            let show = shown(&slices, k);
            let min = k as usize;
            for (t, total) in slices.iter().enumerate().filter(|(t, _)| show[*t]) {
                prop_assert!(total.len() >= min);
                let mut inside = Vec::new();
                for (_, part) in slices.iter().enumerate().filter(|(p, _)| show[*p] && *p != t) {
                    if part.len() < total.len() && part.is_subset_of(total) {
                        prop_assert!(safe(total.len() - part.len(), min), "a difference of {} shows", total.len() - part.len());
                        inside.push(part);
                    }
                }
                if !inside.is_empty() {
                    prop_assert!(safe(total.left_outside(&inside), min));
                }
            }
        }

        #[test]
        fn the_whole_is_shown_whenever_it_is_large_enough((slices, k) in slices_strategy()) {
            let show = shown(&slices, k);
            prop_assert_eq!(show[0], slices[0].len() >= k as usize);
        }
    }
}
