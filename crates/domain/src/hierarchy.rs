//! Hierarchies that must stay trees: reporting lines (each person's nearest
//! leader) and units (each unit's parent). A change that would make someone
//! their own manager, directly or through others, is refused here, before it
//! reaches the database.

use crate::input::ValidationError;
use std::collections::HashMap;
use std::hash::Hash;

/// True when giving `child` the parent `new_parent` closes a loop, i.e. when
/// `child` is `new_parent` or one of its ancestors. `parent_of` holds the
/// current links; `child`'s own current link does not matter, since it is
/// being replaced. A loop already in the data (which this rule prevents) ends
/// the walk instead of running forever.
pub fn closes_loop<K: Eq + Hash>(child: &K, new_parent: &K, parent_of: &HashMap<K, K>) -> bool {
    let mut current = new_parent;
    for _ in 0..=parent_of.len() {
        if current == child {
            return true;
        }
        match parent_of.get(current) {
            Some(next) => current = next,
            None => return false,
        }
    }
    false
}

/// Checks a person's new nearest leader against the organisation's reporting
/// lines (`leader_of`: person → their nearest leader).
pub fn check_nearest_leader<K: Eq + Hash>(
    person: &K,
    leader: Option<&K>,
    leader_of: &HashMap<K, K>,
) -> Result<(), ValidationError> {
    let Some(leader) = leader else { return Ok(()) };
    if leader == person {
        return Err(ValidationError::new("people-error-leader-self"));
    }
    if closes_loop(person, leader, leader_of) {
        return Err(ValidationError::new("people-error-leader-cycle"));
    }
    Ok(())
}

/// Checks a unit's new parent against the organisation's units (`parent_of`:
/// unit → its parent unit).
pub fn check_parent_unit<K: Eq + Hash>(
    unit: &K,
    parent: Option<&K>,
    parent_of: &HashMap<K, K>,
) -> Result<(), ValidationError> {
    let Some(parent) = parent else { return Ok(()) };
    if parent == unit {
        return Err(ValidationError::new("units-error-parent-self"));
    }
    if closes_loop(unit, parent, parent_of) {
        return Err(ValidationError::new("units-error-parent-cycle"));
    }
    Ok(())
}

/// Everything below `root` (children, their children, …), not `root` itself.
pub fn descendants<K: Eq + Hash + Clone>(root: &K, parent_of: &HashMap<K, K>) -> Vec<K> {
    let mut children: HashMap<&K, Vec<&K>> = HashMap::new();
    for (child, parent) in parent_of {
        children.entry(parent).or_default().push(child);
    }
    let mut found = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        for &child in children.get(node).map(Vec::as_slice).unwrap_or_default() {
            // Guards against a loop already in the data.
            if child != root && !found.contains(child) {
                found.push(child.clone());
                stack.push(child);
            }
        }
    }
    found
}

