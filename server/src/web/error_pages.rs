//! Turns error responses (`AppError`) into full pages in the visitor's
//! language, and adds the security headers every response carries.

use crate::auth::Viewer;
use crate::error::ErrorPage;
use crate::i18n::Tr;
use crate::web::page::request_lang;
use askama::Template;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
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
    let mut response = next.run(req).await;
    if let Some(page) = response.extensions().get::<ErrorPage>().copied() {
        let tr = Tr::new(lang);
        let template = ErrorTemplate {
            tr,
            title: tr.t(page.title_key),
            message: tr.t(page.message_key),
            signed_in: viewer.is_some(),
        };
        let status = response.status();
        response = match template.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => status.into_response(),
        };
    }
    response
}

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
                   form-action 'self'; object-src 'none'";

pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}
