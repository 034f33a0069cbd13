//! Durability check for handing in Skema 1 (scripts/load_skema1.sh): 32
//! leaders hand in Skema 1 over and over, each submission carrying a counter
//! in its keywords; after `kill_after` seconds the server is killed with
//! SIGKILL. Then every leader's stored Skema 1 must hold the last counter the
//! server acknowledged (2xx/3xx) or a later one: nothing acknowledged is lost.
//!
//!   skema1_kill <base-url> <database-url> <leaders-file> <server-pid> <kill-after-seconds>
//!
//! The leaders file is `seed_apv … open` output.

use ledertrivsel::storage::Db;
use std::sync::Arc;
use std::time::{Duration, Instant};

const TASKS: usize = 32;

struct Leader {
    email: String,
    password: String,
    round: String,
    revs: Vec<String>,
}

fn csrf_in(body: &str) -> Option<String> {
    let at = body.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(body[at..].split('"').next()?.to_string())
}

async fn sign_in(base: &str, l: &Leader) -> anyhow::Result<(reqwest::Client, String)> {
    let client = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build()?;
    let login = client.get(format!("{base}/login")).send().await?;
    let status = login.status();
    let login = login.text().await?;
    let csrf = csrf_in(&login).ok_or_else(|| anyhow::anyhow!("no CSRF token on /login ({status}): {}", &login[..login.len().min(300)]))?;
    let r = client.post(format!("{base}/login")).form(&[("email", l.email.as_str()), ("password", &l.password), ("csrf", &csrf)]).send().await?;
    anyhow::ensure!(r.status().as_u16() == 303, "sign-in of {} gave {}", l.email, r.status());
    let page = client.get(format!("{base}/apv/rounds/{}/map", l.round)).send().await?.text().await?;
    let csrf = csrf_in(&page).ok_or_else(|| anyhow::anyhow!("no CSRF token on Skema 1"))?;
    Ok((client, csrf))
}

/// Hands in Skema 1 with counter `n` until the server stops answering;
/// returns the last acknowledged counter and how many were acknowledged.
async fn hand_in_until_killed(base: Arc<str>, l: Arc<Leader>, client: reqwest::Client, csrf: String) -> (Option<u64>, u64) {
    let (mut last, mut acknowledged) = (None, 0);
    for n in 1u64.. {
        let marker = format!("lt-{n}");
        let mut form = vec![("csrf".to_string(), csrf.clone()), ("hand_in".into(), "1".into())];
        form.push((format!("m-{}-red", l.revs[0]), "1".into()));
        form.push((format!("k-{}-red", l.revs[0]), marker));
        form.push((format!("m-{}-green", l.revs[3]), "1".into()));
        form.push((format!("k-{}-green", l.revs[3]), "Gode kolleger".into()));
        form.push((format!("m-{}-yellow", l.revs[5]), "1".into()));
        let sent = client.post(format!("{base}/apv/rounds/{}/map", l.round)).form(&form).timeout(Duration::from_secs(5)).send().await;
        match sent {
            // Handed in: 303 back to the round with the notice.
            Ok(r) if r.status().as_u16() == 303 => {
                let to = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default();
                assert!(to.ends_with("?notice=handed-in"), "{} was sent to {to}", l.email);
                last = Some(n);
                acknowledged += 1;
            }
            Ok(r) => panic!("{} was refused with {}", l.email, r.status()),
            Err(_) => break,
        }
    }
    (last, acknowledged)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, url, file, pid, kill_after] = args.as_slice() else {
        anyhow::bail!("usage: skema1_kill <base-url> <database-url> <leaders-file> <server-pid> <kill-after-seconds>");
    };
    let leaders: Vec<Arc<Leader>> = std::fs::read_to_string(file)?
        .lines()
        .take(TASKS)
        .map(|line| {
            let f: Vec<&str> = line.split(' ').collect();
            Arc::new(Leader { email: f[0].into(), password: f[1].into(), round: f[2].into(), revs: f[3].split(',').map(String::from).collect() })
        })
        .collect();
    let base: Arc<str> = base.as_str().into();
    // Everyone signs in first, then all hand in at once.
    let mut signed_in = Vec::new();
    for l in &leaders {
        signed_in.push(sign_in(&base, l).await?);
    }
    let tasks: Vec<_> = leaders
        .iter()
        .zip(signed_in)
        .map(|(l, (client, csrf))| tokio::spawn(hand_in_until_killed(base.clone(), l.clone(), client, csrf)))
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
    let total: u64 = results.iter().map(|r| r.1).sum();
    println!("{total} Skema 1 acknowledged in {seconds:.1} s before SIGKILL ({:.0}/s)", total as f64 / seconds);

    let db = Db::connect(url).await?;
    let mut lost = 0;
    for (l, (last, _)) in leaders.iter().zip(&results) {
        let Some(last) = last else { continue };
        let stored: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT a.red FROM apv_answers a JOIN persons p ON p.id = a.person_id JOIN accounts c ON c.id = p.account_id \
             WHERE a.round_id = $1 AND a.revision_id = $2 AND c.email = $3 \
               AND EXISTS (SELECT 1 FROM apv_respondents x WHERE x.round_id = a.round_id AND x.person_id = a.person_id)",
        )
        .bind(&l.round)
        .bind(&l.revs[0])
        .bind(&l.email)
        .fetch_optional(&db.pool)
        .await?;
        let n: u64 = stored.and_then(|(red,)| red).and_then(|k| k.strip_prefix("lt-").and_then(|n| n.parse().ok())).unwrap_or(0);
        if n < *last {
            lost += 1;
            eprintln!("{}: acknowledged lt-{last}, stored lt-{n}", l.email);
        }
    }
    let answered = results.iter().filter(|r| r.0.is_some()).count();
    println!("leaders whose acknowledged Skema 1 is missing after restart: {lost} of {answered} with acknowledged answers");
    anyhow::ensure!(answered == leaders.len(), "every leader should have handed in before the kill");
    anyhow::ensure!(lost == 0, "acknowledged answers were lost");
    Ok(())
}
