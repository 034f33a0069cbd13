//! The address a person signs in with is theirs (issue 15, items 1, 7 and
//! part of 10): the attacks through HTTP, and that each is now stopped.

use super::*;

async fn email_of(app: &TestApp, person: &str) -> String {
    let (email,): (String,) = sqlx::query_as("SELECT a.email FROM persons p JOIN accounts a ON a.id = p.account_id WHERE p.id = $1")
        .bind(person)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    email
}

/// The link in the newest mail to `to` that holds `marker`, as a path.
fn link_in(app: &TestApp, to: &str, marker: &str) -> Option<String> {
    let mails = app.mails_to(to);
    let body = mails.iter().rev().find(|(_, b)| b.contains(marker)).map(|(_, b)| b.clone())?;
    let line = body.lines().find(|l| l.contains(marker))?.trim().to_string();
    Some(line.trim_start_matches("http://test.invalid").to_string())
}

async fn sign_in_status(app: &TestApp, email: &str, password: &str) -> u16 {
    app.client().post_form("/login", &[("email", email), ("password", password)]).await.status().as_u16()
}

fn status_of(body: &str, email: &str) -> String {
    let row = body.split("<tr>").find(|r| r.contains(email)).unwrap_or_else(|| panic!("no row for {email}"));
    ["Aktiv", "Ikke inviteret", "Inviteret"].iter().find(|s| row.contains(*s)).unwrap().to_string()
}

