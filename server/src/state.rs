//! What every handler can reach.

use crate::auth::rate_limit::RateLimits;
use crate::content::Shipped;
use crate::mail::Mailer;
use crate::storage::Db;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub mailer: Mailer,
    /// Base of links in mails, e.g. `https://ledertrivsel.kommune.dk`.
    pub public_url: Arc<str>,
    pub secure_cookies: bool,
    pub limits: Arc<RateLimits>,
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
}
