//! The three steps as HR walks them, every refusal changing nothing; the
//! overview under the threshold; the plan as Word (opened by LibreOffice)
//! and as a page that prints.

use super::*;
use crate::both_backends;
use crate::support::app::location;
use crate::support::office::open_docx;

both_backends!(hr_prepares_qualifies_and_concretises_the_plan, |app: TestApp| async move {
    let rd = randers(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let r422 = hr.post_form("/plan", &[("title", "  ")]).await;
    assert_eq!(r422.status(), 422);
    assert!(r422.text().await.unwrap().contains("Skriv et navn på højst 200 tegn"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM org_plans WHERE org_id = $1", rd.org.id.as_str()).await, 0);
    let plan = started(&hr).await;

    // A point Lis lifted to the organisation is there for HR while mapping, not for readers.
    let lifted = "Vi mangler en fast sparringspartner uden for egen forvaltning";
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    let new = ledertrivsel::thread::store::NewLift {
        source_kind: domain::thread::SourceKind::AgreementPoint,
        source_id: "punkt-1",
        from_person: &rd.lis,
        from_group: None,
        to: &domain::thread::Destination::Organisation,
        text: &domain::thread::LiftText::parse(lifted).unwrap(),
        attributed: false,
    };
    ledertrivsel::thread::store::lift(&mut conn, &rd.org.id, new, app.state.clock.now()).await.unwrap().unwrap();
    drop(conn);
    let (_, body) = hr.page(&format!("/plan/{plan}/prepare")).await;
    assert!(body.contains(lifted) && body.contains("Temaer fra ledergrupper og ledere") && !body.contains("Lis Leder"), "{body}");
    assert!(!app.signed_in("direktor@randers.dk").await.page(&format!("/plan/{plan}/prepare")).await.1.contains(lifted));

    // Step 1: the theme sheet has the organisation deck's themes and the APV's.
    let (status, body) = hr.page(&format!("/plan/{plan}/prepare")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Onboarding") && body.contains("Overbelastning og stress") && body.contains("fra leder-APV"), "{body}");
    assert_eq!(hr.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-budget")]).await.status(), 400);
    let r = hr.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-onboarding"), ("theme", "org-overload-stress")]).await;
    assert_eq!(r.status(), 303);
    let long = "x".repeat(4001);
    let mapping = format!("/plan/{plan}/mapping");
    let r = hr.post_form(&mapping, &[("theme-1", "org-onboarding"), ("known-1", "Nye ledere savner en fast mentor"), ("need_more-1", &long)]).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Nye ledere savner en fast mentor"), "the form comes back as typed");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM org_plan_themes WHERE plan_id = $1 AND known <> ''", &plan).await, 0);
    let r = hr
        .post_form(&mapping, &[("theme-1", "org-onboarding"), ("known-1", "Nye ledere savner en fast mentor"), ("sources-1", "Exitsamtaler 2026"), ("theme-2", "org-overload-stress"), ("known-2", "Sygefraværet blandt ledere steg i 2026")])
        .await;
    assert_eq!(r.status(), 303);

    // A form with one theme's row leaves the other theme as it stands (another HR admin may be editing it).
    let r = hr.post_form(&mapping, &[("theme-2", "org-overload-stress"), ("known-2", "Sygefraværet blandt ledere steg i 2026"), ("need_more-2", "Årsagerne")]).await;
    assert_eq!(r.status(), 303);
    let (known,): (String,) = sqlx::query_as("SELECT known FROM org_plan_themes WHERE plan_id = $1 AND theme = 'org-onboarding'")
        .bind(&plan)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(known, "Nye ledere savner en fast mentor");

    // The lifted point is taken into the plan under a chosen theme: answered, and its words join the mapping.
    let (lift,): (String,) = sqlx::query_as("SELECT id FROM lifts WHERE org_id = $1").bind(rd.org.id.as_str()).fetch_one(&app.state.db.pool).await.unwrap();
    let take = format!("/plan/{plan}/lifts/{lift}/take");
    assert_eq!(hr.post_form(&take, &[("theme", "org-goals")]).await.status(), 400, "not a chosen theme");
    assert_eq!(app.signed_in("direktor@randers.dk").await.post_form(&take, &[("theme", "org-onboarding")]).await.status(), 403);
    assert_eq!(hr.post_form(&take, &[("theme", "org-onboarding")]).await.status(), 303);
    assert_eq!(hr.post_form(&take, &[("theme", "org-onboarding")]).await.status(), 400, "answered once");
    let (status, answer): (String, String) = sqlx::query_as("SELECT status, answer FROM lifts WHERE id = $1").bind(&lift).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(status, "taken");
    assert!(answer.contains("Onboarding") && answer.contains("Trivselsplan for Randers 2027"), "{answer}");
    let (known,): (String,) = sqlx::query_as("SELECT known FROM org_plan_themes WHERE plan_id = $1 AND theme = 'org-onboarding'")
        .bind(&plan)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(known.starts_with("Nye ledere savner en fast mentor") && !known.contains(lifted), "an individual's words stay in the inbox: {known}");
    // A leader group's words join what the plan knows.
    let group = app.group(&rd.org, "Ledergruppe Nord", &rd.lis, &[]).await;
    let from_group = "Ledergruppe Nord ønsker fælles introforløb for nye ledere";
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    let new = ledertrivsel::thread::store::NewLift {
        source_kind: domain::thread::SourceKind::Lift,
        source_id: "lift-1",
        from_person: &rd.lis,
        from_group: Some(&domain::ids::GroupId::from_db(group)),
        to: &domain::thread::Destination::Organisation,
        text: &domain::thread::LiftText::parse(from_group).unwrap(),
        attributed: false,
    };
    let second = ledertrivsel::thread::store::lift(&mut conn, &rd.org.id, new, app.state.clock.now()).await.unwrap().unwrap();
    drop(conn);
    assert_eq!(hr.post_form(&format!("/plan/{plan}/lifts/{second}/take"), &[("theme", "org-onboarding")]).await.status(), 303);
    let (known,): (String,) = sqlx::query_as("SELECT known FROM org_plan_themes WHERE plan_id = $1 AND theme = 'org-onboarding'")
        .bind(&plan)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(known.starts_with("Nye ledere savner en fast mentor") && known.contains(from_group), "{known}");

    // Step 2: unfold and place; a theme not chosen cannot be placed.
    let r = hr.post_form(&format!("/plan/{plan}/unfold"), &[("theme-1", "org-onboarding"), ("unfold-1", "Vi laver et fælles introforløb")]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(hr.post_form(&format!("/plan/{plan}/matrix"), &[("theme", "org-onboarding"), ("quadrant", "act")]).await.status(), 303);
    assert_eq!(hr.post_form(&format!("/plan/{plan}/matrix"), &[("theme", "org-goals"), ("quadrant", "act")]).await.status(), 400);
    assert_eq!(hr.post_form(&format!("/plan/{plan}/matrix"), &[("theme", "org-overload-stress"), ("quadrant", "top")]).await.status(), 400);
    let (_, body) = hr.page(&format!("/plan/{plan}/qualify")).await;
    assert!(body.contains("Vi laver et fælles introforløb") && body.contains("Nye ledere savner en fast mentor"));

    // Step 3: cards, the two most important points and the sign-off.
    let cards = format!("/plan/{plan}/cards");
    let r = hr.post_form(&cards, &[("theme-1", "org-onboarding"), ("goal-1", "Alle nye ledere har en mentor"), ("starts_on-1", "2027-03-01"), ("deadline-1", "2027-02-01")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Deadline kan ikke ligge før start"));
    let r = hr
        .post_form(
            &cards,
            &[
                ("theme-1", "org-onboarding"),
                ("goal-1", "Alle nye ledere har en mentor"),
                ("actions-1", "HR matcher nye ledere med en erfaren kollega"),
                ("owner-1", "HR og direktionen"),
                ("starts_on-1", "2027-02-01"),
                ("deadline-1", "2027-06-30"),
                ("follow_up_on-1", "2027-04-01"),
                ("status-1", "under_way"),
                ("theme-2", "org-overload-stress"),
                ("goal-2", "Ledere ved, hvad de skal lade ligge"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = hr.post_form(&cards, &[("theme-1", "org-onboarding"), ("goal-1", "Alle nye ledere har en mentor"), ("status-1", "halfway")]).await;
    assert_eq!(r.status(), 422, "an unknown status is refused");
    let (status,): (String,) = sqlx::query_as("SELECT status FROM org_plan_themes WHERE plan_id = $1 AND theme = 'org-onboarding'")
        .bind(&plan)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "under_way");
    let decision = format!("/plan/{plan}/decision");
    let r = hr.post_form(&decision, &[("top-1", "org-onboarding"), ("top-2", "org-onboarding")]).await;
    assert_eq!(r.status(), 422);
    let r = hr.post_form(&decision, &[("top-1", "org-onboarding"), ("signed_off_by", "Direktionen")]).await;
    assert_eq!(r.status(), 422, "who without when");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM org_plan_themes WHERE plan_id = $1 AND top IS NOT NULL", &plan).await, 0);
    let r = hr
        .post_form(&decision, &[("top-1", "org-onboarding"), ("top-2", "org-overload-stress"), ("signed_off_by", "Direktionen"), ("signed_off_on", "2027-01-20"), ("signoff_note", "Følges op hvert kvartal")])
        .await;
    assert_eq!(r.status(), 303);
    let (_, body) = app.signed_in("hr@randers.dk").await.page("/plan").await;
    assert!(body.contains("godkendt af topledelsen 20. januar 2027"), "{body}");

    // Word and print, for readers too.
    let director = app.signed_in("direktor@randers.dk").await;
    let res = director.get(&format!("/plan/{plan}/plan.docx")).await;
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap();
    if let Some(text) = open_docx(&bytes) {
        for expected in ["Trivselsplan for Randers 2027", "Alle nye ledere har en mentor", "HR og direktionen", "Direktionen", "Følges op hvert kvartal", "Nye ledere savner en fast mentor", "I gang", "1. april 2027"] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
    }
    let (status, body) = director.page(&format!("/plan/{plan}/print")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Alle nye ledere har en mentor") && body.contains("plan.docx"));

    // Saved again unchanged, the sign-off stays. The two points changed with
    // the old sign-off sent back as it was: management approved the old two,
    // so the sign-off goes, and the page says why, where HR acted.
    let approved = [("signed_off_by", "Direktionen"), ("signed_off_on", "2027-01-20"), ("signoff_note", "Følges op hvert kvartal")];
    let same = [&[("top-1", "org-onboarding"), ("top-2", "org-overload-stress")][..], &approved[..]].concat();
    assert_eq!(location(&hr.post_form(&decision, &same).await), format!("/plan/{plan}/concretise?notice=decided#decision"));
    let swapped = [&[("top-1", "org-overload-stress"), ("top-2", "org-onboarding")][..], &approved[..]].concat();
    let r = hr.post_form(&decision, &swapped).await;
    assert_eq!(location(&r), format!("/plan/{plan}/concretise?notice=signoff-withdrawn#decision"));
    let (_, body) = hr.page(&location(&r)).await;
    assert!(body.contains("Topledelsens godkendelse er fjernet"), "{body}");
    assert!(!hr.page("/plan").await.1.contains("godkendt af topledelsen"), "no longer approved");
    // Entered anew with the new points, it is kept.
    let again = [("top-1", "org-overload-stress"), ("top-2", "org-onboarding"), ("signed_off_by", "Direktionen"), ("signed_off_on", "2027-02-03")];
    assert_eq!(location(&hr.post_form(&decision, &again).await), format!("/plan/{plan}/concretise?notice=decided#decision"));
    assert!(hr.page("/plan").await.1.contains("godkendt af topledelsen 3. februar 2027"));
    // Step 1 drops one of the approved two from the plan: the approval goes too.
    assert_eq!(hr.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-onboarding")]).await.status(), 303);
    assert!(!hr.page("/plan").await.1.contains("godkendt af topledelsen"), "approved points left the plan");

    // A new plan replaces this one, which then only reads.
    let next = started(&hr).await;
    assert_ne!(next, plan);
    assert_eq!(hr.post_form(&format!("/plan/{plan}/themes"), &[("theme", "org-goals")]).await.status(), 400);
});

both_backends!(the_overview_withholds_counts_of_leaders_under_the_threshold, |app: TestApp| async move {
    let r = randers(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let (_, body) = hr.page("/plan").await;
    assert!(body.contains("Ledere med en aktiv lederaftale") && body.contains("færre end 5 (vises ikke)"), "{body}");
    let csv = hr.get("/plan/overview.csv").await.text().await.unwrap();
    assert!(csv.contains("færre end 5"), "{csv}");
    let xlsx = hr.get("/plan/overview.xlsx").await;
    assert_eq!(xlsx.status(), 200);
    let _ = r.org;
});
