//! `ledertrivsel demo`: a realistic demo organisation, Fjordby Kommune, with
//! a director, chiefs, about 20 leaders in leader groups, an HR admin,
//! MED/AMO representatives, units, reporting lines, two rounds of the
//! introduction tool, leader agreements with their conversations, dialogs
//! with nearest leaders, and points lifted to the groups and on to the
//! organisation. Prints one line per account, `<role> <e-mail> <password>`,
//! all with the same readable password.
//!
//! Running it again on the same database is refused (the organisation or one
//! of its addresses already exists): the demo never touches real accounts.

pub mod agreement;
mod apv;
mod apv_history;
mod cards;
mod collab;
mod live;
mod plan;
pub mod intro;
pub mod meetings;
pub mod people;
pub mod thread;
pub mod team;

use crate::config::DbArgs;
use crate::content::Shipped;
use crate::storage::Db;
use domain::input::{Email, OrgName, PersonName};

/// The one password of every demo account.
pub const PASSWORD: &str = "trivsel-i-fjordby";

/// One printed sign-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoAccount {
    pub role: &'static str,
    pub email: &'static str,
}

impl std::fmt::Display for DemoAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.role, self.email, PASSWORD)
    }
}

/// Why the demo was not created.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    AlreadyThere,
}

/// Creates the demo organisation in a migrated database.
/// The demo's history (ticks, meetings, rounds) is dated back from `now`.
pub async fn create(db: &Db, shipped: &Shipped, now: time::OffsetDateTime) -> anyhow::Result<Result<Vec<DemoAccount>, Refused>> {
    if already_there(db).await? {
        return Ok(Err(Refused::AlreadyThere));
    }
    let hash = crate::auth::password::hash(PASSWORD).await?;
    // One transaction from the organisation to its last row: a demo that is
    // stopped half-way (killed, a lock, a full disk) leaves nothing, so a
    // half-made organisation is never served and `demo` can simply run again.
    let mut tx = db.begin_write().await?;
    let made = crate::org::provision::create_org_with_admin_in(
        &mut tx,
        shipped,
        &OrgName::parse(people::ORG_NAME)?,
        &PersonName::parse(people::HR_NAME)?,
        &Email::parse(people::HR_EMAIL)?,
        Some(&hash),
        &[],
        now,
    )
    .await?;
    fill(&mut tx, shipped, &made, &hash, now).await?;
    tx.commit().await?;
    // The planner's statistics for what was just written, as autovacuum
    // would gather them a minute later: without them PostgreSQL plans every
    // table as one row (and SQLite has no such step to skip).
    if db.backend == crate::storage::Backend::Postgres
        && let Err(e) = sqlx::query("ANALYZE").execute(&db.pool).await
    {
        tracing::warn!(error = %e, "the demo is written; PostgreSQL's statistics will follow from autovacuum");
    }
    let mut accounts = vec![DemoAccount { role: people::Listed::HrAdmin.code(), email: people::HR_EMAIL }];
    let order = [
        people::Listed::TopManagement,
        people::Listed::GroupLeader,
        people::Listed::Leader,
        people::Listed::WorksCouncil,
        people::Listed::SafetyOrg,
    ];
    for listed in order {
        accounts.extend(
            people::PEOPLE.iter().filter(|p| p.listed == listed).map(|p| DemoAccount { role: listed.code(), email: p.email }),
        );
    }
    Ok(Ok(accounts))
}

async fn already_there(db: &Db) -> anyhow::Result<bool> {
    let (orgs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orgs WHERE name = $1")
        .bind(people::ORG_NAME)
        .fetch_one(&db.pool)
        .await?;
    if orgs > 0 {
        return Ok(true);
    }
    for email in people::all_emails() {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts WHERE email = $1")
            .bind(email)
            .fetch_one(&db.pool)
            .await?;
        if n > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

async fn fill(
    tx: &mut sqlx::AnyConnection,
    shipped: &Shipped,
    made: &crate::org::provision::Provisioned,
    hash: &str,
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    use crate::catalogue::store::items_in;
    let items = items_in(&mut *tx, &made.org, "intro").await?;
    let guide = items_in(&mut *tx, &made.org, "dialog").await?;
    let apv_themes = items_in(&mut *tx, &made.org, "apv").await?;
    let checklist = items_in(&mut *tx, &made.org, "collab").await?;
    let structure = people::create(&mut *tx, &made.org, &made.person, hash, now).await?;
    intro::create(&mut *tx, &made.org, &structure, &items, now).await?;
    agreement::create(&mut *tx, &made.org, &structure, &guide, now).await?;
    meetings::fill(&mut *tx, &made.org, &structure, now).await?;
    thread::fill(&mut *tx, &made.org, &structure, now).await?;
    // The demo's news was mailed when it happened: starting the demo sends no digest.
    sqlx::query("UPDATE notifications SET mailed_at = created_at WHERE org_id = $1").bind(made.org.as_str()).execute(&mut *tx).await?;
    team::fill(&mut *tx, &made.org, &structure, now).await?;
    apv::fill(&mut *tx, &made.org, &structure, &apv_themes, &crate::tools::apv::other_keys(shipped), now).await?;
    collab::fill(&mut *tx, &made.org, &structure, &checklist, now).await?;
    plan::fill(&mut *tx, &made.org, &made.person, now).await?;
    cards::fill(&mut *tx, &made.org, &structure, now).await?;
    live::fill(&mut *tx, &made.org, &structure, now).await?;
    Ok(())
}

/// `ledertrivsel demo`: migrate, create, print the sign-ins.
pub async fn run(args: &DbArgs) -> anyhow::Result<()> {
    std::fs::create_dir_all(&args.data_dir)
        .map_err(|e| anyhow::anyhow!("LEDERTRIVSEL_DATA_DIR {}: {e}", args.data_dir.display()))?;
    let db = Db::connect(&args.url()).await?;
    db.migrate().await?;
    let shipped = Shipped::load()?;
    match create(&db, &shipped, crate::clock::Clock::wall().now()).await? {
        Ok(accounts) => {
            eprintln!(
                "Demo-organisationen {} er oprettet. Alle konti har adgangskoden {PASSWORD}. Start serveren med \
                 `ledertrivsel serve` på samme database, og log ind med en af disse:",
                people::ORG_NAME
            );
            for account in accounts {
                println!("{account}");
            }
            Ok(())
        }
        Err(Refused::AlreadyThere) => anyhow::bail!(
            "demo-organisationen {} findes allerede i denne database (eller en af dens e-mailadresser er i brug). \
             Kør demo mod en ny datamappe, fx --data-dir ./demo-data",
            people::ORG_NAME
        ),
    }
}
