//! `ledertrivsel demo`: the printed accounts sign in to a real server on the
//! demo database, and a second run is refused without touching anything.

use crate::support::app::location;
use crate::support::TestClient;
use ledertrivsel::config::{DbArgs, ServeArgs};
use std::process::Command;

fn run_demo(data_dir: &std::path::Path, database_url: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ledertrivsel"));
    cmd.args(["demo", "--data-dir", data_dir.to_str().unwrap()]).env_remove("LEDERTRIVSEL_DATABASE_URL");
    if let Some(url) = database_url {
        cmd.args(["--database-url", url]);
    }
    cmd.output().unwrap()
}

/// `(role, e-mail, password)` per printed line.
fn accounts(stdout: &[u8]) -> Vec<(String, String, String)> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| {
            let parts: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(parts.len(), 3, "every line is `<role> <e-mail> <password>`: {line:?}");
            (parts[0].to_string(), parts[1].to_string(), parts[2].to_string())
        })
        .collect()
}

async fn serve(data_dir: &std::path::Path, database_url: Option<String>) -> String {
    let args = ServeArgs {
        listen: "127.0.0.1:0".parse().unwrap(),
        db: DbArgs { data_dir: data_dir.to_path_buf(), database_url },
        public_url: Some("http://test.invalid".into()),
        smtp_url: None,
        mail_from: "Ledertrivsel <no-reply@test.invalid>".into(),
        reminder_every: 300,
        metrics_token: None,
        client_ip_header: None,
    };
    let app = ledertrivsel::startup::Application::build(&args).await.unwrap();
    let base = format!("http://127.0.0.1:{}", app.port);
    tokio::spawn(app.run_until(std::future::pending()));
    base
}

