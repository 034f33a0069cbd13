//! One error type for handlers. It turns into a status code plus an
//! `ErrorPage` marker; the `render_error_pages` middleware then draws the page
//! in the visitor's language, so no handler builds error HTML itself.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Also used for anything in another organisation: it does not exist for you.
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Not signed in: go to the sign-in page and come back.
    #[error("sign-in required")]
    SignInRequired { next: String },
    /// Go elsewhere first (e.g. choose an organisation).
    #[error("redirect to {0}")]
    Redirect(String),
    /// The form's CSRF token was missing or wrong (e.g. an old tab).
    #[error("csrf")]
    Csrf,
    /// A body in a format the handler does not read (e.g. JSON for a form).
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("too many attempts")]
    RateLimited,
    /// A request we cannot act on; the key names the reason.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Internal(e.into())
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(e.into())
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Marker left on an error response for `render_error_pages`.
#[derive(Clone, Copy, Debug)]
pub struct ErrorPage {
    pub title_key: &'static str,
    pub message_key: &'static str,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, title_key, message_key) = match &self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found"),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden"),
            AppError::SignInRequired { next } => {
                let to = format!("/login?next={}", urlencode(next));
                return axum::response::Redirect::to(&to).into_response();
            }
            AppError::Redirect(to) => return axum::response::Redirect::to(to).into_response(),
            AppError::Csrf => (StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf"),
            AppError::UnsupportedMediaType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "input-error-media-type-title", "input-error-media-type")
            }
            AppError::RateLimited => {
                (StatusCode::TOO_MANY_REQUESTS, "error-rate-limited-title", "error-rate-limited")
            }
            AppError::BadRequest(key) => (StatusCode::BAD_REQUEST, "error-bad-request-title", *key),
            // Storage refused the write (full, read-only, the database's
            // connection cut): nothing was saved, and trying again may work.
            AppError::Internal(e) if crate::storage::fault::of(e).is_some() => {
                tracing::error!(error = ?e, "storage cannot write; nothing was saved");
                (StatusCode::SERVICE_UNAVAILABLE, "error-not-saved-title", "error-not-saved")
            }
            AppError::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, "error-internal-title", "error-internal")
            }
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage { title_key, message_key });
        response
    }
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|x| x[1..].to_string()).unwrap_or_default()
}
