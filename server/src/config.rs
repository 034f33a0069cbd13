//! Command line and environment (`LEDERTRIVSEL_…`). Every setting can be given
//! either way; errors name the setting.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "ledertrivsel", version, about = "Ledertrivsel: styrk lederes trivsel og resultater")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web server (migrates the database first).
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate(DbArgs),
    /// Fill the database with a demo organisation and print its sign-ins.
    Demo(DbArgs),
    /// Write every organisation's data to FILE (JSON), for `restore`.
    Backup(FileArgs),
    /// Load a backup FILE into a new, empty database.
    Restore(FileArgs),
    /// Delete now what the organisations' retention periods say has expired
    /// (`serve` does it every hour).
    Purge(PurgeArgs),
}

#[derive(Args, Debug, Clone)]
pub struct PurgeArgs {
    /// Purge as of this instant (RFC 3339, e.g. 2030-01-01T00:00:00Z)
    /// instead of now: to see what a date would delete, or to measure it.
    #[arg(long)]
    pub now: Option<String>,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Args, Debug, Clone)]
pub struct FileArgs {
    /// The backup file.
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Args, Debug, Clone)]
pub struct DbArgs {
    /// Directory for the embedded database, the mail outbox and backups.
    #[arg(long, env = "LEDERTRIVSEL_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// `postgres://…` to use PostgreSQL; default: SQLite in the data directory.
    #[arg(long, env = "LEDERTRIVSEL_DATABASE_URL")]
    pub database_url: Option<String>,
}

impl DbArgs {
    pub fn url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| crate::storage::sqlite_url(&self.data_dir))
    }
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "LEDERTRIVSEL_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub db: DbArgs,
    /// The address people reach the server at, used in links in mails.
    /// Cookies are marked `Secure` when it starts with https://.
    /// Default: http://<listen address>.
    #[arg(long, env = "LEDERTRIVSEL_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// `smtp://user:pass@host:587` or `smtps://…` to send mail; default: write
    /// `.eml` files to `<data dir>/outbox`.
    #[arg(long, env = "LEDERTRIVSEL_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Sender address of mails.
    #[arg(long, env = "LEDERTRIVSEL_MAIL_FROM", default_value = "Ledertrivsel <no-reply@ledertrivsel.local>")]
    pub mail_from: String,
    /// How often, in seconds, the server looks for reminders to send (and
    /// tries again the ones whose mail failed).
    #[arg(long, env = "LEDERTRIVSEL_REMINDER_EVERY", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
    pub reminder_every: u64,
    /// Bearer token that `/metrics` requires. Without one, `/metrics`
    /// answers only on loopback (a scraper on the same machine).
    #[arg(long, env = "LEDERTRIVSEL_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// The header a reverse proxy in front of every request sets to the
    /// client's address (`X-Real-IP`, or `X-Forwarded-For`, whose last
    /// address is used), for sign-in limits and `/metrics`. Default: none,
    /// the socket's peer address (no forwarded header is trusted).
    #[arg(long, env = "LEDERTRIVSEL_CLIENT_IP_HEADER")]
    pub client_ip_header: Option<String>,
}

impl ServeArgs {
    pub fn public_url(&self) -> String {
        let url = self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.listen));
        url.trim_end_matches('/').to_string()
    }
}
