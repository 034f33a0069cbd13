//! Lifting, answering, lifting on and withdrawing, as the people involved
//! see it; names only by the sender's choice; refused input.

use super::*;
use crate::both_backends;

async fn export(client: &TestClient) -> String {
    let r = client.get("/account/export.json").await;
    assert_eq!(r.status(), 200);
    r.text().await.unwrap()
}

both_backends!(an_unattributed_lift_never_names_its_sender, |app: TestApp| async move {
    let s = syd(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    assert_redirect(&lift(&mette, &s.points[1], &s.syd, "Vi ledere mangler fri i weekenderne", "no").await, "/dialog/points/");
    assert_redirect(&lift(&mette, &s.points[2], &s.syd, "Mail lukkes kl. 17 for alle", "yes").await, "/dialog/points/");
    let (unnamed, named) = (lift_id(&app, "Vi ledere mangler fri i weekenderne").await, lift_id(&app, "Mail lukkes kl. 17 for alle").await);

    // The group's member and its leader: the text, never the name; the attributed one with the name.
    for who in ["bo@aarhus.dk", "karen@aarhus.dk"] {
        let (status, body) = app.signed_in(who).await.page(&format!("/groups/{}/inbox", s.syd)).await;
        assert_eq!(status, 200);
        let shown = card(&body, &unnamed);
        assert!(shown.contains("Vi ledere mangler fri i weekenderne") && shown.contains("Sendt uden navn"), "{who}: {shown}");
        assert!(!shown.contains("Mette"), "{who} sees who sent an unattributed lift");
        assert!(card(&body, &named).contains("Mette Lund"), "{who}: the sender chose to show her name");
        assert!(!body.contains(s.mette.as_str()), "{who}: the sender's id is not on the page");
    }
    // The sender sees her own, marked as hers.
    let (_, own) = mette.page(&format!("/groups/{}/inbox", s.syd)).await;
    assert!(card(&own, &unnamed).contains("Dig, sendt uden dit navn"));

    // Karen lifts it on; HR sees the group, not the sender (and not Karen, who did not choose to show her name).
    let karen = app.signed_in("karen@aarhus.dk").await;
    let r = karen
        .post_form(
            &format!("/groups/{}/inbox/{unnamed}/lift-on", s.syd),
            &[("text", "Flere ledere i Syd mangler fri i weekenderne"), ("attributed", "no")],
        )
        .await;
    assert_redirect(&r, &format!("/groups/{}/inbox?lifted=1", s.syd));
    let onward = lift_id(&app, "Flere ledere i Syd mangler fri i weekenderne").await;
    let hr = app.signed_in("hr@aarhus.dk").await;
    let (status, body) = hr.page("/admin/inbox").await;
    assert_eq!(status, 200);
    let card_text = card(&body, &onward);
    assert!(card_text.contains("Fra Ledergruppe Syd") && card_text.contains("Sendt uden navn"), "{card_text}");
    assert!(!body.contains("Mette") && !body.contains("Karen Holm") && !body.contains("Vi ledere mangler"), "HR sees only the group's words");
    let r = hr.post_form(&format!("/admin/inbox/{onward}/answer"), &[("status", "taken"), ("answer", "Kommer med i planen")]).await;
    assert_redirect(&r, "/admin/inbox?answered=1");

    // Karen answers both; neither her nor HR's data export names the sender of the unattributed lift.
    for lift in [&unnamed, &named] {
        let r = karen.post_form(&format!("/groups/{}/inbox/{lift}/answer", s.syd), &[("status", "taken"), ("answer", "Ja")]).await;
        assert_redirect(&r, &format!("/groups/{}/inbox?answered=1", s.syd));
    }
    let karens = export(&karen).await;
    assert!(karens.contains("Vi ledere mangler fri i weekenderne"), "the lift she answered is in her export");
    assert!(!karens.contains(s.mette.as_str()), "the answerer's export does not name the sender");
    let hrs = export(&hr).await;
    assert!(hrs.contains("Kommer med i planen") && !hrs.contains(s.mette.as_str()) && !hrs.contains(s.karen.as_str()));
    // The sender's own export holds her lifts, with her as the sender.
    let mettes: serde_json::Value = serde_json::from_str(&export(&mette).await).unwrap();
    let lifts = mettes["records"]["lifts"].as_array().unwrap();
    assert_eq!(lifts.len(), 2);
    assert!(lifts.iter().all(|l| l["from_person_id"] == s.mette.as_str()));
    assert!(lifts.iter().any(|l| l["text"] == "Vi ledere mangler fri i weekenderne" && l["attributed"] == 0));
    let sent = mettes["organisations"][0]["lifts_sent"].as_array().unwrap();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0]["sent_to"], "Ledergruppe Syd");
    assert_eq!((&sent[0]["with_my_name"], &sent[0]["status"], &sent[0]["answer"]), (&serde_json::json!(false), &serde_json::json!("taken"), &serde_json::json!("Ja")));

    // Deleting Mette's account keeps the lifts for the group, without her.
    let r = mette.post_form("/account/delete", &[("password", crate::support::app::PASSWORD)]).await;
    assert_eq!(r.status(), 303, "account deleted");
    let (n, named_left): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COUNT(from_person_id) FROM lifts WHERE source_kind = 'agreement_point'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!((n, named_left), (2, 0));
});

