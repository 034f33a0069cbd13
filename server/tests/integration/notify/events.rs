//! Each event, as the start pages show it: who hears, who does not, and
//! that an unattributed lift's news never names its sender.

use super::*;
use crate::agreement::team;
use crate::both_backends;
use crate::dialog_team::shared_agreement;
use crate::thread::{assert_redirect, lift, lift_id, syd};
use domain::roles::Role;

/// Another organisation with a leader who leads a group of one.
async fn elsewhere(app: &TestApp) -> TestClient {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let lis = app.person(&org, "Lis Leder", "lis@randers.dk", &[Role::Leader]).await;
    let anna = app.person(&org, "Anna Andersen", "anna@randers.dk", &[Role::Leader]).await;
    app.group(&org, "Ledergruppe Syd", &lis, &[&anna]).await;
    app.signed_in("lis@randers.dk").await
}

both_backends!(a_lifted_point_and_its_answer_reach_the_group_leader_and_the_sender, |app: TestApp| async move {
    let s = syd(&app).await;
    let randers = elsewhere(&app).await;
    let (mette, karen, bo) = (app.signed_in("mette@aarhus.dk").await, app.signed_in("karen@aarhus.dk").await, app.signed_in("bo@aarhus.dk").await);
    let (ole, hr) = (app.signed_in("ole@aarhus.dk").await, app.signed_in("hr@aarhus.dk").await);

    // Unattributed: Karen, who answers for the group, hears of it without Mette's name.
    assert_redirect(&lift(&mette, &s.points[1], &s.syd, "Vi ledere mangler fri i weekenderne", "no").await, "/dialog/points/");
    let unnamed = lift_id(&app, "Vi ledere mangler fri i weekenderne").await;
    let karens = news(&karen).await;
    assert_eq!(karens.len(), 1, "{karens:?}");
    assert_eq!(karens[0].0, "Et punkt er løftet til Ledergruppe Syd");
    let (_, page) = karen.page("/").await;
    assert!(!page.contains("Mette"), "the news names the sender of an unattributed lift");
    hears_nothing(&[("a member", &bo), ("the sender", &mette), ("another group's leader", &ole), ("HR", &hr), ("another organisation", &randers)]).await;

    // Attributed: with her name. Opening it leads to the lift in the inbox and reads it.
    assert_redirect(&lift(&mette, &s.points[2], &s.syd, "Mail lukkes kl. 17 for alle", "yes").await, "/dialog/points/");
    let named = lift_id(&app, "Mail lukkes kl. 17 for alle").await;
    let karens = news(&karen).await;
    assert_eq!(karens[0].0, "Mette Lund har løftet et punkt til Ledergruppe Syd", "{karens:?}");
    // Nobody else opens Karen's news: not a member, not another organisation.
    for other in [&bo, &randers] {
        assert_eq!(other.get(&karens[0].1).await.status(), 404);
    }
    assert_eq!(open(&karen, &karens[0].1).await, format!("/groups/{}/inbox#lift-{named}", s.syd));
    assert_eq!(news_texts(&karen).await, vec!["Et punkt er løftet til Ledergruppe Syd".to_string()], "opened means read");

    // Karen answers: Mette hears it, and the link goes to her point.
    let r = karen.post_form(&format!("/groups/{}/inbox/{unnamed}/answer", s.syd), &[("status", "taken"), ("answer", "Ja")]).await;
    assert_redirect(&r, &format!("/groups/{}/inbox?answered=1", s.syd));
    let mettes = news(&mette).await;
    assert_eq!(mettes.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(), vec!["Ledergruppe Syd har svaret på det punkt, du løftede"]);
    assert_eq!(open(&mette, &mettes[0].1).await, format!("/dialog/points/{}#lift-heading", s.points[1]));
    hears_nothing(&[("a member", &bo), ("another group's leader", &ole), ("HR", &hr), ("another organisation", &randers)]).await;

    // Karen lifts it on (HR hears of it); HR answers: Karen, who sent it on, hears it.
    karen.post_form("/notifications/read", &[]).await;
    let r = karen
        .post_form(&format!("/groups/{}/inbox/{named}/lift-on", s.syd), &[("text", "Mail lukkes kl. 17 i hele Syd"), ("attributed", "no")])
        .await;
    assert_redirect(&r, &format!("/groups/{}/inbox?lifted=1", s.syd));
    let onward = lift_id(&app, "Mail lukkes kl. 17 i hele Syd").await;
    // HR hears that the group lifted a point to the organisation; Karen lifted it on unattributed.
    let hrs = news(&hr).await;
    assert_eq!(hrs.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(), vec!["Ledergruppe Syd har løftet et punkt til organisationen"]);
    assert_eq!(open(&hr, &hrs[0].1).await, format!("/admin/inbox#lift-{onward}"));
    hears_nothing(&[("a member", &bo), ("another group's leader", &ole), ("another organisation", &randers)]).await;
    let r = hr.post_form(&format!("/admin/inbox/{onward}/answer"), &[("status", "taken"), ("answer", "Kommer med i planen")]).await;
    assert_redirect(&r, "/admin/inbox?answered=1");
    let karens = news(&karen).await;
    assert_eq!(karens.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(), vec!["Organisationen har svaret på det punkt, du løftede"]);
    assert_eq!(open(&karen, &karens[0].1).await, format!("/groups/{}/inbox#lift-{named}", s.syd));
    hears_nothing(&[("HR", &hr), ("another organisation", &randers)]).await;
    // Mette, who first lifted the point to her group, hears the organisation's answer too.
    let mettes = news(&mette).await;
    assert_eq!(mettes.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(), vec!["Organisationen har svaret på det punkt, du løftede"]);
    assert_eq!(open(&mette, &mettes[0].1).await, format!("/dialog/points/{}#lift-heading", s.points[2]));
    let (_, point) = mette.page(&format!("/dialog/points/{}", s.points[2])).await;
    assert!(point.contains("Kommer med i planen"), "her point's page shows the answer she is told of");

    // The export of the one told does not name an unattributed sender; nobody's names Mette by id.
    let export = karen.get("/account/export.json").await.text().await.unwrap();
    assert!(export.contains("lift-arrived") && !export.contains(s.mette.as_str()), "{export}");

    // A lift withdrawn before Karen saw it takes its news along; another lift's news stays.
    assert_redirect(&lift(&mette, &s.points[3], &s.syd, "Ugemøderne trækker ud", "yes").await, "/dialog/points/");
    assert_redirect(&lift(&mette, &s.points[0], &s.syd, "Målene skal være færre", "yes").await, "/dialog/points/");
    assert_eq!(news_texts(&karen).await.len(), 2);
    let withdrawn = lift_id(&app, "Ugemøderne trækker ud").await;
    assert_eq!(mette.post_form(&format!("/thread/lifts/{withdrawn}/withdraw"), &[]).await.status(), 303);
    let karens = news(&karen).await;
    assert_eq!(karens.len(), 1, "{karens:?}");
    assert_eq!(open(&karen, &karens[0].1).await, format!("/groups/{}/inbox#lift-{}", s.syd, lift_id(&app, "Målene skal være færre").await));
});

