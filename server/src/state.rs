//! What every handler can reach.

use crate::auth::rate_limit::RateLimits;
use crate::content::Shipped;
use crate::mail::Mailer;
use crate::storage::cache::Cache;
use crate::storage::Db;
use crate::tools::collab::meeting::{MeetingKey, MeetingReads};
use crate::web::start::{StartData, StartKey};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    /// Now, for every page, store call and worker (`clock`).
    pub clock: crate::clock::Clock,
    pub mailer: Mailer,
    /// Base of links in mails, e.g. `https://ledertrivsel.kommune.dk`.
    pub public_url: Arc<str>,
    /// Cookies are `Secure` and responses carry HSTS: the public URL is https.
    pub secure_cookies: bool,
    /// What `/metrics` requires (`domain::metrics_access`).
    pub metrics_token: Option<Arc<str>>,
    /// The configured header holding the client's address (`auth::client`).
    pub client_ip_header: Option<Arc<str>>,
    pub limits: Arc<RateLimits>,
    /// Wakes the password-reset mail worker (`auth::reset_mail`).
    pub reset_mail: Arc<tokio::sync::Notify>,
    /// Wakes the notification mail worker (`notify::mail`).
    pub notify_mail: Arc<tokio::sync::Notify>,
    pub shipped: Arc<Shipped>,
    pub metrics: metrics_exporter_prometheus::PrometheusHandle,
    /// The daily tick's group-commit writer.
    pub ticks: crate::tools::dialog::ticks::TickWriter,
    /// Skema 1's group-commit writer.
    pub skema1: crate::tools::apv::hand_in::Skema1Writer,
    /// Recently decided APV campaign overviews.
    pub apv_figures: crate::tools::apv::overview::FiguresCache,
    /// The live sessions this server holds in memory.
    pub live: Arc<crate::tools::live::room::Hub>,
    /// What often-read pages read, kept until the database changes.
    pub kept: Arc<KeptPages>,
}

/// What often-read pages read from the database, kept in memory until it
/// changes (`storage::cache`). Each is bounded in entries, and in age for
/// what depends on the clock (what is due this week, a dialog starting).
pub struct KeptPages {
    pub start: Cache<StartKey, Arc<StartData>>,
    pub meeting: Cache<MeetingKey, Arc<MeetingReads>>,
}

impl KeptPages {
    pub fn new(db: &Db) -> Self {
        Self {
            start: Cache::new(db.clone(), 10_000, Duration::from_secs(60)),
            meeting: Cache::new(db.clone(), 1_000, Duration::from_secs(60)),
        }
    }
}
