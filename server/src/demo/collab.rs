//! Tool 2 in Fjordby: Teknik, Kultur og Fritid settled its group agreement
//! three months ago, shared it with HR, and follows it up soon; Børn og Unge, who decided on
//! Tool 2 in the introduction tool, meets in ten days, most have filled in
//! the checklist, and the facilitator has placed the first themes.

use super::people::Structure;
use crate::catalogue::store::Item;
use crate::storage::to_text;
use domain::ids::{CollabPointId, CollabRoundId, OrgId};
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

struct Round {
    group: &'static str,
    leader: &'static str,
    respondents: &'static [&'static str],
    comments: &'static [(&'static str, &'static str)],
    meeting_in_days: i64,
    place: &'static str,
    /// (theme, quadrant)
    matrix: &'static [(&'static str, &'static str)],
    /// (text, actions, measure, owner, follow-up in days) — a settled agreement.
    points: &'static [(&'static str, &'static str, &'static str, &'static str, i64)],
    /// The follow-up of the group's previous agreement at this meeting,
    /// point by point: (done, worked, next step).
    reviews: &'static [(bool, &'static str, &'static str)],
}

const ROUNDS: &[Round] = &[
    Round {
        group: "Ledergruppen i Teknik, Kultur og Fritid",
        leader: "jens.poulsen@fjordby.dk",
        respondents: &[
            "jens.poulsen@fjordby.dk",
            "martin.vestergaard@fjordby.dk",
            "niels.kirkegaard@fjordby.dk",
            "charlotte.jorgensen@fjordby.dk",
        ],
        comments: &[],
        meeting_in_days: -190,
        place: "Kulturhuset, lille sal",
        matrix: &[("meetings", "act"), ("task", "act"), ("resources", "raise")],
        points: &[
            (
                "Ledermøderne får en fast dagsorden med beslutningspunkter først.",
                "Dagsordenen sendes to dage før. Orienteringer sendes skriftligt.",
                "Vi når alle beslutningspunkter på mødet.",
                "jens.poulsen@fjordby.dk",
                -100,
            ),
            (
                "Vi deler målene for vores områder med hinanden.",
                "Hver leder præsenterer sine tre vigtigste mål for året på et møde.",
                "Alle kender de andres vigtigste mål.",
                "charlotte.jorgensen@fjordby.dk",
                -100,
            ),
        ],
        reviews: &[],
    },
    Round {
        group: "Ledergruppen i Teknik, Kultur og Fritid",
        leader: "jens.poulsen@fjordby.dk",
        respondents: &[
            "jens.poulsen@fjordby.dk",
            "martin.vestergaard@fjordby.dk",
            "niels.kirkegaard@fjordby.dk",
            "charlotte.jorgensen@fjordby.dk",
            "ida.madsen@fjordby.dk",
            "soren.olsen@fjordby.dk",
        ],
        comments: &[("ida.madsen@fjordby.dk", "Vi hører om beslutninger i hinandens områder, efter at medarbejderne har hørt om dem.")],
        meeting_in_days: -88,
        place: "Rådhuset, mødelokale 3",
        matrix: &[
            ("information", "act"),
            ("sparring", "act"),
            ("safety", "quick"),
            ("meetings", "quick"),
            ("resources", "raise"),
            ("task", "park"),
            ("responsibility", "quick"),
        ],
        points: &[
            (
                "Vi giver hinanden sparring på en svær sag på hvert andet ledermøde.",
                "Fast punkt på dagsordenen hver anden uge, 20 minutter. Sagen sendes rundt dagen før i tre linjer. Vi skiftes efter en liste.",
                "Alle har haft en sag oppe inden sommerferien, og vi kan nævne en sag, hvor sparringen gjorde en forskel.",
                "jens.poulsen@fjordby.dk",
                9,
            ),
            (
                "Vi kender til beslutninger, der berører hinandens områder, før vores medarbejdere hører om dem.",
                "En fast runde »Hvad sker der hos dig, som de andre skal vide?« i starten af hvert møde. Referatet markerer, hvad der må siges videre.",
                "Ingen af os bliver overrasket af en beslutning fra de andre områder i de næste tre måneder.",
                "martin.vestergaard@fjordby.dk",
                9,
            ),
        ],
        reviews: &[(true, "yes", "carry_on"), (true, "partly", "drop")],
    },
    Round {
        group: "Ledergruppen i Børn og Unge",
        leader: "lars.nielsen@fjordby.dk",
        respondents: &[
            "lars.nielsen@fjordby.dk",
            "anne.kristensen@fjordby.dk",
            "thomas.hansen@fjordby.dk",
            "louise.jensen@fjordby.dk",
            "camilla.larsen@fjordby.dk",
            "rasmus.thygesen@fjordby.dk",
        ],
        comments: &[
            ("camilla.larsen@fjordby.dk", "Vores møder bliver meget orientering. Jeg vil gerne bruge tiden på at drøfte de svære ting."),
            ("thomas.hansen@fjordby.dk", "Når en af os mangler personale, står vi for meget alene med det."),
        ],
        meeting_in_days: 10,
        place: "Skolevej 4, personalerummet",
        matrix: &[("meetings", "act"), ("resources", "raise")],
        points: &[],
        reviews: &[],
    },
];

