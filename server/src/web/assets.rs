//! Static files embedded in the binary: the design system (dkfds), htmx, and
//! our own stylesheet and scripts. Nothing is read from disk at run time.
//!
//! Pages link each file under a name that holds its content's hash
//! (`/static/v/<hash>/app.css`, see `url`), so a browser keeps it a year
//! without asking again and still gets a changed file at once after a
//! release. Text files are sent brotli- or gzip-compressed when the browser
//! takes it, compressed once per process on first request (the stylesheet
//! goes from 215 KB to about 25 KB: the difference between a phone on 4G
//! showing a page in well under a second or not). A hash that is no longer
//! current (a page cached from before a release) still gets today's file,
//! just not for a year. The old unhashed names keep working, briefly cached.
//!
//! The design system's stylesheet names its fonts and images relatively
//! (`../fonts/…`), so all of dkfds shares one hash, of all its files: the
//! fonts then sit under the same versioned folder as the stylesheet.

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::Embed;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, LazyLock, OnceLock};

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

/// How long a versioned file is kept: its name changes with its content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// An old or unversioned name: the content behind it may change.
const BRIEF: &str = "public, max-age=3600";

/// Characters of the hex hash in a versioned name: enough that two
/// releases' files never share one.
const HASH_CHARS: usize = 12;

/// One file as it is served.
struct Asset {
    mime: String,
    raw: Bytes,
    hash: String,
    /// Compressed forms, made on first request; `None` inside when
    /// compressing does not pay (fonts and images are compressed already).
    compressed: OnceLock<Option<Compressed>>,
}

struct Compressed {
    brotli: Bytes,
    gzip: Bytes,
}

/// Every file by the path pages use for it (`app.css`, `htmx.min.js`,
/// `dkfds/css/dkfds.min.css`).
static ASSETS: LazyLock<HashMap<String, Arc<Asset>>> = LazyLock::new(|| {
    let mut all = HashMap::new();
    let own_hash = |data: &[u8]| hex(&Sha256::digest(data));
    for path in Own::iter() {
        let file = Own::get(&path).expect("listed by iter");
        all.insert(path.to_string(), asset(&path, file.data.clone(), own_hash(&file.data)));
    }
    let htmx = Htmx::get("htmx.min.js").expect("htmx is embedded");
    all.insert("htmx.min.js".into(), asset("htmx.min.js", htmx.data.clone(), own_hash(&htmx.data)));
    // One hash for the whole design system, over its files in a fixed order.
    let mut paths: Vec<_> = Dkfds::iter().collect();
    paths.sort();
    let mut set = Sha256::new();
    for path in &paths {
        set.update(path.as_bytes());
        set.update(Dkfds::get(path).expect("listed by iter").metadata.sha256_hash());
    }
    let dkfds_hash = hex(&set.finalize());
    for path in paths {
        let file = Dkfds::get(&path).expect("listed by iter");
        all.insert(format!("dkfds/{path}"), asset(&path, file.data, dkfds_hash.clone()));
    }
    all
});

fn asset(path: &str, raw: std::borrow::Cow<'static, [u8]>, hash: String) -> Arc<Asset> {
    let mime = mime_guess::from_path(path).first_or_octet_stream().as_ref().to_string();
    let raw = match raw {
        std::borrow::Cow::Borrowed(b) => Bytes::from_static(b),
        std::borrow::Cow::Owned(v) => Bytes::from(v),
    };
    Arc::new(Asset { mime, raw, hash, compressed: OnceLock::new() })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().take(HASH_CHARS / 2).map(|b| format!("{b:02x}")).collect()
}

/// The versioned address of an embedded file, for the templates:
/// `url("app.css")` is `/static/v/<hash>/app.css`. A path that names no
/// embedded file is a mistake in a template, caught by the tests that load
/// every page; it is linked unversioned so the mistake shows as a 404.
pub fn url(path: &str) -> String {
    match ASSETS.get(path) {
        Some(a) => format!("/static/v/{}/{path}", a.hash),
        None => format!("/static/{path}"),
    }
}

impl Asset {
    fn compressed(&self) -> Option<&Compressed> {
        self.compressed
            .get_or_init(|| {
                let text = self.mime.starts_with("text/") || self.mime.contains("javascript") || self.mime.contains("svg");
                text.then(|| Compressed { brotli: brotli(&self.raw).into(), gzip: gzip(&self.raw).into() })
            })
            .as_ref()
    }
}

fn brotli(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() / 4);
    {
        // Quality 11 and a 4 MB window: the smallest result, paid once.
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(raw).expect("writing to memory");
    }
    out
}

