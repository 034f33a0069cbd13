//! Invitations to the people list's current filter and to one leader group,
//! each asked first; the group page shows who has signed in.

use super::*;

/// Creates a leader through HR's form; returns the person's id.
async fn leader(hr: &TestClient, name: &str, email: &str, unit: &str) -> String {
    let r = hr.post_form("/admin/people", &[("name", name), ("email", email), ("unit", unit), ("roles", "leader")]).await;
    assert_eq!(r.status(), 303, "creating {name}");
    let to = location(&r);
    to.trim_start_matches("/admin/people/").split('?').next().unwrap().to_string()
}

async fn unit(app: &TestApp, hr: &TestClient, org: &Org, name: &str) -> String {
    assert_eq!(hr.post_form("/admin/units", &[("name", name)]).await.status(), 303);
    let (id,): (String,) = sqlx::query_as("SELECT id FROM units WHERE org_id = $1 AND name = $2")
        .bind(org.id.as_str())
        .bind(name)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

both_backends!(the_filtered_list_is_invited_after_asking, |app: TestApp| async move {
    let org = app.org("Skive Kommune", "hr@skive.dk").await;
    let hr = app.signed_in("hr@skive.dk").await;
    let schools = unit(&app, &hr, &org, "Skoler").await;
    let roads = unit(&app, &hr, &org, "Veje").await;
    leader(&hr, "Anna Skole", "anna@skive.dk", &schools).await;
    leader(&hr, "Bo Skole", "bo@skive.dk", &schools).await;
    let cille = leader(&hr, "Cille Skole", "cille@skive.dk", &schools).await;
    leader(&hr, "Dan Vej", "dan@skive.dk", &roads).await;
    // Cille was invited already: she is not sent another.
    assert_eq!(hr.post_form(&format!("/admin/people/{cille}/invite"), &[]).await.status(), 303);

    let (_, body) = hr.page("/admin/people").await;
    assert!(!body.contains("på listen, der ikke er inviteret"), "without a filter the list has 'invite all'");
    let (_, body) = hr.page(&format!("/admin/people?unit={schools}")).await;
    assert!(body.contains("Invitér de 2 på listen, der ikke er inviteret"), "{body}");
    assert!(body.contains("<dialog id=\"ask-invite-filtered\""), "asked first, in a dialog");
    let action = format!("/admin/people/invite-filtered?unit={schools}&#38;role=&#38;q=");
    assert!(body.contains(&format!("href=\"{action}\"")), "{body}");

    // Without JavaScript the link is the same question as a page.
    let path = format!("/admin/people/invite-filtered?unit={schools}&role=&q=");
    let (status, ask) = hr.page(&path).await;
    assert_eq!(status, 200);
    assert!(ask.contains("De 2 personer på listen, der ikke er inviteret, får nu hver en e-mail"), "{ask}");
    assert!(ask.contains("Ja, send 2 invitationer"));
    assert!(app.mails_to("anna@skive.dk").is_empty(), "asking sends nothing");

    let r = hr.post_form(&path, &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/admin/people?unit={schools}&role=&q=&sent=2"));
    assert_eq!(app.mails_to("anna@skive.dk").len(), 1);
    assert_eq!(app.mails_to("bo@skive.dk").len(), 1);
    assert_eq!(app.mails_to("cille@skive.dk").len(), 1, "only her own invitation");
    assert!(app.mails_to("dan@skive.dk").is_empty(), "outside the filter");
    let (_, body) = hr.page(&location(&r)).await;
    assert!(body.contains("Der er sendt 2 invitationer."), "{body}");
    assert!(!body.contains("på listen, der ikke er inviteret"), "nobody left to invite on the list");

    // Without the form's token, nothing goes.
    let r = hr.post_raw(&format!("/admin/people/invite-filtered?unit={roads}"), &[]).await;
    assert_eq!(r.status(), 403);
    assert!(app.mails_to("dan@skive.dk").is_empty());
});

both_backends!(a_group_is_invited_and_its_page_shows_who_has_signed_in, |app: TestApp| async move {
    let org = app.org("Skive Kommune", "hr@skive.dk").await;
    let hr = app.signed_in("hr@skive.dk").await;
    let schools = unit(&app, &hr, &org, "Skoler").await;
    let lis = leader(&hr, "Lis Leder", "lis@skive.dk", &schools).await;
    let anna = leader(&hr, "Anna Andersen", "anna@skive.dk", &schools).await;
    let bo = leader(&hr, "Bo Berg", "bo@skive.dk", &schools).await;
    let ulla = leader(&hr, "Ulla Udenfor", "ulla@skive.dk", &schools).await;
    let r = hr
        .post_form("/admin/groups/new", &[("name", "Ledergruppe Skoler"), ("leader", &lis), ("members", &anna), ("members", &bo)])
        .await;
    assert_eq!(r.status(), 303);
    let (group,): (String,) = sqlx::query_as("SELECT id FROM leader_groups WHERE org_id = $1")
        .bind(org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();

    // Anna accepts her invitation.
    assert_eq!(hr.post_form(&format!("/admin/people/{anna}/invite"), &[]).await.status(), 303);
    let mails = app.mails_to("anna@skive.dk");
    let link = mails[0].1.lines().find(|l| l.contains("/invitation/")).unwrap().trim().trim_start_matches("http://test.invalid").to_string();
    let anna_browser = app.client();
    let r = anna_browser.post_form(&link, &[("password", crate::support::app::PASSWORD), ("password_repeat", crate::support::app::PASSWORD)]).await;
    assert_eq!(r.status(), 303);

    let page = format!("/admin/groups/{group}");
    let (status, body) = hr.page(&page).await;
    assert_eq!(status, 200);
    assert!(body.contains("Hvem har taget imod invitationen"), "{body}");
    assert!(body.contains("1 af 3 har logget ind"));
    let row = |body: &str, name: &str| {
        let at = body.find(&format!(">{name}</a></th>")).unwrap_or_else(|| panic!("{name} in {body}"));
        body[at..at + body[at..].find("</tr>").unwrap()].to_string()
    };
    assert!(row(&body, "Anna Andersen").contains("Har logget ind"));
    assert!(row(&body, "Lis Leder").contains("Ikke inviteret"), "the leader is listed too");
    assert!(row(&body, "Bo Berg").contains("Ikke inviteret"));
    assert!(!body.contains(">Ulla Udenfor</a></th>"), "only the group");
    assert!(body.contains("Invitér de 2, der ikke har logget ind"));
    assert!(body.contains("<dialog id=\"ask-invite-group\""));

    let invite = format!("/admin/groups/{group}/invite");
    let (status, ask) = hr.page(&invite).await;
    assert_eq!(status, 200);
    assert!(ask.contains("Send invitationerne til gruppen nu?"), "{ask}");
    let r = hr.post_form(&invite, &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), format!("/admin/groups/{group}?sent=2#group-acceptance"));
    assert_eq!(app.mails_to("lis@skive.dk").len(), 1);
    assert_eq!(app.mails_to("bo@skive.dk").len(), 1);
    assert_eq!(app.mails_to("anna@skive.dk").len(), 1, "signed in already: no new mail");
    assert!(app.mails_to("ulla@skive.dk").is_empty());
    let (_, body) = hr.page(&format!("/admin/groups/{group}?sent=2")).await;
    assert!(body.contains("Der er sendt 2 invitationer."));
    assert!(row(&body, "Bo Berg").contains("Inviteret, har ikke logget ind endnu"));

    // Straight away again: within the cooling period nobody gets a second mail.
    let r = hr.post_form(&invite, &[]).await;
    assert_eq!(location(&r), format!("/admin/groups/{group}?sent=0#group-acceptance"));
    assert_eq!(app.mails_to("bo@skive.dk").len(), 1);
    // Resending again and again spends none of the organisation's quota
    // (300) on people who get no mail: a new person can still be invited.
    for _ in 0..320 {
        assert_eq!(location(&hr.post_form(&invite, &[]).await), format!("/admin/groups/{group}?sent=0#group-acceptance"));
    }
    assert_eq!(hr.post_form(&format!("/admin/people/{ulla}/invite"), &[]).await.status(), 303);
    assert_eq!(app.mails_to("ulla@skive.dk").len(), 1, "the quota was not spent on the group's resends");

    // Another organisation's HR cannot see or invite the group.
    app.org("Lemvig Kommune", "hr@lemvig.dk").await;
    let other = app.signed_in("hr@lemvig.dk").await;
    assert_eq!(other.page(&invite).await.0, 404);
    assert_eq!(other.post_form(&invite, &[]).await.status(), 404);
});
