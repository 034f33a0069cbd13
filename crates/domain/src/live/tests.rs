use super::*;
use std::collections::{BTreeMap, BTreeSet};

fn rules(procedure: Procedure) -> Rules {
    Rules {
        procedure,
        cards: ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
        dots: 3,
        most_rounds: 3,
        seconds_per_person: 60,
    }
}

/// A session with a facilitator (1) and `n` participants (2..).
fn session(procedure: Procedure, n: u32) -> Live {
    let mut live = Live::new(procedure);
    let mut seq = 0;
    for p in 1..=n + 1 {
        seq += 1;
        let event = live.join(p, &format!("P{p}"), p == 1).unwrap();
        live.apply(seq, &event);
    }
    live
}

fn run(live: &mut Live, who: ParticipantNo, command: Command) -> Result<Event, Refusal> {
    let event = live.decide(who, command, &rules(live.procedure), 1_000)?;
    let seq = live.seq + 1;
    live.apply(seq, &event);
    Ok(event)
}

fn card(c: &str) -> String {
    c.to_string()
}

#[test]
fn picks_stay_private_until_the_facilitator_moves_on() {
    let mut live = session(Procedure::Prioritise, 3);
    assert_eq!(run(&mut live, 2, Command::Pick { card: card("a") }), Err(Refusal::WrongStep));
    run(&mut live, 1, Command::Advance).unwrap();
    assert_eq!(live.step, Step::Pick);
    let picked = run(&mut live, 2, Command::Pick { card: card("b") }).unwrap();
    assert_eq!(picked.author(), Some(2));
    assert_eq!(picked.redacted(), Some(Event::Picked { p: 2, card: None }));
    run(&mut live, 3, Command::Pick { card: card("c") }).unwrap();
    // A new pick replaces the old one.
    run(&mut live, 2, Command::Pick { card: card("a") }).unwrap();
    assert!(!live.revealed);
    let stepped = run(&mut live, 1, Command::Advance).unwrap();
    assert_eq!(
        stepped,
        Event::Stepped { step: Step::Reasons, revealed: vec![Pick { p: 2, card: card("a") }, Pick { p: 3, card: card("c") }] }
    );
    assert!(live.revealed);
    assert_eq!(stepped.redacted(), None);
}

#[test]
fn only_the_facilitator_steers() {
    let mut live = session(Procedure::Prioritise, 2);
    for command in [Command::Advance, Command::NextTurn, Command::Timer { seconds: 60 }, Command::End, Command::NextRound] {
        assert_eq!(run(&mut live, 2, command), Err(Refusal::FacilitatorOnly));
    }
    assert_eq!(run(&mut live, 9, Command::Note { text: "x".into() }), Err(Refusal::UnknownParticipant));
    assert_eq!(live.seq, 3, "refused commands change nothing");
}

#[test]
fn turns_go_round_everyone_but_the_facilitator() {
    let mut live = session(Procedure::Prioritise, 3);
    run(&mut live, 1, Command::Advance).unwrap();
    assert_eq!(run(&mut live, 1, Command::NextTurn), Err(Refusal::WrongStep));
    run(&mut live, 1, Command::Advance).unwrap();
    let turns: Vec<Event> = (0..4).map(|_| run(&mut live, 1, Command::NextTurn).unwrap()).collect();
    assert_eq!(turns, vec![Event::Turn { p: Some(2) }, Event::Turn { p: Some(3) }, Event::Turn { p: Some(4) }, Event::Turn { p: None }]);
    assert_eq!(run(&mut live, 1, Command::Turn { p: Some(7) }), Err(Refusal::UnknownParticipant));
}

#[test]
fn passing_the_word_on_skips_whoever_had_it_out_of_order() {
    let mut live = session(Procedure::Prioritise, 4);
    run(&mut live, 1, Command::Advance).unwrap();
    run(&mut live, 1, Command::Advance).unwrap();
    assert_eq!(run(&mut live, 1, Command::Turn { p: Some(4) }), Ok(Event::Turn { p: Some(4) }), "the facilitator gives the word to anyone");
    let turns: Vec<Event> = (0..4).map(|_| run(&mut live, 1, Command::NextTurn).unwrap()).collect();
    assert_eq!(
        turns,
        vec![Event::Turn { p: Some(5) }, Event::Turn { p: Some(2) }, Event::Turn { p: Some(3) }, Event::Turn { p: None }],
        "on from 4, then back to those who waited, each once"
    );
}