async fn demo_accounts_sign_in(database_url: Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = run_demo(dir.path(), database_url.as_deref());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = accounts(&out.stdout);
    let count = |role: &str| printed.iter().filter(|(r, _, _)| r == role).count();
    assert_eq!(count("hr_admin"), 1);
    assert_eq!(count("top_management"), 1);
    assert!(count("group_leader") >= 3, "{printed:?}");
    assert_eq!(count("leader"), 20);
    assert!(count("works_council") >= 1 && count("safety_org") >= 1);
    assert!(printed.iter().all(|(_, _, pw)| pw == ledertrivsel::demo::PASSWORD), "one shared password");
    assert!(printed.iter().all(|(_, e, _)| e.ends_with("@fjordby.dk")));

    let base = serve(dir.path(), database_url.clone()).await;
    for (role, email, password) in &printed {
        let client = TestClient::new(&base);
        let r = client.post_form("/login", &[("email", email.as_str()), ("password", password.as_str())]).await;
        assert_eq!(r.status(), 303, "{role} {email} signs in");
        assert_eq!(location(&r), "/");
        let (status, body) = client.page("/").await;
        assert_eq!(status, 200, "{role} {email} sees the start page");
        assert!(body.contains("Fjordby Kommune"), "{body}");
        if role == "hr_admin" {
            let (status, body) = client.page("/admin").await;
            assert_eq!(status, 200);
            assert!(body.contains("27 personer"), "{body}");
        }
        if role == "top_management" {
            assert!(body.contains("Chefgruppen"), "the director leads the chiefs' group: {body}");
        }
        if role == "group_leader" {
            assert!(body.contains("Du er gruppens leder."), "{body}");
        }
    }

    // Twice is refused, with a message saying why, and nothing is added.
    let out = run_demo(dir.path(), database_url.as_deref());
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("findes allerede"), "{stderr}");
    assert!(out.stdout.is_empty(), "no accounts are printed the second time");
    let url = database_url.unwrap_or_else(|| ledertrivsel::storage::sqlite_url(dir.path()));
    let db = ledertrivsel::storage::Db::connect(&url).await.unwrap();
    let (orgs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orgs").fetch_one(&db.pool).await.unwrap();
    let (persons,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM persons").fetch_one(&db.pool).await.unwrap();
    assert_eq!((orgs, persons), (1, 27));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_accounts_sign_in_on_sqlite() {
    demo_accounts_sign_in(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_accounts_sign_in_on_postgres() {
    let Some(url) = crate::support::postgres::fresh_database_url().await else {
        return;
    };
    demo_accounts_sign_in(Some(url)).await;
}

/// The demo's structure and rounds, as the product reads them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_has_structure_and_intro_rounds() {
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let printed = ledertrivsel::demo::create(&app.state.db, &app.state.shipped, app.state.clock.now()).await.unwrap().unwrap();
    assert_eq!(printed[0].to_string(), format!("hr_admin hr@fjordby.dk {}", ledertrivsel::demo::PASSWORD));
    let pool = &app.state.db.pool;
    let one = |sql: &'static str| async move {
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(pool).await.unwrap();
        n
    };
    assert_eq!(one("SELECT COUNT(*) FROM leader_groups").await, 4);
    assert_eq!(one("SELECT COUNT(*) FROM leader_groups WHERE group_leader_id IS NULL").await, 0);
    assert_eq!(one("SELECT COUNT(*) FROM person_roles WHERE role = 'leader'").await, 24, "director, 3 chiefs, 20 leaders");
    assert_eq!(one("SELECT COUNT(*) FROM person_roles WHERE role = 'hr_admin'").await, 1);
    assert_eq!(one("SELECT COUNT(*) FROM persons WHERE nearest_leader_id IS NULL").await, 1, "only the director");
    assert_eq!(one("SELECT COUNT(*) FROM units WHERE parent_id IS NULL").await, 1, "Direktionen on top");
    assert_eq!(one("SELECT COUNT(*) FROM intro_runs").await, 2);
    assert_eq!(one("SELECT COUNT(*) FROM intro_runs WHERE closed_at IS NULL").await, 1, "one round under way");
    assert_eq!(one("SELECT COUNT(*) FROM intro_decisions").await, 1);
    assert_eq!(one("SELECT COUNT(*) FROM intro_respondents").await, 11);
    assert!(one("SELECT COUNT(*) FROM intro_respondents WHERE comment IS NOT NULL").await >= 3);
    // Every answer points at a revision of the organisation's own catalogue.
    assert_eq!(
        one("SELECT COUNT(*) FROM intro_answers a JOIN catalogue_revisions r ON r.id = a.revision_id AND r.org_id = a.org_id").await,
        one("SELECT COUNT(*) FROM intro_answers").await
    );
    let spread = one("SELECT COUNT(DISTINCT value) FROM intro_answers").await;
    assert!(spread >= 4, "answers vary: {spread} distinct values");
    // Each round asks the 15 shipped statements, and every answer is to one of them.
    assert_eq!(one("SELECT COUNT(*) FROM intro_run_items").await, 30);
    assert_eq!(
        one("SELECT COUNT(*) FROM intro_answers a WHERE NOT EXISTS (SELECT 1 FROM intro_run_items i \
             WHERE i.run_id = a.run_id AND i.revision_id = a.revision_id)")
        .await,
        0
    );

    // The rounds read as the tool shows them: the finished round's picture and
    // decision for a member, the open round waiting for someone who has not answered.
    let (closed,): (String,) = sqlx::query_as("SELECT id FROM intro_runs WHERE closed_at IS NOT NULL").fetch_one(pool).await.unwrap();
    let (open,): (String,) = sqlx::query_as("SELECT id FROM intro_runs WHERE closed_at IS NULL").fetch_one(pool).await.unwrap();
    let sign_in = |email: &'static str| {
        let client = app.client();
        async move {
            let r = client.post_form("/login", &[("email", email), ("password", ledertrivsel::demo::PASSWORD)]).await;
            assert_eq!(r.status(), 303);
            client
        }
    };
    let anne = sign_in("anne.kristensen@fjordby.dk").await;
    let (status, body) = anne.page(&format!("/intro/runs/{closed}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Jeg trives i min rolle som leder."), "{body}");
    assert!(body.contains("Vi bruger næste ledermøde på afkrydsningsskemaet"), "{body}");
    let pia = sign_in("pia.lauridsen@fjordby.dk").await;
    let (status, body) = pia.page(&format!("/intro/runs/{open}/answer")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Min arbejdsmængde er til at overkomme."), "{body}");
    let (_, start) = pia.page("/").await;
    assert!(start.contains(&format!("/intro/runs/{open}")), "the open round is due on her start page: {start}");

    // Tools 2 and 3 are filled in: Børn og Unge's checklist is due for Anne's
    // colleague who has not answered; HR finds the plan and the overview.
    let dorthe = sign_in("dorthe.skovgaard@fjordby.dk").await;
    assert!(dorthe.page("/").await.1.contains("Udfyld afkrydsningsskemaet om samarbejdet i Ledergruppen i Børn og Unge"));
    let hr = sign_in("hr@fjordby.dk").await;
    let (_, plan) = hr.page("/plan").await;
    assert!(plan.contains("Plan for ledertrivsel i Fjordby Kommune") && plan.contains("godkendt af topledelsen"), "{plan}");
    assert!(plan.contains("Ledere, der har afleveret Skema 1 i den seneste APV-kampagne"), "{plan}");
    let (id,): (String,) = sqlx::query_as("SELECT id FROM org_plans").fetch_one(pool).await.unwrap();
    let (_, prepare) = hr.page(&format!("/plan/{id}/prepare")).await;
    assert!(prepare.contains("Se farvekortet og udviklingen siden sidst") && prepare.contains("apv-picture-caption"), "the newest APV campaign's picture: {prepare}");
    assert!(prepare.contains("Fire af de seneste seks nye ledere"), "the demo plan's mapping");

    // A finished live session of Teknik, Kultur og Fritid's leader group.
    let martin = sign_in("martin.vestergaard@fjordby.dk").await;
    let (_, live) = martin.page("/live").await;
    let (session,): (String,) = sqlx::query_as("SELECT id FROM live_sessions").fetch_one(pool).await.unwrap();
    assert!(live.contains(&format!("/live/{session}/summary")), "{live}");
    let (_, summary) = martin.page(&format!("/live/{session}/summary")).await;
    assert!(summary.contains("Sparringsmakkere i par") && summary.contains("Sparring mellem os") && summary.contains("Budgetperioden"), "{summary}");
    assert_eq!(pia.page(&format!("/live/{session}")).await.0, 404, "not hers");
}

/// Starts `demo` in the background.
fn spawn_demo(data_dir: &std::path::Path, database_url: Option<&str>) -> std::process::Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ledertrivsel"));
    cmd.args(["demo", "--data-dir", data_dir.to_str().unwrap()])
        .env_remove("LEDERTRIVSEL_DATABASE_URL")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Some(url) = database_url {
        cmd.args(["--database-url", url]);
    }
    cmd.spawn().unwrap()
}

/// What a killed demo left: organisations, persons, accounts.
async fn left_behind(url: &str) -> (i64, i64, i64) {
    let db = ledertrivsel::storage::Db::connect(url).await.unwrap();
    let one = |sql: &'static str| {
        let pool = db.pool.clone();
        async move { sqlx::query_as::<_, (i64,)>(sql).fetch_one(&pool).await.unwrap().0 }
    };
    let counts = (
        one("SELECT COUNT(*) FROM orgs").await,
        one("SELECT COUNT(*) FROM persons").await,
        one("SELECT COUNT(*) FROM accounts").await,
    );
    db.pool.close().await;
    counts
}

