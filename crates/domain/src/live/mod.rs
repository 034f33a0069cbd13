//! Live dialog sessions: a deck worked through together on a shared screen
//! and the participants' phones.
//!
//! A session is an append-only log of events. `Live` is the state folded
//! from that log; `Live::decide` checks a participant's command against it
//! and answers with the one event to append, or a refusal. The server is
//! the authority: clients only send commands and draw the events they get.
//!
//! Two procedures run live: prioritising ("dialogredskab": lay out, pick in
//! private, give reasons in turn, dot-vote 1–3 themes, agree next steps) and
//! "Det korte møde" (rotating pairs with a card each and a timer).

mod pairs;
mod state;

pub use pairs::{deal_round, pair_up};
pub use state::{Live, NextStep, Participant};

use serde::{Deserialize, Serialize};

/// A participant's number inside its session: 1 for the facilitator, then in
/// the order people joined.
pub type ParticipantNo = u32;

/// Longest note, next step or display name, in characters.
pub const LONGEST_TEXT: usize = 500;
pub const LONGEST_NAME: usize = 60;
/// Most next steps one session agrees on.
pub const MOST_NEXT_STEPS: usize = 20;
/// Most participants in one session (the method's groups are far smaller).
pub const MOST_PARTICIPANTS: usize = 60;
/// Most notes one participant writes in a session: a person writes a few;
/// a script would otherwise grow the session without end.
pub const MOST_NOTES_EACH: usize = 50;

/// A session nobody ended ends by itself this long after anything last
/// happened in it: a live session is one meeting, a session left open would
/// keep its join code valid and its guests' names and notes beyond the
/// retention period, which counts from the end.
pub const IDLE_ENDS_AFTER: time::Duration = time::Duration::hours(48);

/// Whether a session whose last event was at `last_activity` has ended by
/// itself at `now`. Exactly `IDLE_ENDS_AFTER` later it is still open.
pub fn ended_by_idleness(last_activity: time::OffsetDateTime, now: time::OffsetDateTime) -> bool {
    now - last_activity > IDLE_ENDS_AFTER
}

/// The two procedures that run live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Procedure {
    Prioritise,
    PairInterviews,
}

impl Procedure {
    pub fn code(self) -> &'static str {
        match self {
            Procedure::Prioritise => "prioritise",
            Procedure::PairInterviews => "pair_interviews",
        }
    }

    pub fn parse(raw: &str) -> Option<Procedure> {
        [Procedure::Prioritise, Procedure::PairInterviews].into_iter().find(|p| p.code() == raw)
    }

    /// The steps in order; the session starts in the first.
    pub fn steps(self) -> &'static [Step] {
        match self {
            Procedure::Prioritise => &[Step::LayOut, Step::Pick, Step::Reasons, Step::Prioritise, Step::NextSteps],
            Procedure::PairInterviews => &[Step::Pairs, Step::Interview, Step::Close],
        }
    }
}

/// Where a session stands. The keys match the procedure steps in the shipped
/// deck content (`content/cards`), whose texts the screens show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    LayOut,
    Pick,
    Reasons,
    Prioritise,
    NextSteps,
    Pairs,
    Interview,
    Close,
}

impl Step {
    pub fn key(self) -> &'static str {
        match self {
            Step::LayOut => "lay_out",
            Step::Pick => "pick",
            Step::Reasons => "reasons",
            Step::Prioritise => "prioritise",
            Step::NextSteps => "next_steps",
            Step::Pairs => "pairs",
            Step::Interview => "interview",
            Step::Close => "close",
        }
    }
}

/// What the session's deck and procedure allow; taken from the shipped
/// content when the session is loaded.
#[derive(Debug, Clone)]
pub struct Rules {
    pub procedure: Procedure,
    /// The cards that can be picked, voted on or dealt, in deck order.
    pub cards: Vec<String>,
    /// Dots per participant when prioritising: the most themes to choose.
    pub dots: u32,
    /// Rounds of new pairs in "Det korte møde".
    pub most_rounds: u32,
    /// Speaking time per person in a pair.
    pub seconds_per_person: u32,
}

/// One picked card, shown to everyone when the picking ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    pub p: ParticipantNo,
    pub card: String,
}

