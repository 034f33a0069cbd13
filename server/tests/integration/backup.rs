//! Backup and restore: every table is carried, across backends, through the
//! real binary, and never into a database that holds data.

use crate::both_backends;
use crate::support::app::location;
use ledertrivsel::config::{DbArgs, ServeArgs};
use ledertrivsel::storage::{backup, schema, Db};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The demo, its oldest APV campaign past a 600-day retention period (its
/// kept counts), a pending invitation, a proposed address and a signed-in
/// browser: a row in every table.
async fn filled(app: &crate::support::TestApp) {
    ledertrivsel::demo::create(&app.state.db, &app.state.shipped, app.state.clock.now()).await.unwrap().unwrap();
    sqlx::query("UPDATE orgs SET retention_days = 600").execute(&app.state.db.pool).await.unwrap();
    let purged = ledertrivsel::privacy::retention::run_once(&app.state.db, time::OffsetDateTime::now_utc()).await.unwrap();
    assert!(purged.apv_rounds_tallied > 0, "the demo's 2024 campaign closed 665 days ago");
    let (account,): (String,) = sqlx::query_as("SELECT id FROM accounts WHERE email = 'anne.kristensen@fjordby.dk'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let (org,): (String,) = sqlx::query_as("SELECT id FROM orgs").fetch_one(&app.state.db.pool).await.unwrap();
    let (account, org) = (domain::ids::AccountId::from_db(account), domain::ids::OrgId::from_db(org));
    ledertrivsel::auth::tokens::issue(&app.state.db, ledertrivsel::auth::tokens::Kind::Invitation, Some(&account), Some(&org), app.state.clock.now())
        .await
        .unwrap();
    let new = domain::input::Email::parse("anne.k@fjordby.dk").unwrap();
    ledertrivsel::org::address::propose(&app.state.db, &org, &account, &new, app.state.clock.now()).await.unwrap();
    let client = app.client();
    let r = client.post_form("/login", &[("email", "hr@fjordby.dk"), ("password", ledertrivsel::demo::PASSWORD)]).await;
    assert_eq!(r.status(), 303);
}

/// Rows per table, every table of the schema.
async fn counts(db: &Db) -> BTreeMap<String, i64> {
    let mut conn = db.pool.acquire().await.unwrap();
    let tables = schema::tables(&mut conn, db.backend).await.unwrap();
    let mut out = BTreeMap::new();
    for t in tables {
        let sql = format!("SELECT COUNT(*) FROM {}", schema::quote(&t.name));
        let (n,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_one(&mut *conn).await.unwrap();
        out.insert(t.name, n);
    }
    out
}

fn without_sessions(mut counts: BTreeMap<String, i64>) -> BTreeMap<String, i64> {
    for t in ledertrivsel::storage::backup::EXCLUDED {
        counts.remove(*t);
    }
    counts
}

/// A few values that must survive: structure, self-references, answers.
async fn spot_check(db: &Db) {
    let (org,): (String,) = sqlx::query_as("SELECT name FROM orgs").fetch_one(&db.pool).await.unwrap();
    assert_eq!(org, "Fjordby Kommune");
    let (leader,): (String,) = sqlx::query_as(
        "SELECT l.name FROM persons p JOIN persons l ON l.id = p.nearest_leader_id WHERE p.name = 'Anne Marie Kristensen'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(leader, "Lars Bech Nielsen");
    let (parent,): (String,) =
        sqlx::query_as("SELECT p.name FROM units u JOIN units p ON p.id = u.parent_id WHERE u.name = 'Dagtilbud'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(parent, "Børn og Unge");
    let (comment,): (String,) = sqlx::query_as(
        "SELECT x.comment FROM intro_respondents x JOIN persons p ON p.id = x.person_id WHERE p.name = 'Thomas Vinther Hansen'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(comment.starts_with("Personalemanglen"), "{comment}");
    let (value,): (i64,) = sqlx::query_as("SELECT CAST(SUM(value) AS BIGINT) FROM intro_answers").fetch_one(&db.pool).await.unwrap();
    assert!(value > 100);
}

fn binary(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ledertrivsel")).args(args).env_remove("LEDERTRIVSEL_DATABASE_URL").output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_backs_up_every_table_and_restores_into_a_fresh_sqlite() {
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    filled(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    let out = binary(&["backup", file.to_str().unwrap(), "--data-dir", app.data_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Sikkerhedskopien er gemt"), "{}", text(&out.stdout));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600, "only the owner reads a backup");
    assert!(!dir.path().join("backup.json.partial").exists());

    // Every table of the schema is in the document, with rows, parents first;
    // a table added by a later migration fails here until the demo (or this
    // test) puts a row in it and backup carries it.
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["format"], "ledertrivsel-backup");
    assert_eq!(doc["format_version"], 1);
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    let applied = schema::applied_migrations(&mut conn).await.unwrap();
    assert_eq!(doc["migrations"], serde_json::json!(applied));
    let tables = schema::tables(&mut conn, app.state.db.backend).await.unwrap();
    drop(conn);
    let written: Vec<&str> = doc["tables"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    for t in &tables {
        if ledertrivsel::storage::backup::EXCLUDED.contains(&t.name.as_str()) {
            assert!(!written.contains(&t.name.as_str()), "{} must not survive a restore", t.name);
            continue;
        }
        let at = written.iter().position(|n| *n == t.name).unwrap_or_else(|| panic!("{} is not backed up", t.name));
        let rows = doc["tables"][at]["rows"].as_array().unwrap().len();
        assert!(rows > 0, "{} has no rows in the test data, so the test does not show it is carried", t.name);
        for fk in t.foreign_keys.iter().filter(|f| f.parent != t.name) {
            let parent = written.iter().position(|n| *n == fk.parent).unwrap();
            assert!(parent < at, "{} is written before its parent {}", t.name, fk.parent);
        }
    }
    assert_eq!(written.len(), tables.len() - ledertrivsel::storage::backup::EXCLUDED.len());
    let source = without_sessions(counts(&app.state.db).await);
    assert!(counts(&app.state.db).await["login_sessions"] > 0);

    // The target was started once: migrated, with an unused setup link.
    let target_dir = tempfile::tempdir().unwrap();
    let target = Db::connect(&ledertrivsel::storage::sqlite_url(target_dir.path())).await.unwrap();
    target.migrate().await.unwrap();
    ledertrivsel::auth::tokens::issue(&target, ledertrivsel::auth::tokens::Kind::Setup, None, None, app.state.clock.now()).await.unwrap();
    target.pool.close().await;

    let out = binary(&["restore", file.to_str().unwrap(), "--data-dir", target_dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("er gendannet"), "{}", text(&out.stdout));
    let target = Db::connect(&ledertrivsel::storage::sqlite_url(target_dir.path())).await.unwrap();
    let restored = counts(&target).await;
    assert_eq!(restored["login_sessions"], 0);
    assert_eq!(without_sessions(restored), source, "the setup link is gone, everything else came back");
    spot_check(&target).await;
    target.pool.close().await;

    // A server on the restored data serves the demo people.
    let args = ServeArgs {
        listen: "127.0.0.1:0".parse().unwrap(),
        db: DbArgs { data_dir: target_dir.path().to_path_buf(), database_url: None },
        public_url: Some("http://test.invalid".into()),
        smtp_url: None,
        mail_from: "Ledertrivsel <no-reply@test.invalid>".into(),
        reminder_every: 300,
        metrics_token: None,
        client_ip_header: None,
    };
    let server = ledertrivsel::startup::Application::build(&args).await.unwrap();
    let client = crate::support::TestClient::new(&format!("http://127.0.0.1:{}", server.port));
    tokio::spawn(server.run_until(std::future::pending()));
    let r = client.post_form("/login", &[("email", "lars.nielsen@fjordby.dk"), ("password", ledertrivsel::demo::PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/");
    let (status, body) = client.page("/").await;
    assert_eq!(status, 200);
    assert!(body.contains("Ledergruppen i Børn og Unge"), "{body}");
}

async fn fresh_target(backend: crate::support::Backend) -> Option<(Db, Option<tempfile::TempDir>)> {
    match backend {
        crate::support::Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            Some((Db::connect(&ledertrivsel::storage::sqlite_url(dir.path())).await.unwrap(), Some(dir)))
        }
        crate::support::Backend::Postgres => {
            let url = crate::support::postgres::fresh_database_url().await?;
            Some((Db::connect(&url).await.unwrap(), None))
        }
    }
}

// From either backend into a fresh SQLite and a fresh PostgreSQL database.
both_backends!(backup_restores_into_both_backends, |app: crate::support::TestApp| async move {
    filled(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    let written = backup::backup(&app.state.db, &file, app.state.clock.now()).await.unwrap();
    let source = without_sessions(counts(&app.state.db).await);
    assert_eq!(written.rows() as i64, source.values().sum::<i64>());
    for backend in [crate::support::Backend::Sqlite, crate::support::Backend::Postgres] {
        let Some((target, _dir)) = fresh_target(backend).await else {
            eprintln!("PostgreSQL target not tried: LEDERTRIVSEL_TEST_POSTGRES is not set");
            continue;
        };
        let summary = backup::restore(&target, &file).await.unwrap();
        assert_eq!(summary.rows(), written.rows());
        assert_eq!(without_sessions(counts(&target).await), source, "into {backend:?}");
        spot_check(&target).await;
    }
});

both_backends!(restore_refuses_a_database_that_holds_data, |app: crate::support::TestApp| async move {
    filled(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    backup::backup(&app.state.db, &file, app.state.clock.now()).await.unwrap();
    let before = counts(&app.state.db).await;
    let err = backup::restore(&app.state.db, &file).await.unwrap_err().to_string();
    assert!(err.contains("databasen er ikke tom"), "{err}");
    assert!(err.contains("Gendan kun til en ny, tom database"), "{err}");
    assert_eq!(counts(&app.state.db).await, before, "nothing changed");

    if app.database_url.starts_with("sqlite:") {
        // Through the binary: a failing exit and the same message.
        let out = binary(&["restore", file.to_str().unwrap(), "--data-dir", app.data_dir.to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(text(&out.stderr).contains("databasen er ikke tom"), "{}", text(&out.stderr));
    }
});

#[tokio::test]
async fn restore_refuses_what_is_not_a_matching_backup() {
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    filled(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    backup::backup(&app.state.db, &file, app.state.clock.now()).await.unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();

    let refused = |name: &str, contents: Vec<u8>| {
        let path = dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        async move {
            let target_dir = tempfile::tempdir().unwrap();
            let target = Db::connect(&ledertrivsel::storage::sqlite_url(target_dir.path())).await.unwrap();
            target.migrate().await.unwrap();
            let err = backup::restore(&target, &path).await.unwrap_err().to_string();
            let (orgs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orgs").fetch_one(&target.pool).await.unwrap();
            assert_eq!(orgs, 0, "nothing restored");
            err
        }
    };
    let err = refused("garbage.json", b"{\"not\": \"a backup\"".to_vec()).await;
    assert!(err.contains("er ikke en sikkerhedskopi fra Ledertrivsel"), "{err}");

    let mut newer = doc.clone();
    newer["migrations"].as_array_mut().unwrap().push(serde_json::json!(99_991_231_000_000i64));
    let err = refused("newer.json", serde_json::to_vec(&newer).unwrap()).await;
    assert!(err.contains("databaseskema"), "{err}");

    // A value of the wrong type is refused and names where it is.
    let orgs = doc["tables"].as_array_mut().unwrap().iter_mut().find(|t| t["name"] == "orgs").unwrap();
    orgs["rows"][0][2] = serde_json::json!("fem");
    let err = format!("{:#}", {
        let path = dir.path().join("wrong-type.json");
        std::fs::write(&path, serde_json::to_vec(&doc).unwrap()).unwrap();
        let target_dir = tempfile::tempdir().unwrap();
        let target = Db::connect(&ledertrivsel::storage::sqlite_url(target_dir.path())).await.unwrap();
        let e = backup::restore(&target, Path::new(&path)).await.unwrap_err();
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts").fetch_one(&target.pool).await.unwrap();
        assert_eq!(n, 0, "one transaction: nothing restored");
        e
    });
    assert!(err.contains("tabellen orgs") && err.contains("anonymity_k"), "{err}");
}

/// A table listed twice would restore one copy and drop the other's rows
/// with exit 0: refused, and the target left as it was.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_refuses_a_table_listed_twice() {
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    filled(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    backup::backup(&app.state.db, &file, app.state.clock.now()).await.unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let tables = doc["tables"].as_array_mut().unwrap();
    let at = tables.iter().position(|t| t["name"] == "units").unwrap();
    let mut second = tables[at].clone();
    let rows = second["rows"].as_array_mut().unwrap();
    let half = rows.len() / 2;
    rows.drain(..half);
    tables[at]["rows"].as_array_mut().unwrap().truncate(half);
    tables.push(second);
    let twice = dir.path().join("twice.json");
    std::fs::write(&twice, serde_json::to_vec(&doc).unwrap()).unwrap();

    let target = tempfile::tempdir().unwrap();
    let out = binary(&["restore", twice.to_str().unwrap(), "--data-dir", target.path().to_str().unwrap()]);
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("tabellen units to gange"), "{}", text(&out.stderr));
    assert!(!target.path().join("ledertrivsel.db").exists(), "refused before the target was touched");
}

/// A refused restore touches nothing: a file of another schema version
/// creates no database, and a database that holds data (or was made by
/// another version) is not migrated first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_restore_leaves_the_target_as_it_was() {
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    filled(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    backup::backup(&app.state.db, &file, app.state.clock.now()).await.unwrap();
    let mut doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    doc["migrations"].as_array_mut().unwrap().pop();
    let older = dir.path().join("older.json");
    std::fs::write(&older, serde_json::to_vec(&doc).unwrap()).unwrap();

    let fresh = tempfile::tempdir().unwrap();
    let out = binary(&["restore", older.to_str().unwrap(), "--data-dir", fresh.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("databaseskema"), "{}", text(&out.stderr));
    assert!(!fresh.path().join("ledertrivsel.db").exists(), "no database was created");

    // A database one migration behind that holds an organisation: refused
    // and still one migration behind.
    let behind = tempfile::tempdir().unwrap();
    let url = ledertrivsel::storage::sqlite_url(behind.path());
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    sqlx::query("INSERT INTO orgs (id, name, created_at) VALUES ('o', 'Gammel Kommune', '2026-01-01T00:00:00Z')")
        .execute(&db.pool)
        .await
        .unwrap();
    let (last,): (i64,) = sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(&db.pool).await.unwrap();
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = $1").bind(last).execute(&db.pool).await.unwrap();
    db.pool.close().await;
    let out = binary(&["restore", file.to_str().unwrap(), "--data-dir", behind.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("databasen er ikke tom"), "{}", text(&out.stderr));
    let db = Db::connect(&url).await.unwrap();
    let (now,): (i64,) = sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(&db.pool).await.unwrap();
    assert!(now < last, "the refused target was not migrated");
}

/// A backup stopped by a signal half-way (held by a lock on PostgreSQL)
/// leaves no partial file with personal data behind; a partial file left by
/// a killed run is replaced by an owner-only one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_backup_leaves_no_partial_file() {
    let Some(app) = crate::support::TestApp::spawn(crate::support::Backend::Postgres).await else {
        return;
    };
    filled(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    let partial = backup::partial_path(&file);
    // What a SIGKILLed run leaves: readable by others.
    std::fs::write(&partial, b"{\"persons\": \"...\"").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&partial, std::fs::Permissions::from_mode(0o644)).unwrap();

    let mut lock = app.state.db.pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE persons IN ACCESS EXCLUSIVE MODE").execute(&mut *lock).await.unwrap();
    let mut backup = Command::new(env!("CARGO_BIN_EXE_ledertrivsel"))
        .args(["backup", file.to_str().unwrap(), "--database-url", &app.database_url])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        assert!(std::time::Instant::now() < deadline, "the backup never waited for persons");
        assert!(backup.try_wait().unwrap().is_none(), "the backup ended before the lock");
        let (waiting,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
        if waiting > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let mode = std::fs::metadata(&partial).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the half-written file is the owner's alone");
    let pid = backup.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let out = backup.wait_with_output().unwrap();
    lock.rollback().await.unwrap();
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("afbrudt"), "{}", text(&out.stderr));
    assert!(!partial.exists(), "the partial file is gone");
    assert!(!file.exists());
}
