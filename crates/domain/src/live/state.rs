//! The state of a session folded from its events, and the rules that turn a
//! command into the next event.

use super::{deal_round, pair_up, Command, Event, ParticipantNo, Pick, Procedure, Refusal, Rules, Step, LONGEST_NAME, LONGEST_TEXT, MOST_NEXT_STEPS, MOST_NOTES_EACH, MOST_PARTICIPANTS};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub facilitator: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub n: u32,
    pub card: Option<String>,
    pub text: String,
    pub owner: String,
}

/// Everything a session's log adds up to.
#[derive(Debug, Clone)]
pub struct Live {
    pub procedure: Procedure,
    pub step: Step,
    pub ended: bool,
    /// Number of the last event applied.
    pub seq: i64,
    pub participants: BTreeMap<ParticipantNo, Participant>,
    /// Each participant's latest pick; shown to others once `revealed`.
    pub picks: BTreeMap<ParticipantNo, String>,
    pub revealed: bool,
    pub turn: Option<ParticipantNo>,
    /// Who has had the word in the reasons round, so passing it on skips
    /// those the facilitator gave it to out of order.
    pub spoken: std::collections::BTreeSet<ParticipantNo>,
    pub timer: Option<(u32, i64)>,
    pub notes: Vec<(ParticipantNo, String)>,
    /// Each participant's dots, one card per dot.
    pub votes: BTreeMap<ParticipantNo, Vec<String>>,
    pub next_steps: Vec<NextStep>,
    next_step_no: u32,
    /// "Det korte møde": the current round (1-based), its groups and cards.
    pub round: u32,
    pub groups: Vec<Vec<ParticipantNo>>,
    pub dealt: BTreeMap<ParticipantNo, String>,
}

impl Live {
    pub fn new(procedure: Procedure) -> Live {
        Live {
            procedure,
            step: procedure.steps()[0],
            ended: false,
            seq: 0,
            participants: BTreeMap::new(),
            picks: BTreeMap::new(),
            revealed: false,
            turn: None,
            spoken: Default::default(),
            timer: None,
            notes: Vec::new(),
            votes: BTreeMap::new(),
            next_steps: Vec::new(),
            next_step_no: 0,
            round: 0,
            groups: Vec::new(),
            dealt: BTreeMap::new(),
        }
    }

    /// Applies an event from the log. Events were checked when they were
    /// decided, so applying never fails.
    pub fn apply(&mut self, seq: i64, event: &Event) {
        self.seq = seq;
        match event {
            Event::Joined { p, name, facilitator } => {
                self.participants.insert(*p, Participant { name: name.clone(), facilitator: *facilitator });
            }
            Event::Stepped { step, revealed } => {
                self.step = *step;
                self.turn = None;
                self.timer = None;
                if !revealed.is_empty() || self.step_index(*step) > self.step_index(Step::Pick) {
                    self.revealed = true;
                }
            }
            Event::Picked { p, card } => {
                match card {
                    Some(c) => self.picks.insert(*p, c.clone()),
                    None => self.picks.remove(p),
                };
            }
            Event::Turn { p } => {
                self.turn = *p;
                self.spoken.extend(*p);
                self.timer = None;
            }
            Event::Timer { seconds, started_ms } => self.timer = (*seconds > 0).then_some((*seconds, *started_ms)),
            Event::Noted { p, text } => self.notes.push((*p, text.clone())),
            Event::Voted { p, card } => self.votes.entry(*p).or_default().push(card.clone()),
            Event::Unvoted { p, card } => {
                if let Some(dots) = self.votes.get_mut(p) {
                    if let Some(i) = dots.iter().position(|c| c == card) {
                        dots.remove(i);
                    }
                }
            }
            Event::NextStepAdded { n, card, text, owner } => {
                self.next_step_no = self.next_step_no.max(*n);
                self.next_steps.push(NextStep { n: *n, card: card.clone(), text: text.clone(), owner: owner.clone() });
            }
            Event::NextStepRemoved { n } => self.next_steps.retain(|s| s.n != *n),
            Event::Round { round, groups, dealt } => {
                self.step = Step::Interview;
                self.round = *round;
                self.groups = groups.clone();
                self.dealt = dealt.iter().map(|d| (d.p, d.card.clone())).collect();
                self.timer = None;
            }
            Event::Ended => self.ended = true,
        }
    }

    fn step_index(&self, step: Step) -> usize {
        self.procedure.steps().iter().position(|s| *s == step).unwrap_or(0)
    }

    pub fn is_facilitator(&self, p: ParticipantNo) -> bool {
        self.participants.get(&p).is_some_and(|x| x.facilitator)
    }

    /// Who talks in turn: everyone but the facilitator, in the order they joined.
    pub fn speakers(&self) -> Vec<ParticipantNo> {
        self.participants.iter().filter(|(_, x)| !x.facilitator).map(|(p, _)| *p).collect()
    }

