//! Liveness, readiness and Prometheus metrics.

use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;

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

pub async fn metrics(State(state): State<AppState>) -> String {
    state.metrics.render()
}
