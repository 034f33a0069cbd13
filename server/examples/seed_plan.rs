//! Load-test data for Tool 3's overview (scripts/load_plan.sh): an
//! organisation of `leaders` leaders in groups of ten, where six in ten
//! leaders have a current agreement with two points, every group settled a
//! group agreement with two points, and every other group followed one up
//! at a later meeting; and a plan with four themes.
//!
//!   cargo run --release --example seed_plan -- <database-url> <leaders>
//!
//! Plain INSERTs in batches: the figure measured is the overview's read.

use domain::ids::{AgreementId, CollabPointId, CollabRoundId, GroupId, PersonId, PlanId};
use domain::input::{Email, OrgName, PersonName};
use domain::roles::Role;
use ledertrivsel::content::Shipped;
use ledertrivsel::org::{provision, store as org_store};
use ledertrivsel::storage::Db;

const PASSWORD: &str = "lasttest-kodeord";
const GROUP_SIZE: usize = 10;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // One reading of the wall clock: everything seeded is dated from it.
    let at = ledertrivsel::clock::Clock::wall().now();
    // One reading of the wall clock: everything seeded is dated from it.
    let args: Vec<String> = std::env::args().collect();
    let [_, url, n] = args.as_slice() else { anyhow::bail!("usage: seed_plan <database-url> <leaders>") };
    let leaders: usize = n.parse()?;
    let db = Db::connect(url).await?;
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
    let today = time::OffsetDateTime::now_utc().date();
    let (starts, ends) = ((today - time::Duration::days(30)).to_string(), (today + time::Duration::days(60)).to_string());
    let now = ledertrivsel::storage::to_text(at);
    for (g, chunk) in (0..leaders).collect::<Vec<_>>().chunks(GROUP_SIZE).enumerate() {
        let mut tx = db.pool.begin().await?;
        let mut members: Vec<PersonId> = Vec::new();
        for n in chunk {
            let account = org_store::ensure_account(&mut tx, &Email::parse(&format!("leder{n}@lasttest.dk"))?, at).await?;
            let name = PersonName::parse(&format!("Leder {n}"))?;
            let person = org_store::create_person(
                &mut tx,
                &org,
                org_store::NewPerson { account: &account, name: &name, unit: None, nearest_leader: None, roles: &[Role::Leader] },
                at,
            )
            .await?;
            if n % 10 < 6 {
                let agreement = AgreementId::new();
                sqlx::query("INSERT INTO agreements (id, org_id, person_id, starts_on, ends_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)")
                    .bind(agreement.as_str())
                    .bind(org.as_str())
                    .bind(person.as_str())
                    .bind(&starts)
                    .bind(&ends)
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
                for (position, kind) in ["wellbeing", "self"].iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO agreement_points (id, agreement_id, org_id, person_id, kind, position, text, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, 'Et punkt', $7, $7)",
                    )
                    .bind(domain::ids::PointId::new().as_str())
                    .bind(agreement.as_str())
                    .bind(org.as_str())
                    .bind(person.as_str())
                    .bind(*kind)
                    .bind(position as i64)
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            members.push(person);
        }
        let group = GroupId::new();
        sqlx::query("INSERT INTO leader_groups (id, org_id, name, group_leader_id, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(group.as_str())
            .bind(org.as_str())
            .bind(format!("Ledergruppe {g}"))
            .bind(members[0].as_str())
            .bind(&now)
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
        // A settled agreement two months ago; every other group followed it up last week.
        let mut points = Vec::new();
        for (round_no, days_ago) in [(0, 60), (1, 7)] {
            if round_no == 1 && g % 2 == 1 {
                continue;
            }
            let round = CollabRoundId::new();
            let day = ledertrivsel::storage::to_text(at - time::Duration::days(days_ago));
            sqlx::query(
                "INSERT INTO collab_rounds (id, org_id, group_id, started_by, meeting_at, minutes, created_at, closed_at) VALUES ($1, $2, $3, $4, $5, 120, $5, $5)",
            )
            .bind(round.as_str())
            .bind(org.as_str())
            .bind(group.as_str())
            .bind(members[0].as_str())
            .bind(&day)
            .execute(&mut *tx)
            .await?;
            ledertrivsel::tools::promise::fix(&mut tx, &org, ledertrivsel::tools::promise::Tool::Collab, round.as_str(), &group, None, &day).await?;
            for p in &points {
                sqlx::query(
                    "INSERT INTO collab_point_reviews (point_id, org_id, round_id, done, worked, next_step, reviewed_at) VALUES ($1, $2, $3, 1, 'yes', 'carry_on', $4)",
                )
                .bind(p)
                .bind(org.as_str())
                .bind(round.as_str())
                .bind(&day)
                .execute(&mut *tx)
                .await?;
            }
            points.clear();
            for position in 1..=2i64 {
                let point = CollabPointId::new();
                sqlx::query(
                    "INSERT INTO collab_points (id, round_id, org_id, position, text, owner_person_id, follow_up_on, updated_at) \
                     VALUES ($1, $2, $3, $4, 'Et punkt', $5, $6, $7)",
                )
                .bind(point.as_str())
                .bind(round.as_str())
                .bind(org.as_str())
                .bind(position)
                .bind(members[0].as_str())
                .bind(&ends)
                .bind(&day)
                .execute(&mut *tx)
                .await?;
                points.push(point.as_str().to_string());
            }
        }
        tx.commit().await?;
    }
    let plan = PlanId::new();
    sqlx::query("INSERT INTO org_plans (id, org_id, title, created_by, created_at) VALUES ($1, $2, 'Plan for ledertrivsel', $3, $4)")
        .bind(plan.as_str())
        .bind(org.as_str())
        .bind(made.person.as_str())
        .bind(&now)
        .execute(&db.pool)
        .await?;
    for (position, theme) in ["org-onboarding", "org-goals", "org-overload-stress", "org-leader-sparring"].iter().enumerate() {
        sqlx::query("INSERT INTO org_plan_themes (plan_id, org_id, theme, position, updated_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(plan.as_str())
            .bind(org.as_str())
            .bind(*theme)
            .bind(position as i64)
            .bind(&now)
            .execute(&db.pool)
            .await?;
    }
    // Fresh statistics, as a database that has lived a while has them.
    sqlx::query("ANALYZE").execute(&db.pool).await?;
    println!("{plan}");
    Ok(())
}
