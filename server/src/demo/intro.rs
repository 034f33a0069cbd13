//! Two rounds of the introduction tool in Fjordby: one finished round with
//! its decision on the next step, and one under way. Answers point at the
//! organisation's catalogue revisions, like real answers do.

use super::people::Structure;
use crate::catalogue::store::Item;
use crate::storage::to_text;
use domain::ids::{GroupId, IntroRunId, OrgId, PersonId};
use domain::intro::NextTool;
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

/// A round: which group, who answered (group leader first), their comments.
struct Round {
    group: &'static str,
    respondents: &'static [&'static str],
    comments: &'static [(&'static str, &'static str)],
    started_days_ago: i64,
    decision: Option<DecisionSpec>,
}

struct DecisionSpec {
    next_tool: NextTool,
    days_ago: i64,
    due_in_days: i64,
    note: &'static str,
}

const ROUNDS: &[Round] = &[
    Round {
        group: "Ledergruppen i Børn og Unge",
        respondents: &[
            "lars.nielsen@fjordby.dk",
            "anne.kristensen@fjordby.dk",
            "thomas.hansen@fjordby.dk",
            "louise.jensen@fjordby.dk",
            "morten.pedersen@fjordby.dk",
            "camilla.larsen@fjordby.dk",
            "rasmus.thygesen@fjordby.dk",
        ],
        comments: &[
            ("anne.kristensen@fjordby.dk", "Vi taler meget om medarbejdernes trivsel, men sjældent om vores egen."),
            ("thomas.hansen@fjordby.dk", "Personalemanglen i dagtilbuddene fylder meget. Jeg bruger mange aftener på vagtplaner."),
            ("camilla.larsen@fjordby.dk", "Godt, at vi tager det op. Jeg savner nogen at sparre med mellem møderne."),
        ],
        started_days_ago: 41,
        decision: Some(DecisionSpec {
            next_tool: NextTool::GroupCollaboration,
            days_ago: 27,
            due_in_days: 24,
            note: "Vi bruger næste ledermøde på afkrydsningsskemaet og aftaler to fælles indsatser for vores trivsel.",
        }),
    },
    Round {
        group: "Ledergruppen i Social og Sundhed",
        respondents: &[
            "mette.andersen@fjordby.dk",
            "henrik.moller@fjordby.dk",
            "sofie.christensen@fjordby.dk",
            "lene.rasmussen@fjordby.dk",
        ],
        comments: &[(
            "henrik.moller@fjordby.dk",
            "Vagtplanlægningen tager meget af min tid, og det går ud over nærværet i personalegruppen.",
        )],
        started_days_ago: 5,
        decision: None,
    },
];

/// A plausible middle for each statement; answers spread around it.
fn typical(key: &str) -> i64 {
    match key {
        "know-how-leaders-are-doing" | "know-on-the-agenda" | "anchor-clear-owner" | "anchor-time-set-aside" => 2,
        "status-manageable-workload" => 2,
        "anchor-hr-support" | "status-thriving-in-role" | "status-group-support" => 4,
        _ => 3,
    }
}

/// Deterministic spread, so every demo looks the same and tests can rely on it.
fn answer(key: &str, person: usize, item: usize) -> Option<i64> {
    const SPREAD: [i64; 7] = [0, -1, 1, 0, 1, -1, 0];
    // Now and then someone chooses "don't know", which stores no answer.
    if (person * 5 + item * 3) % 13 == 0 {
        return None;
    }
    Some((typical(key) + SPREAD[(person * 3 + item) % SPREAD.len()]).clamp(1, 5))
}

pub async fn create(conn: &mut AnyConnection, org: &OrgId, s: &Structure, all_items: &[Item], now: OffsetDateTime) -> anyhow::Result<()> {
    let items: Vec<&Item> = all_items.iter().filter(|i| !i.hidden).collect();
    for round in ROUNDS {
        let group: &GroupId = &s.groups[round.group];
        let started = now - Duration::days(round.started_days_ago);
        let closed = round.decision.as_ref().map(|d| now - Duration::days(d.days_ago));
        let run = IntroRunId::new();
        sqlx::query(
            "INSERT INTO intro_runs (id, org_id, group_id, started_by, created_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(run.as_str())
        .bind(org.as_str())
        .bind(group.as_str())
        .bind(s.persons[round.respondents[0]].as_str())
        .bind(to_text(started))
        .bind(closed.map(to_text))
        .execute(&mut *conn)
        .await?;
        crate::tools::intro::store::fix_items(conn, org, &run, all_items).await?;
        crate::tools::promise::fix(conn, org, crate::tools::promise::Tool::Intro, run.as_str(), group, None, &to_text(started)).await?;
        for (p, email) in round.respondents.iter().enumerate() {
            let person: &PersonId = &s.persons[email];
            let at = started + Duration::hours(3 + 19 * p as i64);
            for (i, item) in items.iter().enumerate() {
                let Some(value) = answer(&item.key, p, i) else { continue };
                sqlx::query(
                    "INSERT INTO intro_answers (run_id, person_id, revision_id, org_id, value, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(run.as_str())
                .bind(person.as_str())
                .bind(item.revision_id.as_str())
                .bind(org.as_str())
                .bind(value)
                .bind(to_text(at))
                .execute(&mut *conn)
                .await?;
            }
            let comment = round.comments.iter().find(|(e, _)| e == email).map(|(_, c)| *c);
            sqlx::query(
                "INSERT INTO intro_respondents (run_id, person_id, org_id, comment, submitted_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(run.as_str())
            .bind(person.as_str())
            .bind(org.as_str())
            .bind(comment)
            .bind(to_text(at))
            .execute(&mut *conn)
            .await?;
        }
        if let (Some(d), Some(closed)) = (&round.decision, closed) {
            let leader = s.persons[round.respondents[0]].as_str();
            let due = (now + Duration::days(d.due_in_days)).date().format(time::macros::format_description!("[year]-[month]-[day]"))?;
            sqlx::query(
                "INSERT INTO intro_decisions (run_id, org_id, next_tool, owner_person_id, due_date, note, decided_by, decided_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(run.as_str())
            .bind(org.as_str())
            .bind(d.next_tool.code())
            .bind(leader)
            .bind(due)
            .bind(d.note)
            .bind(leader)
            .bind(to_text(closed))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_on_the_scale_and_varied() {
        let mut seen = std::collections::BTreeSet::new();
        let mut unknown = 0;
        for p in 0..7 {
            for i in 0..15 {
                match answer("status-thriving-in-role", p, i) {
                    Some(v) => {
                        assert!((1..=5).contains(&v));
                        seen.insert(v);
                    }
                    None => unknown += 1,
                }
            }
        }
        assert!(seen.len() >= 3, "{seen:?}");
        assert!(unknown > 0 && unknown < 15);
    }

    #[test]
    fn each_round_is_answered_by_its_own_group() {
        for round in ROUNDS {
            let (_, leader, members) = super::super::people::GROUPS.iter().find(|(n, _, _)| *n == round.group).unwrap();
            assert_eq!(round.respondents[0], *leader, "the group leader starts the round");
            assert!(round.respondents[1..].iter().all(|r| members.contains(r)));
            assert!(round.respondents.len() >= 3, "enough answers for the group to see its picture");
            assert!(round.comments.iter().all(|(e, _)| round.respondents.contains(e)));
        }
    }
}
