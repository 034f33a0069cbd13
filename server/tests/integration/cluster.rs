//! Several `serve` processes on one PostgreSQL database: a person signed in
//! through one is signed in on the other (sessions live in the database).

use crate::support::app::{location, PASSWORD};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts the real binary and waits for `/readyz`.
pub async fn start_serve(database_url: &str, data_dir: &std::path::Path) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_ledertrivsel"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--database-url", database_url])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    loop {
        if let Ok(r) = reqwest::get(format!("{base}/readyz")).await {
            if r.status() == 200 {
                break;
            }
        }
        assert!(started.elapsed() < Duration::from_secs(20), "serve did not become ready");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Server { child, base }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgres_share_sessions() {
    let Some(app) = crate::support::TestApp::spawn(crate::support::Backend::Postgres).await else {
        eprintln!("PostgreSQL variant not run: LEDERTRIVSEL_TEST_POSTGRES is not set");
        return;
    };
    app.org("Region Nord", "hr@rn.dk").await;
    let dir = tempfile::tempdir().unwrap();
    let one = start_serve(&app.database_url, &dir.path().join("one")).await;
    let two = start_serve(&app.database_url, &dir.path().join("two")).await;

    // Sign in through server one.
    let client = crate::support::TestClient::new(&one.base);
    let r = client.post_form("/login", &[("email", "hr@rn.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    let cookie = client
        .http
        .get(format!("{}/", one.base))
        .send()
        .await
        .unwrap();
    assert_eq!(cookie.status(), 200);

    // The same cookie jar, pointed at server two: still signed in.
    let on_two = client.on(&two.base);
    let (status, body) = on_two.page("/").await;
    assert_eq!(status, 200, "server two does not know the session");
    assert!(body.contains("Hanne HR"));

    // Signing out on two signs out on one as well.
    let r = on_two.post_form("/logout", &[]).await;
    assert_eq!(r.status(), 303);
    let r = client.get("/").await;
    assert_eq!(r.status(), 303);
    assert!(location(&r).starts_with("/login"));
}
