//! Tool 1 in Fjordby: leaders who have worked through the interview guide,
//! written their agreements, shared some points with their nearest leader
//! and ticked their daily points for weeks, so the follow-up pictures have
//! a history. Anne Marie Kristensen also has an earlier, finished period.

use super::people::Structure;
use crate::catalogue::store::Item;
use crate::storage::to_text;
use crate::tools::dialog::store::{self as agreements, PointInput};
use domain::agreement::{week_start, Period, PointKind, Rhythm};
use domain::ids::{AgreementId, OrgId, PersonId};
use sqlx::AnyConnection;
use time::{Date, Duration, OffsetDateTime};

struct Plan {
    email: &'static str,
    started_days_ago: i64,
    points: &'static [(PointKind, &'static str, &'static str, Rhythm)],
    /// Indexes into `points` that are shared with the nearest leader.
    shared: &'static [usize],
    agreed_by_leader: bool,
    /// One day in how many is "not kept", so the history looks lived.
    miss_every: i64,
    notes: &'static [(&'static str, &'static str)],
}

use PointKind::{Goal, ManagerCommitment as Manager, SelfCommitment as Myself, Wellbeing};
use Rhythm::{AtDialog, Daily, None as NoRhythm, Weekly};

const PLANS: &[Plan] = &[
    Plan {
        email: "anne.kristensen@fjordby.dk",
        started_days_ago: 40,
        points: &[
            (Goal, "Samle de tre børnehuse i Dagtilbud Nord om én fælles pædagogisk læreplan inden sommerferien.", "", NoRhythm),
            (Goal, "Få sygefraværet i Solsikken ned gennem bedre vagtplanlægning og tidlig dialog.", "", NoRhythm),
            (Wellbeing, "At jeg har tid til faglig sparring med mine lederkolleger i stedet for kun drift.", "", NoRhythm),
            (Wellbeing, "At jeg kan holde fri i weekenden uden at tjekke Aula og mail.", "", NoRhythm),
            (Myself, "Jeg lukker mail og Aula kl. 17 og åbner dem ikke igen før næste morgen.", "Et flueben hver aften, om jeg holdt det.", Daily),
            (Myself, "Jeg går en tur i frokostpausen to gange om ugen.", "Fredag skriver jeg, hvordan ugen gik.", Weekly),
            (Manager, "Lars og jeg prioriterer sammen, når der kommer nye opgaver fra forvaltningen.", "Vi tager det op på vores møde hver anden uge.", AtDialog),
            (Manager, "Jeg får en fast sparringstime med Lars hver måned om de svære personalesager.", "Ved næste dialog ser vi på, om timen bliver holdt.", AtDialog),
        ],
        shared: &[0, 1, 2, 6, 7],
        agreed_by_leader: true,
        miss_every: 5,
        notes: &[
            ("goals-main", "Læreplanen, sygefraværet i Solsikken og rekruttering af to pædagoger. Forvaltningen forventer også, at vi deltager i projektet om tidlig indsats."),
            ("goals-prioritise", "Jeg siger ja til for mange arbejdsgrupper. Jeg vil melde fra til to af dem."),
            ("wellbeing-care", "At jeg ikke er på hele tiden. Weekenderne skal være fri."),
            ("wellbeing-self", "Mail og Aula lukkes kl. 17. Gåtur i frokosten to gange om ugen."),
            ("nearest-frequency", "Hver anden uge en halv time med Lars, og en større dialog hvert kvartal."),
            ("nearest-support", "Lars kan hjælpe med at sige nej på mine vegne, når forvaltningen sender nye opgaver."),
        ],
    },
    Plan {
        email: "thomas.hansen@fjordby.dk",
        started_days_ago: 12,
        points: &[
            (Goal, "Gennemføre udbygningen af Bakkehuset uden at hverdagen for børnene lider.", "", NoRhythm),
            (Wellbeing, "At jeg ikke står alene med byggesagen.", "", NoRhythm),
            (Myself, "Jeg holder en time uden møder hver formiddag til at tænke.", "Flueben hver dag.", Daily),
        ],
        shared: &[],
        agreed_by_leader: false,
        miss_every: 3,
        notes: &[("goals-main", "Udbygningen fylder alt lige nu. Jeg skal have hjælp til at prioritere.")],
    },
    Plan {
        email: "lars.nielsen@fjordby.dk",
        started_days_ago: 25,
        points: &[
            (Goal, "Ny struktur i Børn og Unge på plads og forankret i ledergruppen.", "", NoRhythm),
            (Wellbeing, "At jeg har overskud til mine ledere, også når byrådet presser på.", "", NoRhythm),
            (Myself, "Jeg blokerer fredag eftermiddag til opfølgning og refleksion.", "Flueben hver fredag og ellers hver dag, hvor jeg holdt kalenderen ren.", Daily),
            (Manager, "Karen og jeg afstemmer forventningerne til strukturændringen hver måned.", "Ved vores månedlige møde.", AtDialog),
        ],
        shared: &[0, 1, 2, 3],
        agreed_by_leader: true,
        miss_every: 4,
        notes: &[("nearest-align", "Tidsplanen for strukturændringen og hvor meget jeg selv skal bære ud i organisationen.")],
    },
    Plan {
        email: "pia.lauridsen@fjordby.dk",
        started_days_ago: 60,
        points: &[
            (Goal, "Stabil bemanding i hjemmeplejen i vinterperioden.", "", NoRhythm),
            (Wellbeing, "At jeg får pauser i løbet af dagen.", "", NoRhythm),
            (Myself, "Jeg spiser frokost væk fra skærmen.", "Flueben hver dag.", Daily),
            (Manager, "Mette og jeg har en kort status hver mandag.", "Hver mandag, og større opfølgning ved kvartalsdialogen.", AtDialog),
        ],
        shared: &[0, 3],
        agreed_by_leader: true,
        miss_every: 6,
        notes: &[],
    },
];

