//! Mail really leaves (issue 16, item 8): the `ledertrivsel serve` binary,
//! with its reminder scheduler on a one-second tick, sends the demo's due
//! reminders to a real SMTP server (aiosmtpd, `scripts/smtp_sink.py`), each
//! exactly once; with the mail server unreachable and then refusing, nothing
//! is lost or sent twice, and `/metrics` says mail is failing until it works.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Debian's Python, where `python3-aiosmtpd` installs (another python3 on
/// the PATH, e.g. pyenv's, would not see it).
const PYTHON: &str = "/usr/bin/python3";
const TOKEN: &str = "mail-test-token";

/// Whether aiosmtpd can run; without it the test is skipped, or fails when
/// every test is required (`LEDERTRIVSEL_TEST_REQUIRE_ALL=1`, as in CI).
fn smtp_server_available() -> bool {
    let ok = Command::new(PYTHON).args(["-c", "import aiosmtpd"]).output().is_ok_and(|o| o.status.success());
    if !ok && std::env::var("LEDERTRIVSEL_TEST_REQUIRE_ALL").is_ok_and(|v| v == "1") {
        panic!("the mail delivery test is required but {PYTHON} cannot import aiosmtpd: apt-get install python3-aiosmtpd");
    }
    ok
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A process killed when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The SMTP server on `port`, writing what it accepts to `log`; it refuses
/// the first `refuse` messages with a temporary failure.
fn smtp_server(port: u16, log: &Path, refuse: u32) -> Killed {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/smtp_sink.py");
    let mut child = Command::new(PYTHON)
        .arg(script)
        .args([port.to_string(), log.display().to_string(), "--refuse".into(), refuse.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .expect("starting the SMTP server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "ready", "the SMTP server did not start");
    Killed(child)
}

fn binary(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ledertrivsel"));
    cmd.args(args).env_remove("LEDERTRIVSEL_DATABASE_URL").env_remove("LEDERTRIVSEL_SMTP_URL");
    cmd
}

/// The demo organisation in a fresh data directory.
fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = binary(&["demo", "--data-dir", &dir.path().display().to_string()]).output().unwrap();
    assert!(out.status.success(), "demo: {}", String::from_utf8_lossy(&out.stderr));
    dir
}

/// `serve` on the data in `dir`, sending mail to `smtp_port`, looking for
/// reminders every second; returns the process and its base URL.
async fn serve(dir: &Path, smtp_port: u16) -> (Killed, String) {
    let port = free_port();
    let child = binary(&[
        "serve",
        "--listen",
        &format!("127.0.0.1:{port}"),
        "--data-dir",
        &dir.display().to_string(),
        "--smtp-url",
        &format!("smtp://127.0.0.1:{smtp_port}"),
        "--reminder-every",
        "1",
    ])
    .env("LEDERTRIVSEL_METRICS_TOKEN", TOKEN)
    .stdout(Stdio::null())
    .spawn()
    .unwrap();
    let server = Killed(child);
    let base = format!("http://127.0.0.1:{port}");
    wait_until(Duration::from_secs(30), "the server to be ready", || {
        let base = base.clone();
        async move { reqwest::get(format!("{base}/readyz")).await.is_ok_and(|r| r.status() == 200) }
    })
    .await;
    (server, base)
}

async fn wait_until<F, Fut>(limit: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !check().await {
        assert!(Instant::now() < deadline, "waited {limit:?} for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every accepted mail as "recipient: subject", in the order received.
fn received(log: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(log) else { return Vec::new() };
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!("{}: {}", v["to"][0].as_str().unwrap(), v["subject"].as_str().unwrap())
        })
        .collect()
}

/// Waits until mail has arrived and no more arrives for five ticks.
async fn settled(log: &Path) -> Vec<String> {
    wait_until(Duration::from_secs(60), "the first reminders", || async { !received(log).is_empty() }).await;
    let mut last = received(log).len();
    let mut quiet_since = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(90);
    while quiet_since.elapsed() < Duration::from_secs(5) {
        assert!(Instant::now() < deadline, "mail kept arriving for 90 s");
        tokio::time::sleep(Duration::from_millis(200)).await;
        let now = received(log).len();
        if now != last {
            (last, quiet_since) = (now, Instant::now());
        }
    }
    received(log)
}

fn assert_each_once(mails: &[String]) {
    let mut seen = std::collections::BTreeSet::new();
    for m in mails {
        assert!(seen.insert(m), "sent twice: {m}\nall: {mails:#?}");
    }
}

async fn metrics(base: &str) -> String {
    let r = reqwest::Client::new().get(format!("{base}/metrics")).bearer_auth(TOKEN).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

fn log_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("smtp.jsonl")
}

#[tokio::test]
async fn reminders_reach_a_real_smtp_server_once_even_when_it_fails_first() {
    if !smtp_server_available() {
        eprintln!("skipped: {PYTHON} cannot import aiosmtpd");
        return;
    }
    // A healthy mail server: the demo's due reminders arrive, each once.
    let healthy = demo();
    let smtp_port = free_port();
    let _smtp = smtp_server(smtp_port, &log_in(&healthy), 0);
    let (server, base) = serve(healthy.path(), smtp_port).await;
    let expected = settled(&log_in(&healthy)).await;
    assert_each_once(&expected);
    assert!(metrics(&base).await.contains("ledertrivsel_mail_failing 0"));
    drop(server);

    // The same demo, and no mail server at all: nothing arrives, the
    // scheduler keeps trying, and /metrics says mail is failing.
    let flaky = demo();
    let smtp_port = free_port();
    let (_server, base) = serve(flaky.path(), smtp_port).await;
    wait_until(Duration::from_secs(60), "/metrics to say mail is failing", || {
        let base = base.clone();
        async move { metrics(&base).await.contains("ledertrivsel_mail_failing 1") }
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(metrics(&base).await.contains("ledertrivsel_mail_failures_total"));

    // The mail server comes up, refusing its first three mails: every
    // reminder arrives once, the same ones as with the healthy server.
    let _smtp = smtp_server(smtp_port, &log_in(&flaky), 3);
    let arrived = settled(&log_in(&flaky)).await;
    assert_each_once(&arrived);
    let (mut got, mut want) = (arrived.clone(), expected.clone());
    got.sort();
    want.sort();
    assert_eq!(got, want, "nothing lost, nothing doubled");
    wait_until(Duration::from_secs(10), "/metrics to say mail works again", || {
        let base = base.clone();
        async move { metrics(&base).await.contains("ledertrivsel_mail_failing 0") }
    })
    .await;
}
