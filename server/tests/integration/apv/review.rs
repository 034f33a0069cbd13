//! The next round's meeting opens with last round's actions: the group's
//! leader records for each whether it was done, whether it worked and
//! whether the group carries on; members read it.

use super::*;
use crate::both_backends;

both_backends!(the_next_round_reviews_last_rounds_actions_first, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    let first = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &first).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk"] {
        handed_in(&app.signed_in(email).await, &first, &revs, &[(0, "red", "Travlt")]).await;
    }
    assert!(!lis.page(&format!("/apv/rounds/{first}/meeting")).await.1.contains("Hvordan gik det siden sidst?"), "nothing to review in a first round");
    assert_eq!(lis.post_form(&format!("/apv/rounds/{first}/choose"), &[("theme", revs[0].0.as_str())]).await.status(), 303);
    let (plan,): (String,) = sqlx::query_as("SELECT id FROM apv_plans WHERE round_id = $1").bind(&first).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(lis.post_form(&format!("/apv/plans/{plan}"), &[("issue", "For travlt til at lede")]).await.status(), 303);
    for text in ["Fast mødefri formiddag", "Fælles vagtplanlægger"] {
        let r = lis.post_form(&format!("/apv/plans/{plan}/actions"), &[("text", text), ("owner", n.lis.as_str()), ("due_on", "2027-02-01")]).await;
        assert_eq!(r.status(), 303);
    }
    close_for_test(&lis, &first).await;

    let second = start_round(&lis, &n.group).await;
    let meeting = format!("/apv/rounds/{second}/meeting");
    let (_, body) = lis.page(&meeting).await;
    assert!(body.contains("Hvordan gik det siden sidst?") && body.contains("Fast mødefri formiddag") && body.contains("Fælles vagtplanlægger"));
    let actions: Vec<(String, String)> = sqlx::query_as("SELECT id, text FROM apv_actions WHERE plan_id = $1 ORDER BY text")
        .bind(&plan)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let id_of = |text: &str| actions.iter().find(|(_, t)| t == text).unwrap().0.clone();
    let (a, b) = (id_of("Fast mødefri formiddag"), id_of("Fælles vagtplanlægger"));

    // Half an answer refuses the whole form and saves nothing.
    let (done_a, worked_a, next_a) = (format!("done-{a}"), format!("worked-{a}"), format!("next-{a}"));
    let (done_b, worked_b) = (format!("done-{b}"), format!("worked-{b}"));
    let r = lis
        .post_form(&format!("/apv/rounds/{second}/review"), &[(done_a.as_str(), "yes"), (worked_a.as_str(), "partly"), (next_a.as_str(), "carry_on"), (done_b.as_str(), "no"), (worked_b.as_str(), "no")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Svar på alle tre spørgsmål"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_action_reviews WHERE round_id = $1", &second).await, 0);
    let r = lis.post_form(&format!("/apv/rounds/{second}/review"), &[(done_a.as_str(), "yes"), (worked_a.as_str(), "partly"), (next_a.as_str(), "carry_on")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_action_reviews WHERE round_id = $1", &second).await, 1);

    // A member reads it; only the group's leader records it.
    let (_, body) = carl.page(&meeting).await;
    assert!(body.contains("Ja, gjort · virkede: Delvist · Vi fortsætter"), "{body}");
    assert!(body.contains("Ikke gennemgået endnu."));
    assert!(!body.contains(&format!("/apv/rounds/{second}/review\"")), "a member has no review form");
    assert_eq!(carl.post_form(&format!("/apv/rounds/{second}/review"), &[(done_b.as_str(), "no")]).await.status(), 403);

    // A year on: the picture beside last round's, theme by theme, in shares.
    assert!(!carl.page(&meeting).await.1.contains("Hvad har ændret sig siden sidst?"), "no change before the picture shows");
    let revs2 = themes(&lis, &second).await;
    handed_in(&lis, &second, &revs2, &[(0, "red", "Stadig travlt")]).await;
    handed_in(&app.signed_in("anna@randers.dk").await, &second, &revs2, &[(0, "green", "Bedre nu")]).await;
    handed_in(&carl, &second, &revs2, &[(0, "yellow", "")]).await;
    assert!(!carl.page(&meeting).await.1.contains("Hvad har ændret sig siden sidst?"), "not before the picture is revealed");
    lis.reveal(&format!("/apv/rounds/{second}")).await;
    let (_, body) = carl.page(&meeting).await;
    assert!(body.contains("Hvad har ændret sig siden sidst?"), "{body}");
    let doc = Html::parse_document(&body);
    let row = doc
        .select(&Selector::parse("table.lt-apv-change tbody tr").unwrap())
        .map(|tr| tr.text().collect::<String>())
        .find(|t| t.contains("Krav i arbejdet"))
        .expect("Krav i arbejdet in the change table");
    assert!(row.contains("100 → 33 %") && row.contains("−67 point") && row.contains("0 → 33 %"), "{row}");
});
