//! A round from start to close as the group would run it.

use super::*;
use crate::both_backends;

both_backends!(a_round_runs_from_mapping_to_plans_and_report, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    // A second round while one is open is refused, and nothing is added.
    let r = lis.post_form(&format!("/apv/groups/{}/rounds", n.group), &[("variant", "now")]).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("har allerede en leder-APV i gang"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_rounds WHERE group_id = $1", &n.group).await, 1);

    let revs = themes(&lis, &round).await;
    assert_eq!(revs.len(), 13, "Skema 1 asks 7 + 1 and 4 + 1 themes");
    assert_eq!(revs[0].1, "Krav i arbejdet");
    assert_eq!(revs[7].1, "Andre temaer");

    let anna = app.signed_in("anna@randers.dk").await;
    let bo = app.signed_in("bo@randers.dk").await;
    let carl = app.signed_in("carl@randers.dk").await;
    handed_in(&lis, &round, &revs, &[(1, "red", "Beslutninger når ikke frem"), (6, "green", "Gode kolleger")]).await;
    handed_in(&anna, &round, &revs, &[(1, "red", "For sent besked om budget"), (1, "green", "Inddrages i MED"), (0, "yellow", "")]).await;

    // Two handed in: the group's picture waits for the meeting.
    let (status, body) = carl.page(&format!("/apv/rounds/{round}/meeting")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Gruppens billede vises for alle på én gang") && picture(&body).is_empty(), "{body}");

    // Carl saves a draft: it does not count until handed in.
    let r = map(&carl, &round, &revs, &[(0, "red", "Alt for mange opgaver")], false).await;
    assert_eq!(r.status(), 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_respondents WHERE round_id = $1", &round).await, 2);
    let (_, body) = carl.page(&format!("/apv/rounds/{round}/map")).await;
    assert!(body.contains("Alt for mange opgaver"), "the draft comes back");
    // The intro is paragraphs, in the colours' own names as the form shows them.
    assert!(!body.contains("\n\nSkriv for hvert tema"), "one paragraph per <p>");
    assert!(body.contains("<p>Skriv for hvert tema nogle stikord under Stop op (rød), Vent (gul) og/eller Kør (grøn)."), "{body}");
    assert!(!body.contains("Giv temaet et navn"), "no name field to give it in: the name goes first in the keywords");
    let due = "Udfyld Skema 1 i leder-APV for Ledergruppe Nord";
    assert!(bo.page("/").await.1.contains(due), "the start page says what is due");
    handed_in(&bo, &round, &revs, &[(1, "red", ""), (0, "red", "Travlhed")]).await;
    assert!(!bo.page("/").await.1.contains(due));

    // Three handed in, and the group's leader shows the picture at the
    // meeting: counts and pooled keywords, most red first, no names.
    lis.reveal(&format!("/apv/rounds/{round}")).await;
    let (_, body) = carl.page(&format!("/apv/rounds/{round}/meeting")).await;
    let shown = picture(&body);
    assert_eq!(shown[0], ("Information og beslutninger".to_string(), [3, 0, 1]), "{shown:?}");
    assert_eq!(shown[1], ("Krav i arbejdet".to_string(), [1, 1, 0]));
    assert!(body.contains("Beslutninger når ikke frem") && body.contains("For sent besked om budget") && body.contains("Travlhed"));
    assert!(!body.contains("Alt for mange opgaver"), "a draft never shows");
    for name in ["Lis Leder", "Anna Andersen", "Bo Berg"] {
        assert!(!body.contains(name), "the picture names nobody");
    }
    assert!(!body.contains("action=\"/apv/rounds/"), "a member reads the meeting, the group's leader runs it");

    // The group's leader sorts and chooses; a third theme is refused.
    let info = &revs[1].0;
    let sort_field = format!("s-{info}-red");
    let r = lis.post_form(&format!("/apv/rounds/{round}/sorting"), &[(sort_field.as_str(), "organisation")]).await;
    assert_eq!(r.status(), 303);
    let r = lis.post_form(&format!("/apv/rounds/{round}/sorting"), &[(sort_field.as_str(), "boss")]).await;
    assert_eq!(r.status(), 422, "an unknown level is refused");
    let (_, body) = carl.page(&format!("/apv/rounds/{round}/meeting")).await;
    assert!(body.contains("Placeret: Temaer for arbejdspladsen/organisationen") || body.contains("Placeret: "), "{body}");
    let r = lis.post_form(&format!("/apv/rounds/{round}/choose"), &[("theme", info.as_str()), ("theme", revs[0].0.as_str())]).await;
    assert_eq!(r.status(), 303);
    let r = lis.post_form(&format!("/apv/rounds/{round}/choose"), &[("theme", revs[6].0.as_str())]).await;
    assert_eq!(r.status(), 422);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_plans WHERE round_id = $1", &round).await, 2);

    // Skema 3 for the information theme: the eight fields, the law's three, an action.
    let (plan_id,): (String,) = sqlx::query_as("SELECT id FROM apv_plans WHERE round_id = $1 AND revision_id = $2")
        .bind(&round)
        .bind(info)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let plan = format!("/apv/plans/{plan_id}");
    let r = lis
        .post_form(
            &plan,
            &[
                ("issue", "Vigtige beslutninger når for sent frem til lederne"),
                ("activities", "Fast punkt om beslutninger på hvert ledermøde"),
                ("follow_up", "Ledermødet i marts"),
                ("follow_up_on", "2027-03-04"),
                ("severity", "Alvorligt for tre af fire"),
                ("causes", "Ingen fast informationsvej fra direktionen"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let r = lis.post_form(&plan, &[("issue", "x"), ("follow_up_on", "4. marts")]).await;
    assert_eq!(r.status(), 422, "a bad date is refused");
    let r = lis
        .post_form(&format!("{plan}/actions"), &[("text", "Aftal informationsvej med direktionen"), ("owner", n.lis.as_str()), ("due_on", "2027-01-15")])
        .await;
    assert_eq!(r.status(), 303);
    let (_, body) = carl.page(&plan).await;
    assert!(body.contains("Vigtige beslutninger når for sent frem") && body.contains("Aftal informationsvej med direktionen"));
    assert!(body.contains("Ingen fast informationsvej fra direktionen"));
    assert_eq!(carl.post_form(&plan, &[("issue", "Carls version")]).await.status(), 403);

    // The report: the law's questions before closing.
    let r = lis.post_form(&format!("/apv/rounds/{round}/close"), &[]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("sygefravær"));
    // A day more than three years after the round started, whatever today is.
    let (created_at,): (String,) =
        sqlx::query_as("SELECT created_at FROM apv_rounds WHERE id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();
    let started = ledertrivsel::storage::from_text(&created_at).unwrap().date();
    let too_late = (started + time::Duration::days(3 * 366 + 1)).to_string();
    let r = lis
        .post_form(&format!("/apv/rounds/{round}/report"), &[("absence", "partly"), ("next_due", too_late.as_str())])
        .await;
    assert_eq!(r.status(), 422, "more than three years is refused");
    let (absence,): (Option<String>,) =
        sqlx::query_as("SELECT absence FROM apv_rounds WHERE id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(absence, None, "a refused report changes nothing");
    let next_year = (time::OffsetDateTime::now_utc().date() + time::Duration::days(360)).to_string();
    let r = lis
        .post_form(
            &format!("/apv/rounds/{round}/report"),
            &[
                ("absence", "partly"),
                ("absence_note", "Travlhed nævnes ved to langtidssygemeldinger"),
                ("amo_note", "AMO deltog på mødet"),
                ("amo_on", "2026-12-01"),
                ("next_due", next_year.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    // The second chosen theme's plan is still empty: the documentation would
    // lack its problem, owner and deadline, so the round stays open.
    let r = lis.post_form(&format!("/apv/rounds/{round}/close"), &[]).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Beskriv problemet i handlingsplanen for Krav i arbejdet"), "{body}");
    assert!(!body.contains("handlingsplanen for Information og beslutninger"), "the filled plan is fine");
    let (second,): (String,) = sqlx::query_as("SELECT id FROM apv_plans WHERE round_id = $1 AND revision_id = $2")
        .bind(&round)
        .bind(&revs[0].0)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let second = format!("/apv/plans/{second}");
    assert_eq!(lis.post_form(&second, &[("issue", "For mange opgaver på for få hænder")]).await.status(), 303);
    let r = lis.post_form(&format!("/apv/rounds/{round}/close"), &[]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Tilføj mindst én handling med en ansvarlig og en frist til handlingsplanen for Krav i arbejdet"));
    let r = lis.post_form(&format!("{second}/actions"), &[("text", "Prioritér opgaverne i fællesskab"), ("owner", n.lis.as_str()), ("due_on", "2027-02-01")]).await;
    assert_eq!(r.status(), 303);
    let r = lis.post_form(&format!("/apv/rounds/{round}/close"), &[]).await;
    assert_eq!(r.status(), 303);
    let (_, body) = carl.page(&format!("/apv/rounds/{round}")).await;
    assert!(body.contains("Afsluttet") && body.contains("Delvist") && body.contains("AMO deltog på mødet"), "{body}");
    // Closed: Skema 1 no longer changes.
    let r = map(&carl, &round, &revs, &[(2, "green", "for sent")], true).await;
    assert_eq!(r.status(), 400);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_respondents WHERE round_id = $1", &round).await, 3);
});

both_backends!(skema_1_saves_a_theme_as_typed_and_refuses_too_long_keywords, |app: TestApp| async move {
    let n = nord(&app).await;
    let round = start_round(&app.signed_in("lis@randers.dk").await, &n.group).await;
    let anna = app.signed_in("anna@randers.dk").await;
    let revs = themes(&anna, &round).await;
    let theme = revs[3].0.clone();
    let k = format!("k-{theme}-yellow");
    let r = anna.post_form(&format!("/apv/rounds/{round}/map/theme"), &[("theme", theme.as_str()), (k.as_str(), "Kursus i coaching")]).await;
    assert_eq!(r.status(), 204);
    let (_, body) = anna.page(&format!("/apv/rounds/{round}/map")).await;
    assert!(body.contains("Kursus i coaching"));
    let long = "x".repeat(700);
    let r = anna.post_form(&format!("/apv/rounds/{round}/map/theme"), &[("theme", theme.as_str()), (k.as_str(), long.as_str())]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("højst være 600 tegn"));
    // The whole form with one bad field: refused, everything typed comes back, nothing saved.
    let r = map(&anna, &round, &revs, &[(0, "red", "Travlt"), (3, "yellow", long.as_str())], true).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Travlt") && body.contains("højst være 600 tegn"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_respondents WHERE round_id = $1", &round).await, 0);
    let (kept,): (Option<String>,) = sqlx::query_as("SELECT yellow FROM apv_answers WHERE round_id = $1 AND revision_id = $2")
        .bind(&round)
        .bind(&theme)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("Kursus i coaching"));
});

both_backends!(a_bad_start_form_says_why_and_starts_nothing, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let path = format!("/apv/groups/{}/rounds", n.group);
    let r = lis.post_form(&path, &[("variant", "someday"), ("deadline", "")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Vælg en slags APV."));
    let r = lis.post_form(&path, &[("variant", "now"), ("deadline", "2020-01-01")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Fristen kan ikke ligge før i dag."));
    let r = lis.post_form(&path, &[("variant", "future"), ("deadline", "1. maj")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Skriv en gyldig dato."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_rounds WHERE group_id = $1", &n.group).await, 0);
});

both_backends!(removing_a_theme_and_its_plan_asks_first, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, &n.group).await;
    let revs = themes(&lis, &round).await;
    for email in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk"] {
        handed_in(&app.signed_in(email).await, &round, &revs, &[(0, "red", "")]).await;
    }
    lis.reveal(&format!("/apv/rounds/{round}")).await;
    assert_eq!(lis.post_form(&format!("/apv/rounds/{round}/choose"), &[("theme", revs[0].0.as_str())]).await.status(), 303);
    let (plan,): (String,) = sqlx::query_as("SELECT id FROM apv_plans WHERE round_id = $1").bind(&round).fetch_one(&app.state.db.pool).await.unwrap();
    let plan = format!("/apv/plans/{plan}");
    assert_eq!(lis.post_form(&plan, &[("issue", "For mange opgaver"), ("activities", "Prioritér sammen")]).await.status(), 303);
    let r = lis.post_form(&format!("{plan}/actions"), &[("text", "Opgaveliste", ), ("owner", n.lis.as_str()), ("due_on", "2027-02-01")]).await;
    assert_eq!(r.status(), 303);

    // The plan page's button leads to a question, not to the deletion.
    let (_, body) = lis.page(&plan).await;
    assert!(body.contains(&format!("href=\"{plan}/remove\"")) && !body.contains(&format!("action=\"{plan}/remove\"")), "{body}");
    let (status, body) = lis.page(&format!("{plan}/remove")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Fjern temaet Krav i arbejdet?"), "{body}");
    assert!(body.contains("2 udfyldte felter og én handling") && body.contains("Det kan ikke fortrydes"), "{body}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_plans WHERE round_id = $1", &round).await, 1, "asking removes nothing");
    assert_eq!(app.signed_in("carl@randers.dk").await.page(&format!("{plan}/remove")).await.0, 403, "a member cannot remove");

    let r = lis.post_form(&format!("{plan}/remove"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_plans WHERE round_id = $1", &round).await, 0);
});
