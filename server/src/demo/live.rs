//! A finished live session: the leader group of Teknik, Kultur og Fritid
//! worked through its own deck with Jens Poulsen as facilitator a week ago.
//! Every event is decided by the same rules as a real session
//! (`domain::live`), so the demo log is one the product could have written.
//! Jens and the members find it, with its summary, on /live.

use super::people::Structure;
use crate::storage::to_text;
use domain::ids::{LiveSessionId, OrgId};
use domain::live::{Command, Event, Live, Procedure};
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

const FACILITATOR: (&str, &str) = ("jens.poulsen@fjordby.dk", "Jens Poulsen");
const MEMBERS: [(&str, &str); 5] = [
    ("martin.vestergaard@fjordby.dk", "Martin Vestergaard"),
    ("niels.kirkegaard@fjordby.dk", "Niels Kirkegaard"),
    ("charlotte.jorgensen@fjordby.dk", "Charlotte Holst Jørgensen"),
    ("ida.madsen@fjordby.dk", "Ida Winther Madsen"),
    ("soren.olsen@fjordby.dk", "Søren Dam Olsen"),
];

/// Who did what, by participant number (1 is Jens, 2–6 the members).
fn script() -> Vec<(u32, Command)> {
    let pick = |c: &str| Command::Pick { card: c.into() };
    let vote = |c: &str| Command::Vote { card: c.into() };
    let note = |t: &str| Command::Note { text: t.into() };
    let mut s = vec![(1, Command::Advance)];
    s.extend([(2, pick("lg-pressure")), (3, pick("lg-sparring")), (4, pick("lg-pressure")), (5, pick("lg-meetings")), (6, pick("lg-sparring"))]);
    s.push((1, Command::Advance));
    s.extend([
        (1, Command::NextTurn),
        (1, note("Martin: Budgetperioden æder al tid; vi mangler et sted at sige det højt.")),
        (1, Command::NextTurn),
        (3, note("Vi sparrer kun, når det brænder – aldrig før.")),
        (1, Command::NextTurn),
        (4, note("Presset er størst i juni og december; det kan vi planlægge efter.")),
        (1, Command::NextTurn),
        (1, note("Ida: Møderne er orienteringer; der er ingen tid til dilemmaer.")),
        (1, Command::NextTurn),
        (6, note("Jeg vil gerne have en fast makker i gruppen at ringe til.")),
        (1, Command::Advance),
    ]);
    for (p, cards) in [(2, ["lg-pressure", "lg-sparring", "lg-pressure"]), (3, ["lg-sparring", "lg-sparring", "lg-meetings"]), (4, ["lg-pressure", "lg-sparring", "lg-meetings"]), (5, ["lg-meetings", "lg-sparring", "lg-pressure"]), (6, ["lg-sparring", "lg-pressure", "lg-meetings"])] {
        s.extend(cards.map(|c| (p, vote(c))));
    }
    s.push((1, Command::Advance));
    let step = |card: &str, text: &str, owner: &str| Command::AddNextStep { card: Some(card.into()), text: text.into(), owner: owner.into() };
    s.extend([
        (1, step("lg-sparring", "Sparringsmakkere i par, der ringer sammen hver 14. dag", "Niels Kirkegaard")),
        (1, step("lg-meetings", "Hvert ledermøde får 30 minutter til ét dilemma, orienteringer går på mail", "Jens Poulsen")),
        (1, step("lg-pressure", "Vi lægger årshjulet for pres ind i gruppens aftale og tager det op i maj", "Charlotte Holst Jørgensen")),
        (1, Command::End),
    ]);
    s
}

pub async fn fill(conn: &mut AnyConnection, org: &OrgId, s: &Structure, now: OffsetDateTime) -> anyhow::Result<()> {
    let cards = crate::tools::cards::content::load()?;
    let deck = cards.da.deck("leader_group").ok_or_else(|| anyhow::anyhow!("no leader group deck"))?;
    let rules = crate::tools::live::deck_rules(deck, Procedure::Prioritise).ok_or_else(|| anyhow::anyhow!("the leader group deck cannot prioritise"))?;
    let id = LiveSessionId::new();
    let started = now - Duration::days(7) - Duration::hours(3);
    let jens = &s.persons[FACILITATOR.0];
    sqlx::query(concat!(
        "INSERT INTO live_sessions (id, org_id, deck, procedure, join_code, group_id, created_by, created_at, ended_at) ",
        "VALUES ($1, $2, 'leader_group', 'prioritise', 'TKF7DM', $3, $4, $5, $6)"
    ))
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(s.groups["Ledergruppen i Teknik, Kultur og Fritid"].as_str())
    .bind(jens.as_str())
    .bind(to_text(started))
    .bind(to_text(started + Duration::minutes(55)))
    .execute(&mut *conn)
    .await?;
    let mut live = Live::new(Procedure::Prioritise);
    let mut events: Vec<(Option<u32>, Event)> = Vec::new();
    for (i, (email, name)) in std::iter::once(FACILITATOR).chain(MEMBERS).enumerate() {
        let no = i as u32 + 1;
        sqlx::query("INSERT INTO live_participants (session_id, no, person_id, name, guest_secret_hash, joined_at) VALUES ($1, $2, $3, $4, NULL, $5)")
            .bind(id.as_str())
            .bind(i64::from(no))
            .bind(s.persons[email].as_str())
            .bind(name)
            .bind(to_text(started + Duration::seconds(i as i64 * 20)))
            .execute(&mut *conn)
            .await?;
        let joined = live.join(no, name, no == 1).map_err(|r| anyhow::anyhow!("demo join refused: {}", r.key()))?;
        live.apply(live.seq + 1, &joined);
        events.push((None, joined));
    }
    for (who, command) in script() {
        let event = live.decide(who, command, &rules, (started.unix_timestamp() + 600) * 1000).map_err(|r| anyhow::anyhow!("demo command refused: {}", r.key()))?;
        live.apply(live.seq + 1, &event);
        events.push((Some(who), event));
    }
    for (i, (who, event)) in events.iter().enumerate() {
        sqlx::query("INSERT INTO live_events (session_id, seq, participant, client_id, body, at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(id.as_str())
            .bind(i as i64 + 1)
            .bind(who.map(i64::from))
            .bind(who.map(|_| format!("demo-{i}")))
            .bind(serde_json::to_string(event)?)
            .bind(to_text(started + Duration::seconds(i as i64 * 60)))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_is_played_by_the_rules_to_the_end() {
        // `fill` refuses a command the rules refuse; check the script alone.
        let cards = crate::tools::cards::content::load().unwrap();
        let deck = cards.da.deck("leader_group").unwrap();
        let rules = crate::tools::live::deck_rules(deck, domain::live::Procedure::Prioritise).unwrap();
        let mut live = domain::live::Live::new(domain::live::Procedure::Prioritise);
        for no in 1..=6 {
            let e = live.join(no, "x", no == 1).unwrap();
            live.apply(live.seq + 1, &e);
        }
        for (who, command) in super::script() {
            let e = live.decide(who, command.clone(), &rules, 0).unwrap_or_else(|r| panic!("{command:?} refused: {r:?}"));
            live.apply(live.seq + 1, &e);
        }
        assert!(live.ended);
        assert_eq!(live.tally(&rules)[0], ("lg-sparring".to_string(), 6));
        assert_eq!(live.next_steps.len(), 3);
    }
}
