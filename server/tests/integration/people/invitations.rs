//! Invitations: the mail, accepting it (new password, or signing in with an
//! existing one), one use only, and the per-organisation rate limit.

use super::*;

both_backends!(invitation_is_mailed_accepted_and_works_once, |app: TestApp| async move {
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    let r = create_person(&hr, &[("name", "Lone Berg"), ("email", "lone@favrskov.dk"), ("roles", "leader")]).await;
    let lone = person_in(&r);
    let r = hr.post_form(&format!("/admin/people/{lone}/invite"), &[]).await;
    assert_eq!(r.status(), 303);
    let (_, body) = hr.page(&location(&r)).await;
    assert!(body.contains("Invitationen er sendt til lone@favrskov.dk"));
    assert!(body.contains("Inviteret "), "status shows the date");

    let mails = app.mails_to("lone@favrskov.dk");
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "Du er inviteret til Ledertrivsel hos Favrskov Kommune");
    assert!(mails[0].1.contains("Hej Lone Berg"));
    assert!(mails[0].1.contains("Hanne HR har inviteret dig"));
    let path = invitation_path(&app, "lone@favrskov.dk");

    let lone_browser = app.client();
    let (status, body) = lone_browser.page(&path).await;
    assert_eq!(status, 200);
    assert!(body.contains("Du er inviteret til at bruge Ledertrivsel hos Favrskov Kommune."));
    assert!(body.contains("Vælg en adgangskode"));
    let r = lone_browser.post_form(&path, &[("password", "kort"), ("password_repeat", "kort")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Adgangskoden skal være på mindst 10 tegn."));
    let r = lone_browser.post_form(&path, &[("password", PASSWORD), ("password_repeat", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/");
    let (status, body) = lone_browser.page("/").await;
    assert_eq!(status, 200);
    assert!(body.contains("Hej Lone"), "{body}");

    // Used: the link says so, for showing and for posting, and offers
    // sign-in with the address filled in; Lone herself just goes home.
    let (status, body) = app.client().page(&path).await;
    assert_eq!(status, 410);
    assert!(body.contains("Invitationen er allerede brugt"), "{body}");
    let sign_in = scraper::Html::parse_document(&body)
        .select(&scraper::Selector::parse("main a.button").unwrap())
        .next()
        .and_then(|a| a.value().attr("href").map(str::to_string))
        .expect("a sign-in button");
    let (_, login) = app.client().page(&sign_in).await;
    assert!(login.contains(r#"value="lone@favrskov.dk""#), "the address is filled in: {login}");
    let r = app.client().post_form(&path, &[("password", PASSWORD), ("password_repeat", PASSWORD)]).await;
    assert_eq!(r.status(), 410);
    let r = lone_browser.get(&path).await;
    assert_eq!((r.status().as_u16(), location(&r)), (303, "/".to_string()));
    assert_eq!(app.client().page("/invitation/ikke-et-rigtigt-link").await.0, 404, "a link that never was");
    assert!(!app.client().page("/login?email=%3Cscript%3E").await.1.contains("&lt;script"), "only an address is filled in");
    // The password works on the sign-in page, and HR sees the person as active.
    let again = app.signed_in("lone@favrskov.dk").await;
    assert_eq!(again.page("/").await.0, 200);
    let (_, body) = hr.page("/admin/people").await;
    let row = body.split("<tr>").find(|r| r.contains("lone@favrskov.dk")).unwrap();
    assert!(row.contains("Aktiv"));
    let actions: Vec<String> = audit_actions(&app, &org).await.into_iter().map(|(a, _)| a).collect();
    assert!(actions.contains(&"person-invited".to_string()) && actions.contains(&"invitation-accepted".to_string()));
    // A person who already signs in is not offered another invitation.
    let (_, body) = hr.page(&format!("/admin/people/{lone}")).await;
    assert!(!body.contains("/invite\""));
});

both_backends!(invitation_to_someone_with_an_account_asks_them_to_sign_in, |app: TestApp| async move {
    let a = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let b = app.org("Konsulenthuset", "hr@konsulent.dk").await;
    app.person(&b, "Kim Konsulent", "kim@konsulent.dk", &[Role::Facilitator]).await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    let r = create_person(&hr, &[("name", "Kim Konsulent"), ("email", "kim@konsulent.dk"), ("roles", "facilitator")]).await;
    let kim = person_in(&r);
    // Already able to sign in, but HR may still send the link that brings Kim here.
    hr.post_form(&format!("/admin/people/{kim}/invite"), &[]).await;
    let path = invitation_path(&app, "kim@konsulent.dk");

    let browser = app.client();
    let (status, body) = browser.page(&path).await;
    assert_eq!(status, 200);
    assert!(body.contains("Du har allerede en konto i Ledertrivsel"));
    assert!(!body.contains("password_repeat"));
    let r = browser.post_form(&path, &[("password", "forkert-kodeord")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Adgangskoden er forkert."));
    let r = browser.post_form(&path, &[("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    let (_, body) = browser.page("/").await;
    assert!(body.contains("Favrskov Kommune"), "signed in with the inviting organisation chosen");
    assert_eq!(app.client().page(&path).await.0, 410, "used");
    // The account and its membership elsewhere are untouched.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM persons WHERE org_id = $1", &b.id).await, 2);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM persons WHERE org_id = $1", &a.id).await, 2);
});

both_backends!(invitations_are_rate_limited_per_organisation, |app: TestApp| async move {
    use ledertrivsel::org::store;
    let org = app.org("Aarhus Kommune", "hr@aarhus.dk").await;
    app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    // More than the quota of 300, with room for the few that refill (one per 10 s) while sending.
    const PEOPLE: usize = 320;
    let mut tx = app.state.db.pool.begin().await.unwrap();
    for i in 0..PEOPLE {
        let email = domain::input::Email::parse(&format!("leder{i}@aarhus.dk")).unwrap();
        let account = store::ensure_account(&mut tx, &email, app.state.clock.now()).await.unwrap();
        let name = domain::input::PersonName::parse(&format!("Leder {i}")).unwrap();
        let new = store::NewPerson { account: &account, name: &name, unit: None, nearest_leader: None, roles: &[Role::Leader] };
        store::create_person(&mut tx, &org.id, new, app.state.clock.now()).await.unwrap();
    }
    tx.commit().await.unwrap();
    let hr = app.signed_in("hr@aarhus.dk").await;
    let (_, body) = hr.page("/admin/people").await;
    assert!(body.contains(&format!("Invitér alle {PEOPLE}, der ikke er inviteret")));

    let r = hr.post_form("/admin/people/invite-all", &[]).await;
    assert_eq!(r.status(), 429);
    let body = r.text().await.unwrap();
    assert!(body.contains("Der er lavet for mange forsøg på kort tid."), "{body}");
    assert!(body.contains("invitationer, men ikke flere."));
    let sent = count(&app, "SELECT COUNT(*) FROM persons WHERE org_id = $1 AND invited_at IS NOT NULL", &org.id).await;
    assert!((300..PEOPLE as i64).contains(&sent), "{sent} sent");
    assert!(body.contains(&format!("Der er sendt {sent} invitationer, men ikke flere.")));
    assert_eq!(app.mails_to("leder0@aarhus.dk").len(), 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE org_id = $1 AND action = 'person-invited'", &org.id).await, sent);

    // One more, right away, on the single-person path: refused too.
    let (waiting,): (String,) = sqlx::query_as(
        "SELECT id FROM persons WHERE org_id = $1 AND invited_at IS NULL AND name <> 'Hanne HR' LIMIT 1",
    )
    .bind(org.id.as_str())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let token = hr.csrf().await;
    let r = hr.post_raw(&format!("/admin/people/{waiting}/invite"), &[("csrf", &token)]).await;
    assert_eq!(r.status(), 429);
    assert!(r.text().await.unwrap().contains("For mange forsøg"));

    // The quota is the organisation's own: another organisation still invites.
    let hr_b = app.signed_in("hr@favrskov.dk").await;
    let r = create_person(&hr_b, &[("name", "Lise Leder"), ("email", "lise@favrskov.dk"), ("roles", "leader")]).await;
    let lise = person_in(&r);
    // The mail is in the person's own language.
    sqlx::query("UPDATE accounts SET locale = 'en' WHERE email = 'lise@favrskov.dk'").execute(&app.state.db.pool).await.unwrap();
    let r = hr_b.post_form(&format!("/admin/people/{lise}/invite"), &[]).await;
    assert_eq!(r.status(), 303);
    let mails = app.mails_to("lise@favrskov.dk");
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "You are invited to Ledertrivsel at Favrskov Kommune");
    assert!(mails[0].1.contains("Hanne HR has invited you"));
});

// A link clicked after it expired says so and where to get a new one; with
// no password yet there is nothing to sign in with, so no sign-in button.
both_backends!(an_expired_invitation_says_so, |app: TestApp| async move {
    app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    let r = create_person(&hr, &[("name", "Lone Berg"), ("email", "lone@favrskov.dk"), ("roles", "leader")]).await;
    let lone = person_in(&r);
    hr.post_form(&format!("/admin/people/{lone}/invite"), &[]).await;
    let path = invitation_path(&app, "lone@favrskov.dk");
    sqlx::query("UPDATE tokens SET expires_at = '2020-01-01T00:00:00Z' WHERE kind = 'invitation'").execute(&app.state.db.pool).await.unwrap();
    let (status, body) = app.client().page(&path).await;
    assert_eq!(status, 410);
    assert!(body.contains("Invitationen er udløbet") && body.contains("Bed HR"), "{body}");
    assert!(!body.contains("/login?email="), "no password to sign in with: {body}");
});