#[test]
fn each_participant_has_as_many_dots_as_themes_to_choose() {
    let mut live = session(Procedure::Prioritise, 2);
    for _ in 0..3 {
        run(&mut live, 1, Command::Advance).unwrap();
    }
    assert_eq!(live.step, Step::Prioritise);
    for c in ["a", "a", "b"] {
        run(&mut live, 2, Command::Vote { card: card(c) }).unwrap();
    }
    assert_eq!(run(&mut live, 2, Command::Vote { card: card("c") }), Err(Refusal::NoDotsLeft));
    assert_eq!(run(&mut live, 3, Command::Vote { card: card("zz") }), Err(Refusal::UnknownCard));
    assert_eq!(run(&mut live, 3, Command::Unvote { card: card("a") }), Err(Refusal::NotVoted), "nobody takes back another's dot");
    run(&mut live, 3, Command::Vote { card: card("b") }).unwrap();
    run(&mut live, 2, Command::Unvote { card: card("a") }).unwrap();
    assert_eq!(live.tally(&rules(Procedure::Prioritise)), vec![(card("b"), 2), (card("a"), 1)]);
}

#[test]
fn next_steps_are_agreed_in_the_last_step_and_numbered() {
    let mut live = session(Procedure::Prioritise, 1);
    let add = |text: &str| Command::AddNextStep { card: Some(card("a")), text: text.into(), owner: "Jens".into() };
    assert_eq!(run(&mut live, 1, add("x")), Err(Refusal::WrongStep));
    for _ in 0..4 {
        run(&mut live, 1, Command::Advance).unwrap();
    }
    assert_eq!(run(&mut live, 1, Command::Advance), Err(Refusal::NoMoreSteps));
    assert_eq!(run(&mut live, 1, add("  ")), Err(Refusal::EmptyText));
    assert_eq!(run(&mut live, 1, add(&"x".repeat(LONGEST_TEXT + 1))), Err(Refusal::TooLong));
    run(&mut live, 1, add("Fast punkt om sparring på ledermødet")).unwrap();
    run(&mut live, 1, add("Aftale med HR om introforløb")).unwrap();
    run(&mut live, 1, Command::RemoveNextStep { n: 1 }).unwrap();
    run(&mut live, 1, add("Tredje")).unwrap();
    assert_eq!(live.next_steps.iter().map(|s| s.n).collect::<Vec<_>>(), vec![2, 3], "numbers are never reused");
    assert_eq!(run(&mut live, 1, Command::RemoveNextStep { n: 1 }), Err(Refusal::UnknownNextStep));
    run(&mut live, 1, Command::End).unwrap();
    assert_eq!(run(&mut live, 1, Command::Note { text: "late".into() }), Err(Refusal::Ended));
}

#[test]
fn the_fold_of_a_log_is_the_state_that_decided_it() {
    // Replaying the same events into a fresh state gives the same answers:
    // what a restarted server or a reconnecting client relies on.
    let mut live = session(Procedure::Prioritise, 3);
    let mut log: Vec<Event> = Vec::new();
    for (who, command) in [
        (1, Command::Advance),
        (2, Command::Pick { card: card("a") }),
        (3, Command::Pick { card: card("b") }),
        (1, Command::Advance),
        (3, Command::Note { text: "Vi mangler sparring".into() }),
        (1, Command::Advance),
        (2, Command::Vote { card: card("a") }),
    ] {
        log.push(run(&mut live, who, command).unwrap());
    }
    let mut again = session(Procedure::Prioritise, 3);
    let start = again.seq;
    for (i, e) in log.iter().enumerate() {
        again.apply(start + 1 + i as i64, e);
    }
    assert_eq!((again.step, again.seq, &again.picks, &again.votes, &again.notes), (live.step, live.seq, &live.picks, &live.votes, &live.notes));
    // The log is stored as JSON and read back the same.
    for e in &log {
        let json = serde_json::to_string(e).unwrap();
        assert_eq!(&serde_json::from_str::<Event>(&json).unwrap(), e, "{json}");
    }
}