/// Orders nodes as a tree for display: each node followed by its children,
/// siblings in the given order, with each node's depth (0 for a root). A node
/// whose parent is unknown counts as a root; nodes caught in a loop (which
/// the rules above prevent) are shown last as roots, so nothing disappears.
pub fn tree_order<K: Eq + Hash + Clone>(nodes: &[(K, Option<K>)]) -> Vec<(K, usize)> {
    let known: std::collections::HashSet<&K> = nodes.iter().map(|(id, _)| id).collect();
    let mut children: HashMap<&K, Vec<&K>> = HashMap::new();
    let mut roots = Vec::new();
    for (id, parent) in nodes {
        match parent {
            Some(p) if known.contains(p) && p != id => children.entry(p).or_default().push(id),
            _ => roots.push(id),
        }
    }
    let mut out: Vec<(K, usize)> = Vec::with_capacity(nodes.len());
    let mut placed = std::collections::HashSet::new();
    let visit = |start: &K, out: &mut Vec<(K, usize)>, placed: &mut std::collections::HashSet<K>| {
        let mut stack = vec![(start, 0usize)];
        while let Some((node, depth)) = stack.pop() {
            if !placed.insert(node.clone()) {
                continue;
            }
            out.push((node.clone(), depth));
            for &child in children.get(node).map(Vec::as_slice).unwrap_or_default().iter().rev() {
                stack.push((child, depth + 1));
            }
        }
    };
    for root in roots {
        visit(root, &mut out, &mut placed);
    }
    for (id, _) in nodes {
        if !placed.contains(id) {
            visit(id, &mut out, &mut placed);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(pairs: &[(&'static str, &'static str)]) -> HashMap<&'static str, &'static str> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn no_leader_is_always_fine() {
        assert_eq!(check_nearest_leader(&"a", None, &links(&[("b", "a")])), Ok(()));
    }

    #[test]
    fn a_person_cannot_lead_themself() {
        let err = check_nearest_leader(&"a", Some(&"a"), &HashMap::new()).unwrap_err();
        assert_eq!(err.key, "people-error-leader-self");
    }

    #[test]
    fn a_direct_loop_is_refused() {
        // b reports to a; a cannot then report to b.
        let err = check_nearest_leader(&"a", Some(&"b"), &links(&[("b", "a")])).unwrap_err();
        assert_eq!(err.key, "people-error-leader-cycle");
    }

    #[test]
    fn a_loop_through_several_people_is_refused() {
        // d → c → b → a; a cannot report to d.
        let lines = links(&[("d", "c"), ("c", "b"), ("b", "a")]);
        assert_eq!(check_nearest_leader(&"a", Some(&"d"), &lines).unwrap_err().key, "people-error-leader-cycle");
        // but d may report to someone outside the chain, and a to someone new.
        assert_eq!(check_nearest_leader(&"d", Some(&"x"), &lines), Ok(()));
        assert_eq!(check_nearest_leader(&"a", Some(&"x"), &lines), Ok(()));
    }

    #[test]
    fn moving_within_a_chain_downwards_is_fine() {
        // c reports to b, b to a: c may report to a directly.
        let lines = links(&[("c", "b"), ("b", "a")]);
        assert_eq!(check_nearest_leader(&"c", Some(&"a"), &lines), Ok(()));
    }

    #[test]
    fn the_persons_own_current_leader_does_not_count() {
        // a currently reports to b (about to change); b reports to c. a → c is fine.
        let lines = links(&[("a", "b"), ("b", "c")]);
        assert_eq!(check_nearest_leader(&"a", Some(&"c"), &lines), Ok(()));
    }

    #[test]
    fn a_loop_already_in_the_data_ends_the_walk() {
        let lines = links(&[("x", "y"), ("y", "x")]);
        assert_eq!(check_nearest_leader(&"a", Some(&"x"), &lines), Ok(()));
    }

    #[test]
    fn units_follow_the_same_rule() {
        let parents = links(&[("team", "centre"), ("centre", "admin")]);
        assert_eq!(check_parent_unit(&"admin", Some(&"team"), &parents).unwrap_err().key, "units-error-parent-cycle");
        assert_eq!(check_parent_unit(&"admin", Some(&"admin"), &parents).unwrap_err().key, "units-error-parent-self");
        assert_eq!(check_parent_unit(&"team", None, &parents), Ok(()));
        assert_eq!(check_parent_unit(&"team", Some(&"admin"), &parents), Ok(()));
    }

    #[test]
    fn descendants_are_every_level_below() {
        let parents = links(&[("b", "a"), ("c", "b"), ("d", "a"), ("e", "x")]);
        let mut below = descendants(&"a", &parents);
        below.sort();
        assert_eq!(below, vec!["b", "c", "d"]);
        assert!(descendants(&"c", &parents).is_empty());
    }

    #[test]
    fn tree_order_puts_children_under_their_parent() {
        let nodes = [
            ("Børn", Some("Forvaltning")),
            ("Forvaltning", None),
            ("Skoler", Some("Børn")),
            ("Ældre", Some("Forvaltning")),
            ("HR", None),
            ("Løs", Some("findes ikke")),
        ];
        let order = tree_order(&nodes);
        assert_eq!(
            order,
            vec![("Forvaltning", 0), ("Børn", 1), ("Skoler", 2), ("Ældre", 1), ("HR", 0), ("Løs", 0)]
        );
    }

    #[test]
    fn tree_order_keeps_nodes_caught_in_a_loop() {
        let nodes = [("a", Some("b")), ("b", Some("a")), ("c", None)];
        let order = tree_order(&nodes);
        assert_eq!(order.len(), 3);
        assert_eq!(order[0], ("c", 0));
    }
}
