//! The leader APV in Fjordby: Teknik, Kultur og Fritid finished a round
//! eleven months ago (picture, sorting, two action plans with actions, the
//! report), and Børn og Unge is in the middle of one: five of eight have
//! handed in Skema 1, Anne Kristensen has a draft, the meeting is ahead.

use super::people::Structure;
use crate::catalogue::store::Item;
use crate::storage::to_text;
use crate::tools::apv::store::{fix_themes, put_mark};
use domain::apv::{Colour, Mark};
use domain::ids::{ApvActionId, ApvPlanId, ApvRoundId, OrgId, PersonId};
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

/// What leaders might write per theme and colour: (theme key, colour,
/// ways of putting it). An empty text is a colour marked without words.
const ANSWERS: &[(&str, Colour, &[&str])] = &[
    ("demands", Colour::Red, &["For mange opgaver på én gang", "Administration æder tiden til personaleledelse", "Aftenarbejde med vagtplaner", ""]),
    ("demands", Colour::Yellow, &["Svært at finde tid til faglig ledelse", "Mange møder uden klar dagsorden"]),
    ("information", Colour::Red, &["Beslutninger om budget når for sent frem", "Hører om omstruktureringer fra medarbejderne først", ""]),
    ("information", Colour::Yellow, &["Referater fra direktionen er svære at finde"]),
    ("information", Colour::Green, &["God orientering på chefmøderne"]),
    ("influence", Colour::Yellow, &["Høres først, når rammerne er lagt", "Korte høringsfrister"]),
    ("influence", Colour::Green, &["Reel indflydelse på egen organisering", ""]),
    ("development", Colour::Green, &["Lederuddannelsen giver meget", "Godt netværk for nye ledere"]),
    ("development", Colour::Yellow, &["Ingen tid til at bruge det, jeg lærer"]),
    ("role-clarity", Colour::Yellow, &["Uklart, hvem der har ansvaret for sygefravær", "Gråzoner mellem os og HR"]),
    ("role-clarity", Colour::Green, &["Klar stillingsbeskrivelse"]),
    ("nearest-chief", Colour::Green, &["Min chef er let at få fat i", "Tillid og frihed", ""]),
    ("nearest-chief", Colour::Yellow, &["Savner sparring før svære samtaler"]),
    ("peer-leaders", Colour::Green, &["Gode kolleger, vi hjælper hinanden", "Vi deler gerne vagter og vikarer"]),
    ("peer-leaders", Colour::Yellow, &["Ledermøderne er mest information"]),
    ("staff-collaboration", Colour::Green, &["Engagerede medarbejdere", "God tone i personalegruppen"]),
    ("staff-collaboration", Colour::Yellow, &["Svært at være nærværende med mange vikarer"]),
    ("conflicts", Colour::Red, &["Alene med en langvarig konflikt i personalegruppen"]),
    ("conflicts", Colour::Yellow, &["Vil gerne klædes bedre på", ""]),
    ("bullying", Colour::Green, &["Ingen aktuelle sager", ""]),
    ("violence", Colour::Yellow, &["Truende forældre et par gange om året"]),
    ("violence", Colour::Red, &["Borgere med udadreagerende adfærd; mangler beredskab"]),
];

/// What leader `p` writes: a deterministic spread, so leaders differ, each
/// marks around half of the rows, and the demo looks the same every time.
fn marks_of(p: usize) -> Vec<(&'static str, Colour, &'static str)> {
    ANSWERS
        .iter()
        .enumerate()
        .filter(|(i, _)| (i + p + i * p) % 11 < 6)
        .map(|(i, (key, colour, ways))| (*key, *colour, ways[(p + i) % ways.len()]))
        .collect()
}

struct RoundSpec {
    group: &'static str,
    started_days_ago: i64,
    deadline_in_days: i64,
    /// Who handed in (the group's leader first).
    handed_in: &'static [&'static str],
    /// A draft not yet handed in.
    draft: Option<&'static str>,
    closed_days_ago: Option<i64>,
}