both_backends!(agreement_news_reaches_only_the_other_of_the_two, |app: TestApp| async move {
    let t = team(&app).await;
    let randers = elsewhere(&app).await;
    let (mette, karen, bo, hr) = (
        app.signed_in("mette@aarhus.dk").await,
        app.signed_in("karen@aarhus.dk").await,
        app.signed_in("bo@aarhus.dk").await,
        app.signed_in("hr@aarhus.dk").await,
    );
    let (agreement, points) = shared_agreement(&app, &t, &mette).await;
    let read = format!("/team/agreements/{agreement}");
    let karens = news(&karen).await;
    assert_eq!(karens.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(), vec!["Mette Lund har delt sin lederaftale med dig"]);
    assert_eq!(open(&karen, &karens[0].1).await, read);
    hears_nothing(&[("the leader", &mette), ("another leader", &bo), ("HR", &hr), ("another organisation", &randers)]).await;

    // Karen comments and marks it agreed: Mette hears both, in her own voice.
    let r = karen.post_form(&format!("{read}/comments"), &[("comment", "Skal vi tage prioriteringen først?"), ("point", &points[4])]).await;
    assert_eq!(r.status(), 303);
    karen.post_form(&format!("{read}/comments"), &[("comment", "Og ugemødet bagefter."), ("point", "")]).await;
    let r = karen.post_form(&format!("{read}/agreed"), &[("agreed", "yes")]).await;
    assert_eq!(r.status(), 303);
    let mettes = news(&mette).await;
    assert_eq!(
        mettes.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(),
        vec!["Karen Holm har markeret din lederaftale som aftalt", "Karen Holm har skrevet en kommentar til din lederaftale"],
        "two comments unread are one piece of news"
    );
    assert!(!mettes.iter().any(|n| n.0.contains("prioriteringen")), "the news holds no words of the comment");
    assert_eq!(open(&mette, &mettes[1].1).await, "/dialog/agreement#comments");

    // Mette answers and agrees: Karen hears both, about "her" agreement.
    mette.post_form("/dialog/agreement/comments", &[("comment", "Ja, fra næste uge."), ("point", "")]).await;
    mette.post_form("/dialog/agreement/agreed", &[("agreed", "yes")]).await;
    let karens = news_texts(&karen).await;
    assert_eq!(karens, vec!["Mette Lund har markeret sin lederaftale som aftalt", "Mette Lund har skrevet en kommentar til sin lederaftale"]);
    hears_nothing(&[("another leader", &bo), ("HR", &hr), ("another organisation", &randers)]).await;

    // "Markér som læst", one and then all; without the CSRF token nothing changes.
    let ids: Vec<String> = news(&karen).await.iter().map(|n| n.1.trim_end_matches("/open").to_string()).collect();
    let r = karen.post_raw(&format!("{}/read", ids[0]), &[]).await;
    assert_ne!(r.status(), 303);
    assert_eq!(news_texts(&karen).await.len(), 2);
    let r = bo.post_form(&format!("{}/read", ids[0]), &[]).await;
    assert_eq!(r.status(), 303, "Bo's form changes only Bo's news");
    assert_eq!(news_texts(&karen).await.len(), 2);
    let r = karen.post_form(&format!("{}/read", ids[0]), &[]).await;
    assert_eq!(location(&r), "/#news-heading");
    assert_eq!(news_texts(&karen).await, vec!["Mette Lund har skrevet en kommentar til sin lederaftale"]);
    karen.post_form("/notifications/read", &[]).await;
    hears_nothing(&[("Karen, having read all", &karen)]).await;


    // Taken back ("Træk delingen tilbage"): unread news about it goes, and a later "aftalt" tells no one.
    mette.post_form("/dialog/agreement/comments", &[("comment", "En sidste ting."), ("point", "")]).await;
    assert_eq!(news_texts(&karen).await.len(), 1);
    mette.post_form("/dialog/agreement/share", &[("withdraw", "1")]).await;
    mette.post_form("/dialog/agreement/agreed", &[("agreed", "no")]).await;
    mette.post_form("/dialog/agreement/agreed", &[("agreed", "yes")]).await;
    hears_nothing(&[("Karen, no longer shared with", &karen)]).await;

    // In English for someone who reads English.
    mette.post_form("/account/language", &[("lang", "en")]).await;
    let r = mette.post_form("/dialog/agreement/share", &[("point", &points[0])]).await;
    assert_eq!(r.status(), 303);
    karen.post_form(&format!("{read}/comments"), &[("comment", "Fint."), ("point", "")]).await;
    assert!(news_texts(&mette).await.contains(&"Karen Holm commented on your leader agreement".to_string()));

    // A mark taken back is news too, either way; and so is a change that
    // withdrew Karen's mark (she agreed to what the agreement said before).
    karen.post_form("/notifications/read", &[]).await;
    mette.post_form("/notifications/read", &[]).await;
    karen.post_form(&format!("{read}/agreed"), &[("agreed", "yes")]).await;
    mette.post_form("/dialog/agreement/agreed", &[("agreed", "yes")]).await;
    karen.post_form("/notifications/read", &[]).await;
    karen.post_form(&format!("{read}/agreed"), &[("agreed", "no")]).await;
    assert_eq!(news_texts(&mette).await[0], "Karen Holm has taken back their \"agreed\" mark on your leader agreement");
    mette.post_form("/dialog/agreement/agreed", &[("agreed", "no")]).await;
    assert_eq!(news_texts(&karen).await, vec!["Mette Lund har trukket sin markering »aftalt« af sin lederaftale tilbage"]);
    karen.post_form("/notifications/read", &[]).await;
    karen.post_form(&format!("{read}/agreed"), &[("agreed", "yes")]).await;
    let edited = crate::agreement::save_agreement(&mette, &[("goal", "Ny struktur i dagtilbud på plads inden sommer", "", "")]).await;
    assert_eq!(edited.status(), 303);
    let karens = news(&karen).await;
    assert_eq!(
        karens[0].0,
        "Mette Lund har ændret sin lederaftale, så den ikke længere er markeret som aftalt. Se ændringerne, og markér den igen, hvis I er enige."
    );
    assert_eq!(open(&karen, &karens[0].1).await, format!("{read}#agreed"));
    karen.post_form("/notifications/read", &[]).await;
    mette.post_form("/notifications/read", &[]).await;
    // Saved again with nothing marked: nothing to tell.
    crate::agreement::save_agreement(&mette, &[("goal", "Ny struktur i dagtilbud på plads før sommer", "", "")]).await;
    hears_nothing(&[("Karen, no mark to withdraw", &karen)]).await;
});