pub async fn create(conn: &mut AnyConnection, org: &OrgId, s: &Structure, guide: &[Item], now: OffsetDateTime) -> anyhow::Result<()> {
    let today = crate::i18n::format::copenhagen(now).date();
    for plan in PLANS {
        let person = &s.persons[plan.email];
        let period = Period::starting(today - Duration::days(plan.started_days_ago));
        let earlier = if plan.email == "anne.kristensen@fjordby.dk" {
            let old = Period::starting(period.starts_on - Duration::days(91));
            let old = Period { ends_on: period.starts_on - Duration::days(1), ..old };
            let id = agreements::start(conn, org, person, old, None, now).await?;
            fill_points(conn, org, person, &id, &plan.points[2..6], now).await?;
            ticks(conn, org, person, &id, old, today, 4, now).await?;
            Some(id)
        } else {
            None
        };
        let id = agreements::start(conn, org, person, period, earlier.as_ref(), now).await?;
        fill_points(conn, org, person, &id, plan.points, now).await?;
        ticks(conn, org, person, &id, period, today, plan.miss_every, now).await?;
        if !plan.shared.is_empty() {
            let nearest = agreements::nearest_leader_in(conn, org, person).await?.map(|(id, _)| id);
            let points = agreements::points_in(conn, org, &id).await?;
            let chosen: Vec<_> = plan.shared.iter().filter_map(|i| points.get(*i).map(|p| p.id.clone())).collect();
            agreements::share(conn, org, person, &id, nearest.as_ref(), &chosen, now).await?;
            let pair = crate::notify::AgreementPair { id: &id, leader: person, shared_with: nearest.as_ref() };
            let shared_at = now - Duration::days(plan.started_days_ago.min(10));
            crate::notify::about_agreement(conn, org, pair, person, crate::notify::Kind::AgreementShared, shared_at).await?;
        }
        if plan.agreed_by_leader {
            sqlx::query("UPDATE agreements SET agreed_by_leader_at = $1 WHERE org_id = $2 AND id = $3")
                .bind(to_text(now - Duration::days(3)))
                .bind(org.as_str())
                .bind(id.as_str())
                .execute(&mut *conn)
                .await?;
        }
        for (key, text) in plan.notes {
            let Some(item) = guide.iter().find(|i| i.key == *key) else { continue };
            sqlx::query(
                "INSERT INTO guide_notes (person_id, item_id, org_id, revision_id, text, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(person.as_str())
            .bind(item.id.as_str())
            .bind(org.as_str())
            .bind(item.revision_id.as_str())
            .bind(*text)
            .bind(to_text(now - Duration::days(plan.started_days_ago + 2)))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

async fn fill_points(
    conn: &mut AnyConnection,
    org: &OrgId,
    person: &PersonId,
    agreement: &AgreementId,
    points: &[(PointKind, &str, &str, Rhythm)],
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    // A period started from an earlier one gets the demo's fuller list instead of the copies.
    let input: Vec<PointInput> = points
        .iter()
        .map(|(kind, text, follow_up, rhythm)| PointInput {
            id: None,
            kind: *kind,
            text: text.to_string(),
            follow_up: follow_up.to_string(),
            rhythm: *rhythm,
        })
        .collect();
    agreements::save_points(conn, org, person, agreement, &input, now).await?;
    Ok(())
}

/// Daily ticks for every past day of the period (one miss in `miss_every`,
/// a few unanswered days) and a weekly line for every past week.
async fn ticks(
    conn: &mut AnyConnection,
    org: &OrgId,
    person: &PersonId,
    agreement: &AgreementId,
    period: Period,
    today: Date,
    miss_every: i64,
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    for p in agreements::points_in(conn, org, agreement).await? {
        let mut day = period.starts_on;
        let mut n = 0i64;
        while day < today && day <= period.ends_on {
            n += 1;
            let entry = match p.rhythm {
                Rhythm::Daily if n % 11 != 0 => Some((day, n % miss_every != 0, "")),
                Rhythm::Weekly if day == week_start(day) && day >= period.starts_on => {
                    Some((day, n % 3 != 0, if n % 3 != 0 { "Gik godt, også da det regnede." } else { "Travl uge med budget – det blev ikke til noget." }))
                }
                _ => None,
            };
            if let Some((day, kept, note)) = entry {
                sqlx::query(
                    "INSERT INTO check_ins (point_id, day, org_id, person_id, kept, note, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(p.id.as_str())
                .bind(day.to_string())
                .bind(org.as_str())
                .bind(person.as_str())
                .bind(i64::from(kept))
                .bind(note)
                .bind(crate::storage::to_text(now))
                .execute(&mut *conn)
                .await?;
            }
            day += Duration::days(1);
        }
    }
    Ok(())
}
