//! Setup, sign-in and out, CSRF, rate limits, password reset.

use crate::both_backends;
use crate::support::app::{location, PASSWORD};

both_backends!(setup_link_creates_the_first_org_and_signs_in, |app: crate::support::TestApp| async move {
    let secret = ledertrivsel::auth::tokens::issue(&app.state.db, ledertrivsel::auth::tokens::Kind::Setup, None, None, app.state.clock.now())
        .await
        .unwrap();
    let client = app.client();
    let (status, body) = client.page(&format!("/setup/{secret}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Opret jeres organisation"));

    // Bad input: a clear message, nothing created.
    let r = client
        .post_form(
            &format!("/setup/{secret}"),
            &[("org_name", ""), ("name", "Mette Jensen"), ("email", "mette@"), ("password", "kort"), ("password_repeat", "kort")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Skriv organisationens navn."), "{body}");
    assert!(body.contains("Skriv en gyldig e-mailadresse"));
    assert!(body.contains("mindst 10 tegn"));
    assert!(!ledertrivsel::org::store::any_org_exists(&app.state.db).await.unwrap());

    let r = client
        .post_form(
            &format!("/setup/{secret}"),
            &[
                ("org_name", "Skanderborg Kommune"),
                ("name", "Mette Jensen"),
                ("email", "Mette@Skanderborg.dk"),
                ("password", PASSWORD),
                ("password_repeat", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/admin");
    let (status, body) = client.page("/").await;
    assert_eq!(status, 200);
    assert!(body.contains("Hej Mette"), "{body}");
    assert!(body.contains("Skanderborg Kommune"));

    // The link works once.
    let (status, _) = app.client().page(&format!("/setup/{secret}")).await;
    assert_eq!(status, 404);
});

both_backends!(sign_in_and_out, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let client = app.client();
    // Not signed in: the start page sends you to sign in and back.
    let r = client.get("/").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/login?next=%2F");

    let r = client.post_form("/login", &[("email", "hr@rm.dk"), ("password", "forkert-kodeord")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("E-mail eller adgangskode er forkert."));
    // An unknown address gets the same answer, so nobody learns who has an account.
    let r = client.post_form("/login", &[("email", "ukendt@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("E-mail eller adgangskode er forkert."));

    let before = crate::support::app::csrf_in(&client.page("/login").await.1).unwrap();
    let r = client
        .post_form("/login", &[("email", " HR@rm.dk "), ("password", PASSWORD), ("next", "https://evil.example/")])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/", "an off-site next is ignored");
    let (status, body) = client.page("/").await;
    assert_eq!(status, 200);
    assert!(body.contains("Hanne HR"));
    // Sign-in gives a new CSRF token (and a new session id).
    assert_ne!(crate::support::app::csrf_in(&body).unwrap(), before);

    let r = client.post_form("/logout", &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(client.get("/").await.status(), 303);
});

both_backends!(forms_without_csrf_token_change_nothing, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let client = app.client();
    let _ = client.page("/login").await;
    let r = client.post_raw("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 403);
    assert!(r.text().await.unwrap().contains("Formularen er udløbet"));
    let r = client.post_raw("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD), ("csrf", "forkert")]).await;
    assert_eq!(r.status(), 403);
    assert_eq!(client.get("/").await.status(), 303, "still signed out");
});

both_backends!(sign_in_is_rate_limited_in_danish, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let client = app.client();
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let r = client.post_form("/login", &[("email", "hr@rm.dk"), ("password", "forkert-kodeord")]).await;
        statuses.push(r.status().as_u16());
        if r.status() == 429 {
            assert!(r.text().await.unwrap().contains("For mange forsøg"));
        }
    }
    assert_eq!(&statuses[..10], &[422; 10]);
    assert_eq!(statuses[10], 429);
    // Even the right password is refused while limited.
    let r = client.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 429);
});

both_backends!(password_reset_by_mail, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let client = app.client();
    let r = client.post_form("/password/forgot", &[("email", "hr@rm.dk")]).await;
    assert_eq!(r.status(), 200);
    // Same answer for an unknown address, and no mail.
    let r2 = client.post_form("/password/forgot", &[("email", "ingen@rm.dk")]).await;
    assert_eq!(r2.status(), 200);
    assert!(app.mails_to("ingen@rm.dk").is_empty());

    // The mail is queued and sent in the background (`auth::reset_mail`).
    let mails = crate::security::forgot::mails_arriving(&app, "hr@rm.dk", 1).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "Vælg en ny adgangskode til Ledertrivsel");
    let link = mails[0].1.lines().find(|l| l.contains("/password/reset/")).unwrap().trim().to_string();
    let path = link.trim_start_matches("http://test.invalid");

    let r = client.post_form(path, &[("password", "nyt-langt-kodeord"), ("password_repeat", "andet")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("De to adgangskoder er ikke ens."));

    let r = client.post_form(path, &[("password", "nyt-langt-kodeord"), ("password_repeat", "nyt-langt-kodeord")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/login?notice=password-changed");
    // The link is used up; the old password no longer works; the new one does.
    assert_eq!(client.get(path).await.status(), 404);
    let r = client.post_form("/login", &[("email", "hr@rm.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 422);
    let r = client.post_form("/login", &[("email", "hr@rm.dk"), ("password", "nyt-langt-kodeord")]).await;
    assert_eq!(r.status(), 303);
});

both_backends!(language_switch_to_english, |app: crate::support::TestApp| async move {
    app.org("Region Midt", "hr@rm.dk").await;
    let client = app.client();
    let r = client.post_form("/language", &[("lang", "en"), ("next", "/login")]).await;
    assert_eq!(r.status(), 303);
    let (_, body) = client.page("/login").await;
    assert!(body.contains("<html lang=\"en\">"));
    assert!(body.contains("Sign in"));
    let r = client.post_form("/language", &[("lang", "xx")]).await;
    assert_eq!(r.status(), 400);
    // Signed in, the choice is kept on the account.
    let client = app.signed_in("hr@rm.dk").await;
    client.post_form("/language", &[("lang", "en"), ("next", "/")]).await;
    let fresh = app.signed_in("hr@rm.dk").await;
    let (_, body) = fresh.page("/").await;
    assert!(body.contains("Hello Hanne"), "{body}");
});

both_backends!(the_viewer_is_read_with_the_session_and_never_stored_in_it, |app: crate::support::TestApp| async move {
    use domain::roles::Role;
    let org = app.org("Fanø Kommune", "hr@fanoe.dk").await;
    let leader = app.person(&org, "Sune Leder", "sune@fanoe.dk", &[Role::Leader, Role::HrAdmin]).await;
    let sune = app.signed_in("sune@fanoe.dk").await;
    assert_eq!(sune.get("/admin/people").await.status(), 200);
    // Choosing another organisation writes the loaded session back; then back again.
    let other = app.org("Læsø Kommune", "hr@laesoe.dk").await;
    app.person(&other, "Sune Leder", "sune@fanoe.dk", &[Role::Leader]).await;
    for id in [&other.id, &org.id] {
        let r = sune.post_form("/orgs", &[("org_id", id.as_str())]).await;
        assert_eq!(r.status(), 303);
    }
    let (_, start) = sune.page("/").await;
    assert!(start.contains("Sune"), "{start}");
    let stored: Vec<(String,)> = sqlx::query_as("SELECT data FROM login_sessions").fetch_all(&app.state.db.pool).await.unwrap();
    assert!(!stored.is_empty());
    for (data,) in &stored {
        assert!(!data.contains("_viewer") && !data.contains("Sune"), "{data}");
    }
    // A role taken away counts from the next request, on any server.
    sqlx::query("DELETE FROM person_roles WHERE person_id = $1 AND role = 'hr_admin'")
        .bind(leader.as_str())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(sune.get("/admin/people").await.status(), 403);
    // A deleted account signs the session out.
    sqlx::query("DELETE FROM persons WHERE id = $1").bind(leader.as_str()).execute(&app.state.db.pool).await.unwrap();
    sqlx::query("DELETE FROM accounts WHERE email = 'sune@fanoe.dk'").execute(&app.state.db.pool).await.unwrap();
    let r = sune.get("/").await;
    assert_eq!(r.status(), 303, "sent to sign in");
});

// A setup link left over (it lives a week) must not become a way into an
// existing account: it would set the password of whoever has the address.
both_backends!(a_setup_link_never_takes_over_an_existing_account, |app: crate::support::TestApp| async move {
    let secret = ledertrivsel::auth::tokens::issue(&app.state.db, ledertrivsel::auth::tokens::Kind::Setup, None, None, app.state.clock.now())
        .await
        .unwrap();
    app.org("Region Midt", "hr@rm.dk").await;
    let before: (Option<String>,) = sqlx::query_as("SELECT password_hash FROM accounts WHERE email = 'hr@rm.dk'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let client = app.client();
    let fields = [
        ("org_name", "Falsk Kommune"),
        ("name", "Hanne HR"),
        ("email", "HR@rm.dk"),
        ("password", "et helt nyt kodeord"),
        ("password_repeat", "et helt nyt kodeord"),
    ];
    let r = client.post_form(&format!("/setup/{secret}"), &fields).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Adressen har allerede en konto"), "{body}");
    let after: (Option<String>,) = sqlx::query_as("SELECT password_hash FROM accounts WHERE email = 'hr@rm.dk'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(before, after, "the owner's password is untouched");
    let (orgs,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orgs").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(orgs, 1, "nothing created");
    assert_eq!(client.page("/").await.0, 303, "not signed in");
    // The link is not spent by a refused form: a new address works.
    let mut fields = fields;
    fields[2] = ("email", "ny@falsk.dk");
    let r = client.post_form(&format!("/setup/{secret}"), &fields).await;
    assert_eq!(r.status(), 303);
});
