//! Turns error responses (`AppError`) into full pages in the visitor's
//! language, and adds the security headers every response carries, and
//! `Cache-Control: no-store` to every page and download.

use crate::auth::Viewer;
use crate::error::ErrorPage;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::page::request_lang;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use crate::storage::{fault, WriteCheck};
use std::cell::Cell;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    tr: Tr,
    title: String,
    message: String,
    signed_in: bool,
}

pub async fn render_error_pages(req: Request, next: Next) -> Response {
    let viewer = req.extensions().get::<Viewer>().cloned();
    let lang = request_lang(req.headers(), viewer.as_ref());
    let response = next.run(req).await;
    // The viewer is read inside (`load_viewer`); their language was noted.
    let noted = VIEWER_LANG.try_with(Cell::get).ok().flatten();
    match response.extensions().get::<ErrorPage>().copied() {
        Some(page) => render(noted.unwrap_or(lang), viewer.is_some(), response.status(), page),
        None => response,
    }
}

fn render(lang: crate::i18n::Lang, signed_in: bool, status: StatusCode, page: ErrorPage) -> Response {
    let tr = Tr::new(lang);
    let template = ErrorTemplate { tr, title: tr.t(page.title_key), message: tr.t(page.message_key), signed_in };
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => status.into_response(),
    }
}

/// The session layer, outside every handler, answers a bare, empty 500 when
/// it cannot load or save a session, as when the database's connection was
/// cut or the disk is full or read-only. Such an answer gets a page too: that
/// nothing was saved when storage refused (the fault the session store noted,
/// or storage refusing writes now), else the general error page; in the
/// signed-in person's language when the session had been read.
pub async fn bare_failures(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let lang = request_lang(req.headers(), None);
    let handling = VIEWER_LANG.scope(Cell::new(None), async {
        let response = next.run(req).await;
        (response, VIEWER_LANG.with(Cell::get))
    });
    let ((response, viewer_lang), noted) = fault::noting(handling).await;
    let bare = response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && !response.headers().contains_key(header::CONTENT_TYPE)
        && axum::body::HttpBody::size_hint(response.body()).exact() == Some(0);
    if !bare {
        return response;
    }
    let refused = noted.is_some() || matches!(state.db.can_write().await, Err(WriteCheck::Fault(_)));
    let (status, page) = if refused {
        (StatusCode::SERVICE_UNAVAILABLE, ErrorPage { title_key: "error-not-saved-title", message_key: "error-not-saved" })
    } else {
        (StatusCode::INTERNAL_SERVER_ERROR, ErrorPage { title_key: "error-internal-title", message_key: "error-internal" })
    };
    render(viewer_lang.unwrap_or(lang), false, status, page)
}

tokio::task_local! {
    /// The signed-in viewer's language, for a page drawn after the session
    /// layer dropped the handler's answer.
    static VIEWER_LANG: Cell<Option<crate::i18n::Lang>>;
}

/// Called once the viewer is known (`auth::extract::load_viewer`).
pub fn note_viewer_lang(lang: crate::i18n::Lang) {
    let _ = VIEWER_LANG.try_with(|l| l.set(Some(lang)));
}

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
                   form-action 'self'; object-src 'none'";

pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    // Only when people reach us over https: HSTS on a plain-HTTP install
    // would make browsers refuse it. No preload: that is an operator's choice.
    if state.public_url.starts_with("https://") {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Every response of the pages router (pages, forms, downloads; not the
/// static assets) is kept out of caches: a signed-in person's page or file
/// must not be left in a shared proxy or in the browser's cache for the next
/// person at the same computer, and even a signed-out page carries the
/// session's CSRF token.
pub async fn no_store(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
