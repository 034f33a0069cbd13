//! Liveness, readiness and Prometheus metrics.

use crate::auth::client::ClientAddr;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::fault::Fault;
use crate::storage::WriteCheck;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};

/// The process runs.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and can commit a write: while the disk is full or
/// read-only the server is not ready, and it is again, by itself, as soon as
/// a write succeeds (`Db::can_write`).
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let not_ready = match state.db.can_write().await {
        Ok(()) => return (StatusCode::OK, "ready"),
        Err(WriteCheck::Fault(Fault::Full)) => "database cannot write: storage is full",
        Err(WriteCheck::Fault(Fault::ReadOnly)) => "database cannot write: storage is read-only",
        Err(WriteCheck::Fault(Fault::Io)) => "database cannot write: storage reports I/O errors",
        Err(WriteCheck::Fault(Fault::Lost)) => "database connection lost",
        Err(WriteCheck::Failed(_)) => "database unavailable",
    };
    (StatusCode::SERVICE_UNAVAILABLE, not_ready)
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