both_backends!(hr_only_proposes_a_new_address_and_the_owner_confirms_it, |app: TestApp| async move {
    let org = app.org("Fjordby Kommune", "hr@fjordby.dk").await;
    let anne = app.person(&org, "Anne Kristensen", "anne.kristensen@fjordby.dk", &[Role::Leader]).await.to_string();
    let hr = app.signed_in("hr@fjordby.dk").await;
    let new = "hr.privat@example.dk";

    let r = hr.post_form(&format!("/admin/people/{anne}"), &[("name", "Anne Kristensen"), ("email", new), ("roles", "leader")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/admin/people/{anne}?notice=address-proposed"));
    assert_eq!(email_of(&app, &anne).await, "anne.kristensen@fjordby.dk", "the sign-in address is unchanged");
    let (_, body) = hr.page(&location(&r)).await;
    assert!(body.contains("den træder først i kraft, når personen selv bekræfter den"), "{body}");
    assert!(body.contains("Ny adresse foreslået: hr.privat@example.dk"));

    // The old address is told at once; the new one gets the link.
    let told = app.mails_to("anne.kristensen@fjordby.dk");
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].0, "Nogen vil ændre din loginadresse til Ledertrivsel");
    assert!(told[0].1.contains("fra anne.kristensen@fjordby.dk til hr.privat@example.dk"), "{}", told[0].1);
    assert!(!told[0].1.contains("/address/"), "the link goes to the new address only");
    let link = link_in(&app, new, "/address/").expect("a confirmation link to the new address");

    // The attack: a password reset for the new address signs no one in.
    let attacker = app.client();
    let r = attacker.post_form("/password/forgot", &[("email", new)]).await;
    assert_eq!(r.status(), 200);
    crate::security::forgot::reset_handled(&app, new).await;
    assert!(link_in(&app, new, "/password/reset/").is_none(), "no reset mail: the address has no account");
    assert_eq!(sign_in_status(&app, new, PASSWORD).await, 422);
    // Holding the new mailbox is not enough: the link asks for Anne's password.
    let (status, body) = attacker.page(&link).await;
    assert_eq!(status, 200);
    assert!(body.contains("Din adgangskode (den du logger ind med i dag)"), "{body}");
    let r = attacker.post_form(&link, &[("password", "hr-gætter-2026")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Adgangskoden er forkert. Adressen er ikke ændret."));
    let (status, body) = hr.page(&link).await;
    assert_eq!(status, 200, "HR signed in is not the owner either");
    assert!(body.contains("name=\"password\""));
    assert_eq!(email_of(&app, &anne).await, "anne.kristensen@fjordby.dk");

    let log = audit_actions(&app, &org).await;
    assert!(log.contains(&("person-updated".into(), "Anne Kristensen (anne.kristensen@fjordby.dk)".into())), "{log:?}");
    assert!(log.contains(&("address-change-proposed".into(), "Anne Kristensen (anne.kristensen@fjordby.dk → hr.privat@example.dk)".into())));
    assert!(!log.iter().any(|(a, _)| a == "address-changed"));

    // Anne, signed in, confirms: now it changes, and the log says so.
    let owner = app.signed_in("anne.kristensen@fjordby.dk").await;
    let (status, body) = owner.page(&link).await;
    assert_eq!(status, 200);
    assert!(body.contains("Du er logget ind med den konto, ændringen gælder."));
    let r = owner.post_form(&link, &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/account?notice=address-changed");
    assert_eq!(email_of(&app, &anne).await, new);
    let (_, body) = owner.page("/account?notice=address-changed").await;
    assert!(body.contains("Din loginadresse er ændret."));
    assert_eq!(sign_in_status(&app, new, PASSWORD).await, 303);
    assert_eq!(sign_in_status(&app, "anne.kristensen@fjordby.dk", PASSWORD).await, 422);
    assert_eq!(app.client().page(&link).await.0, 404, "the link works once");
    let log = audit_actions(&app, &org).await;
    assert!(log.contains(&("address-changed".into(), "Anne Kristensen (anne.kristensen@fjordby.dk → hr.privat@example.dk)".into())), "{log:?}");
});

both_backends!(the_owner_may_confirm_with_the_password_from_a_signed_out_browser, |app: TestApp| async move {
    let org = app.org("Fjordby Kommune", "hr@fjordby.dk").await;
    let anne = app.person(&org, "Anne Kristensen", "anne@fjordby.dk", &[Role::Leader]).await.to_string();
    let hr = app.signed_in("hr@fjordby.dk").await;
    hr.post_form(&format!("/admin/people/{anne}"), &[("name", "Anne Kristensen"), ("email", "anne.k@fjordby.dk"), ("roles", "leader")]).await;
    let link = link_in(&app, "anne.k@fjordby.dk", "/address/").unwrap();
    let browser = app.client();
    let r = browser.post_form(&link, &[("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(email_of(&app, &anne).await, "anne.k@fjordby.dk");
    let (status, body) = browser.page("/account").await;
    assert_eq!(status, 200);
    assert!(body.contains("anne.k@fjordby.dk"));
});

both_backends!(an_import_cannot_move_a_sign_in_address, |app: TestApp| async move {
    use crate::groups::{hidden_content, upload};
    let org = app.org("Fjordby Kommune", "hr@fjordby.dk").await;
    let anne = app.person(&org, "Anne Kristensen", "anne.kristensen@fjordby.dk", &[Role::Leader]).await.to_string();
    let hr = app.signed_in("hr@fjordby.dk").await;
    // An "update row" naming Anne with another address: the import keys
    // people by address, so this is a new person, and Anne's account stays.
    let file = "Navn;E-mail;Roller\r\nAnne Kristensen;hr.privat@example.dk;leder\r\n";
    let r = upload(&hr, file.as_bytes().to_vec()).await;
    assert_eq!(r.status(), 200);
    let content = hidden_content(&r.text().await.unwrap());
    let r = hr.post_form("/admin/import/confirm", &[("content", &content)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(email_of(&app, &anne).await, "anne.kristensen@fjordby.dk");
    // A reset for the imported address gives an account that is no one here:
    // it was added, not accepted, so it reaches nothing of Anne's or the organisation's.
    let attacker = app.client();
    attacker.post_form("/password/forgot", &[("email", "hr.privat@example.dk")]).await;
    crate::security::forgot::reset_handled(&app, "hr.privat@example.dk").await;
    let reset = link_in(&app, "hr.privat@example.dk", "/password/reset/").expect("the imported address has an account");
    let r = attacker.post_form(&reset, &[("password", PASSWORD), ("password_repeat", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    let r = attacker.post_form("/login", &[("email", "hr.privat@example.dk"), ("password", PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/orgs");
    let r = attacker.get("/dialog").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/orgs", "no organisation to work in");
    let (_, chooser) = attacker.page("/orgs").await;
    assert!(chooser.contains("Din konto er ikke længere tilknyttet en organisation."), "{chooser}");
    let (_, account) = attacker.page("/account").await;
    let token = crate::support::app::csrf_in(&account).unwrap();
    let r = attacker.post_raw("/orgs", &[("org_id", org.id.as_str()), ("csrf", &token)]).await;
    assert_eq!(r.status(), 404);
    let (_, body) = hr.page("/admin/people").await;
    assert_eq!(status_of(&body, "hr.privat@example.dk"), "Ikke inviteret");
});

both_backends!(an_address_used_in_two_organisations_is_changed_by_neither, |app: TestApp| async move {
    let a = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let b = app.org("Konsulenthuset", "hr@konsulent.dk").await;
    let kim_a = app.person(&a, "Kim Konsulent", "kim@konsulent.dk", &[Role::Facilitator]).await.to_string();
    let kim_b = app.person(&b, "Kim Konsulent", "kim@konsulent.dk", &[Role::Facilitator]).await.to_string();
    for (hr, kim) in [(app.signed_in("hr@favrskov.dk").await, &kim_a), (app.signed_in("hr@konsulent.dk").await, &kim_b)] {
        let r = hr.post_form(&format!("/admin/people/{kim}"), &[("name", "Kim K."), ("email", "kim@favrskov.dk"), ("roles", "facilitator")]).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Personen logger også ind med denne adresse i en anden organisation, så ingen organisation kan ændre den."), "{body}");
        assert_eq!(email_of(&app, kim).await, "kim@konsulent.dk");
    }
    assert!(app.mails_to("kim@favrskov.dk").is_empty() && app.mails_to("kim@konsulent.dk").is_empty(), "nothing proposed");
    let (name,): (String,) = sqlx::query_as("SELECT name FROM persons WHERE id = $1").bind(&kim_a).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(name, "Kim Konsulent", "nothing else saved either");
});

both_backends!(someone_not_yet_joined_is_redirected_without_touching_any_account, |app: TestApp| async move {
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    // A typo before anyone accepted: HR corrects it, the invitation starts over.
    let r = create_person(&hr, &[("name", "Lars Leder"), ("email", "lars@favrskv.dk"), ("roles", "leader")]).await;
    let lars = person_in(&r);
    hr.post_form(&format!("/admin/people/{lars}/invite"), &[]).await;
    let r = hr.post_form(&format!("/admin/people/{lars}"), &[("name", "Lars Leder"), ("email", "lars@favrskov.dk"), ("roles", "leader")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/admin/people/{lars}?notice=saved"));
    assert_eq!(email_of(&app, &lars).await, "lars@favrskov.dk");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts WHERE email = 'lars@favrskv.dk'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 0, "the mistyped address's account is gone");
    let (_, body) = hr.page("/admin/people").await;
    assert_eq!(status_of(&body, "lars@favrskov.dk"), "Ikke inviteret");
    let log = audit_actions(&app, &org).await;
    assert!(log.contains(&("person-updated".into(), "Lars Leder (lars@favrskov.dk)".into())), "{log:?}");
});

both_backends!(adding_an_existing_account_shows_and_does_what_a_new_address_does, |app: TestApp| async move {
    // Anne joined Fjordby Kommune through its invitation.
    let a = app.org("Fjordby Kommune", "hr@fjordby.dk").await;
    let hr_a = app.signed_in("hr@fjordby.dk").await;
    let r = create_person(&hr_a, &[("name", "Anne Kristensen"), ("email", "anne.kristensen@fjordby.dk"), ("roles", "leader")]).await;
    let anne_a = person_in(&r);
    hr_a.post_form(&format!("/admin/people/{anne_a}/invite"), &[]).await;
    let path = invitation_path(&app, "anne.kristensen@fjordby.dk");
    let anne = app.client();
    let r = anne.post_form(&path, &[("password", PASSWORD), ("password_repeat", PASSWORD)]).await;
    assert_eq!(r.status(), 303);

    // Another organisation, by the same name, adds her address and a brand-new one.
    let b = app.org("Fjordby Kommune", "hr@fjordby-kommune.example").await;
    let hr_b = app.signed_in("hr@fjordby-kommune.example").await;
    let r = create_person(&hr_b, &[("name", "Anne Kristensen"), ("email", "anne.kristensen@fjordby.dk"), ("roles", "leader")]).await;
    assert_eq!(r.status(), 303);
    let anne_b = person_in(&r);
    let r = create_person(&hr_b, &[("name", "Ny Person"), ("email", "ny.person@fjordby.dk"), ("roles", "leader")]).await;
    let new_b = person_in(&r);
    let (_, list) = hr_b.page("/admin/people").await;
    assert_eq!(status_of(&list, "anne.kristensen@fjordby.dk"), "Ikke inviteret", "{list}");
    assert_eq!(status_of(&list, "ny.person@fjordby.dk"), "Ikke inviteret");
    let (_, anne_page) = hr_b.page(&format!("/admin/people/{anne_b}")).await;
    let (_, new_page) = hr_b.page(&format!("/admin/people/{new_b}")).await;
    for page in [&anne_page, &new_page] {
        assert!(page.contains("Status: <strong>Ikke inviteret</strong>") && page.contains("/invite\""), "{page}");
    }
    for person in [&anne_b, &new_b] {
        let r = hr_b.post_form(&format!("/admin/people/{person}/invite"), &[]).await;
        assert_eq!(r.status(), 303);
    }
    let (_, list) = hr_b.page("/admin/people").await;
    assert_eq!(status_of(&list, "anne.kristensen@fjordby.dk"), "Inviteret");
    assert_eq!(status_of(&list, "ny.person@fjordby.dk"), "Inviteret");
    assert!(invitation_path(&app, "anne.kristensen@fjordby.dk") != path, "an invitation mail went to Anne");

    // Not a member of B until she accepts: she cannot switch there.
    let r = anne.post_form("/orgs", &[("org_id", b.id.as_str())]).await;
    assert_eq!(r.status(), 404);
    let signed_in = app.signed_in("anne.kristensen@fjordby.dk").await;
    let (_, start) = signed_in.page("/").await;
    assert!(start.contains("Hej Anne"), "signed in straight into A, her only organisation: {start}");

    // The chooser tells the two "Fjordby Kommune" apart by what B cannot fake.
    let (status, body) = anne.page("/orgs").await;
    assert_eq!(status, 200);
    assert!(body.contains("Inviteret af Hanne HR (hr@fjordby.dk)."), "{body}");
    assert!(body.contains("Invitationer"));
    assert!(body.contains("Inviteret af Hanne HR (hr@fjordby-kommune.example)."));
    assert!(body.contains("Tag imod invitationen fra Fjordby Kommune"));

    // She accepts while signed in: now she is in B, and B sees her as active.
    let r = anne.post_form("/orgs/accept", &[("org_id", b.id.as_str())]).await;
    assert_eq!(r.status(), 303);
    let (_, list) = hr_b.page("/admin/people").await;
    assert_eq!(status_of(&list, "anne.kristensen@fjordby.dk"), "Aktiv");
    assert_eq!(status_of(&list, "ny.person@fjordby.dk"), "Inviteret");
    for org in [&a.id, &b.id] {
        assert_eq!(anne.post_form("/orgs", &[("org_id", org.as_str())]).await.status(), 303);
    }
    let r = anne.post_form("/orgs/accept", &[("org_id", b.id.as_str())]).await;
    assert_eq!(r.status(), 404, "accepted once");
    let actions: Vec<String> = audit_actions(&app, &Org { id: b.id.clone(), admin_email: String::new(), admin_person: b.admin_person.clone() })
        .await
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    assert!(actions.contains(&"invitation-accepted".to_string()), "{actions:?}");
    let _ = a;
});

both_backends!(a_second_invitation_within_the_cooling_period_is_refused, |app: TestApp| async move {
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let hr = app.signed_in("hr@favrskov.dk").await;
    let r = create_person(&hr, &[("name", "Lone Berg"), ("email", "lone@favrskov.dk"), ("roles", "leader")]).await;
    let lone = person_in(&r);
    assert_eq!(hr.post_form(&format!("/admin/people/{lone}/invite"), &[]).await.status(), 303);
    let r = hr.post_form(&format!("/admin/people/{lone}/invite"), &[]).await;
    assert_eq!(r.status(), 429);
    let body = r.text().await.unwrap();
    assert!(body.contains("Der er lige sendt en invitation til Lone Berg."), "{body}");
    assert!(body.contains("Der er ikke sendt noget nu."));
    assert_eq!(app.mails_to("lone@favrskov.dk").len(), 1, "nothing sent");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE org_id = $1 AND action = 'person-invited'", &org.id).await, 1);
    // Once the period has passed (the last invitation moved back in time), it goes.
    sqlx::query("UPDATE persons SET invited_at = '2026-01-05T09:00:00Z' WHERE id = $1").bind(&lone).execute(&app.state.db.pool).await.unwrap();
    assert_eq!(hr.post_form(&format!("/admin/people/{lone}/invite"), &[]).await.status(), 303);
    assert_eq!(app.mails_to("lone@favrskov.dk").len(), 2);
});