fn gzip(raw: &[u8]) -> Vec<u8> {
    let mut w = flate2::write::GzEncoder::new(Vec::with_capacity(raw.len() / 3), flate2::Compression::best());
    w.write_all(raw).expect("writing to memory");
    w.finish().expect("writing to memory")
}

/// What the browser takes, best first: brotli, then gzip, then as is.
#[derive(Debug, PartialEq, Eq)]
enum Coding {
    Brotli,
    Gzip,
    Identity,
}

fn accepted(headers: &HeaderMap) -> Coding {
    let offered = |name: &str| {
        headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|part| {
            let mut it = part.split(';');
            let coding = it.next().unwrap_or("").trim();
            // `br;q=0` says "not this one".
            let refused = it.any(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()) == Some(0.0));
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    if offered("br") {
        Coding::Brotli
    } else if offered("gzip") {
        Coding::Gzip
    } else {
        Coding::Identity
    }
}

/// `GET /static/{*path}`: `v/<hash>/<path>` for a versioned name, else the
/// plain path.
pub async fn serve(Path(path): Path<String>, headers: HeaderMap) -> Response {
    let (wanted_hash, path) = match path.strip_prefix("v/").and_then(|rest| rest.split_once('/')) {
        Some((hash, rest)) => (Some(hash), rest),
        None => (None, path.as_str()),
    };
    let Some(asset) = ASSETS.get(path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let cache = if wanted_hash == Some(asset.hash.as_str()) { IMMUTABLE } else { BRIEF };
    let etag = format!("\"{}\"", asset.hash);
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.split(',').any(|t| t.trim() == etag)) {
        return (StatusCode::NOT_MODIFIED, [(header::CACHE_CONTROL, HeaderValue::from_static(cache))]).into_response();
    }
    let (body, encoding): (Bytes, Option<&str>) = match (asset.compressed(), accepted(&headers)) {
        (Some(c), Coding::Brotli) => (c.brotli.clone(), Some("br")),
        (Some(c), Coding::Gzip) => (c.gzip.clone(), Some("gzip")),
        _ => (asset.raw.clone(), None),
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, HeaderValue::from_str(&asset.mime).unwrap_or(HeaderValue::from_static("application/octet-stream"))),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
            (header::ETAG, HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"\""))),
        ],
        body,
    )
        .into_response();
    if asset.compressed().is_some() {
        // Caches between must keep the compressed and plain forms apart.
        response.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Some(encoding) = encoding {
        response.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
        h
    }

    #[test]
    fn the_best_coding_the_browser_takes() {
        assert_eq!(accepted(&with("gzip, deflate, br, zstd")), Coding::Brotli);
        assert_eq!(accepted(&with("gzip, deflate")), Coding::Gzip);
        assert_eq!(accepted(&with("br;q=0, gzip;q=0.8")), Coding::Gzip);
        assert_eq!(accepted(&with("identity")), Coding::Identity);
        assert_eq!(accepted(&HeaderMap::new()), Coding::Identity);
    }

    #[test]
    fn every_page_asset_has_a_versioned_name() {
        for path in ["app.css", "app.js", "live.js", "htmx.min.js", "dkfds/css/dkfds.min.css", "dkfds/js/dkfds.min.js"] {
            let u = url(path);
            assert!(u.starts_with("/static/v/") && u.ends_with(path), "{u}");
            assert_eq!(u.split('/').nth(3).map(str::len), Some(HASH_CHARS), "{u}");
        }
        // The stylesheet's fonts sit under the same version as the stylesheet.
        let css = url("dkfds/css/dkfds.min.css");
        let font = ASSETS.keys().find(|k| k.starts_with("dkfds/fonts/")).expect("fonts are embedded");
        assert_eq!(css.split('/').nth(3), url(font).split('/').nth(3));
    }

    #[test]
    fn compressed_forms_decompress_to_the_file() {
        use std::io::Read;
        let css = ASSETS.get("app.css").unwrap();
        let c = css.compressed().expect("a stylesheet is compressed");
        let mut plain = Vec::new();
        brotli::Decompressor::new(&c.brotli[..], 4096).read_to_end(&mut plain).unwrap();
        assert_eq!(plain, css.raw.to_vec());
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&c.gzip[..]).read_to_end(&mut plain).unwrap();
        assert_eq!(plain, css.raw.to_vec());
        let font = ASSETS.iter().find(|(k, _)| k.ends_with(".woff2")).unwrap().1;
        assert!(font.compressed().is_none(), "fonts are compressed already");
    }
}
