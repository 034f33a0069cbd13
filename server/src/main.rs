//! `ledertrivsel`: one binary with subcommands (see `config::Command`).

use clap::Parser;
use ledertrivsel::config::{Cli, Command};

/// mimalloc instead of glibc's malloc: a page is built from many short-lived
/// strings and rows, and under load glibc's allocator (with its chunk
/// consolidation) took a fifth of the server's time (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // Logs go to stderr: stdout is the command's output (the demo's account
    // lines, the setup link), which scripts and tests read.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LEDERTRIVSEL_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => ledertrivsel::serve(args).await,
        Command::Migrate(db) => ledertrivsel::migrate(&db).await,
        Command::Demo(db) => ledertrivsel::demo::run(&db).await,
        Command::Backup(a) => ledertrivsel::storage::backup::run_backup(&a.file, &a.db).await,
        Command::Restore(a) => ledertrivsel::storage::backup::run_restore(&a.file, &a.db).await,
        Command::Purge(a) => ledertrivsel::purge(&a).await,
    };
    // A full or read-only disk is the operator's to fix: say so plainly,
    // with the system's own words after it.
    if let Err(e) = &result
        && let Some(fault) = ledertrivsel::storage::fault::of(e)
    {
        eprintln!("Fejl: {}\n({e:#})", fault.advice());
        std::process::exit(1);
    }
    result
}
