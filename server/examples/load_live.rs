//! Load test of live sessions (scripts/load_live.sh, docs/performance.md):
//! `sessions` sessions with `per_session` guest participants each, all
//! connected over WebSocket to one server; every participant sends a note
//! every `every` seconds (at a random phase), and every other participant
//! of the session measures how long it took to arrive. Sender and receivers
//! are in this process, so one clock measures the whole way: client →
//! server → decided → committed → fanned out → client.
//!
//!   cargo run --release --example load_live -- <database-url> <base-url> <server-pid> \
//!       [sessions=1000] [per_session=10] [every=5] [seconds=60] [flooders=0]
//!
//! With `flooders` > 0, one participant in each of that many sessions
//! sends a command every millisecond instead (the server refuses all but
//! five a second), to show that a flood does not slow the others.
//!
//! Seeds the sessions straight into the database (a facilitator who stays
//! away, and guests whose cookie secrets this program knows), then reads
//! the server's resident memory before and after connecting.

use futures_util::{SinkExt, StreamExt};
use ledertrivsel::storage::Db;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

fn arg<T: std::str::FromStr>(args: &[String], i: usize, default: T) -> T {
    args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default)
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse().ok()).unwrap_or(0)
}

fn secret(session: usize, n: usize) -> String {
    format!("lasttest-{session}-{n}-hemmelighed")
}

