//! "Det korte møde": who talks with whom, and who holds which card.
//!
//! Pairs rotate by the circle method, so nobody meets the same partner twice
//! while there are new partners to meet. With an odd number of people one
//! pair becomes a group of three. Each round everyone hands their card on
//! inside their group ("byt kort"), so the next partner hears a new question.

use super::{ParticipantNo, Pick};
use std::collections::{BTreeMap, BTreeSet};

/// The groups of round `round` (0-based) for `people` in a fixed order.
pub fn pair_up(people: &[ParticipantNo], round: u32) -> Vec<Vec<ParticipantNo>> {
    if people.len() < 2 {
        return vec![people.to_vec()];
    }
    // Pad to an even count with an empty seat; who draws it joins a pair.
    let mut seats: Vec<Option<ParticipantNo>> = people.iter().copied().map(Some).collect();
    if seats.len() % 2 == 1 {
        seats.push(None);
    }
    let n = seats.len();
    // The first seat stays, the others turn one place per round.
    let turns = round as usize % (n - 1);
    let mut rest: Vec<Option<ParticipantNo>> = seats[1..].to_vec();
    rest.rotate_right(turns);
    let order: Vec<Option<ParticipantNo>> = std::iter::once(seats[0]).chain(rest).collect();
    let mut groups: Vec<Vec<ParticipantNo>> = Vec::new();
    let mut alone = None;
    for i in 0..n / 2 {
        match (order[i], order[n - 1 - i]) {
            (Some(a), Some(b)) => groups.push(vec![a, b]),
            (Some(a), None) | (None, Some(a)) => alone = Some(a),
            (None, None) => {}
        }
    }
    if let Some(a) = alone {
        match groups.last_mut() {
            Some(g) => g.push(a),
            None => groups.push(vec![a]),
        }
    }
    groups
}

/// The cards for the next round: inside each of last round's groups every
/// card moves on to the next person; anyone without a card (the first
/// round, or someone who joined since) gets a card nobody holds, drawn in
/// deck order and reused only when the deck runs out.
pub fn deal_round(
    last_groups: &[Vec<ParticipantNo>],
    last_dealt: &BTreeMap<ParticipantNo, String>,
    people: &[ParticipantNo],
    cards: &[String],
) -> Vec<Pick> {
    let mut dealt: BTreeMap<ParticipantNo, String> = BTreeMap::new();
    for group in last_groups {
        for (i, p) in group.iter().enumerate() {
            let from = group[(i + group.len() - 1) % group.len()];
            if let Some(card) = last_dealt.get(&from) {
                if people.contains(p) {
                    dealt.insert(*p, card.clone());
                }
            }
        }
    }
    let mut used: BTreeSet<String> = dealt.values().cloned().collect();
    for p in people {
        if !dealt.contains_key(p) {
            // A card nobody holds, else (a deck smaller than the group) any.
            let card = cards.iter().find(|c| !used.contains(*c)).or_else(|| cards.get(*p as usize % cards.len().max(1)));
            if let Some(card) = card {
                used.insert(card.clone());
                dealt.insert(*p, card.clone());
            }
        }
    }
    people.iter().filter_map(|p| dealt.get(p).map(|card| Pick { p: *p, card: card.clone() })).collect()
}
