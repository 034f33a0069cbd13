//! Load-test data for Tool 1 (scripts/load_agreement.sh): an organisation of
//! leaders who each have a year of agreements (four three-month periods)
//! with five daily points ticked every day. Prints one line per leader:
//! `<e-mail> <password> <a daily point of the current period>`.
//!
//!   cargo run --release --example seed_agreements -- <database-url> <leaders>

use domain::agreement::{Period, PointKind, Rhythm};
use domain::input::{Email, OrgName, PersonName};
use domain::roles::Role;
use ledertrivsel::content::Shipped;
use ledertrivsel::org::{provision, store as org_store};
use ledertrivsel::storage::Db;
use ledertrivsel::tools::dialog::store::{self as agreements, PointInput};
use time::Duration;

const PASSWORD: &str = "lasttest-kodeord";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // One reading of the wall clock: everything seeded is dated from it.
    let at = ledertrivsel::clock::Clock::wall().now();
    // One reading of the wall clock: everything seeded is dated from it.
    let args: Vec<String> = std::env::args().collect();
    let (url, leaders) = match args.as_slice() {
        [_, url, n] => (url.clone(), n.parse::<usize>()?),
        _ => anyhow::bail!("usage: seed_agreements <database-url> <leaders>"),
    };
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let shipped = Shipped::load()?;
    let hash = ledertrivsel::auth::password::hash(PASSWORD).await?;
    let org = provision::create_org_with_admin(
        &db,
        &shipped,
        &OrgName::parse("Lasttest Kommune")?,
        &PersonName::parse("Lise HR")?,
        &Email::parse("hr@lasttest.dk")?,
        Some(&hash),
        &[],
        at,
    )
    .await?
    .org;
    let today = ledertrivsel::i18n::format::local_date(at);
    for n in 0..leaders {
        let email = Email::parse(&format!("leder{n}@lasttest.dk"))?;
        let mut tx = db.pool.begin().await?;
        let account = org_store::ensure_account(&mut tx, &email, at).await?;
        org_store::set_password(&mut tx, &account, &hash).await?;
        let person = org_store::create_person(
            &mut tx,
            &org,
            org_store::NewPerson { account: &account, name: &PersonName::parse(&format!("Leder {n}"))?, unit: None, nearest_leader: None, roles: &[Role::Leader] },
            at,
        )
        .await?;
        // Four periods back to back; the last one holds today.
        let mut start = today - Duration::days(300);
        let mut previous = None;
        let mut current_point = None;
        for _ in 0..4 {
            let period = Period::starting(start);
            let id = agreements::start(&mut tx, &org, &person, period, previous.as_ref(), at).await?;
            let points: Vec<PointInput> = (1..=5)
                .map(|i| PointInput {
                    id: None,
                    kind: PointKind::SelfCommitment,
                    text: format!("Daglig aftale nummer {i}"),
                    follow_up: "Flueben hver dag".into(),
                    rhythm: Rhythm::Daily,
                })
                .collect();
            agreements::save_points(&mut tx, &org, &person, &id, &points, at).await?;
            let saved = agreements::points_in(&mut tx, &org, &id).await?;
            let mut day = period.starts_on;
            while day < today && day <= period.ends_on {
                for p in &saved {
                    sqlx::query(
                        "INSERT INTO check_ins (point_id, day, org_id, person_id, kept, note, updated_at) VALUES ($1, $2, $3, $4, $5, '', $6)",
                    )
                    .bind(p.id.as_str())
                    .bind(day.to_string())
                    .bind(org.as_str())
                    .bind(person.as_str())
                    .bind(i64::from(day.day() % 4 != 0))
                    .bind(ledertrivsel::storage::to_text(at))
                    .execute(&mut *tx)
                    .await?;
                }
                day += Duration::days(1);
            }
            current_point = saved.first().map(|p| p.id.to_string());
            previous = Some(id);
            start = period.ends_on + Duration::days(1);
        }
        tx.commit().await?;
        println!("{} {PASSWORD} {}", email.as_str(), current_point.unwrap_or_default());
    }
    // Statistics for the planner, as autovacuum would gather them after the
    // bulk load (SQLite keeps its own; ANALYZE there is harmless).
    sqlx::query("ANALYZE").execute(&db.pool).await?;
    Ok(())
}
