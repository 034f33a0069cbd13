//! What a round promised is fixed when it starts (issue 15, items 2 and 5):
//! HR adding herself to a group, switching it to named mode or lowering k
//! reaches no answer given under the earlier promise. Each test performs the
//! attack through HTTP, as HR would.

use crate::both_backends;
use crate::support::app::{location, Org};
use crate::support::{TestApp, TestClient};
use domain::ids::PersonId;
use domain::roles::Role;

struct Nord {
    org: Org,
    group: String,
    lis: PersonId,
    members: Vec<PersonId>,
}

/// Tool 2's Ledergruppe Nord: Lis leads Anna, Bo and Carl; Hanne is HR (k = 5, free text 8).
async fn nord(app: &TestApp) -> Nord {
    let n = crate::collab::nord(app).await;
    let bo = PersonId::from_db(person_id(app, "bo@randers.dk").await);
    Nord { org: n.org, group: n.group, lis: n.lis, members: vec![n.anna, bo, n.carl] }
}

async fn person_id(app: &TestApp, email: &str) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT p.id FROM persons p JOIN accounts a ON a.id = p.account_id WHERE a.email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

/// HR's attack: add herself to the group and switch it to named mode, with
/// the group's own form.
async fn hr_joins_and_opens(app: &TestApp, hr: &TestClient, n: &Nord) {
    let me = person_id(app, "hr@randers.dk").await;
    let mut fields = vec![("name", "Ledergruppe Nord"), ("leader", n.lis.as_str()), ("openness", "named"), ("members", me.as_str())];
    for m in &n.members {
        fields.push(("members", m.as_str()));
    }
    let r = hr.post_form(&format!("/admin/groups/{}", n.group), &fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let (openness,): (String,) =
        sqlx::query_as("SELECT openness FROM leader_groups WHERE id = $1").bind(&n.group).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(openness, "named", "the group itself did change");
}

async fn decided(lis: &TestClient, run: &str, lis_id: &PersonId) {
    let due = (ledertrivsel::clock::Clock::wall().today() + time::Duration::days(14)).to_string();
    let r = lis.post_form(&format!("/intro/runs/{run}/decision"), &[("next_tool", "leader_apv"), ("owner", lis_id.as_str()), ("due_date", &due)]).await;
    assert_eq!(r.status(), 303);
}

both_backends!(named_mode_and_membership_do_not_reach_back_into_a_closed_intro_round, |app: TestApp| async move {
    let n = nord(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let (lis, anna) = (app.signed_in("lis@randers.dk").await, app.signed_in("anna@randers.dk").await);
    let run = crate::intro::start_round(&lis, &n.group).await;
    // Before anyone answers, the form says what the round promises.
    let (_, form) = anna.page(&format!("/intro/runs/{run}/answer")).await;
    assert!(form.contains("Dine svar er anonyme"), "{form}");
    assert!(form.contains("Anna Andersen, Bo Berg, Carl Clausen, Lis Leder"), "the readers are named: {form}");
    assert!(form.contains("mindst 5 har svaret") && form.contains("mindst 8 svar"), "{form}");
    crate::intro::answered(&anna, &run, |_| "5", "Jeg er ved at brænde ud").await;
    crate::intro::answered(&app.signed_in("bo@randers.dk").await, &run, |_| "1", "").await;
    crate::intro::answered(&lis, &run, |_| "3", "").await;
    decided(&lis, &run, &n.lis).await;

    hr_joins_and_opens(&app, &hr, &n).await;
    // HR reads the closed round as the outsider she was when it started:
    // three answers are under k, and nobody's name is shown.
    let (status, body) = hr.page(&format!("/intro/runs/{run}")).await;
    assert_eq!(status, 200);
    assert!(!body.contains("Hvem svarede hvad"), "{body}");
    assert!(!body.contains("Anna Andersen</th>"));
    assert!(!body.contains("brænde ud"));
    assert!(body.contains("Dine svar er anonyme"), "the round's own promise is shown on its page");
    // Flipping the setting alone shows no names to the members either.
    let (_, body) = anna.page(&format!("/intro/runs/{run}")).await;
    assert!(!body.contains("Hvem svarede hvad"), "{body}");
    assert!(body.contains("brænde ud"), "members still see the unattributed comments");
    // HR cannot answer a round she was not part of.
    assert_eq!(hr.page(&format!("/intro/runs/{run}/answer")).await.0, 403);

    // A round started after the change is named, HR is one of its readers, and says so before anyone answers.
    let next = crate::intro::start_round(&lis, &n.group).await;
    let (_, form) = anna.page(&format!("/intro/runs/{next}/answer")).await;
    assert!(form.contains("Åben dialog"), "{form}");
    assert!(form.contains("Hanne HR"), "the new reader is named before anyone answers: {form}");
});

both_backends!(someone_who_joins_during_an_open_round_reads_it_as_an_outsider, |app: TestApp| async move {
    let n = nord(&app).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let run = crate::intro::start_round(&lis, &n.group).await;
    let dorte = app.person(&n.org, "Dorte Dahl", "dorte@randers.dk", &[Role::Leader]).await;
    app.add_member(&n.org, &n.group, &dorte).await;
    for email in ["anna@randers.dk", "bo@randers.dk", "carl@randers.dk"] {
        crate::intro::answered(&app.signed_in(email).await, &run, |_| "4", "Travlt").await;
    }
    let dorte = app.signed_in("dorte@randers.dk").await;
    // Dorte is in the group now, but the round did not promise her anything.
    assert_eq!(dorte.page(&format!("/intro/runs/{run}/answer")).await.0, 403);
    let (status, body) = dorte.page(&format!("/intro/runs/{run}")).await;
    assert_eq!(status, 200);
    assert!(!body.contains("/answer\""), "no answer button for a newcomer: {body}");
    assert!(!body.contains("Travlt"), "an outsider sees no comments of an open round");
    assert!(body.contains("Personer uden for gruppen kan først se resultatet"), "{body}");
    let (_, group_page) = dorte.page(&format!("/groups/{}", n.group)).await;
    assert!(!group_page.contains(&format!("/intro/runs/{run}/answer")), "{group_page}");
    // The members who were there see their picture, once it is revealed.
    lis.reveal(&format!("/intro/runs/{run}")).await;
    let (_, body) = app.signed_in("anna@randers.dk").await.page(&format!("/intro/runs/{run}")).await;
    assert!(body.contains("Travlt"));
});

both_backends!(a_lowered_k_applies_to_later_rounds_only, |app: TestApp| async move {
    let n = nord(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let lis = app.signed_in("lis@randers.dk").await;
    let run = crate::intro::start_round(&lis, &n.group).await;
    for email in ["anna@randers.dk", "bo@randers.dk", "carl@randers.dk", "lis@randers.dk"] {
        crate::intro::answered(&app.signed_in(email).await, &run, |_| "2", "Vi mangler tid").await;
    }
    decided(&lis, &run, &n.lis).await;
    let (_, body) = hr.page(&format!("/intro/runs/{run}")).await;
    assert!(body.contains("mindst 5"), "{body}");

    let r = hr
        .post_form("/admin/settings", &[("org_name", "Randers Kommune"), ("k", "3"), ("free_text_k", "3"), ("retention_days", "1095")])
        .await;
    assert_eq!(r.status(), 303);
    // The closed round keeps k = 5 and free text at 8: four answers show nothing to HR.
    let (_, body) = hr.page(&format!("/intro/runs/{run}")).await;
    assert!(!body.contains("Vi mangler tid"), "a lowered free-text threshold opens no closed round's comments");
    assert!(body.contains("mindst 5"), "the round's own k is shown: {body}");
    assert!(crate::intro::figures(&body).is_empty(), "four answers stay under the round's k of 5");

    // A round started now promises k = 3.
    let next = crate::intro::start_round(&lis, &n.group).await;
    let (_, form) = app.signed_in("anna@randers.dk").await.page(&format!("/intro/runs/{next}/answer")).await;
    assert!(form.contains("mindst 3 har svaret") && form.contains("mindst 3 svar"), "{form}");
});

both_backends!(tool_2_keeps_its_promise_too, |app: TestApp| async move {
    let n = nord(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = crate::collab::planned(&lis, &n.group).await;
    for email in ["anna@randers.dk", "bo@randers.dk", "carl@randers.dk"] {
        crate::collab::fill_in(&app.signed_in(email).await, &round, "4", "").await;
    }
    hr_joins_and_opens(&app, &hr, &n).await;
    // HR is in the group now, but not among the round's readers: the meeting is not hers.
    assert_eq!(hr.page(&format!("/collab/rounds/{round}/meeting")).await.0, 403);
    assert_eq!(hr.page(&format!("/collab/rounds/{round}/checklist")).await.0, 403);
    // The members' meeting page names nobody: the round started anonymous.
    let (status, body) = app.signed_in("anna@randers.dk").await.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert_eq!(status, 200);
    assert!(!body.contains("Hvem svarede hvad"), "{body}");
});

both_backends!(skema_1_keeps_its_promise, |app: TestApp| async move {
    let n = nord(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let lis = app.signed_in("lis@randers.dk").await;
    let r = lis.post_form(&format!("/apv/groups/{}/rounds", n.group), &[("variant", "now"), ("deadline", "")]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let round = location(&r).trim_start_matches("/apv/rounds/").split('?').next().unwrap().to_string();
    hr_joins_and_opens(&app, &hr, &n).await;
    assert_eq!(hr.page(&format!("/apv/rounds/{round}/map")).await.0, 403, "HR joined after the round started");
    let (status, body) = hr.page(&format!("/apv/rounds/{round}")).await;
    assert_eq!(status, 200);
    assert!(!body.contains(&format!("/apv/rounds/{round}/map\"")), "{body}");
    assert_eq!(app.signed_in("anna@randers.dk").await.page(&format!("/apv/rounds/{round}/map")).await.0, 200);
});

both_backends!(the_works_council_reads_the_changes_to_what_rounds_promise, |app: TestApp| async move {
    let n = nord(&app).await;
    app.person(&n.org, "Mette MED", "med@randers.dk", &[Role::WorksCouncil]).await;
    app.person(&n.org, "Arne AMO", "amo@randers.dk", &[Role::SafetyOrg]).await;
    let hr = app.signed_in("hr@randers.dk").await;
    hr_joins_and_opens(&app, &hr, &n).await;
    let r = hr
        .post_form("/admin/settings", &[("org_name", "Randers Kommune"), ("k", "3"), ("free_text_k", "4"), ("retention_days", "1095")])
        .await;
    assert_eq!(r.status(), 303);

    for email in ["med@randers.dk", "amo@randers.dk", "hr@randers.dk"] {
        let (status, body) = app.signed_in(email).await.page("/privacy").await;
        assert_eq!(status, 200, "{email}");
        assert!(body.contains("Ændringer, der gælder for nye runder"), "{email}: {body}");
        assert!(body.contains("Åbenhed: Anonymt → Åben dialog med navne"), "{email}: {body}");
        assert!(body.contains("Kom med: Hanne HR"), "{email}: {body}");
        assert!(body.contains("Anonymitetsgrænse for tal: 5 → 3"), "{email}: {body}");
    }
    // Every signed-in person reads the rules in the organisation's numbers, but not the log.
    let (status, body) = app.signed_in("anna@randers.dk").await.page("/privacy").await;
    assert_eq!(status, 200);
    assert!(body.contains("mindst 3 har svaret") && body.contains("mindst 4 svar"), "{body}");
    assert!(!body.contains("Ændringer, der gælder for nye runder") && !body.contains("Hanne HR</td>"));
    assert!(body.contains("Sådan beskyttes dine svar"));
    // Another organisation's HR reads none of it.
    app.org("Aarhus Kommune", "hr@aarhus.dk").await;
    let (status, body) = app.signed_in("hr@aarhus.dk").await.page("/privacy").await;
    assert_eq!(status, 200);
    assert!(body.contains("Ingen ændringer endnu.") && !body.contains("Kom med: Hanne HR") && !body.contains("Ledergruppe Nord"), "{body}");
    // Signed out: the sign-in page.
    let r = app.client().get("/privacy").await;
    assert!(r.status() == 303 || r.status() == 302 || r.status() == 401, "{}", r.status());
});
