//! The retention period (issue 15): a leader's answers and free text from a
//! round or campaign that closed longer ago than the organisation's period
//! are gone, from the database and from their own data export, while the
//! figures the campaign overview, the plan and its overview show are the
//! same as before. Data one day short of the period, open rounds and
//! anything younger are untouched; lowering the period applies at once.

use crate::apv::campaign::{overview, rounds, unit};
use crate::apv::{close_for_test, handed_in, themes};
use crate::both_backends;
use crate::support::{TestApp, TestClient};
use domain::ids::PersonId;
use domain::roles::Role;
use ledertrivsel::privacy::retention::run_once;
use scraper::{Html, Selector};
use time::{Duration, OffsetDateTime};

async fn count(app: &TestApp, sql: &'static str, arg: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(arg).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

async fn set_retention(hr: &TestClient, days: &str) {
    let r = hr.post_form("/admin/settings", &[("org_name", "Randers Kommune"), ("k", "5"), ("free_text_k", "8"), ("retention_days", days)]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
}

/// The earliest and latest closing among the campaign's rounds and the intro run.
async fn closings(app: &TestApp, campaign: &str, run: &str) -> (OffsetDateTime, OffsetDateTime) {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT closed_at FROM apv_rounds WHERE campaign_id = $1 UNION ALL SELECT closed_at FROM intro_runs WHERE id = $2",
    )
    .bind(campaign)
    .bind(run)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let times: Vec<OffsetDateTime> = rows.iter().map(|(t,)| ledertrivsel::storage::from_text(t).unwrap()).collect();
    assert_eq!(times.len(), 3, "two APV rounds and one intro run, all closed");
    (*times.iter().min().unwrap(), *times.iter().max().unwrap())
}

/// What the plan's preparation page shows of the newest campaign.
async fn plan_apv_picture(hr: &TestClient, plan: &str) -> String {
    let (status, body) = hr.page(&format!("/plan/{plan}/prepare")).await;
    assert_eq!(status, 200);
    let doc = Html::parse_document(&body);
    let picture = doc.select(&Selector::parse("details#apv-picture").unwrap()).next().expect("the plan shows the APV picture").html();
    assert!(picture.contains("12"), "{picture}");
    picture
}

/// Everything the organisation's readers are shown from the campaign.
#[derive(Debug, PartialEq)]
struct Figures {
    whole: Vec<(String, [u32; 3])>,
    nord: Vec<(String, [u32; 3])>,
    csv: String,
    plan_overview: String,
    plan_picture: String,
}

async fn figures(hr: &TestClient, campaign: &str, nord: &str, plan: &str) -> Figures {
    let (status, body) = hr.page(&format!("/apv/campaigns/{campaign}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Bygger på 12 lederes Skema 1") && body.contains("12 af 12 ledere har afleveret Skema 1"), "{body}");
    let nord = overview(&hr.page(&format!("/apv/campaigns/{campaign}?unit={nord}&group=")).await.1);
    let csv = hr.get(&format!("/apv/campaigns/{campaign}/colour-map.csv")).await.text().await.unwrap();
    let plan_overview = hr.get("/plan/overview.csv").await.text().await.unwrap();
    Figures { whole: overview(&body), nord, csv, plan_overview, plan_picture: plan_apv_picture(hr, plan).await }
}

/// Rows the purge should delete, and rows it must leave.
async fn raw_rows(app: &TestApp, campaign: &str, run: &str, open_run: &str) -> [i64; 5] {
    [
        count(app, "SELECT COUNT(*) FROM apv_answers WHERE round_id IN (SELECT id FROM apv_rounds WHERE campaign_id = $1)", campaign).await,
        count(app, "SELECT COUNT(*) FROM apv_respondents WHERE round_id IN (SELECT id FROM apv_rounds WHERE campaign_id = $1)", campaign).await,
        count(app, "SELECT COUNT(*) FROM intro_answers WHERE run_id = $1", run).await,
        count(app, "SELECT COUNT(*) FROM intro_respondents WHERE run_id = $1", run).await,
        count(app, "SELECT COUNT(*) FROM intro_respondents WHERE run_id = $1", open_run).await,
    ]
}

both_backends!(answers_past_the_retention_period_are_gone_and_the_figures_stay, |app: TestApp| async move {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let hr = app.signed_in("hr@randers.dk").await;
    let (nord, syd) = (unit(&app, &org, "Nord").await, unit(&app, &org, "Syd").await);
    // Alfa: six leaders in Nord; Bravo: six in Syd. Anna (alfa1) is the one we follow.
    let mut groups = Vec::new();
    let mut leaders: Vec<Vec<(PersonId, String)>> = Vec::new();
    for (name, unit) in [("Alfa", &nord), ("Bravo", &syd)] {
        let mut people = Vec::new();
        for i in 0..6 {
            let email = format!("{}{i}@randers.dk", name.to_lowercase());
            let id = app.person(&org, &format!("{name} Leder {i}"), &email, &[Role::Leader]).await;
            sqlx::query("UPDATE persons SET unit_id = $1 WHERE id = $2").bind(unit).bind(id.as_str()).execute(&app.state.db.pool).await.unwrap();
            people.push((id, email));
        }
        let members: Vec<&PersonId> = people[1..].iter().map(|(id, _)| id).collect();
        groups.push(app.group(&org, &format!("Ledergruppe {name}"), &people[0].0, &members).await);
        leaders.push(people);
    }
    let anna = app.signed_in("alfa1@randers.dk").await;

    // A campaign in both groups: everyone hands in, Alfa with a keyword of its own.
    let deadline = (OffsetDateTime::now_utc().date() + Duration::days(14)).to_string();
    let fields = [("title", "Leder-APV 2027"), ("variant", "now"), ("deadline", deadline.as_str()), ("group", groups[0].as_str()), ("group", groups[1].as_str())];
    let r = hr.post_form("/apv/campaigns", &fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let campaign = crate::support::app::location(&r).trim_start_matches("/apv/campaigns/").split('?').next().unwrap().to_string();
    let campaign_rounds = rounds(&app, &campaign).await;
    for (g, people) in leaders.iter().enumerate() {
        let round = &campaign_rounds.iter().find(|(group, _)| *group == groups[g]).unwrap().1;
        for (_, email) in people {
            let client = app.signed_in(email).await;
            let revs = themes(&client, round).await;
            let marks: &[(usize, &str, &str)] = if g == 0 { &[(0, "red", "Travlt i Alfa"), (1, "yellow", "")] } else { &[(0, "red", "Travlt i Bravo")] };
            handed_in(&client, round, &revs, marks).await;
        }
        close_for_test(&app.signed_in(&people[0].1).await, round).await;
    }

    // An introduction round in Alfa with comments, closed by its decision;
    // then a second one that stays open.
    let alfa_leader = app.signed_in("alfa0@randers.dk").await;
    let run = crate::intro::start_round(&alfa_leader, &groups[0]).await;
    for (_, email) in &leaders[0] {
        crate::intro::answered(&app.signed_in(email).await, &run, |_| "2", "Min egen kommentar").await;
    }
    let due = (app.state.clock.today() + Duration::days(14)).to_string();
    let r = alfa_leader
        .post_form(&format!("/intro/runs/{run}/decision"), &[("next_tool", "leader_apv"), ("owner", leaders[0][0].0.as_str()), ("due_date", &due)])
        .await;
    assert_eq!(r.status(), 303);
    let open_run = crate::intro::start_round(&alfa_leader, &groups[0]).await;
    crate::intro::answered(&anna, &open_run, |_| "3", "Stadig åben").await;

    let plan = crate::plan::started(&hr).await;
    let before = figures(&hr, &campaign, &nord, &plan).await;
    assert_eq!(before.whole[0], ("Krav i arbejdet".to_string(), [12, 0, 0]), "{:?}", before.whole);
    assert_eq!(before.nord[0].1, [6, 0, 0]);
    let export = anna.get("/account/export.json").await.text().await.unwrap();
    assert!(export.contains("Travlt i Alfa") && export.contains("Min egen kommentar") && export.contains("Stadig åben"));
    let rows = raw_rows(&app, &campaign, &run, &open_run).await;
    assert!(rows.iter().all(|n| *n > 0), "{rows:?}");
    let (first, last) = closings(&app, &campaign, &run).await;

    // Ten years' period: a year later nothing is due.
    set_retention(&hr, "3650").await;
    run_once(&app.state.db, last + Duration::days(366)).await.unwrap();
    assert_eq!(raw_rows(&app, &campaign, &run, &open_run).await, rows, "younger than the period: untouched");

    // Lowered to a year: one day short of it, everything stays.
    set_retention(&hr, "365").await;
    run_once(&app.state.db, first + Duration::days(364)).await.unwrap();
    assert_eq!(raw_rows(&app, &campaign, &run, &open_run).await, rows, "one day before the edge: kept");
    assert!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE org_id = $1", org.id.as_str()).await > 0);

    // A day past it, the answers and comments are gone; the open round stays.
    let now = last + Duration::days(366);
    let purged = run_once(&app.state.db, now).await.unwrap();
    assert_eq!(purged.apv_rounds_tallied, 2);
    assert_eq!(purged.rows.get("apv_respondents"), Some(&12));
    assert_eq!(purged.rows.get("apv_answers"), Some(&18), "Alfa marked two themes, Bravo one");
    assert_eq!(purged.rows.get("intro_respondents"), Some(&6));
    assert_eq!(raw_rows(&app, &campaign, &run, &open_run).await, [0, 0, 0, 0, rows[4]]);
    // Twice is the same as once.
    assert!(run_once(&app.state.db, now).await.unwrap().is_empty(), "a second purge finds nothing");
    let cutoff = ledertrivsel::storage::to_text(now - Duration::days(365));
    let (old,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE org_id = $1 AND at < $2")
        .bind(org.id.as_str())
        .bind(&cutoff)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(old, 0, "the audit log keeps no line older than the period");

    let export = anna.get("/account/export.json").await.text().await.unwrap();
    assert!(!export.contains("Travlt i Alfa") && !export.contains("Min egen kommentar"), "{export}");
    assert!(export.contains("Stadig åben"), "the open round's answer is hers still");
    let (status, body) = anna.page(&format!("/intro/runs/{run}")).await;
    assert_eq!(status, 200, "the round and its decision stay");
    assert!(!body.contains("Min egen kommentar"));
    // The round's pages say the answers are gone, not that too few answered.
    assert!(body.contains("Svarene er slettet") && !body.contains("Resultatet vises ikke endnu"), "{body}");
    assert!(!body.contains("af 6 har svaret") && !body.contains("Kommentarerne vises"), "no count or comments of answers that are gone: {body}");
    let (_, body) = anna.page(&format!("/intro/runs/{open_run}")).await;
    assert!(!body.contains("Svarene er slettet"), "the open round keeps its answers");
    let alfa_round = &campaign_rounds.iter().find(|(group, _)| *group == groups[0]).unwrap().1;
    let (status, body) = anna.page(&format!("/apv/rounds/{alfa_round}/meeting")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Svarene er slettet") && !body.contains("Travlt i Alfa"), "{body}");

    // The campaign overview, its download and the plan read as before.
    assert_eq!(figures(&hr, &campaign, &nord, &plan).await, before);
    let (kept,): (i64,) = sqlx::query_as("SELECT kept_respondents FROM apv_campaigns WHERE id = $1").bind(&campaign).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(kept, 12);
});

both_backends!(the_privacy_page_tells_the_organisations_period, |app: TestApp| async move {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    app.person(&org, "Lis Leder", "lis@randers.dk", &[Role::Leader]).await;
    let hr = app.signed_in("hr@randers.dk").await;
    set_retention(&hr, "400").await;
    let (status, body) = app.signed_in("lis@randers.dk").await.page("/privacy").await;
    assert_eq!(status, 200);
    assert!(body.contains("afsluttet for mere end 400 dage siden, slettes"), "{body}");
});

// A live session's guests and what was said go with the session's end. A
// session nobody ended ends by itself two days after its last event (its
// join code stops working, and the period runs from that event); one in use
// keeps everything; the session row itself stays.
both_backends!(a_live_sessions_guests_and_log_go_after_the_period, |app: TestApp| async move {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let pool = &app.state.db.pool;
    let now = OffsetDateTime::now_utc();
    let ended = now - Duration::days(400);
    // (id, join code, ended, last event)
    let sessions = [
        ("s-ended", "KEPTAA", Some(ended), ended - Duration::minutes(40)),
        ("s-left-open", "RNFTAA", None, ended - Duration::minutes(40)),
        ("s-idle-two-days", "TWDAYS", None, now - Duration::hours(48) + Duration::minutes(1)),
        ("s-idle-three-days", "THDAYS", None, now - Duration::hours(72)),
    ];
    for (id, code, ended_at, last) in sessions {
        sqlx::query(
            "INSERT INTO live_sessions (id, org_id, deck, procedure, join_code, created_by, created_at, ended_at) \
             VALUES ($1, $2, 'leader_group', 'prioritise', $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(org.id.as_str())
        .bind(code)
        .bind(org.admin_person.as_str())
        .bind(ledertrivsel::storage::to_text(last - Duration::minutes(20)))
        .bind(ended_at.map(ledertrivsel::storage::to_text))
        .execute(pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO live_participants (session_id, no, name, guest_secret_hash, joined_at) VALUES ($1, 1, 'Gæst Gitte', $2, $3)")
            .bind(id)
            .bind(format!("hash-{id}"))
            .bind(ledertrivsel::storage::to_text(last - Duration::minutes(10)))
            .execute(pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO live_events (session_id, seq, participant, body, at) VALUES ($1, 1, 1, '{\"said\":\"Jeg er træt\"}', $2)")
            .bind(id)
            .bind(ledertrivsel::storage::to_text(last))
            .execute(pool)
            .await
            .unwrap();
    }
    let rows = |id: &'static str| async move {
        let (p,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM live_participants WHERE session_id = $1").bind(id).fetch_one(pool).await.unwrap();
        let (e,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM live_events WHERE session_id = $1").bind(id).fetch_one(pool).await.unwrap();
        let (s,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM live_sessions WHERE id = $1").bind(id).fetch_one(pool).await.unwrap();
        [p, e, s]
    };
    let ended_at = |id: &'static str| async move {
        let (at,): (Option<String>,) = sqlx::query_as("SELECT ended_at FROM live_sessions WHERE id = $1").bind(id).fetch_one(pool).await.unwrap();
        at.and_then(|t| ledertrivsel::storage::from_text(&t))
    };
    let guest = app.client();
    let guest = &guest;
    let joins = |code: &'static str| async move { guest.get(&format!("/join/{code}")).await.status() };
    assert_eq!(joins("THDAYS").await, 200, "open before the purge");

    // The default period (1,095 days) keeps a session that ended 400 days ago;
    // the sessions left open two days and more end at their last event.
    let purged = run_once(&app.state.db, now).await.unwrap();
    assert_eq!(purged.live_sessions_ended, 2, "{purged:?}");
    assert_eq!(rows("s-ended").await, [1, 1, 1]);
    assert_eq!(ended_at("s-left-open").await, Some(ended - Duration::minutes(40)), "ended at its last event");
    assert_eq!(ended_at("s-idle-three-days").await, Some(now - Duration::hours(72)));
    assert_eq!(ended_at("s-idle-two-days").await, None, "a minute short of two days it is still open");
    assert_eq!(rows("s-left-open").await, [1, 2, 1], "the end is in its log, as \"Afslut\" writes it");
    assert_eq!(joins("THDAYS").await, 404, "its join code no longer lets anyone in");
    assert_eq!(joins("TWDAYS").await, 200);
    // A second run ends nothing twice.
    assert_eq!(run_once(&app.state.db, now).await.unwrap().live_sessions_ended, 0);

    set_retention(&app.signed_in("hr@randers.dk").await, "365").await;
    run_once(&app.state.db, now).await.unwrap();
    assert_eq!(rows("s-ended").await, [0, 0, 1], "the guest and the log are gone, the session stays");
    assert_eq!(rows("s-left-open").await, [0, 0, 1], "left open 400 days ago: ended, then gone with the period");
    assert_eq!(rows("s-idle-three-days").await, [1, 2, 1], "ended three days ago: kept for the period");
    assert_eq!(rows("s-idle-two-days").await, [1, 1, 1], "a session in use keeps everything");
});