    /// Dots on each card, most first (ties in deck order).
    pub fn tally(&self, rules: &Rules) -> Vec<(String, u32)> {
        let mut counts: Vec<(String, u32)> = rules
            .cards
            .iter()
            .map(|c| (c.clone(), self.votes.values().flatten().filter(|v| *v == c).count() as u32))
            .filter(|(_, n)| *n > 0)
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1));
        counts
    }

    /// The event a joining participant adds; the number comes from the store.
    pub fn join(&self, p: ParticipantNo, name: &str, facilitator: bool) -> Result<Event, Refusal> {
        if self.ended {
            return Err(Refusal::Ended);
        }
        if name.trim().is_empty() {
            return Err(Refusal::EmptyText);
        }
        if name.chars().count() > LONGEST_NAME {
            return Err(Refusal::TooLong);
        }
        if self.participants.len() >= MOST_PARTICIPANTS {
            return Err(Refusal::Full);
        }
        Ok(Event::Joined { p, name: name.to_string(), facilitator })
    }

    /// Checks `who`'s command and answers with the event to append.
    /// `now_ms` stamps timers, so every screen counts down from the same start.
    pub fn decide(&self, who: ParticipantNo, command: Command, rules: &Rules, now_ms: i64) -> Result<Event, Refusal> {
        if !self.participants.contains_key(&who) {
            return Err(Refusal::UnknownParticipant);
        }
        if self.ended {
            return Err(Refusal::Ended);
        }
        let facilitator = self.is_facilitator(who);
        let only_facilitator = || if facilitator { Ok(()) } else { Err(Refusal::FacilitatorOnly) };
        let known_card = |card: &str| if rules.cards.iter().any(|c| c == card) { Ok(()) } else { Err(Refusal::UnknownCard) };
        match command {
            Command::Pick { card } => {
                self.in_step(Step::Pick)?;
                known_card(&card)?;
                Ok(Event::Picked { p: who, card: Some(card) })
            }
            Command::Vote { card } => {
                self.in_step(Step::Prioritise)?;
                known_card(&card)?;
                if self.votes.get(&who).map_or(0, Vec::len) as u32 >= rules.dots {
                    return Err(Refusal::NoDotsLeft);
                }
                Ok(Event::Voted { p: who, card })
            }
            Command::Unvote { card } => {
                self.in_step(Step::Prioritise)?;
                if !self.votes.get(&who).is_some_and(|dots| dots.contains(&card)) {
                    return Err(Refusal::NotVoted);
                }
                Ok(Event::Unvoted { p: who, card })
            }
            Command::Note { text } => {
                let text = checked_text(&text)?;
                if self.notes.iter().filter(|(p, _)| *p == who).count() >= MOST_NOTES_EACH {
                    return Err(Refusal::TooManyNotes);
                }
                Ok(Event::Noted { p: who, text })
            }
            Command::Advance => {
                only_facilitator()?;
                if self.procedure == Procedure::PairInterviews && self.step == Step::Pairs {
                    // The interviews begin with the first round of pairs.
                    return self.next_round(rules);
                }
                let steps = self.procedure.steps();
                let next = steps.get(self.step_index(self.step) + 1).ok_or(Refusal::NoMoreSteps)?;
                let revealed = if self.step == Step::Pick {
                    self.picks.iter().map(|(p, card)| Pick { p: *p, card: card.clone() }).collect()
                } else {
                    Vec::new()
                };
                Ok(Event::Stepped { step: *next, revealed })
            }
            Command::Turn { p } => {
                only_facilitator()?;
                self.in_step(Step::Reasons)?;
                if let Some(p) = p {
                    if !self.participants.contains_key(&p) {
                        return Err(Refusal::UnknownParticipant);
                    }
                }
                Ok(Event::Turn { p })
            }
            Command::NextTurn => {
                only_facilitator()?;
                self.in_step(Step::Reasons)?;
                // The first in join order after the current speaker who has
                // not had the word yet; then anyone before who has not.
                let waiting: Vec<ParticipantNo> = self.speakers().into_iter().filter(|p| !self.spoken.contains(p)).collect();
                let after = |t: ParticipantNo| waiting.iter().copied().find(|p| *p > t);
                let next = self.turn.and_then(after).or_else(|| waiting.first().copied());
                Ok(Event::Turn { p: next })
            }
            Command::Timer { seconds } => {
                only_facilitator()?;
                if seconds > 60 * 60 {
                    return Err(Refusal::TooLongTimer);
                }
                Ok(Event::Timer { seconds, started_ms: now_ms })
            }
            Command::AddNextStep { card, text, owner } => {
                only_facilitator()?;
                self.in_step(Step::NextSteps)?;
                if let Some(card) = &card {
                    known_card(card)?;
                }
                let text = checked_text(&text)?;
                let owner = owner.trim().to_string();
                if owner.chars().count() > LONGEST_NAME {
                    return Err(Refusal::TooLong);
                }
                if self.next_steps.len() >= MOST_NEXT_STEPS {
                    return Err(Refusal::TooManyNextSteps);
                }
                Ok(Event::NextStepAdded { n: self.next_step_no + 1, card, text, owner })
            }
            Command::RemoveNextStep { n } => {
                only_facilitator()?;
                self.in_step(Step::NextSteps)?;
                if !self.next_steps.iter().any(|s| s.n == n) {
                    return Err(Refusal::UnknownNextStep);
                }
                Ok(Event::NextStepRemoved { n })
            }
            Command::NextRound => {
                only_facilitator()?;
                self.in_step(Step::Interview)?;
                self.next_round(rules)
            }
            Command::End => {
                only_facilitator()?;
                Ok(Event::Ended)
            }
        }
    }

    fn in_step(&self, step: Step) -> Result<(), Refusal> {
        if self.step == step {
            Ok(())
        } else {
            Err(Refusal::WrongStep)
        }
    }

    fn next_round(&self, rules: &Rules) -> Result<Event, Refusal> {
        if self.round >= rules.most_rounds {
            return Err(Refusal::NoMoreRounds);
        }
        let people = self.speakers();
        if people.len() < 2 {
            return Err(Refusal::TooFewForPairs);
        }
        let groups = pair_up(&people, self.round);
        let dealt = deal_round(&self.groups, &self.dealt, &people, &rules.cards);
        Ok(Event::Round { round: self.round + 1, groups, dealt })
    }
}

fn checked_text(raw: &str) -> Result<String, Refusal> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Refusal::EmptyText);
    }
    if text.chars().count() > LONGEST_TEXT {
        return Err(Refusal::TooLong);
    }
    Ok(text.to_string())
}