/// One entry of the log. Every field a client needs to draw the change is in
/// the event itself, so a client that reconnects only needs what it missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    Joined { p: ParticipantNo, name: String, facilitator: bool },
    /// The facilitator moved on. Leaving the pick step reveals every pick at once.
    Stepped { step: Step, #[serde(default, skip_serializing_if = "Vec::is_empty")] revealed: Vec<Pick> },
    /// Private until the picks are revealed: others get it without the card
    /// (`Event::redacted`).
    Picked { p: ParticipantNo, card: Option<String> },
    Turn { p: Option<ParticipantNo> },
    /// A countdown every screen shows; `seconds` 0 stops it.
    Timer { seconds: u32, started_ms: i64 },
    Noted { p: ParticipantNo, text: String },
    Voted { p: ParticipantNo, card: String },
    Unvoted { p: ParticipantNo, card: String },
    NextStepAdded { n: u32, card: Option<String>, text: String, owner: String },
    NextStepRemoved { n: u32 },
    /// "Det korte møde": who talks with whom this round, and who holds which card.
    Round { round: u32, groups: Vec<Vec<ParticipantNo>>, dealt: Vec<Pick> },
    Ended,
}

impl Event {
    /// The event as someone other than its author may see it: a pick keeps
    /// its secret until the reveal.
    pub fn redacted(&self) -> Option<Event> {
        match self {
            Event::Picked { p, card: Some(_) } => Some(Event::Picked { p: *p, card: None }),
            _ => None,
        }
    }

    /// The participant whose own event this is, who always sees it whole.
    pub fn author(&self) -> Option<ParticipantNo> {
        match self {
            Event::Picked { p, .. } => Some(*p),
            _ => None,
        }
    }
}

/// What a participant asks for. The participant is never part of the
/// message: the server knows who is on the connection, so nobody can vote,
/// pick or write as someone else.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    Pick { card: String },
    Vote { card: String },
    Unvote { card: String },
    Note { text: String },
    // The facilitator's:
    Advance,
    Turn { p: Option<ParticipantNo> },
    NextTurn,
    Timer { seconds: u32 },
    AddNextStep { card: Option<String>, text: String, owner: String },
    RemoveNextStep { n: u32 },
    NextRound,
    End,
}

/// Why a command changed nothing. `key` is the message shown to the sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Ended,
    WrongStep,
    FacilitatorOnly,
    UnknownCard,
    NoDotsLeft,
    NotVoted,
    EmptyText,
    TooLong,
    TooManyNextSteps,
    UnknownNextStep,
    UnknownParticipant,
    NoMoreSteps,
    NoMoreRounds,
    TooFewForPairs,
    TooLongTimer,
    Full,
    TooManyNotes,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::Ended => "live-refused-ended",
            Refusal::WrongStep => "live-refused-step",
            Refusal::FacilitatorOnly => "live-refused-facilitator",
            Refusal::UnknownCard => "live-refused-card",
            Refusal::NoDotsLeft => "live-refused-dots",
            Refusal::NotVoted => "live-refused-not-voted",
            Refusal::EmptyText => "live-refused-empty",
            Refusal::TooLong => "live-refused-long",
            Refusal::TooManyNextSteps => "live-refused-next-steps",
            Refusal::UnknownNextStep => "live-refused-next-step",
            Refusal::UnknownParticipant => "live-refused-participant",
            Refusal::NoMoreSteps => "live-refused-last-step",
            Refusal::NoMoreRounds => "live-refused-rounds",
            Refusal::TooFewForPairs => "live-refused-pairs",
            Refusal::TooLongTimer => "live-refused-timer",
            Refusal::Full => "live-refused-full",
            Refusal::TooManyNotes => "live-refused-notes",
        }
    }
}

/// A display name as typed: trimmed, not empty, not too long.
pub fn parse_name(raw: &str) -> Result<String, crate::ValidationError> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(crate::ValidationError::new("error-live-name-required"));
    }
    if name.chars().count() > LONGEST_NAME {
        return Err(crate::ValidationError::new("error-live-name-long"));
    }
    Ok(name)
}

/// Join codes avoid letters and digits that are easily confused when read
/// off a projector (0/O, 1/I/L).
pub const JOIN_CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const JOIN_CODE_LENGTH: usize = 6;

/// A join code as typed on a phone: case and spaces do not matter.
pub fn normalise_join_code(raw: &str) -> Option<String> {
    let code: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_uppercase();
    (code.len() == JOIN_CODE_LENGTH && code.bytes().all(|b| JOIN_CODE_ALPHABET.contains(&b))).then_some(code)
}

#[cfg(test)]
mod tests;