#[test]
fn commands_name_no_participant_and_unknown_ones_are_refused() {
    let vote: Command = serde_json::from_str(r#"{"type":"vote","card":"a"}"#).unwrap();
    assert_eq!(vote, Command::Vote { card: card("a") });
    assert!(serde_json::from_str::<Command>(r#"{"type":"vote","card":"a","p":3}"#).is_err(), "voting as someone else");
    assert!(serde_json::from_str::<Command>(r#"{"type":"shout"}"#).is_err());
    let picked = serde_json::to_string(&Event::Picked { p: 2, card: None }).unwrap();
    assert_eq!(picked, r#"{"type":"picked","p":2,"card":null}"#);
}

#[test]
fn pairs_rotate_so_partners_are_new_each_round() {
    let people: Vec<ParticipantNo> = (2..=7).collect();
    let mut met: BTreeSet<(u32, u32)> = BTreeSet::new();
    for round in 0..5 {
        let groups = pair_up(&people, round);
        let seated: BTreeSet<u32> = groups.iter().flatten().copied().collect();
        assert_eq!(seated.len(), people.len(), "everyone sits once in round {round}");
        for g in &groups {
            assert_eq!(g.len(), 2);
            let pair = (g[0].min(g[1]), g[0].max(g[1]));
            assert!(met.insert(pair), "{pair:?} met twice");
        }
    }
}

#[test]
fn an_odd_number_makes_one_group_of_three() {
    let groups = pair_up(&[2, 3, 4, 5, 6], 1);
    let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
    assert_eq!(sizes.iter().sum::<usize>(), 5);
    assert_eq!(sizes.iter().filter(|s| **s == 3).count(), 1);
}

#[test]
fn cards_move_on_inside_the_group_and_newcomers_get_a_free_card() {
    let mut live = session(Procedure::PairInterviews, 4);
    assert_eq!(run(&mut live, 2, Command::NextRound), Err(Refusal::FacilitatorOnly));
    let Event::Round { round: 1, groups, dealt } = run(&mut live, 1, Command::Advance).unwrap() else { panic!("no round") };
    let first: BTreeMap<u32, String> = dealt.iter().map(|d| (d.p, d.card.clone())).collect();
    assert_eq!(first.len(), 4);
    assert_eq!(first.values().collect::<BTreeSet<_>>().len(), 4, "different cards in the first round");
    let joined = live.join(6, "Sen", false).unwrap();
    live.apply(live.seq + 1, &joined);
    let Event::Round { round: 2, dealt, .. } = run(&mut live, 1, Command::NextRound).unwrap() else { panic!("no round") };
    let second: BTreeMap<u32, String> = dealt.iter().map(|d| (d.p, d.card.clone())).collect();
    for g in &groups {
        assert_eq!(second[&g[1]], first[&g[0]], "the partner's card is handed on");
        assert_eq!(second[&g[0]], first[&g[1]]);
    }
    assert_eq!(second[&6], "e", "the newcomer gets the card nobody holds");
    run(&mut live, 1, Command::NextRound).unwrap();
    assert_eq!(run(&mut live, 1, Command::NextRound), Err(Refusal::NoMoreRounds));
}

#[test]
fn pairs_need_two_people() {
    let mut live = session(Procedure::PairInterviews, 1);
    assert_eq!(run(&mut live, 1, Command::Advance), Err(Refusal::TooFewForPairs));
}

#[test]
fn join_codes_are_read_forgivingly() {
    assert_eq!(normalise_join_code(" ab3-k7m "), Some("AB3K7M".into()));
    assert_eq!(normalise_join_code("AB0K7M"), None, "0 is not in the alphabet");
    assert_eq!(normalise_join_code("AB3K7"), None);
    assert_eq!(parse_name("  Anne   Holm "), Ok("Anne Holm".into()));
    assert!(parse_name("   ").is_err());
    assert!(parse_name(&"x".repeat(LONGEST_NAME + 1)).is_err());
}

#[test]
fn a_participant_writes_a_bounded_number_of_notes() {
    let mut live = session(Procedure::Prioritise, 2);
    for i in 0..MOST_NOTES_EACH {
        run(&mut live, 2, Command::Note { text: format!("note {i}") }).unwrap();
    }
    assert_eq!(run(&mut live, 2, Command::Note { text: "one more".into() }), Err(Refusal::TooManyNotes));
    run(&mut live, 3, Command::Note { text: "the others still can".into() }).unwrap();
}

#[test]
fn a_session_left_open_ends_two_days_after_its_last_event_and_not_a_second_sooner() {
    use time::macros::datetime;
    let last = datetime!(2026-12-06 23:59:59 UTC);
    assert!(!ended_by_idleness(last, datetime!(2026-12-08 23:59:59 UTC)), "exactly 48 hours later it is still open");
    assert!(ended_by_idleness(last, datetime!(2026-12-09 00:00:00 UTC)), "a second past midnight it has ended");
    assert!(!ended_by_idleness(last, last), "a session in use is open");
}