async fn seed(db: &Db, sessions: usize, per_session: usize) -> anyhow::Result<Vec<String>> {
    // One reading of the wall clock: everything seeded is dated from it.
    let at = ledertrivsel::clock::Clock::wall().now();
    // One reading of the wall clock: everything seeded is dated from it.
    use domain::input::{Email, OrgName, PersonName};
    let shipped = ledertrivsel::content::Shipped::load()?;
    let made = ledertrivsel::org::provision::create_org_with_admin(
        db,
        &shipped,
        &OrgName::parse("Lasttest Live")?,
        &PersonName::parse("Facilitator")?,
        &Email::parse("hr@lasttest-live.dk")?,
        None,
        &[],
        at,
    )
    .await?;
    let now = ledertrivsel::storage::to_text(at);
    let mut ids = Vec::with_capacity(sessions);
    for chunk in (0..sessions).collect::<Vec<_>>().chunks(50) {
        let mut tx = db.pool.begin().await?;
        for s in chunk {
            let id = domain::ids::LiveSessionId::new().as_str().to_string();
            sqlx::query("INSERT INTO live_sessions (id, org_id, deck, procedure, join_code, created_by, created_at) VALUES ($1, $2, 'organisation', 'prioritise', $3, $4, $5)")
                .bind(&id)
                .bind(made.org.as_str())
                .bind(format!("L{s:05}"))
                .bind(made.person.as_str())
                .bind(&now)
                .execute(&mut *tx)
                .await?;
            for n in 1..=per_session + 1 {
                let name = if n == 1 { "Facilitator".to_string() } else { format!("Deltager {n}") };
                let (person, hash) = if n == 1 { (Some(made.person.as_str()), None) } else { (None, Some(ledertrivsel::auth::tokens::digest(&secret(*s, n)))) };
                sqlx::query("INSERT INTO live_participants (session_id, no, person_id, name, guest_secret_hash, joined_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&id)
                    .bind(n as i64)
                    .bind(person)
                    .bind(&name)
                    .bind(hash)
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
                let joined = domain::live::Event::Joined { p: n as u32, name, facilitator: n == 1 };
                sqlx::query("INSERT INTO live_events (session_id, seq, participant, client_id, body, at) VALUES ($1, $2, NULL, NULL, $3, $4)")
                    .bind(&id)
                    .bind(n as i64)
                    .bind(serde_json::to_string(&joined)?)
                    .bind(&now)
                    .execute(&mut *tx)
                    .await?;
            }
            ids.push(id);
        }
        tx.commit().await?;
    }
    Ok(ids)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        anyhow::bail!("usage: load_live <database-url> <base-url> <server-pid> [sessions] [per_session] [every] [seconds]");
    }
    let (url, base, pid) = (&args[1], args[2].trim_end_matches('/').to_string(), arg::<u32>(&args, 3, 0));
    let (sessions, per_session, every, seconds) = (arg(&args, 4, 1000usize), arg(&args, 5, 10usize), arg(&args, 6, 5u64), arg(&args, 7, 60u64));
    let flooders = arg(&args, 8, 0usize);
    let db = Db::connect(url).await?;
    let started = Instant::now();
    let ids = seed(&db, sessions, per_session).await?;
    eprintln!("seeded {sessions} sessions of {per_session} in {:.1} s", started.elapsed().as_secs_f64());

    let before = rss_kib(pid);
    let epoch = Instant::now();
    let connected = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let sent = Arc::new(AtomicU64::new(0));
    let go = Arc::new(tokio::sync::Notify::new());
    let deadline = Arc::new(std::sync::OnceLock::<Instant>::new());
    let gate = Arc::new(tokio::sync::Semaphore::new(256));
    let mut tasks = Vec::new();
    for (s, id) in ids.iter().enumerate() {
        for n in 2..=per_session + 1 {
            let (base, id, go, deadline, gate) = (base.clone(), id.clone(), go.clone(), deadline.clone(), gate.clone());
            let (connected, failed, sent) = (connected.clone(), failed.clone(), sent.clone());
            tasks.push(tokio::spawn(async move {
                // Small buffers, as the server's: 10,000 default 128 KiB buffers
                // would make this process, not the server, the bottleneck.
                let config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default().read_buffer_size(4096).write_buffer_size(0);
                let mut request = format!("{}/live/{id}/socket?since=0", base.replace("http://", "ws://")).into_client_request().unwrap();
                request.headers_mut().insert("cookie", format!("lt_guest={}", secret(s, n)).parse().unwrap());
                let permit = gate.acquire().await.unwrap();
                let stream = match tokio_tungstenite::connect_async_with_config(request, Some(config), true).await {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        if failed.fetch_add(1, Ordering::Relaxed) < 3 {
                            eprintln!("connect failed: {e}");
                        }
                        return Vec::new();
                    }
                };
                drop(permit);
                connected.fetch_add(1, Ordering::Relaxed);
                let (mut sink, mut stream) = stream.split();
                let me = format!("{n}");
                go.notified().await;
                let end = *deadline.get().unwrap();
                let flooding = s < flooders && n == 2;
                let period = if flooding { Duration::from_millis(1) } else { Duration::from_secs(every) };
                let phase = Duration::from_millis(rand::random::<u64>() % (every * 1000));
                let mut next_send = Instant::now() + phase;
                let mut latencies: Vec<u32> = Vec::new();
                let mut k = 0u64;
                loop {
                    let wait = next_send.min(end).saturating_duration_since(Instant::now());
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {
                            if Instant::now() >= end { break; }
                            k += 1;
                            let at = epoch.elapsed().as_micros();
                            let msg = serde_json::json!({"id": format!("{me}-{k}"), "cmd": {"type": "note", "text": format!("{me}|{at}")}});
                            if sink.send(Message::Text(msg.to_string().into())).await.is_err() { break; }
                            sent.fetch_add(1, Ordering::Relaxed);
                            next_send += period;
                        }
                        msg = stream.next() => {
                            let Some(Ok(Message::Text(text))) = msg else { if msg.is_none() { break; } continue };
                            let v: serde_json::Value = match serde_json::from_str(&text) { Ok(v) => v, Err(_) => continue };
                            if v["type"] == "event" && v["event"]["type"] == "noted" {
                                if let Some((from, at)) = v["event"]["text"].as_str().and_then(|t| t.split_once('|')) {
                                    if from != me && !flooding {
                                        if let Ok(at) = at.parse::<u128>() {
                                            latencies.push((epoch.elapsed().as_micros().saturating_sub(at)) as u32);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                let _ = sink.close().await;
                latencies
            }));
        }
    }
    let total = (sessions * per_session) as u64;
    while connected.load(Ordering::Relaxed) + failed.load(Ordering::Relaxed) < total {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let connect_secs = epoch.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = rss_kib(pid);
    let open = connected.load(Ordering::Relaxed);
    println!("connections: {open} open, {} failed, in {connect_secs:.1} s", failed.load(Ordering::Relaxed));
    println!("server memory: {} MiB before, {} MiB with the connections: {:.1} KiB per connection", before / 1024, after / 1024, (after.saturating_sub(before)) as f64 / open.max(1) as f64);
    let _ = deadline.set(Instant::now() + Duration::from_secs(seconds));
    go.notify_waiters();
    let mut all: Vec<u32> = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap_or_default());
    }
    all.sort_unstable();
    let pct = |p: f64| all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1))).map(|us| *us as f64 / 1000.0).unwrap_or(f64::NAN);
    let s = sent.load(Ordering::Relaxed);
    if flooders > 0 {
        println!("flooding: one participant in each of {flooders} sessions sends 1,000 commands a second");
    }
    println!("events sent: {s} in {seconds} s ({:.0} per second); deliveries measured: {}", s as f64 / seconds as f64, all.len());
    println!(
        "latency to the others: p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, p99.9 {:.1} ms, max {:.1} ms",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(0.999),
        pct(1.0)
    );
    println!("server memory at the end: {} MiB", rss_kib(pid) / 1024);
    Ok(())
}
