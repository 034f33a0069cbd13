//! Liveness, readiness and Prometheus metrics.

use crate::auth::client::ClientAddr;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};

/// The process runs.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db.ping().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}

/// Prometheus metrics, for whoever `domain::metrics_access` allows; anyone
/// else is told there is no such page.
pub async fn metrics(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
) -> Result<String, AppError> {
    let authorization = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    if !domain::metrics_access::may_read(state.metrics_token.as_deref(), authorization, client) {
        return Err(AppError::NotFound);
    }
    Ok(state.metrics.render())
}
