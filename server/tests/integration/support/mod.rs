//! Shared test support: a real server on a random port with a fresh
//! database (SQLite or PostgreSQL), signed-in clients, mail from the outbox,
//! and a headless browser.

#![allow(dead_code)]

pub mod app;
pub mod browser;
pub mod office;
pub mod postgres;

pub use app::{Backend, TestApp, TestClient};

/// Runs the same async test body on SQLite and on PostgreSQL:
/// `both_backends!(name, |app| async move { ... });` makes `name::sqlite`
/// and `name::postgres`.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::support::TestApp::spawn($crate::support::Backend::Sqlite).await.unwrap();
                ($body)(app).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(app) = $crate::support::TestApp::spawn($crate::support::Backend::Postgres).await else {
                    eprintln!("PostgreSQL variant not run: LEDERTRIVSEL_TEST_POSTGRES is not set");
                    return;
                };
                ($body)(app).await;
            }
        }
    };
}
