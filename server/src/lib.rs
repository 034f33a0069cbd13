//! Ledertrivsel: the web application. See `startup` for how it is assembled.

pub mod admin;
pub mod auth;
pub mod catalogue;
pub mod clock;
pub mod config;
pub mod content;
pub mod demo;
pub mod error;
mod house;
pub mod i18n;
pub mod mail;
pub mod notify;
pub mod org;
pub mod privacy;
pub mod reminders;
pub mod startup;
pub mod state;
pub mod storage;
pub mod thread;
pub mod team;
pub mod tools;
pub mod web;

use config::{DbArgs, PurgeArgs, ServeArgs};

/// `ledertrivsel serve`: migrate, print the URL (and the setup link on an
/// empty database), send reminders and purge what the retention period says
/// has expired in the background, serve until Ctrl-C or SIGTERM.
pub async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let app = startup::Application::build(&args).await?;
    let url = args.public_url();
    println!("Ledertrivsel kører på {url}");
    if !org::store::any_org_exists(&app.state.db).await? {
        let secret = auth::tokens::issue(&app.state.db, auth::tokens::Kind::Setup, None, None, app.state.clock.now()).await?;
        println!("Opret den første organisation her (linket virker én gang): {url}/setup/{secret}");
    }
    reminders::spawn(app.state.clone(), std::time::Duration::from_secs(args.reminder_every));
    privacy::retention::spawn(app.state.db.clone(), app.state.clock.clone(), privacy::retention::EVERY);
    app.run_until(shutdown_signal()).await
}

pub async fn migrate(db: &DbArgs) -> anyhow::Result<()> {
    std::fs::create_dir_all(&db.data_dir)?;
    storage::Db::connect(&db.url()).await?.migrate().await?;
    println!("Databasen er opdateret.");
    Ok(())
}

/// `ledertrivsel purge`: one retention purge now (or `--now`), as `serve`
/// runs every hour; prints how many rows each table lost (counts only).
pub async fn purge(args: &PurgeArgs) -> anyhow::Result<()> {
    let now = match &args.now {
        Some(text) => storage::from_text(text).ok_or_else(|| anyhow::anyhow!("--now {text}: not an RFC 3339 time"))?,
        None => clock::Clock::wall().now(),
    };
    std::fs::create_dir_all(&args.db.data_dir)?;
    let db = storage::Db::connect(&args.db.url()).await?;
    db.migrate().await?;
    let purged = privacy::retention::run_once(&db, now).await?;
    for (table, n) in &purged.rows {
        println!("{table}: {n}");
    }
    println!("APV-runder talt op: {}", purged.apv_rounds_tallied);
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down; finishing requests in flight");
}
