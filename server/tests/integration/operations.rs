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
