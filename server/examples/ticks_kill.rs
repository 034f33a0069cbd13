//! Durability check for the daily tick (scripts/load_agreement.sh, issue 16's
//! "tick check"): 32 leaders tick their daily point over and over, for today
//! and the three days before, kept and not kept in turn; after `kill_after`
//! seconds the server is killed with SIGKILL. Then every (point, day) must
//! hold the last tick the server acknowledged (303), or the one tick that was
//! in flight when the server died: nothing acknowledged is lost.
//!
//!   ticks_kill <base-url> <database-url> <leaders-file> <server-pid> <kill-after-seconds>
//!
//! The leaders file is `seed_agreements` output: `<e-mail> <password> <point>`.

use ledertrivsel::storage::Db;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

const TASKS: usize = 32;
const DAYS: i64 = 4;

struct Leader {
    email: String,
    password: String,
    point: String,
}

/// Per day: the last acknowledged `kept`, and the one sent when the server
/// stopped answering (it may or may not have been committed).
#[derive(Default)]
struct Sent {
    acknowledged: HashMap<String, bool>,
    in_flight: Option<(String, bool)>,
    count: u64,
}

fn csrf_in(body: &str) -> Option<String> {
    let at = body.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(body[at..].split('"').next()?.to_string())
}

async fn sign_in(base: &str, l: &Leader) -> anyhow::Result<(reqwest::Client, String)> {
    let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build()?;
    let login = client.get(format!("{base}/login")).send().await?.text().await?;
    let csrf = csrf_in(&login).ok_or_else(|| anyhow::anyhow!("no CSRF token on /login"))?;
    let r = client.post(format!("{base}/login")).form(&[("email", l.email.as_str()), ("password", &l.password), ("csrf", &csrf)]).send().await?;
    anyhow::ensure!(r.status().as_u16() == 303, "sign-in of {} gave {}", l.email, r.status());
    let page = client.get(format!("{base}/")).send().await?.text().await?;
    let csrf = csrf_in(&page).ok_or_else(|| anyhow::anyhow!("no CSRF token on the start page"))?;
    Ok((client, csrf))
}

async fn tick_until_killed(base: Arc<str>, l: Arc<Leader>, client: reqwest::Client, csrf: String, days: Arc<Vec<String>>) -> Sent {
    let mut sent = Sent::default();
    for n in 0u64.. {
        let day = &days[(n % DAYS as u64) as usize];
        let kept = (n / DAYS as u64).is_multiple_of(2);
        let form = [("csrf", csrf.as_str()), ("kept", if kept { "yes" } else { "no" }), ("day", day), ("back", "/")];
        let answer = client.post(format!("{base}/dialog/points/{}/tick", l.point)).form(&form).timeout(Duration::from_secs(5)).send().await;
        match answer {
            Ok(r) if r.status().as_u16() == 303 => {
                sent.acknowledged.insert(day.clone(), kept);
                sent.count += 1;
            }
            Ok(r) => panic!("{} was refused with {}", l.email, r.status()),
            Err(_) => {
                sent.in_flight = Some((day.clone(), kept));
                break;
            }
        }
    }
    sent
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, url, file, pid, kill_after] = args.as_slice() else {
        anyhow::bail!("usage: ticks_kill <base-url> <database-url> <leaders-file> <server-pid> <kill-after-seconds>");
    };
    let leaders: Vec<Arc<Leader>> = std::fs::read_to_string(file)?
        .lines()
        .take(TASKS)
        .map(|line| {
            let f: Vec<&str> = line.split(' ').collect();
            Arc::new(Leader { email: f[0].into(), password: f[1].into(), point: f[2].into() })
        })
        .collect();
    // The server's own "today" and the days before it that may be ticked.
    let today = ledertrivsel::clock::Clock::wall().today();
    let days: Arc<Vec<String>> = Arc::new((0..DAYS).map(|d| (today - time::Duration::days(d)).to_string()).collect());
    let base: Arc<str> = base.as_str().into();
    let mut signed_in = Vec::new();
    for l in &leaders {
        signed_in.push(sign_in(&base, l).await?);
    }
    let tasks: Vec<_> = leaders
        .iter()
        .zip(signed_in)
        .map(|(l, (client, csrf))| tokio::spawn(tick_until_killed(base.clone(), l.clone(), client, csrf, days.clone())))
        .collect();
    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs(kill_after.parse()?)).await;
    let killed = std::process::Command::new("kill").args(["-9", pid]).status()?;
    anyhow::ensure!(killed.success(), "could not kill the server");
    let seconds = started.elapsed().as_secs_f64();
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await?);
    }
    let total: u64 = results.iter().map(|r| r.count).sum();
    println!("{total} ticks acknowledged in {seconds:.1} s before SIGKILL ({:.0}/s)", total as f64 / seconds);

    let db = Db::connect(url).await?;
    let (mut slots, mut lost) = (0, 0);
    for (l, sent) in leaders.iter().zip(&results) {
        for (day, kept) in &sent.acknowledged {
            slots += 1;
            let stored: Option<(i64,)> = sqlx::query_as("SELECT kept FROM check_ins WHERE point_id = $1 AND day = $2")
                .bind(&l.point)
                .bind(day)
                .fetch_optional(&db.pool)
                .await?;
            let stored = stored.map(|(k,)| k != 0);
            let in_flight = sent.in_flight.as_ref().filter(|(d, _)| d == day).map(|(_, k)| *k);
            if stored != Some(*kept) && (stored.is_none() || stored != in_flight) {
                lost += 1;
                eprintln!("{} {day}: acknowledged kept={kept}, stored {stored:?}", l.email);
            }
        }
    }
    println!("days whose acknowledged tick is missing after restart: {lost} of {slots} (32 leaders × {DAYS} days)");
    anyhow::ensure!(results.iter().all(|r| r.count > 0), "every leader should have ticked before the kill");
    anyhow::ensure!(lost == 0, "acknowledged ticks were lost");
    Ok(())
}
