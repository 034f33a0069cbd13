//! Health, readiness, metrics, migrations.

use crate::both_backends;

both_backends!(health_ready_and_metrics, |app: crate::support::TestApp| async move {
    let client = app.client();
    assert_eq!(client.page("/healthz").await, (200, "ok".to_string()));
    assert_eq!(client.page("/readyz").await.0, 200);
    let (status, body) = client.page("/metrics").await;
    assert_eq!(status, 200);
    assert!(body.contains("ledertrivsel_http_requests_total"), "{body}");
});

#[tokio::test]
async fn unknown_pages_get_a_page_in_danish() {
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let (status, body) = app.client().page("/findes/ikke").await;
    assert_eq!(status, 404);
    assert!(body.contains("Siden findes ikke"), "{body}");
}

#[test]
fn migration_folders_have_the_same_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let names = |d: &str| {
        let mut v: Vec<_> = std::fs::read_dir(root.join(d)).unwrap().map(|e| e.unwrap().file_name()).collect();
        v.sort();
        v
    };
    assert!(!names("sqlite").is_empty());
    assert_eq!(names("sqlite"), names("postgres"));
}

#[tokio::test]
async fn security_headers_on_every_page() {
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    for path in ["/login", "/healthz", "/static/app.css", "/does-not-exist"] {
        let r = app.client().get(path).await;
        let csp = r.headers().get("content-security-policy").unwrap().to_str().unwrap().to_string();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(r.headers().get("x-content-type-options").unwrap(), "nosniff");
    }
}

/// A query string a page cannot read gets the product's error page in the
/// visitor's language, not the framework's English plain text.
#[tokio::test]
async fn a_bad_query_string_gets_a_page_in_danish() {
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let r = app.client().get("/login?next=%2F&next=%2Fadmin").await;
    assert_eq!(r.status(), 400);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let body = r.text().await.unwrap();
    assert!(body.contains("Adressen indeholder værdier, som siden ikke kan læse"), "{body}");
    assert!(!body.contains("Failed to deserialize"), "{body}");
}

/// Issue 17, item 11: pages link static files under content-hashed names,
/// which a browser keeps a year, sent brotli- or gzip-compressed when the
/// browser takes it; a stale hash still gets the file, briefly cached.
#[tokio::test]
async fn static_files_are_versioned_compressed_and_kept_a_year() {
    use std::io::Read;
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let client = app.client();
    let (status, body) = client.page("/login").await;
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&body);
    let links: Vec<String> = doc
        .select(&scraper::Selector::parse("link[rel=stylesheet], script[src]").unwrap())
        .filter_map(|e| e.value().attr("href").or(e.value().attr("src")).map(str::to_string))
        .collect();
    assert_eq!(links.len(), 4, "{links:?}");
    for link in &links {
        assert!(link.starts_with("/static/v/"), "unversioned: {link}");
    }
    let css = links.iter().find(|l| l.ends_with("/dkfds/css/dkfds.min.css")).unwrap();
    let get = |path: String, accept: &'static str| {
        let http = client.http.clone();
        let url = format!("{}{path}", client.base);
        async move { http.get(url).header("accept-encoding", accept).send().await.unwrap() }
    };
    let plain = get(css.clone(), "identity").await;
    assert_eq!(plain.status(), 200);
    assert_eq!(plain.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap();
    assert!(plain.len() > 200_000, "the design system's stylesheet: {}", plain.len());

    let br = get(css.clone(), "gzip, deflate, br").await;
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.headers()["vary"], "accept-encoding");
    let br = br.bytes().await.unwrap();
    assert!(br.len() * 5 < plain.len(), "brotli {} of {}", br.len(), plain.len());
    let mut unpacked = Vec::new();
    brotli::Decompressor::new(&br[..], 4096).read_to_end(&mut unpacked).unwrap();
    assert_eq!(unpacked, plain.to_vec());

    let gz = get(css.clone(), "gzip").await;
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&gz.bytes().await.unwrap()[..]).read_to_end(&mut unpacked).unwrap();
    assert_eq!(unpacked, plain.to_vec());

    // The stylesheet's fonts resolve under the same version.
    let font = css.replace("css/dkfds.min.css", "fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2");
    let r = get(font, "br").await;
    assert_eq!(r.status(), 200, "{css}");
    assert!(r.headers().get("content-encoding").is_none(), "fonts are compressed already");
    assert_eq!(r.headers()["cache-control"], "public, max-age=31536000, immutable");

    // A page cached before a release asks for an old hash: today's file, briefly kept.
    let app_css = links.iter().find(|l| l.ends_with("/app.css")).unwrap();
    let old = app_css.replace(app_css.split('/').nth(3).unwrap(), "000000000000");
    let r = get(old, "identity").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "public, max-age=3600");
    // A browser that has the file asks again only with its tag.
    let etag = get(app_css.clone(), "identity").await.headers()["etag"].to_str().unwrap().to_string();
    let r = client.http.get(format!("{}/static/app.css", client.base)).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(get("/static/v/000000000000/nothing.css".into(), "br").await.status(), 404);
}