both_backends!(the_answers_come_back_to_the_sender_at_every_level, |app: TestApp| async move {
    let s = syd(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let point = &s.points[1];
    // The form offers the point's text to edit, and the groups she is in.
    let (_, page) = mette.page(&format!("/dialog/points/{point}")).await;
    assert!(page.contains("Løft til ledergruppen") && page.contains("Ledergruppe Syd") && !page.contains("Ledergruppe Nord"));
    assert_redirect(&lift(&mette, point, &s.syd, "Fri i weekenderne – også i ledergruppen", "yes").await, &format!("/dialog/points/{point}?lifted=1"));
    let id = lift_id(&app, "Fri i weekenderne – også i ledergruppen").await;
    let (_, page) = mette.page(&format!("/dialog/points/{point}?lifted=1")).await;
    assert!(page.contains("Punktet er løftet til ledergruppen."));
    assert!(card(&page, &id).contains("Venter på svar"));
    assert!(page.contains("Du har allerede løftet punktet til hver af de ledergrupper, du er med i."), "no group left to lift to");

    // The group's leader sees it waiting on her start page, and answers.
    let karen = app.signed_in("karen@aarhus.dk").await;
    let (_, start) = karen.page("/").await;
    assert!(start.contains("Ét løftet punkt venter på dit svar i Ledergruppe Syd"));
    let r = karen
        .post_form(&format!("/groups/{}/inbox/{id}/answer", s.syd), &[("status", "handled_elsewhere"), ("answer", "Det tager vi med til direktionen")])
        .await;
    assert_redirect(&r, &format!("/groups/{}/inbox?answered=1#lift-{id}", s.syd));
    let (_, start) = karen.page("/").await;
    assert!(!start.contains("venter på dit svar"));
    let r = karen
        .post_form(&format!("/groups/{}/inbox/{id}/lift-on", s.syd), &[("text", "Weekender uden arbejde for ledere"), ("attributed", "yes")])
        .await;
    assert_redirect(&r, &format!("/groups/{}/inbox?lifted=1", s.syd));

    let (_, page) = mette.page(&format!("/dialog/points/{point}")).await;
    let mine = card(&page, &id);
    assert!(mine.contains("Håndteres et andet sted") && mine.contains("Det tager vi med til direktionen") && mine.contains("Karen Holm"), "{mine}");
    assert!(mine.contains("Løftet videre til organisationen") && mine.contains("Venter på svar"), "{mine}");
    // Answered: no longer withdrawn.
    assert!(!page.contains(&format!("/thread/lifts/{id}/withdraw")));

    // HR sees it waiting on the start page, and declines with a reason; the sender sees the reason.
    let hr = app.signed_in("hr@aarhus.dk").await;
    let (_, start) = hr.page("/").await;
    assert!(start.contains("Ét løftet punkt venter på svar i organisationens indbakke"));
    let (_, inbox) = hr.page("/admin/inbox").await;
    let onward = lift_id(&app, "Weekender uden arbejde for ledere").await;
    assert!(card(&inbox, &onward).contains("Karen Holm"), "Karen chose to show her name to the organisation");
    let r = hr.post_form(&format!("/admin/inbox/{onward}/answer"), &[("status", "declined"), ("answer", "Det ligger i MED-aftalen")]).await;
    assert_redirect(&r, "/admin/inbox?answered=1");
    let (_, page) = mette.page(&format!("/dialog/points/{point}")).await;
    let mine = card(&page, &id);
    assert!(mine.contains("Ikke taget op") && mine.contains("Det ligger i MED-aftalen"), "{mine}");
    // In English too.
    mette.post_form("/account/language", &[("lang", "en")]).await;
    let (_, page) = mette.page(&format!("/dialog/points/{point}")).await;
    assert!(card(&page, &id).contains("Handled elsewhere") && card(&page, &id).contains("Lifted on to the organisation"));
});

both_backends!(only_the_sender_withdraws_and_only_while_open, |app: TestApp| async move {
    let s = syd(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let point = &s.points[1];
    assert_redirect(&lift(&mette, point, &s.syd, "Fri i weekenderne", "no").await, "/dialog/points/");
    let id = lift_id(&app, "Fri i weekenderne").await;
    let (_, page) = mette.page(&format!("/dialog/points/{point}")).await;
    assert!(page.contains(&format!("/thread/lifts/{id}/withdraw")));
    let r = mette.post_form(&format!("/thread/lifts/{id}/withdraw"), &[]).await;
    assert_redirect(&r, &format!("/dialog/points/{point}?withdrawn=1"));
    assert_eq!(all_lifts(&app).await, "");
    let (_, page) = mette.page(&format!("/dialog/points/{point}?withdrawn=1")).await;
    assert!(page.contains("Punktet er trukket tilbage.") && page.contains("<option"), "the point can be lifted again");
    let (_, inbox) = app.signed_in("karen@aarhus.dk").await.page(&format!("/groups/{}/inbox", s.syd)).await;
    assert!(!inbox.contains("Fri i weekenderne") && inbox.contains("Der er ikke løftet nogen punkter hertil endnu."));

    // Sent again and answered: it stays.
    assert_redirect(&lift(&mette, point, &s.syd, "Fri i weekenderne", "no").await, "/dialog/points/");
    let id = lift_id(&app, "Fri i weekenderne").await;
    let karen = app.signed_in("karen@aarhus.dk").await;
    karen.post_form(&format!("/groups/{}/inbox/{id}/answer", s.syd), &[("status", "taken"), ("answer", "")]).await;
    let before = all_lifts(&app).await;
    let r = mette.post_form(&format!("/thread/lifts/{id}/withdraw"), &[]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("allerede besvaret eller løftet videre"));
    assert_eq!(all_lifts(&app).await, before);
    // Lifted on while open: it stays too. And nobody else withdraws a lift.
    assert_redirect(&lift(&mette, &s.points[2], &s.syd, "Mail lukkes", "no").await, "/dialog/points/");
    let open = lift_id(&app, "Mail lukkes").await;
    karen.post_form(&format!("/groups/{}/inbox/{open}/lift-on", s.syd), &[("text", "Mail efter arbejdstid"), ("attributed", "no")]).await;
    let before = all_lifts(&app).await;
    assert_eq!(mette.post_form(&format!("/thread/lifts/{open}/withdraw"), &[]).await.status(), 400);
    let onward = lift_id(&app, "Mail efter arbejdstid").await;
    assert_eq!(mette.post_form(&format!("/thread/lifts/{onward}/withdraw"), &[]).await.status(), 404);
    assert_eq!(all_lifts(&app).await, before);
    // Karen may take back what she lifted on, while the organisation has not answered.
    let r = karen.post_form(&format!("/thread/lifts/{onward}/withdraw"), &[]).await;
    assert_redirect(&r, &format!("/groups/{}/inbox?withdrawn=1", s.syd));
    assert!(!all_lifts(&app).await.contains("Mail efter arbejdstid"));
});

both_backends!(bad_input_is_refused_in_danish_and_changes_nothing, |app: TestApp| async move {
    let s = syd(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    let point = &s.points[1];
    let path = format!("/dialog/points/{point}/lift");
    let long = "x".repeat(501);
    let (syd, nord) = (s.syd.as_str(), s.nord.as_str());
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("group", syd), ("text", "  "), ("attributed", "no"), ("consent", "yes")], "Skriv, hvad der skal sendes."),
        (vec![("group", syd), ("text", &long), ("attributed", "no"), ("consent", "yes")], "Teksten må højst være 500 tegn."),
        (vec![("group", syd), ("text", "Fri"), ("attributed", "no")], "Sæt kryds for at give samtykke, før punktet sendes."),
        (vec![("group", syd), ("text", "Fri"), ("consent", "yes")], "Vælg, om dit navn skal følge med."),
        (vec![("group", syd), ("text", "Fri"), ("attributed", "maybe"), ("consent", "yes")], "Vælg, om dit navn skal følge med."),
        (vec![("group", nord), ("text", "Fri"), ("attributed", "no"), ("consent", "yes")], "Vælg en ledergruppe, du er med i."),
        (vec![("group", "ikke-en-gruppe"), ("text", "Fri"), ("attributed", "no"), ("consent", "yes")], "Vælg en ledergruppe, du er med i."),
    ];
    for (fields, message) in &cases {
        let r = mette.post_form(&path, fields).await;
        assert_eq!(r.status(), 422, "{fields:?}");
        let body = r.text().await.unwrap();
        assert!(body.contains(message), "{fields:?}: {message}");
        assert!(body.contains("id=\"form-errors\""), "the summary above the form");
    }
    assert_eq!(all_lifts(&app).await, "");
    // What was typed is kept.
    let r = mette.post_form(&path, &[("group", syd), ("text", "Mine egne ord"), ("attributed", "yes")]).await;
    let body = r.text().await.unwrap();
    assert!(body.contains(">Mine egne ord</textarea>") && body.contains("value=\"yes\" checked"));

    // Someone else's point: it does not exist for Bo.
    let bo = app.signed_in("bo@aarhus.dk").await;
    let r = lift(&bo, point, syd, "Overtaget", "no").await;
    assert_eq!(r.status(), 404);
    assert!(r.text().await.unwrap().contains("Siden findes ikke"));
    assert_eq!(all_lifts(&app).await, "");

    // The same point twice to the same group.
    assert_redirect(&lift(&mette, point, syd, "Fri", "no").await, "/dialog/points/");
    let r = lift(&mette, point, syd, "Fri igen", "no").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Punktet er allerede løftet dertil."));

    // Answers: an unknown status, declining without a reason, too long; lifting on with no text.
    let id = lift_id(&app, "Fri").await;
    let before = all_lifts(&app).await;
    let karen = app.signed_in("karen@aarhus.dk").await;
    let answer = format!("/groups/{syd}/inbox/{id}/answer");
    let too_long = "x".repeat(1001);
    for (fields, message) in [
        (vec![("status", "maybe"), ("answer", "Måske")], "Vælg, hvad I gør med punktet."),
        (vec![("status", "open"), ("answer", "")], "Vælg, hvad I gør med punktet."),
        (vec![("answer", "Intet valg")], "Vælg, hvad I gør med punktet."),
        (vec![("status", "declined"), ("answer", "  ")], "Skriv en begrundelse, når I ikke tager punktet op."),
        (vec![("status", "taken"), ("answer", too_long.as_str())], "Svaret må højst være 1000 tegn."),
    ] {
        let r = karen.post_form(&answer, &fields).await;
        assert_eq!(r.status(), 422, "{fields:?}");
        let body = r.text().await.unwrap();
        assert!(body.contains(message), "{fields:?}: {message}");
        assert!(body.contains(&format!("href=\"#status-{id}\"")) || body.contains(&format!("href=\"#answer-{id}\"")), "the message links to the field");
    }
    let r = karen.post_form(&format!("/groups/{syd}/inbox/{id}/lift-on"), &[("text", ""), ("attributed", "no")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Skriv, hvad der skal sendes."));
    let hr = app.signed_in("hr@aarhus.dk").await;
    assert_eq!(hr.post_form("/admin/inbox/ikke-et-id/answer", &[("status", "taken")]).await.status(), 404);
    assert_eq!(all_lifts(&app).await, before, "refused answers change nothing");

    // Lifted on once only.
    let lift_on = format!("/groups/{syd}/inbox/{id}/lift-on");
    assert_redirect(&karen.post_form(&lift_on, &[("text", "Fri for ledere"), ("attributed", "no")]).await, &format!("/groups/{syd}/inbox"));
    let before = all_lifts(&app).await;
    let r = karen.post_form(&lift_on, &[("text", "Fri for ledere igen"), ("attributed", "no")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Punktet er allerede løftet dertil."));
    assert_eq!(all_lifts(&app).await, before);
});
