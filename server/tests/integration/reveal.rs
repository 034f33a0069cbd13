//! A leader group sees its picture together (issue 15, item 4): while
//! answers come in, a member who reloads the meeting before and after a
//! colleague answers learns nothing but the count; the group's leader
//! reveals the picture at the meeting, which ends the answering, so the
//! picture never changes by one answer. Each tool's attack through HTTP.

use crate::both_backends;
use crate::support::TestApp;

/// What a member's reload shows of the picture and the free text: nothing
/// of either may be on the page before the reveal.
fn shows_no_answers(body: &str, words: &[&str]) {
    for w in words {
        assert!(!body.contains(w), "{w:?} is on the page before the reveal");
    }
    assert!(body.contains("Gruppens billede vises for alle på én gang"), "{body}");
}

both_backends!(the_introduction_round_is_revealed_once_and_then_takes_no_answers, |app: TestApp| async move {
    let n = crate::collab::nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let anna = app.signed_in("anna@randers.dk").await;
    let bo = app.signed_in("bo@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let run = crate::intro::start_round(&lis, &n.group).await;
    let path = format!("/intro/runs/{run}");
    let (revs, _) = crate::intro::asked(&anna, &run).await;

    crate::intro::answered(&anna, &run, |_| "5", "Weekendarbejdet fylder").await;
    crate::intro::answered(&lis, &run, |_| "4", "").await;
    // Two answers are too few for the group's picture: the reveal waits.
    let r = lis.post_form(&format!("{path}/reveal"), &[("ready", "1")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Billedet kan ikke vises endnu: der er for få svar."));

    // Carl reloads before and after Bo answers: only the count moves.
    let (_, before) = carl.page(&path).await;
    shows_no_answers(&before, &["<svg", "Weekendarbejdet fylder", "Gennemsnit"]);
    crate::intro::answered(&bo, &run, |_| "2", "Mere tid til sparring").await;
    let (_, after) = carl.page(&path).await;
    shows_no_answers(&after, &["<svg", "Weekendarbejdet fylder", "Mere tid til sparring", "Gennemsnit"]);
    assert!(before.contains("2 af 4 har svaret") && after.contains("3 af 4 har svaret"), "{after}");

    lis.reveal(&path).await;
    let (_, revealed) = carl.page(&path).await;
    assert!(revealed.contains("<svg") && revealed.contains("Weekendarbejdet fylder") && revealed.contains("Mere tid til sparring"));
    let counts = figures_counts(&revealed);
    assert_eq!(counts[0], vec![0, 1, 0, 1, 1, 0], "Bo's 2, Lis's 4, Anna's 5");
    let r = lis.post_form(&format!("{path}/reveal"), &[("ready", "1")]).await;
    assert_eq!(r.status(), 422, "revealed once");
    assert!(r.text().await.unwrap().contains("Billedet er allerede vist for gruppen."));

    // Anna's late change is refused, and what she typed stays on the screen.
    let mut fields: Vec<(String, String)> = revs.iter().map(|r| (format!("a-{r}"), "1".to_string())).collect();
    fields.push(("comment".into(), "Et sent ord om møderne".into()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = anna.post_form(&format!("{path}/answer"), &borrowed).await;
    assert_eq!(r.status(), 409);
    let body = r.text().await.unwrap();
    assert!(body.contains("Gruppen har set sit billede, så der kan ikke længere svares"), "{body}");
    assert!(body.contains("Et sent ord om møderne"), "the typed comment is kept on the page");
    let (comment,): (Option<String>,) = sqlx::query_as(
        "SELECT x.comment FROM intro_respondents x JOIN persons p ON p.id = x.person_id JOIN accounts a ON a.id = p.account_id \
         WHERE x.run_id = $1 AND a.email = 'anna@randers.dk'",
    )
    .bind(&run)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(comment.as_deref(), Some("Weekendarbejdet fylder"), "nothing was written");
    assert_eq!(figures_counts(&carl.page(&path).await.1), counts, "the picture stands");

    // Carl never answered: the form is gone and the round is no longer due.
    let r = carl.get(&format!("{path}/answer")).await;
    assert_eq!(r.status(), 303, "the answer form sends him to the picture");
    let (_, start) = carl.page("/").await;
    assert!(!start.contains("Svar på runden i Ledergruppe Nord"), "{start}");
    let (who,): (String,) = sqlx::query_as("SELECT actor_name FROM audit_log WHERE org_id = $1 AND action = 'round-revealed'")
        .bind(n.org.id.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(who, "Lis Leder");
});

fn figures_counts(body: &str) -> Vec<Vec<u32>> {
    crate::intro::figures(body).into_iter().map(|(_, rows)| rows.into_iter().map(|(_, c)| c).collect()).collect()
}

both_backends!(tool_2s_meeting_shows_the_picture_only_once_revealed, |app: TestApp| async move {
    let n = crate::collab::nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let anna = app.signed_in("anna@randers.dk").await;
    let bo = app.signed_in("bo@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let round = crate::collab::planned(&lis, &n.group).await;
    let meeting = format!("/collab/rounds/{round}/meeting");
    crate::collab::fill_in(&anna, &round, "5", "Vi mangler tid til hinanden").await;
    crate::collab::fill_in(&lis, &round, "4", "").await;
    crate::collab::fill_in(&carl, &round, "3", "").await;

    // Carl reloads the shared screen before and after Bo hands in.
    let (_, before) = carl.page(&meeting).await;
    shows_no_answers(&before, &["lt-picture-theme", "Vi mangler tid til hinanden"]);
    assert!(!before.contains(&format!("/collab/rounds/{round}/reveal")), "a member cannot reveal");
    crate::collab::fill_in(&bo, &round, "1", "Beslutninger tages uden os").await;
    let (_, after) = carl.page(&meeting).await;
    shows_no_answers(&after, &["lt-picture-theme", "Vi mangler tid til hinanden", "Beslutninger tages uden os"]);

    // The leader's screen has the reveal, which asks first.
    let (_, screen) = lis.page(&meeting).await;
    assert!(screen.contains(&format!("action=\"/collab/rounds/{round}/reveal\"")), "{screen}");
    let r = lis.post_form(&format!("/collab/rounds/{round}/reveal"), &[]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Sæt flueben, når gruppen er klar"));
    assert_eq!(carl.post_form(&format!("/collab/rounds/{round}/reveal"), &[("ready", "1")]).await.status(), 403);
    lis.reveal(&format!("/collab/rounds/{round}")).await;
    let (_, shown) = carl.page(&meeting).await;
    assert!(shown.contains("lt-picture-theme") && shown.contains("Beslutninger tages uden os"), "{shown}");
    let (_, confirmed) = lis.page(&format!("{meeting}?notice=revealed")).await;
    assert!(confirmed.contains("Billedet er vist for gruppen."));

    // A late checklist is refused and kept on the screen; the picture stands.
    let (status, _) = anna.page(&format!("/collab/rounds/{round}/checklist")).await;
    assert_eq!(status, 303, "the checklist is closed once revealed");
    let items: Vec<(String,)> = sqlx::query_as("SELECT revision_id FROM collab_round_items WHERE round_id = $1")
        .bind(&round)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let mut fields: Vec<(String, String)> = items.iter().map(|(r,)| (format!("a-{r}"), "1".to_string())).collect();
    fields.push(("comment".into(), "Nu er jeg uenig".into()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = anna.post_form(&format!("/collab/rounds/{round}/checklist"), &borrowed).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("Nu er jeg uenig"));
    let (_, later) = carl.page(&meeting).await;
    assert!(!later.contains("Nu er jeg uenig") && later.contains("Vi mangler tid til hinanden"));
    assert_eq!(crate::collab::count(&app, "SELECT COUNT(*) FROM collab_respondents WHERE round_id = $1", &round).await, 4);
});

both_backends!(the_apv_meeting_shows_skema_1_only_once_revealed, |app: TestApp| async move {
    let n = crate::apv::nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let anna = app.signed_in("anna@randers.dk").await;
    let bo = app.signed_in("bo@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let round = crate::apv::start_round(&lis, &n.group).await;
    let meeting = format!("/apv/rounds/{round}/meeting");
    let revs = crate::apv::themes(&anna, &round).await;
    crate::apv::handed_in(&anna, &round, &revs, &[(0, "red", "for mange møder")]).await;
    crate::apv::handed_in(&lis, &round, &revs, &[(0, "yellow", "")]).await;
    crate::apv::handed_in(&carl, &round, &revs, &[(0, "green", "")]).await;

    // Carl reloads the meeting before and after Bo hands in his Skema 1.
    let (_, before) = carl.page(&meeting).await;
    assert!(crate::apv::picture(&before).is_empty());
    shows_no_answers(&before, &["for mange møder"]);
    crate::apv::handed_in(&bo, &round, &revs, &[(0, "red", "ingen pauser")]).await;
    let (_, after) = carl.page(&meeting).await;
    assert!(crate::apv::picture(&after).is_empty(), "no picture before the reveal");
    shows_no_answers(&after, &["for mange møder", "ingen pauser"]);
    assert!(after.contains("4 af 4 i gruppen har afleveret Skema 1."), "{after}");

    lis.reveal(&format!("/apv/rounds/{round}")).await;
    let (_, shown) = carl.page(&meeting).await;
    let picture = crate::apv::picture(&shown);
    let first = picture.iter().find(|(name, _)| *name == revs[0].1).expect("the first theme");
    assert_eq!(first.1, [2, 1, 1]);

    // A late Skema 1, whole or one theme as typed, is refused and kept.
    let r = crate::apv::map(&bo, &round, &revs, &[(0, "green", "alt er fint nu")], true).await;
    assert_eq!(r.status(), 409);
    let body = r.text().await.unwrap();
    assert!(body.contains("alt er fint nu") && body.contains("Gruppen har set sit billede"), "{body}");
    let theme = revs[0].0.clone();
    let green = format!("m-{theme}-green");
    let r = bo.post_form(&format!("/apv/rounds/{round}/map/theme"), &[("theme", theme.as_str()), (green.as_str(), "1")]).await;
    assert_eq!(r.status(), 409, "saving as typed is refused too");
    let (_, later) = carl.page(&meeting).await;
    assert_eq!(crate::apv::picture(&later), picture, "the picture stands");
    let (status, _) = bo.page(&format!("/apv/rounds/{round}/map")).await;
    assert_eq!(status, 303, "Skema 1 is closed once revealed");
});

both_backends!(only_the_groups_leader_reveals_and_another_organisation_finds_no_round, |app: TestApp| async move {
    let n = crate::apv::nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let apv = crate::apv::start_round(&lis, &n.group).await;
    let run = crate::intro::start_round(&lis, &n.group).await;
    let collab = crate::collab::planned(&lis, &n.group).await;
    let rounds = [format!("/apv/rounds/{apv}"), format!("/intro/runs/{run}"), format!("/collab/rounds/{collab}")];
    let carl = app.signed_in("carl@randers.dk").await;
    app.org("Aarhus Kommune", "hr@aarhus.dk").await;
    let other = app.signed_in("hr@aarhus.dk").await;
    for round in &rounds {
        let path = format!("{round}/reveal");
        assert_eq!(carl.post_form(&path, &[("ready", "1")]).await.status(), 403, "a member: {path}");
        assert_eq!(other.post_form(&path, &[("ready", "1")]).await.status(), 404, "another organisation: {path}");
    }
    let (revealed,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM round_promises WHERE revealed_at IS NOT NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(revealed, 0, "nothing was revealed");
});