const ROUNDS: &[RoundSpec] = &[
    RoundSpec {
        group: "Ledergruppen i Teknik, Kultur og Fritid",
        started_days_ago: 340,
        deadline_in_days: -330,
        handed_in: &[
            "jens.poulsen@fjordby.dk",
            "martin.vestergaard@fjordby.dk",
            "niels.kirkegaard@fjordby.dk",
            "charlotte.jorgensen@fjordby.dk",
            "ida.madsen@fjordby.dk",
            "helle.thomsen@fjordby.dk",
            "soren.olsen@fjordby.dk",
        ],
        draft: None,
        closed_days_ago: Some(300),
    },
    RoundSpec {
        group: "Ledergruppen i Børn og Unge",
        started_days_ago: 6,
        deadline_in_days: 4,
        handed_in: &[
            "lars.nielsen@fjordby.dk",
            "thomas.hansen@fjordby.dk",
            "louise.jensen@fjordby.dk",
            "camilla.larsen@fjordby.dk",
            "rasmus.thygesen@fjordby.dk",
        ],
        draft: Some("anne.kristensen@fjordby.dk"),
        closed_days_ago: None,
    },
];

fn day(t: OffsetDateTime) -> String {
    t.date().to_string()
}

pub async fn fill(conn: &mut AnyConnection, org: &OrgId, s: &Structure, items: &[Item], other_keys: &[&str], now: OffsetDateTime) -> anyhow::Result<()> {
    let revision_of = |key: &str| items.iter().find(|i| i.key == key).map(|i| i.revision_id.as_str().to_string());
    for spec in ROUNDS {
        let round = ApvRoundId::new();
        let started = now - Duration::days(spec.started_days_ago);
        let leader = &s.persons[spec.handed_in[0]];
        sqlx::query(
            "INSERT INTO apv_rounds (id, org_id, group_id, variant, deadline, started_by, created_at) VALUES ($1, $2, $3, 'now', $4, $5, $6)",
        )
        .bind(round.as_str())
        .bind(org.as_str())
        .bind(s.groups[spec.group].as_str())
        .bind(day(now + Duration::days(spec.deadline_in_days)))
        .bind(leader.as_str())
        .bind(to_text(started))
        .execute(&mut *conn)
        .await?;
        fix_themes(conn, org, &round, items, other_keys).await?;
        crate::tools::promise::fix(conn, org, crate::tools::promise::Tool::Apv, round.as_str(), &s.groups[spec.group], None, &to_text(started)).await?;
        let writers = spec.handed_in.iter().map(|e| (e, true)).chain(spec.draft.iter().map(|e| (e, false)));
        for (p, (email, handed_in)) in writers.enumerate() {
            let at = started + Duration::hours(5 + 17 * p as i64);
            write_skema1(conn, org, &round, &s.persons[*email], p, handed_in.then_some(at), &revision_of, now).await?;
        }
        if let Some(closed) = spec.closed_days_ago {
            finish(conn, org, s, &round, &revision_of, now, closed).await?;
            next_round(conn, org, s, &round, spec, items, other_keys, now).await?;
        }
    }
    Ok(())
}

