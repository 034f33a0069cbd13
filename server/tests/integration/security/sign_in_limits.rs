//! Sign-in limits per account and per client address: someone else's wrong
//! guesses never lock the owner out of a browser they signed in from
//! before, and one client cannot try one password on many accounts.

use crate::both_backends;
use crate::support::app::{location, PASSWORD};

both_backends!(wrong_guesses_do_not_lock_the_owner_out_of_a_known_browser, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    // The owner signs in once: the browser is remembered.
    let owner = app.client();
    let r = owner.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("lt_known="))
        .expect("a known-browser cookie");
    for part in ["HttpOnly", "SameSite=Lax", "Path=/login", "Max-Age=31536000"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let r = owner.post_form("/logout", &[]).await;
    assert_eq!(location(&r), "/login");

    // Someone else guesses ten times from their own browser.
    let guesser = app.client();
    for i in 0..10 {
        let r = guesser.post_form("/login", &[("email", "hr@rm.dk"), ("password", "forkert-kodeord")]).await;
        assert_eq!(r.status(), 422, "guess {i}");
    }
    let r = guesser.post_form("/login", &[("email", "hr@rm.dk"), ("password", "forkert-kodeord")]).await;
    assert_eq!(r.status(), 429);
    let body = r.text().await.unwrap();
    assert!(body.contains("For mange forsøg"), "{body}");
    // A browser the account does not know is refused even with the right password.
    let r = app.client().post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 429);

    // The owner's browser still signs in.
    let r = owner.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303, "the owner is not locked out");
    assert_eq!(location(&r), "/");
    assert_eq!(owner.get("/").await.status(), 200);
    // It was known already, so it is not given another cookie.
    owner.post_form("/logout", &[]).await;
    let r = owner.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert!(r.headers().get_all("set-cookie").iter().all(|v| !v.to_str().unwrap().starts_with("lt_known=")));

    // A known-browser cookie that was made up counts for nothing.
    let forger = app.client();
    let _ = forger.page("/login").await;
    let token = forger.csrf().await;
    let body = serde_urlencoded::to_string([("email", "hr@rm.dk"), ("password", PASSWORD), ("csrf", token.as_str())]).unwrap();
    let r = forger
        .http
        .post(format!("{}/login", forger.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", format!("{}; lt_known=made-up-secret", forger.cookie_header()))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
});

both_backends!(one_client_trying_many_accounts_is_refused_in_danish, |app: crate::support::TestApp| async move {
    let org = app.org("Region Midt", "hr@rm.dk").await;
    let mut emails = Vec::new();
    for i in 0..11 {
        let email = format!("leder{i}@rm.dk");
        app.person(&org, &format!("Leder {i}"), &email, &[domain::roles::Role::Leader]).await;
        emails.push(email);
    }
    // HR's browser signed in before the attack, from the same address.
    let known = app.client();
    known.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    known.post_form("/logout", &[]).await;

    let client = app.client();
    let mut statuses = Vec::new();
    for email in &emails {
        let r = client.post_form("/login", &[("email", email), ("password", "Sommer2026!")]).await;
        statuses.push(r.status().as_u16());
        if r.status() == 429 {
            let body = r.text().await.unwrap();
            assert!(body.contains("For mange forsøg: der er prøvet for mange forkerte adgangskoder fra din forbindelse"), "{body}");
        }
    }
    assert_eq!(&statuses[..10], &[422; 10], "{statuses:?}");
    assert_eq!(statuses[10], 429, "the eleventh account is refused: {statuses:?}");
    // The address is slowed even for a right password from an unknown browser,
    let r = app.client().post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 429);
    // ... but a browser the account knows signs in as usual.
    let r = known.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
});

both_backends!(a_forged_forwarded_header_does_not_escape_the_client_limit, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let client = app.client();
    let mut statuses = Vec::new();
    for i in 0..11 {
        let token = client.csrf().await;
        let email = format!("ukendt{i}@rm.dk");
        let body = serde_urlencoded::to_string([("email", email.as_str()), ("password", "Sommer2026!"), ("csrf", &token)]).unwrap();
        let r = client
            .http
            .post(format!("{}/login", client.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-forwarded-for", format!("203.0.113.{i}"))
            .header("x-real-ip", format!("203.0.113.{i}"))
            .body(body)
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
    }
    assert_eq!(&statuses[..10], &[422; 10], "{statuses:?}");
    assert_eq!(statuses[10], 429, "{statuses:?}");
});

both_backends!(a_new_password_forgets_the_known_browsers, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    // A browser that once signed in (say, with a stolen password).
    let earlier = app.client();
    let r = earlier.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    // The owner chooses a new password through the reset mail.
    let owner = app.client();
    owner.post_form("/password/forgot", &[("email", "hr@rm.dk")]).await;
    let mails = crate::security::forgot::mails_arriving(&app, "hr@rm.dk", 1).await;
    let link = mails[0].1.lines().find(|l| l.contains("/password/reset/")).unwrap().trim().to_string();
    let path = link.trim_start_matches("http://test.invalid").to_string();
    let r = owner.post_form(&path, &[("password", "nyt-langt-kodeord"), ("password_repeat", "nyt-langt-kodeord")]).await;
    assert_eq!(r.status(), 303);
    // Ten wrong guesses: the earlier browser is no longer exempt.
    let guesser = app.client();
    for _ in 0..10 {
        guesser.post_form("/login", &[("email", "hr@rm.dk"), ("password", "forkert-kodeord")]).await;
    }
    let r = earlier.post_form("/login", &[("email", "hr@rm.dk"), ("password", "nyt-langt-kodeord")]).await;
    assert_eq!(r.status(), 429);
});