/// After the killed demo: nothing is there, a new run makes the whole demo,
/// and its accounts sign in.
async fn a_rerun_makes_the_whole_demo(dir: &std::path::Path, url: &str, database_url: Option<String>) {
    assert_eq!(left_behind(url).await, (0, 0, 0), "a killed demo leaves no half organisation to serve");
    let out = run_demo(dir, database_url.as_deref());
    assert!(out.status.success(), "the demo runs again: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(left_behind(url).await, (1, 27, 27));
    let base = serve(dir, database_url).await;
    for (_, email, password) in accounts(&out.stdout) {
        let r = TestClient::new(&base).post_form("/login", &[("email", email.as_str()), ("password", password.as_str())]).await;
        assert_eq!(r.status(), 303, "{email} signs in");
    }
}

/// `demo` killed (SIGKILL) half-way on SQLite: held in the middle by a slow
/// trigger on agreements (written after the organisation, its HR admin and
/// its people), and killed while it holds the write lock there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_killed_half_way_leaves_nothing_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = ledertrivsel::storage::sqlite_url(dir.path());
    let db = ledertrivsel::storage::Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    // Each agreement written costs a large cross join: seconds, not milliseconds.
    sqlx::query("CREATE TABLE slow (n INTEGER)").execute(&db.pool).await.unwrap();
    sqlx::query("INSERT INTO slow (n) SELECT value FROM json_each(json_array(1,2,3,4,5,6,7,8,9,10))")
        .execute(&db.pool)
        .await
        .unwrap();
    for _ in 0..3 {
        sqlx::query("INSERT INTO slow (n) SELECT a.n FROM slow a, slow b LIMIT 20000").execute(&db.pool).await.unwrap();
    }
    sqlx::query(
        "CREATE TRIGGER slow_agreements BEFORE INSERT ON agreements BEGIN \
         SELECT COUNT(*) FROM slow a, slow b WHERE a.n + b.n = -1; END",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    db.pool.close().await;

    let mut demo = spawn_demo(dir.path(), None);
    // Killed once it has held the write lock for a second: inside the trigger.
    let probe = ledertrivsel::storage::Db::connect(&url).await.unwrap();
    let mut held_since = None;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        assert!(std::time::Instant::now() < deadline, "the demo never reached the agreements");
        assert!(demo.try_wait().unwrap().is_none(), "the demo ended before it could be killed half-way");
        let mut conn = probe.pool.acquire().await.unwrap();
        sqlx::query("PRAGMA busy_timeout = 0").execute(&mut *conn).await.unwrap();
        let locked = sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await.is_err();
        if !locked {
            sqlx::query("ROLLBACK").execute(&mut *conn).await.unwrap();
        }
        sqlx::query("PRAGMA busy_timeout = 5000").execute(&mut *conn).await.unwrap();
        drop(conn);
        match (locked, held_since) {
            (true, None) => held_since = Some(std::time::Instant::now()),
            (true, Some(t)) if t.elapsed() > std::time::Duration::from_secs(1) => break,
            (false, _) => held_since = None,
            _ => {}
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    demo.kill().unwrap();
    demo.wait().unwrap();
    probe.pool.close().await;

    let db = ledertrivsel::storage::Db::connect(&url).await.unwrap();
    sqlx::query("DROP TRIGGER slow_agreements").execute(&db.pool).await.unwrap();
    sqlx::query("DROP TABLE slow").execute(&db.pool).await.unwrap();
    db.pool.close().await;
    a_rerun_makes_the_whole_demo(dir.path(), &url, None).await;
}

/// `demo` killed half-way on PostgreSQL: held by `LOCK TABLE agreements`
/// while it writes, killed, and the lock released.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_killed_half_way_leaves_nothing_on_postgres() {
    let Some(url) = crate::support::postgres::fresh_database_url().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = ledertrivsel::storage::Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let mut lock = db.pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE agreements IN ACCESS EXCLUSIVE MODE").execute(&mut *lock).await.unwrap();

    let mut demo = spawn_demo(dir.path(), Some(&url));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let waiting = loop {
        assert!(std::time::Instant::now() < deadline, "the demo never waited for agreements");
        assert!(demo.try_wait().unwrap().is_none(), "the demo ended before it could be killed half-way");
        let blocked: Option<(i32,)> = sqlx::query_as(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() \
             AND wait_event_type = 'Lock' AND query LIKE '%agreements%'",
        )
        .fetch_optional(&db.pool)
        .await
        .unwrap();
        if let Some((pid,)) = blocked {
            break pid;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    demo.kill().unwrap();
    demo.wait().unwrap();
    lock.rollback().await.unwrap();
    // The server ends the killed demo's session once it gets the lock.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let (alive,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = $1")
            .bind(waiting)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        if alive == 0 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the killed demo's session stays");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    db.pool.close().await;
    a_rerun_makes_the_whole_demo(dir.path(), &url, Some(url.clone())).await;
}