/// One leader's Skema 1 in the spread of leader `p`, handed in at `handed_in`
/// or left as a draft.
pub(super) async fn write_skema1(
    conn: &mut AnyConnection,
    org: &OrgId,
    round: &ApvRoundId,
    person: &PersonId,
    p: usize,
    handed_in: Option<OffsetDateTime>,
    revision_of: &dyn Fn(&str) -> Option<String>,
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    // Both colours of a theme go into its one row, as the form saves them.
    let mut marks: std::collections::BTreeMap<String, Mark> = Default::default();
    for (key, colour, words) in marks_of(p) {
        let Some(rev) = revision_of(key) else { continue };
        marks.entry(rev).or_default().colours[colour.index()] = Some(words.to_string());
    }
    for (rev, mark) in &marks {
        put_mark(conn, org, round, person, rev, mark, now).await?;
    }
    if let Some(at) = handed_in {
        sqlx::query(
            "INSERT INTO apv_respondents (round_id, person_id, org_id, submitted_at, unit_id) \
             SELECT $1, $2, $3, $4, p.unit_id FROM persons p WHERE p.id = $2 AND p.org_id = $3",
        )
        .bind(round.as_str())
        .bind(person.as_str())
        .bind(org.as_str())
        .bind(to_text(at))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A finished round was part of last year's campaign; its group has just
/// started the next round, whose leader has begun reviewing last year's actions.
#[allow(clippy::too_many_arguments)]
async fn next_round(
    conn: &mut AnyConnection,
    org: &OrgId,
    s: &Structure,
    last: &ApvRoundId,
    spec: &RoundSpec,
    items: &[Item],
    other_keys: &[&str],
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    super::apv_history::campaigns(conn, org, s, last, items, other_keys, now).await?;
    let round = ApvRoundId::new();
    let leader = &s.persons[spec.handed_in[0]];
    sqlx::query(
        "INSERT INTO apv_rounds (id, org_id, group_id, variant, deadline, started_by, created_at) VALUES ($1, $2, $3, 'now', $4, $5, $6)",
    )
    .bind(round.as_str())
    .bind(org.as_str())
    .bind(s.groups[spec.group].as_str())
    .bind(day(now + Duration::days(12)))
    .bind(leader.as_str())
    .bind(to_text(now - Duration::days(2)))
    .execute(&mut *conn)
    .await?;
    fix_themes(conn, org, &round, items, other_keys).await?;
    crate::tools::promise::fix(conn, org, crate::tools::promise::Tool::Apv, round.as_str(), &s.groups[spec.group], None, &to_text(now - Duration::days(2))).await?;
    // Four have handed in this year's Skema 1, a little less red than last
    // year, so the meeting shows what changed.
    let revision_of = |key: &str| items.iter().find(|i| i.key == key).map(|i| i.revision_id.as_str().to_string());
    for (p, email) in spec.handed_in.iter().take(4).enumerate() {
        let at = now - Duration::days(2) + Duration::hours(3 + 5 * p as i64);
        write_skema1(conn, org, &round, &s.persons[*email], p + 7, Some(at), &revision_of, now).await?;
    }
    // The group met yesterday: its leader showed the picture, so the meeting
    // page has the picture and what changed since last year.
    crate::tools::promise::reveal(conn, org, round.as_str(), now - Duration::days(1)).await?;
    let done: Vec<(String,)> = sqlx::query_as(
        "SELECT a.id FROM apv_actions a JOIN apv_plans p ON p.id = a.plan_id AND p.org_id = a.org_id \
         WHERE a.org_id = $1 AND p.round_id = $2 AND a.done_at IS NOT NULL ORDER BY a.due_on",
    )
    .bind(org.as_str())
    .bind(last.as_str())
    .fetch_all(&mut *conn)
    .await?;
    for (i, (action,)) in done.iter().enumerate() {
        sqlx::query(
            "INSERT INTO apv_action_reviews (action_id, org_id, round_id, done, worked, next_step, reviewed_by, reviewed_at) \
             VALUES ($1, $2, $3, 1, $4, 'carry_on', $5, $6)",
        )
        .bind(action)
        .bind(org.as_str())
        .bind(round.as_str())
        .bind(if i == 0 { "yes" } else { "partly" })
        .bind(leader.as_str())
        .bind(to_text(now - Duration::days(1)))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The finished round's meeting and report: sorting, two plans with actions.
#[allow(clippy::too_many_arguments)]
async fn finish(
    conn: &mut AnyConnection,
    org: &OrgId,
    s: &Structure,
    round: &ApvRoundId,
    revision_of: &dyn Fn(&str) -> Option<String>,
    now: OffsetDateTime,
    closed_days_ago: i64,
) -> anyhow::Result<()> {
    let sorting = [
        ("demands", Colour::Red, "group"),
        ("information", Colour::Red, "organisation"),
        ("conflicts", Colour::Red, "individual"),
        ("peer-leaders", Colour::Green, "group"),
        ("development", Colour::Yellow, "individual"),
        ("violence", Colour::Red, "organisation"),
    ];
    for (key, colour, level) in sorting {
        let Some(rev) = revision_of(key) else { continue };
        sqlx::query("INSERT INTO apv_sorting (round_id, revision_id, colour, org_id, level) VALUES ($1, $2, $3, $4, $5)")
            .bind(round.as_str())
            .bind(rev)
            .bind(colour.code())
            .bind(org.as_str())
            .bind(level)
            .execute(&mut *conn)
            .await?;
    }
    let meeting = now - Duration::days(closed_days_ago + 10);
    lift_organisation_themes(conn, org, s, round, revision_of, now).await?;
    let plans: [(&str, [&str; 11], &[(&str, &str, i64, bool)]); 2] = [
        (
            "demands",
            [
                "Lederne bruger aftener på vagtplaner og administration, og tiden til personaleledelse skrumper.",
                "Vi samler vagtplanlægningen hos én planlægger pr. område og tager et fast ugentligt tidsrum uden møder.",
                "En planlæggerstilling på 20 timer, finansieret af de fem afdelinger i fællesskab.",
                "Start 1. februar, prøveperiode på fire måneder, evaluering i juni.",
                "Lederne i Teknik, Kultur og Fritid og HR.",
                "Jens har ansvaret for stillingen; hver leder for at holde sit mødefri tidsrum.",
                "Vi spørger på ledermødet i juni: Hvor mange aftener har du brugt på planer den seneste måned?",
                "Ledermødet i juni",
                "Alvorligt: fem af syv markerede det rødt.",
                "Alle afdelinger med vagtplaner; værst i Vej og Park.",
                "Flere vikarer og ingen fælles planlægning.",
            ],
            &[
                ("Slå planlæggerstillingen op", "jens.poulsen@fjordby.dk", -280, true),
                ("Fast mødefri formiddag i kalenderen", "martin.vestergaard@fjordby.dk", -290, true),
                ("Evaluer ordningen på ledermødet", "jens.poulsen@fjordby.dk", -200, false),
            ],
        ),
        (
            "information",
            [
                "Beslutninger om budget og organisering når for sent frem til lederne.",
                "Et fast punkt »Nyt fra direktionen« på hvert ledermøde og et kort skriftligt referat samme dag.",
                "Ti minutter på ledermødet; chefen skriver referatet.",
                "Fra næste ledermøde; løbende.",
                "Chefen og lederne.",
                "Jens giver nyt og skriver referat; lederne giver besked, hvis noget mangler.",
                "Ved næste APV: falder antallet af røde markeringer på information?",
                "Næste APV",
                "Betydeligt: skaber usikkerhed hos lederne og deres medarbejdere.",
                "Alle ledere i gruppen.",
                "Ingen fast informationsvej fra direktion til ledere.",
            ],
            &[("Fast punkt på dagsordenen", "jens.poulsen@fjordby.dk", -310, true)],
        ),
    ];
    for (key, fields, actions) in plans {
        let Some(rev) = revision_of(key) else { continue };
        let plan = ApvPlanId::new();
        sqlx::query(
            "INSERT INTO apv_plans (id, round_id, org_id, revision_id, issue, activities, resources, timing, participants, \
               responsibilities, evaluation, follow_up, severity, extent, causes, follow_up_on, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)",
        )
        .bind(plan.as_str())
        .bind(round.as_str())
        .bind(org.as_str())
        .bind(rev)
        .bind(fields[0])
        .bind(fields[1])
        .bind(fields[2])
        .bind(fields[3])
        .bind(fields[4])
        .bind(fields[5])
        .bind(fields[6])
        .bind(fields[7])
        .bind(fields[8])
        .bind(fields[9])
        .bind(fields[10])
        .bind(day(meeting + Duration::days(120)))
        .bind(to_text(meeting))
        .execute(&mut *conn)
        .await?;
        for (text, owner, due_in, done) in actions {
            sqlx::query(
                "INSERT INTO apv_actions (id, plan_id, org_id, text, owner_person_id, due_on, done_at, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(ApvActionId::new().as_str())
            .bind(plan.as_str())
            .bind(org.as_str())
            .bind(*text)
            .bind(s.persons[*owner].as_str())
            .bind(day(now + Duration::days(*due_in)))
            .bind(done.then(|| to_text(now + Duration::days(*due_in - 3))))
            .bind(to_text(meeting))
            .execute(&mut *conn)
            .await?;
        }
    }
    sqlx::query(
        "UPDATE apv_rounds SET absence = 'partly', \
           absence_note = 'To ledere nævner travlhed og aftenarbejde i forbindelse med sygemeldinger; det følger vi op på med planlæggerstillingen.', \
           amo_on = $3, amo_note = 'Arbejdsmiljørepræsentanten Ole Friis deltog i mødet og godkendte handlingsplanerne.', \
           next_due = $4, closed_at = $5 WHERE org_id = $1 AND id = $2",
    )
    .bind(org.as_str())
    .bind(round.as_str())
    .bind(day(meeting))
    .bind(day(now + Duration::days(25)))
    .bind(to_text(now - Duration::days(closed_days_ago)))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The two themes sorted as the organisation's went up through the thread;
/// HR has answered the first.
async fn lift_organisation_themes(
    conn: &mut AnyConnection,
    org: &OrgId,
    s: &Structure,
    round: &ApvRoundId,
    revision_of: &dyn Fn(&str) -> Option<String>,
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    use crate::thread::store::{self as lifts, NewLift};
    use domain::thread::{Answer, Destination, LiftText, SourceKind};
    let jens = &s.persons["jens.poulsen@fjordby.dk"];
    let group = &s.groups["Ledergruppen i Teknik, Kultur og Fritid"];
    let sent = [
        ("information", "Beslutninger om budget og organisering når for sent frem til os ledere. Vi ønsker et kort referat fra direktionen samme dag.", true),
        ("violence", "Vi mangler et fælles beredskab for borgere med udadreagerende adfærd på tværs af kultur- og fritidstilbuddene.", false),
    ];
    for (key, text, answered) in sent {
        let Some(rev) = revision_of(key) else { continue };
        let source = crate::tools::apv::lift::source_id(round, &rev, Colour::Red);
        let text = LiftText::parse(text)?;
        let new = NewLift {
            source_kind: SourceKind::ApvTheme,
            source_id: &source,
            from_person: jens,
            from_group: Some(group),
            to: &Destination::Organisation,
            text: &text,
            attributed: true,
        };
        let Some(lift) = lifts::lift(conn, org, new, now).await? else { continue };
        if answered {
            let answer = Answer::parse("taken", "Direktionen sender fra nu et kort referat til alle ledere samme dag som mødet.")?;
            lifts::answer(conn, org, &Destination::Organisation, &lift, &answer, &s.persons[super::people::HR_EMAIL], now).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_round_is_answered_by_its_own_group() {
        for round in ROUNDS {
            let (_, leader, members) = super::super::people::GROUPS.iter().find(|(n, _, _)| *n == round.group).unwrap();
            assert_eq!(round.handed_in[0], *leader);
            assert!(round.handed_in[1..].iter().chain(round.draft.iter()).all(|r| members.contains(r)));
            assert!(round.handed_in.len() >= 5, "enough for the group, and for HR at k = 5 once closed");
        }
    }

    #[test]
    fn every_leader_marks_several_themes() {
        for p in 0..8 {
            let n = marks_of(p).len();
            assert!((8..=18).contains(&n), "{p}: {n}");
        }
        let keys = crate::content::Shipped::load().unwrap();
        for (key, _, _) in ANSWERS {
            assert!(keys.apv.da.themes.iter().any(|t| t.key == *key), "{key}");
        }
    }
}
