//! Load-test data for the APV overview (scripts/load_apv.sh): an
//! organisation of `leaders` leaders in groups of ten, in 100 units under
//! ten areas, with five yearly campaigns in which every group ran a round,
//! handed in Skema 1 and closed it. Prints the id of the newest campaign.
//! With `open`, each group instead has one open round and every leader a
//! password; prints one line per leader for the Skema 1 load:
//! `<e-mail> <password> <round id> <theme revision ids, comma-separated>`.
//!
//!   cargo run --release --example seed_apv -- <database-url> <leaders> [open]
//!
//! Rows are written in batches of plain INSERTs (one transaction per
//! batch) rather than through the web forms: the figure measured is the
//! overview's read, and the forms' own speed is measured separately.

use domain::input::{Email, OrgName, PersonName, UnitName};
use domain::roles::Role;
use ledertrivsel::content::Shipped;
use ledertrivsel::org::{provision, store as org_store, units};
use ledertrivsel::storage::Db;
use ledertrivsel::tools::apv::store::fix_themes;
use ledertrivsel::tools::promise;
use domain::ids::{ApvCampaignId, ApvRoundId, GroupId, PersonId, UnitId};

const PASSWORD: &str = "lasttest-kodeord";
const GROUP_SIZE: usize = 10;
const YEARS: usize = 5;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // One reading of the wall clock: everything seeded is dated from it.
    let at = ledertrivsel::clock::Clock::wall().now();
    // One reading of the wall clock: everything seeded is dated from it.
    let args: Vec<String> = std::env::args().collect();
    let (url, leaders, open) = match args.as_slice() {
        [_, url, n] => (url.clone(), n.parse::<usize>()?, false),
        [_, url, n, mode] if mode == "open" => (url.clone(), n.parse::<usize>()?, true),
        _ => anyhow::bail!("usage: seed_apv <database-url> <leaders> [open]"),
    };
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let shipped = Shipped::load()?;
    let hash = ledertrivsel::auth::password::hash(PASSWORD).await?;
    let made = provision::create_org_with_admin(
        &db,
        &shipped,
        &OrgName::parse("Lasttest Kommune")?,
        &PersonName::parse("Lise HR")?,
        &Email::parse("hr@lasttest.dk")?,
        Some(&hash),
        &[],
        at,
    )
    .await?;
    let org = made.org;

    // Ten areas with ten units each.
    let mut tx = db.pool.begin().await?;
    let mut leaf_units: Vec<UnitId> = Vec::new();
    for a in 0..10 {
        let area = units::create(&mut tx, &org, &UnitName::parse(&format!("Område {a}"))?, None, at).await?;
        for u in 0..10 {
            leaf_units.push(units::create(&mut tx, &org, &UnitName::parse(&format!("Enhed {a}.{u}"))?, Some(&area), at).await?);
        }
    }
    tx.commit().await?;

    // Leaders and their groups: a group's ten leaders share a unit.
    let mut people: Vec<PersonId> = Vec::with_capacity(leaders);
    let mut groups: Vec<GroupId> = Vec::new();
    for chunk in (0..leaders).collect::<Vec<_>>().chunks(GROUP_SIZE) {
        let g = groups.len();
        let unit = &leaf_units[g % leaf_units.len()];
        let mut tx = db.pool.begin().await?;
        let mut members = Vec::new();
        for n in chunk {
            let email = Email::parse(&format!("leder{n}@lasttest.dk"))?;
            let account = org_store::ensure_account(&mut tx, &email, at).await?;
            if open {
                org_store::set_password(&mut tx, &account, &hash).await?;
            }
            let name = PersonName::parse(&format!("Leder {n}"))?;
            let person = org_store::create_person(
                &mut tx,
                &org,
                org_store::NewPerson { account: &account, name: &name, unit: Some(unit), nearest_leader: None, roles: &[Role::Leader] },
                at,
            )
            .await?;
            members.push(person.clone());
            people.push(person);
        }
        let group = GroupId::new();
        sqlx::query("INSERT INTO leader_groups (id, org_id, name, group_leader_id, created_at) VALUES ($1, $2, $3, $4, '2020-01-01T00:00:00Z')")
            .bind(group.as_str())
            .bind(org.as_str())
            .bind(format!("Ledergruppe {g}"))
            .bind(members[0].as_str())
            .execute(&mut *tx)
            .await?;
        for m in &members[1..] {
            sqlx::query("INSERT INTO group_members (group_id, person_id, org_id) VALUES ($1, $2, $3)")
                .bind(group.as_str())
                .bind(m.as_str())
                .bind(org.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        groups.push(group);
    }

    let items = ledertrivsel::catalogue::store::items(&db, &org, "apv").await?;
    let other_keys = ledertrivsel::tools::apv::other_keys(&shipped);
    let asked: Vec<String> = items.iter().filter(|i| !i.hidden).map(|i| i.revision_id.as_str().to_string()).collect();
    if open {
        for (g, group) in groups.iter().enumerate() {
            let round = ApvRoundId::new();
            let mut tx = db.pool.begin().await?;
            sqlx::query("INSERT INTO apv_rounds (id, org_id, group_id, variant, created_at) VALUES ($1, $2, $3, 'now', '2026-11-01T08:00:00Z')")
                .bind(round.as_str())
                .bind(org.as_str())
                .bind(group.as_str())
                .execute(&mut *tx)
                .await?;
            fix_themes(&mut tx, &org, &round, &items, &other_keys).await?;
            promise::fix(&mut tx, &org, promise::Tool::Apv, round.as_str(), group, None, "2026-11-01T08:00:00Z").await?;
            tx.commit().await?;
            for n in g * GROUP_SIZE..((g + 1) * GROUP_SIZE).min(leaders) {
                println!("leder{n}@lasttest.dk {PASSWORD} {round} {}", asked.join(","));
            }
        }
        return Ok(());
    }
    let mut newest = None;
    for year in 0..YEARS {
        let campaign = ApvCampaignId::new();
        let started = format!("{}-02-01T08:00:00Z", 2022 + year);
        let closed = format!("{}-04-01T08:00:00Z", 2022 + year);
        sqlx::query(
            "INSERT INTO apv_campaigns (id, org_id, title, variant, deadline, created_at, closed_at) VALUES ($1, $2, $3, 'now', $4, $5, $6)",
        )
        .bind(campaign.as_str())
        .bind(org.as_str())
        .bind(format!("Leder-APV {}", 2022 + year))
        .bind(format!("{}-02-28", 2022 + year))
        .bind(&started)
        .bind(&closed)
        .execute(&db.pool)
        .await?;
        for (g, group) in groups.iter().enumerate() {
            let round = ApvRoundId::new();
            let mut tx = db.pool.begin().await?;
            sqlx::query(
                "INSERT INTO apv_rounds (id, org_id, group_id, campaign_id, variant, created_at, absence, next_due, closed_at) \
                 VALUES ($1, $2, $3, $4, 'now', $5, 'no', $6, $7)",
            )
            .bind(round.as_str())
            .bind(org.as_str())
            .bind(group.as_str())
            .bind(campaign.as_str())
            .bind(&started)
            .bind(format!("{}-02-01", 2023 + year))
            .bind(&closed)
            .execute(&mut *tx)
            .await?;
            fix_themes(&mut tx, &org, &round, &items, &other_keys).await?;
            promise::fix(&mut tx, &org, promise::Tool::Apv, round.as_str(), group, None, &started).await?;
            for (p, person) in people[g * GROUP_SIZE..((g + 1) * GROUP_SIZE).min(people.len())].iter().enumerate() {
                // Nine in ten hand in; each marks about half the themes.
                if (p + g + year) % 10 == 9 {
                    continue;
                }
                for (t, rev) in asked.iter().enumerate() {
                    let pick = (p * 7 + t * 3 + g + year * 5) % 12;
                    if pick >= 6 {
                        continue;
                    }
                    let colour = ["red", "yellow", "green"][pick % 3];
                    let sql = match colour {
                        "red" => "INSERT INTO apv_answers (round_id, person_id, revision_id, org_id, red, updated_at) VALUES ($1, $2, $3, $4, 'travlt', $5)",
                        "yellow" => "INSERT INTO apv_answers (round_id, person_id, revision_id, org_id, yellow, updated_at) VALUES ($1, $2, $3, $4, '', $5)",
                        _ => "INSERT INTO apv_answers (round_id, person_id, revision_id, org_id, green, updated_at) VALUES ($1, $2, $3, $4, 'godt', $5)",
                    };
                    sqlx::query(sql)
                        .bind(round.as_str())
                        .bind(person.as_str())
                        .bind(rev)
                        .bind(org.as_str())
                        .bind(&started)
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query(
                    "INSERT INTO apv_respondents (round_id, person_id, org_id, submitted_at, unit_id) \
                     SELECT $1, $2, $3, $4, p.unit_id FROM persons p WHERE p.id = $2 AND p.org_id = $3",
                )
                .bind(round.as_str())
                .bind(person.as_str())
                .bind(org.as_str())
                .bind(&started)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        }
        eprintln!("campaign {} of {YEARS} written", year + 1);
        newest = Some(campaign);
    }
    // As a database that grew over five years would have: statistics for the
    // planner (PostgreSQL's autovacuum gathers them a while after a bulk load;
    // before that it planned the overview's respondents query as 10 million probes).
    sqlx::query("ANALYZE").execute(&db.pool).await?;
    println!("{}", newest.expect("at least one year"));
    Ok(())
}
