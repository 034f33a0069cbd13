//! Static files embedded in the binary: the design system (dkfds), htmx, and
//! our own stylesheet and script. Nothing is read from disk at run time.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::Embed;

#[derive(Embed)]
#[folder = "../node_modules/dkfds/dist/"]
#[include = "css/dkfds.min.css"]
#[include = "js/dkfds.min.js"]
#[include = "fonts/IBMPlexSans/complete/woff2/*"]
#[include = "fonts/IBMPlexSans/complete/woff/*"]
#[include = "img/*"]
struct Dkfds;

#[derive(Embed)]
#[folder = "../node_modules/htmx.org/dist/"]
#[include = "htmx.min.js"]
struct Htmx;

#[derive(Embed)]
#[folder = "static/"]
struct Own;

fn serve(path: &str, file: Option<rust_embed::EmbeddedFile>) -> Response {
    match file {
        Some(file) => {
            let mime = mime_guess::from_path(path).first_or_octet_stream();
            (
                [
                    (header::CONTENT_TYPE, mime.as_ref().to_string()),
                    (header::CACHE_CONTROL, "public, max-age=86400".to_string()),
                ],
                file.data,
            )
                .into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

pub async fn dkfds(Path(path): Path<String>) -> Response {
    serve(&path, Dkfds::get(&path))
}

pub async fn htmx() -> Response {
    serve("htmx.min.js", Htmx::get("htmx.min.js"))
}

pub async fn own(Path(path): Path<String>) -> Response {
    serve(&path, Own::get(&path))
}