both_backends!(a_revealed_picture_reaches_the_groups_members, |app: TestApp| async move {
    let n = crate::collab::nord(&app).await;
    let other = app.org("Aarhus Kommune", "hr@aarhus.dk").await;
    app.person(&other, "Karen Holm", "karen@aarhus.dk", &[Role::Leader]).await;
    let (lis, anna, bo, carl) = (
        app.signed_in("lis@randers.dk").await,
        app.signed_in("anna@randers.dk").await,
        app.signed_in("bo@randers.dk").await,
        app.signed_in("carl@randers.dk").await,
    );
    app.person(&n.org, "Dorte Dahl", "dorte@randers.dk", &[Role::Leader]).await;
    let (dorte, hr, karen) = (app.signed_in("dorte@randers.dk").await, app.signed_in("hr@randers.dk").await, app.signed_in("karen@aarhus.dk").await);
    let run = crate::intro::start_round(&lis, &n.group).await;
    let path = format!("/intro/runs/{run}");
    crate::intro::answered(&anna, &run, |_| "5", "").await;
    crate::intro::answered(&lis, &run, |_| "4", "").await;
    crate::intro::answered(&bo, &run, |_| "2", "").await;
    hears_nothing(&[("Anna, before the reveal", &anna)]).await;
    lis.reveal(&path).await;
    for (who, member) in [("Anna", &anna), ("Bo", &bo), ("Carl, who did not answer", &carl)] {
        let got = news(member).await;
        assert_eq!(got.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(), vec!["Billedet for Ledergruppe Nord er klar"], "{who}");
        let to = open(member, &got[0].1).await;
        assert_eq!(to, format!("{path}#results-heading"), "{who}");
        let (status, body) = member.page(&to).await;
        assert!(status == 200 && body.contains("<svg"), "{who} sees the picture the news told of");
    }
    hears_nothing(&[("Lis, who revealed it", &lis), ("a leader outside the group", &dorte), ("HR", &hr), ("another organisation", &karen)]).await;
});