/// A plausible middle for each theme's statements; answers spread around it.
fn typical(key: &str, group: usize) -> i64 {
    match (key.split('-').next().unwrap_or(""), group) {
        ("meetings" | "task", 0) => 2,
        ("sparring" | "information", 1) => 2,
        ("meetings" | "resources", 2) => 2,
        ("safety" | "task", _) => 4,
        _ => 3,
    }
}

fn answer(key: &str, group: usize, person: usize, item: usize) -> Option<i64> {
    const SPREAD: [i64; 7] = [0, 1, -1, 0, -1, 1, 0];
    if (person * 7 + item * 5) % 17 == 0 {
        return None;
    }
    Some((typical(key, group) + SPREAD[(person * 5 + item) % SPREAD.len()]).clamp(1, 5))
}

pub async fn fill(conn: &mut AnyConnection, org: &OrgId, s: &Structure, all_items: &[Item], now: OffsetDateTime) -> anyhow::Result<()> {
    let items: Vec<&Item> = all_items.iter().filter(|i| !i.hidden).collect();
    // Each group's last settled round's points, for the next round's follow-up.
    let mut last_points: std::collections::HashMap<&str, Vec<CollabPointId>> = std::collections::HashMap::new();
    for (g, round) in ROUNDS.iter().enumerate() {
        let id = CollabRoundId::new();
        let leader = s.persons[round.leader].as_str();
        let meeting = (now + Duration::days(round.meeting_in_days)).replace_time(time::macros::time!(8:30));
        let started = meeting - Duration::days(21);
        let settled = (!round.points.is_empty()).then(|| to_text(meeting + Duration::hours(2)));
        let open = settled.is_none();
        sqlx::query(
            "INSERT INTO collab_rounds (id, org_id, group_id, started_by, meeting_at, minutes, place, message, sequence, created_at, closed_at, shared_at) \
             VALUES ($1, $2, $3, $4, $5, 120, $6, $7, 0, $8, $9, $9)",
        )
        .bind(id.as_str())
        .bind(org.as_str())
        .bind(s.groups[round.group].as_str())
        .bind(leader)
        .bind(to_text(meeting))
        .bind(round.place)
        .bind("Vi tager hele formiddagen til det. Der er kaffe og rundstykker fra kl. 8.15.")
        .bind(to_text(started))
        .bind(settled)
        .execute(&mut *conn)
        .await?;
        for (position, item) in items.iter().filter(|i| domain::collab::THEMES.contains(&i.section.as_str())).enumerate() {
            sqlx::query("INSERT INTO collab_round_items (round_id, org_id, revision_id, section, position) VALUES ($1, $2, $3, $4, $5)")
                .bind(id.as_str())
                .bind(org.as_str())
                .bind(item.revision_id.as_str())
                .bind(&item.section)
                .bind(position as i64)
                .execute(&mut *conn)
                .await?;
        }
        crate::tools::promise::fix(conn, org, crate::tools::promise::Tool::Collab, id.as_str(), &s.groups[round.group], None, &to_text(started)).await?;
        for (p, email) in round.respondents.iter().enumerate() {
            let person = s.persons[email].as_str();
            let at = to_text(started + Duration::hours(5 + 17 * p as i64));
            for (i, item) in items.iter().enumerate() {
                let Some(value) = answer(&item.key, g, p, i) else { continue };
                sqlx::query(
                    "INSERT INTO collab_answers (round_id, person_id, revision_id, org_id, value, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id.as_str())
                .bind(person)
                .bind(item.revision_id.as_str())
                .bind(org.as_str())
                .bind(value)
                .bind(&at)
                .execute(&mut *conn)
                .await?;
            }
            let comment = round.comments.iter().find(|(e, _)| e == email).map(|(_, c)| *c);
            sqlx::query("INSERT INTO collab_respondents (round_id, person_id, org_id, comment, submitted_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(id.as_str())
                .bind(person)
                .bind(org.as_str())
                .bind(comment)
                .bind(&at)
                .execute(&mut *conn)
                .await?;
        }
        for (theme, quadrant) in round.matrix {
            sqlx::query("INSERT INTO collab_matrix (round_id, org_id, theme, quadrant, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(id.as_str())
                .bind(org.as_str())
                .bind(*theme)
                .bind(*quadrant)
                .bind(leader)
                .bind(to_text(meeting.min(now)))
                .execute(&mut *conn)
                .await?;
        }
        if open {
            // The open round's meeting is under way: its agenda clock paused
            // in the group's picture, twelve of its 25 minutes left.
            sqlx::query("INSERT INTO collab_agenda (round_id, org_id, item, started_at, left_seconds, updated_at) VALUES ($1, $2, 2, NULL, 720, $3)")
                .bind(id.as_str())
                .bind(org.as_str())
                .bind(to_text(meeting.min(now)))
                .execute(&mut *conn)
                .await?;
        }
        for (point, (done, worked, next)) in last_points.get(round.group).into_iter().flatten().zip(round.reviews) {
            sqlx::query(
                "INSERT INTO collab_point_reviews (point_id, org_id, round_id, done, worked, next_step, reviewed_by, reviewed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(point.as_str())
            .bind(org.as_str())
            .bind(id.as_str())
            .bind(i64::from(*done))
            .bind(*worked)
            .bind(*next)
            .bind(leader)
            .bind(to_text(meeting + Duration::minutes(20)))
            .execute(&mut *conn)
            .await?;
        }
        let mut settled_points = Vec::new();
        for (i, (text, actions, measure, owner, follow_up)) in round.points.iter().enumerate() {
            let point = CollabPointId::new();
            settled_points.push(point.clone());
            sqlx::query(
                "INSERT INTO collab_points (id, round_id, org_id, position, text, actions, measure, owner_person_id, follow_up_on, updated_by, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(point.as_str())
            .bind(id.as_str())
            .bind(org.as_str())
            .bind(i as i64 + 1)
            .bind(*text)
            .bind(*actions)
            .bind(*measure)
            .bind(s.persons[owner].as_str())
            .bind((now + Duration::days(*follow_up)).date().to_string())
            .bind(leader)
            .bind(to_text(meeting + Duration::hours(2)))
            .execute(&mut *conn)
            .await?;
        }
        if !settled_points.is_empty() {
            last_points.insert(round.group, settled_points);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_round_is_answered_by_its_own_group_and_places_known_themes() {
        for round in ROUNDS {
            let (_, leader, members) = super::super::people::GROUPS.iter().find(|(n, _, _)| *n == round.group).unwrap();
            assert_eq!(round.leader, *leader);
            assert!(round.respondents.iter().all(|r| r == leader || members.contains(r)));
            assert!(round.respondents.len() >= 3);
            for (theme, quadrant) in round.matrix {
                assert!(domain::collab::parse_placement(theme, quadrant).unwrap().1.is_some());
            }
            assert!(round.points.len() <= domain::collab::AGREEMENT_POINTS);
            assert!(round.points.iter().all(|p| p.3 == *leader || members.contains(&p.3)));
            for (_, worked, next) in round.reviews {
                assert!(domain::apv::Review::parse("yes", worked, next).unwrap().is_some());
            }
        }
    }
}
