//! Throwaway PostgreSQL databases for tests.
//!
//! `LEDERTRIVSEL_TEST_POSTGRES` names a server by the URL of any database on
//! it we may connect to and create databases from, e.g.
//! `postgres://postgres@127.0.0.1:5432/postgres`. Each call to
//! [`fresh_database_url`] creates a new, empty database `lt_test_<uuid v7>`
//! there and returns its URL, so tests running in parallel never share data.
//!
//! Tests do not drop their databases (the server under test may still hold
//! pooled connections when a test ends, and a failed test's data is worth
//! inspecting). `.ci/run` drops every `lt_test_%` database at the start of a
//! run; locally, clean up with e.g.
//! `psql -h 127.0.0.1 -U postgres -Atc "select 'drop database ' || datname || ';' from pg_database where datname like 'lt\_test\_%'" | psql -h 127.0.0.1 -U postgres`.
#![allow(dead_code)]

use std::time::Duration;

use sqlx::{AssertSqlSafe, Connection as _, PgConnection};

fn require_all() -> bool {
    std::env::var("LEDERTRIVSEL_TEST_REQUIRE_ALL").is_ok_and(|v| v == "1")
}

/// URL of a new, empty PostgreSQL database, or `None` (test should be
/// skipped) if `LEDERTRIVSEL_TEST_POSTGRES` is unset. With
/// `LEDERTRIVSEL_TEST_REQUIRE_ALL=1` an unset variable panics instead.
/// Panics if the server cannot be reached or the database not created.
pub async fn fresh_database_url() -> Option<String> {
    let server = match std::env::var("LEDERTRIVSEL_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => url,
        _ if require_all() => panic!(
            "PostgreSQL tests are required (LEDERTRIVSEL_TEST_REQUIRE_ALL=1) but \
             LEDERTRIVSEL_TEST_POSTGRES is not set; set it to a server URL such as \
             postgres://postgres@127.0.0.1:5432/postgres"
        ),
        _ => {
            eprintln!("skipping PostgreSQL test: LEDERTRIVSEL_TEST_POSTGRES is not set");
            return None;
        }
    };
    let name = format!("lt_test_{}", uuid::Uuid::now_v7().simple());
    let mut conn = PgConnection::connect(&server).await.unwrap_or_else(|e| {
        panic!(
            "connecting to LEDERTRIVSEL_TEST_POSTGRES ({}): {e}",
            redact(&server)
        )
    });
    // CREATE DATABASE fails with 55006 (object_in_use) while anyone is
    // connected to the template database; that is transient, so retry.
    let mut attempt = 0;
    loop {
        // `name` is `lt_test_` plus hex digits: nothing to inject.
        let created = sqlx::query(AssertSqlSafe(format!(r#"CREATE DATABASE "{name}""#)))
            .execute(&mut conn)
            .await;
        match created {
            Ok(_) => break,
            Err(sqlx::Error::Database(e))
                if e.code().as_deref() == Some("55006") && attempt < 20 =>
            {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("creating database {name} on {}: {e}", redact(&server)),
        }
    }
    let _ = conn.close().await;
    Some(with_database(&server, &name))
}

/// `server` with its database name replaced by `name`; other query
/// parameters (sslmode, ...) are kept.
fn with_database(server: &str, name: &str) -> String {
    let (scheme, rest) = server.split_once("://").unwrap_or_else(|| {
        panic!("LEDERTRIVSEL_TEST_POSTGRES must be a URL like postgres://user@host:5432/postgres")
    });
    let (authority, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let params: Vec<&str> = tail
        .split_once('?')
        .map(|(_, query)| {
            query
                .split('&')
                .filter(|p| !p.is_empty() && !p.starts_with("dbname="))
                .collect()
        })
        .unwrap_or_default();
    if params.is_empty() {
        format!("{scheme}://{authority}/{name}")
    } else {
        format!("{scheme}://{authority}/{name}?{}", params.join("&"))
    }
}

/// `url` without its password, for error messages.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}{}", &rest[authority_end..])
        }
        _ => url.to_owned(),
    }
}

#[test]
fn with_database_replaces_only_the_database_name() {
    let cases = [
        (
            "postgres://postgres@127.0.0.1:5432/postgres",
            "postgres://postgres@127.0.0.1:5432/x",
        ),
        (
            "postgres://postgres@127.0.0.1:5432",
            "postgres://postgres@127.0.0.1:5432/x",
        ),
        (
            "postgres://u:p@h/db?sslmode=disable",
            "postgres://u:p@h/x?sslmode=disable",
        ),
        (
            "postgresql://h:1/db?dbname=db&sslmode=require",
            "postgresql://h:1/x?sslmode=require",
        ),
        (
            "postgres://h?sslmode=disable",
            "postgres://h/x?sslmode=disable",
        ),
    ];
    for (server, expected) in cases {
        assert_eq!(with_database(server, "x"), expected, "{server}");
    }
    assert_eq!(
        redact("postgres://u:secret@h:5432/db"),
        "postgres://u:***@h:5432/db"
    );
    assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
}
