//! What responses tell caches and browsers: no signed-in page or download is
//! stored (static assets keep their caching), HSTS when the public URL is
//! https, and `/metrics` only for the configured token or loopback.

use crate::both_backends;
use crate::support::{Backend, TestApp};

fn cache_control(r: &reqwest::Response) -> String {
    r.headers().get("cache-control").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

both_backends!(signed_in_pages_and_downloads_are_not_stored, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let client = app.signed_in("hr@rm.dk").await;
    for path in ["/", "/plan", "/account", "/plan/overview.csv", "/plan/overview.xlsx", "/account/export.json", "/findes/ikke"] {
        let r = client.get(path).await;
        assert!(r.status().as_u16() < 500, "{path}: {}", r.status());
        assert_eq!(cache_control(&r), "no-store", "{path}");
    }
    // A redirect for a signed-in person, and a form answer, too.
    let r = client.post_form("/language", &[("lang", "en"), ("next", "/")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(cache_control(&r), "no-store");
    // Static assets keep their caching.
    let r = client.get("/static/app.css").await;
    assert_eq!(r.status(), 200);
    assert!(cache_control(&r).contains("max-age"), "{}", cache_control(&r));
    assert!(!cache_control(&r).contains("no-store"));
});

#[tokio::test]
async fn hsts_only_with_an_https_public_url() {
    let https = TestApp::spawn_with(Backend::Sqlite, |a| a.public_url = Some("https://ledertrivsel.example".into()))
        .await
        .unwrap();
    for path in ["/login", "/healthz", "/static/app.css"] {
        let r = https.client().get(path).await;
        let hsts = r.headers().get("strict-transport-security").map(|v| v.to_str().unwrap().to_string());
        assert_eq!(hsts.as_deref(), Some("max-age=31536000"), "{path}");
    }
    let http = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let r = http.client().get("/login").await;
    assert!(r.headers().get("strict-transport-security").is_none(), "not on a plain-HTTP install");
}

#[tokio::test]
async fn metrics_need_the_configured_token() {
    let app = TestApp::spawn_with(Backend::Sqlite, |a| a.metrics_token = Some("m3trics-token-for-tests".into()))
        .await
        .unwrap();
    let client = app.client();
    let get = |auth: Option<&'static str>| {
        let mut req = client.http.get(format!("{}/metrics", client.base));
        if let Some(auth) = auth {
            req = req.header("authorization", auth);
        }
        req.send()
    };
    assert_eq!(get(None).await.unwrap().status(), 404, "loopback alone is not enough once a token is set");
    assert_eq!(get(Some("Bearer wrong")).await.unwrap().status(), 404);
    let r = get(Some("Bearer m3trics-token-for-tests")).await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("ledertrivsel_http_requests_total"));
}

/// Without a token, a peer that is not the machine itself gets 404. The
/// test cannot open a socket from another host, so it hands the real router
/// a request whose peer address is one, as `serve` does for each connection.
#[tokio::test]
async fn metrics_without_a_token_only_on_loopback() {
    use tower::ServiceExt;
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let request = |peer: &str| {
        let mut req = axum::http::Request::get("/metrics").body(axum::body::Body::empty()).unwrap();
        req.extensions_mut().insert(axum::extract::ConnectInfo::<std::net::SocketAddr>(peer.parse().unwrap()));
        req
    };
    let router = ledertrivsel::startup::router(app.state.clone());
    let r = router.clone().oneshot(request("203.0.113.7:40000")).await.unwrap();
    assert_eq!(r.status(), 404);
    let r = router.clone().oneshot(request("[2001:db8::7]:40000")).await.unwrap();
    assert_eq!(r.status(), 404);
    let r = router.clone().oneshot(request("127.0.0.1:40000")).await.unwrap();
    assert_eq!(r.status(), 200);
    // And over a real socket from loopback.
    assert_eq!(app.client().page("/metrics").await.0, 200);
}

/// Behind a reverse proxy the configured header names the client: a visitor
/// the proxy forwards is not loopback. Unconfigured, the header is ignored.
#[tokio::test]
async fn metrics_behind_a_proxy_follow_the_configured_header() {
    let proxied = TestApp::spawn_with(Backend::Sqlite, |a| a.client_ip_header = Some("x-real-ip".into())).await.unwrap();
    let client = proxied.client();
    let get = |app: &TestApp, real_ip: &'static str| {
        app.client().http.get(format!("{}/metrics", app.base)).header("x-real-ip", real_ip).send()
    };
    assert_eq!(get(&proxied, "203.0.113.7").await.unwrap().status(), 404);
    assert_eq!(get(&proxied, "127.0.0.1").await.unwrap().status(), 200);
    assert_eq!(client.page("/metrics").await.0, 404, "no header through the proxy: unknown, not loopback");
    let direct = TestApp::spawn(Backend::Sqlite).await.unwrap();
    assert_eq!(get(&direct, "203.0.113.7").await.unwrap().status(), 200, "an unconfigured header is not read");
}
