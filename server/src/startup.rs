//! Builds the application: database, state, routes, middleware.
//! `Application::build` binds the listener, so tests can ask for port 0.

use crate::config::ServeArgs;
use crate::content::Shipped;
use crate::mail::Mailer;
use crate::state::AppState;
use crate::storage::session_store::DbSessionStore;
use crate::storage::Db;
use crate::{auth, web};
use axum::routing::{get, post};
use axum::Router;
use anyhow::Context;
use std::sync::{Arc, OnceLock};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub struct Application {
    pub port: u16,
    pub state: AppState,
    listener: tokio::net::TcpListener,
    router: Router,
}

/// The Prometheus recorder is process-wide; tests build many apps in one process.
fn metrics_handle() -> metrics_exporter_prometheus::PrometheusHandle {
    static HANDLE: OnceLock<metrics_exporter_prometheus::PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            // Another recorder may already be installed (only in tests); then we render an empty set.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

impl Application {
    pub async fn build(args: &ServeArgs) -> anyhow::Result<Application> {
        std::fs::create_dir_all(&args.db.data_dir)
            .map_err(|e| anyhow::anyhow!("LEDERTRIVSEL_DATA_DIR {}: {e}", args.db.data_dir.display()))?;
        let db = Db::connect(&args.db.url()).await?;
        db.migrate().await?;
        check_writable(&db, args).await?;
        let shipped = Shipped::load()?;
        let clock = crate::clock::Clock::wall();
        crate::org::provision::install_new_tools(&db, &shipped, clock.now()).await?;
        let public_url = args.public_url();
        let state = AppState {
            clock: clock.clone(),
            mailer: Mailer::new(args.smtp_url.as_deref(), args.db.data_dir.join("outbox"), &args.mail_from)?,
            secure_cookies: public_url.starts_with("https://"),
            metrics_token: args.metrics_token.as_deref().filter(|t| !t.is_empty()).map(Arc::from),
            client_ip_header: args.client_ip_header.as_deref().filter(|h| !h.is_empty()).map(Arc::from),
            public_url: public_url.into(),
            limits: Arc::new(auth::rate_limit::RateLimits::default()),
            reset_mail: Default::default(),
            notify_mail: Default::default(),
            shipped: Arc::new(shipped),
            metrics: metrics_handle(),
            ticks: crate::tools::dialog::ticks::TickWriter::start(db.clone()),
            skema1: crate::tools::apv::hand_in::Skema1Writer::start(db.clone()),
            apv_figures: Default::default(),
            live: crate::tools::live::room::Hub::start(db.clone(), clock),
            kept: Arc::new(crate::state::KeptPages::new(&db)),
            db,
        };
        if state.db.backend == crate::storage::Backend::Postgres {
            crate::tools::live::fanout::start(state.live.clone(), args.db.url());
        }
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| anyhow::anyhow!("LEDERTRIVSEL_LISTEN {}: {e}", args.listen))?;
        let port = listener.local_addr()?.port();
        let router = router(state.clone());
        Ok(Application { port, state, listener, router })
    }

    /// Serves until `shutdown` resolves; requests in flight are finished first.
    pub async fn run_until(self, shutdown: impl std::future::Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        auth::reset_mail::spawn(self.state.clone());
        crate::notify::mail::spawn(self.state.clone());
        let store = DbSessionStore::new(self.state.db.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                tick.tick().await;
                if let Err(e) = store.delete_expired().await {
                    tracing::warn!(error = %e, "could not delete expired sessions");
                }
            }
        });
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<std::net::SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await?;
        Ok(())
    }
}

/// Refuses to start where nothing could be saved: a server that starts on a
/// read-only or full disk answers as ready and then fails every sign-in.
async fn check_writable(db: &Db, args: &ServeArgs) -> anyhow::Result<()> {
    let data_dir = &args.db.data_dir;
    // The data folder holds the SQLite file and, without SMTP, the mail outbox.
    if db.backend == crate::storage::Backend::Sqlite || args.smtp_url.is_none() {
        let probe = data_dir.join(format!(".write-check-{}", std::process::id()));
        let written = std::fs::write(&probe, b"ledertrivsel").and_then(|()| std::fs::remove_file(&probe));
        written.with_context(|| format!("kan ikke skrive i datamappen {} (LEDERTRIVSEL_DATA_DIR)", data_dir.display()))?;
    }
    match db.can_write().await {
        Ok(()) => Ok(()),
        Err(crate::storage::WriteCheck::Fault(fault)) => {
            Err(anyhow::anyhow!("{}", fault.advice()).context("databasen kan ikke gemme noget"))
        }
        Err(crate::storage::WriteCheck::Failed(e)) => anyhow::bail!("databasen kan ikke gemme noget: {e}"),
    }
}

pub fn router(state: AppState) -> Router {
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name("lt_session")
        .with_secure(state.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(time::Duration::days(7)));

    let pages = Router::new()
        .route("/", get(web::start::show))
        .route("/login", get(web::signin::show).post(web::signin::submit))
        .route("/logout", post(web::signin::sign_out))
        .route("/language", post(web::signin::language))
        .route("/orgs", get(web::signin::orgs).post(web::signin::select_org))
        .route("/password/forgot", get(web::signin::forgot).post(web::signin::forgot_submit))
        .route("/password/reset/{secret}", get(web::signin::reset).post(web::signin::reset_submit))
        .route("/setup/{secret}", get(web::setup::show).post(web::setup::submit))
        .route("/invitation/{secret}", get(web::invitation::show).post(web::invitation::accept))
        .merge(crate::admin::routes())
        .merge(crate::web::account::routes())
        .merge(crate::privacy::routes())
        .merge(crate::web::address::routes())
        .merge(crate::tools::routes())
        .merge(crate::thread::routes())
        .merge(crate::team::routes())
        .merge(crate::notify::routes())
        .fallback(|| async { crate::error::AppError::NotFound })
        .layer(axum::middleware::from_fn(auth::extract::load_viewer))
        .layer(axum::middleware::from_fn(web::error_pages::render_error_pages))
        .layer(sessions)
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::error_pages::bare_failures))
        .layer(axum::middleware::from_fn(web::error_pages::no_store));

    Router::new()
        .merge(pages)
        .route("/healthz", get(web::health::healthz))
        .route("/readyz", get(web::health::readyz))
        .route("/metrics", get(web::health::metrics))
        .route("/static/{*path}", get(web::assets::serve))
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::error_pages::security_headers))
        .layer(axum::middleware::from_fn(count_requests))
        .with_state(state)
}

async fn count_requests(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let response = next.run(req).await;
    metrics::counter!("ledertrivsel_http_requests_total", "status" => response.status().as_u16().to_string())
        .increment(1);
    response
}
