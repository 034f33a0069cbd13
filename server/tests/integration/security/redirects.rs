//! A `next` that names another site, or holds characters a browser drops or
//! reads as `/`, never leaves the site and never gives a 500: on /login's
//! query, in the hidden field of the sign-in form, and on POST /language.

use crate::both_backends;
use crate::support::app::{location, PASSWORD};

/// Crafted `next` values, as they arrive after URL decoding.
const CRAFTED: &[&str] = &[
    "/\t/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "https://evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/dialog\r\nSet-Cookie: x=1",
    "/..//evil.example",
    "/%2e%2e//evil.example",
];

/// A Location the browser resolves on this site: one `/`, then no `/` or `\`,
/// no whitespace or control characters.
fn assert_same_site(location: &str, next: &str) {
    let mut chars = location.chars();
    assert_eq!(chars.next(), Some('/'), "{next:?} -> {location:?}");
    assert!(!matches!(chars.next(), Some('/') | Some('\\')), "{next:?} -> {location:?}");
    assert!(!location.chars().any(|c| c.is_control() || c.is_whitespace()), "{next:?} -> {location:?}");
    assert!(!location.contains("evil"), "{next:?} -> {location:?}");
}

both_backends!(login_query_next_stays_on_the_site, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let client = app.signed_in("hr@rm.dk").await;
    // The raw query as a crafted link would carry it, e.g. /login?next=/%09/evil.example.
    for next in CRAFTED {
        let r = client.get(&format!("/login?next={}", ledertrivsel::error::urlencode(next))).await;
        assert_eq!(r.status(), 303, "{next:?}");
        assert_same_site(&location(&r), next);
    }
    let r = client.get("/login?next=/%09/evil.example").await;
    assert_eq!(location(&r), "/");
    let r = client.get("/login?next=/dialog%3Ftab%3D1").await;
    assert_eq!(location(&r), "/dialog?tab=1", "a local path is kept");
});

both_backends!(login_form_hidden_next_stays_on_the_site, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    // The form echoes the query's next in its hidden field only once cleaned.
    let client = app.client();
    let (_, body) = client.page("/login?next=/%09/evil.example").await;
    assert!(body.contains("name=\"next\" value=\"/\""), "{body}");
    for next in CRAFTED {
        let client = app.client();
        let r = client.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD), ("next", next)]).await;
        assert_eq!(r.status(), 303, "{next:?}");
        assert_eq!(location(&r), "/", "{next:?}");
    }
    let client = app.client();
    let r = client.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD), ("next", "/dialog")]).await;
    assert_eq!(location(&r), "/dialog");
});

both_backends!(language_switch_next_stays_on_the_site, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    for signed_in in [false, true] {
        let client = if signed_in { app.signed_in("hr@rm.dk").await } else { app.client() };
        for next in CRAFTED {
            let r = client.post_form("/language", &[("lang", "en"), ("next", next)]).await;
            assert_eq!(r.status(), 303, "{next:?}");
            assert_same_site(&location(&r), next);
            // A Referer naming another site is not used instead.
            let token = client.csrf().await;
            let body = serde_urlencoded::to_string([("lang", "da"), ("next", *next), ("csrf", token.as_str())]).unwrap();
            let r = client
                .http
                .post(format!("{}/language", client.base))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("referer", "https://evil.example/phish")
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303, "{next:?}");
            assert_same_site(&location(&r), next);
        }
        // Without a next, with a foreign Referer: home.
        let token = client.csrf().await;
        let r = client
            .http
            .post(format!("{}/language", client.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("referer", "https://evil.example/")
            .body(serde_urlencoded::to_string([("lang", "da"), ("csrf", token.as_str())]).unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(location(&r), "/");
        let r = client.post_form("/language", &[("lang", "da"), ("next", "/login?notice=x")]).await;
        assert_eq!(location(&r), "/login?notice=x", "a local path is kept");
    }
});
