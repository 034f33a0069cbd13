//! Live sessions end to end over real WebSockets: joining by code as a
//! member or a guest, the five steps with private picks, refusals that
//! change nothing, a flood that does not slow the others, reconnecting with
//! the last event number, a resend answered without a second event, a
//! restarted server resuming, the summary, and who may see a session.

mod browser;
mod cluster;
pub mod socket;

use crate::support::app::location;
use crate::support::{Backend, TestApp, TestClient};
use domain::roles::Role;
use serde_json::json;
use socket::Ws;

/// HR starts a session; answers its id and join code.
pub async fn start(app: &TestApp, facilitator: &TestClient, kind: &str) -> (String, String) {
    let r = facilitator.post_form("/live", &[("kind", kind)]).await;
    assert_eq!(r.status(), 303, "the session starts");
    let id = location(&r).trim_start_matches("/live/").to_string();
    let (code,): (String,) = sqlx::query_as("SELECT join_code FROM live_sessions WHERE id = $1").bind(&id).fetch_one(&app.state.db.pool).await.unwrap();
    (id, code)
}

/// A guest joins with a display name; answers the client holding the cookie.
pub async fn guest(base: &str, code: &str, name: &str) -> TestClient {
    let g = TestClient::new(base);
    assert_eq!(g.page(&format!("/join/{code}")).await.0, 200);
    let r = g.post_form(&format!("/join/{code}"), &[("name", name)]).await;
    assert_eq!(r.status(), 303, "the guest joins");
    g
}

async fn count_events(app: &TestApp, id: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM live_events WHERE session_id = $1").bind(id).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

async fn five_steps(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let org = app.org("Silkeborg Kommune", "hr@silkeborg.dk").await;
    app.person(&org, "Lis Leder", "lis@silkeborg.dk", &[Role::Leader]).await;
    app.person(&org, "Ole Udenfor", "ole@silkeborg.dk", &[Role::Leader]).await;
    let other = app.org("Viborg Kommune", "hr@viborg.dk").await;
    app.person(&other, "Vera Viborg", "vera@viborg.dk", &[Role::Leader]).await;
    let hr = app.signed_in("hr@silkeborg.dk").await;

    assert_eq!(hr.post_form("/live", &[("kind", "poker:prioritise")]).await.status(), 422, "an unknown deck is refused");
    let (id, code) = start(&app, &hr, "organisation:prioritise").await;
    let (status, body) = hr.page(&format!("/live/{id}")).await;
    assert_eq!(status, 200);
    assert!(body.contains(&code) && body.contains("<svg"), "the shared screen shows the code and the QR code");

    // Joining: a member of the organisation under their own name, a guest
    // under the name typed; a bad name or code changes nothing.
    let lis = app.signed_in("lis@silkeborg.dk").await;
    let (_, body) = lis.page(&format!("/join/{}", code.to_lowercase())).await;
    assert!(body.contains("Lis Leder"), "a member joins under their name: {body}");
    assert_eq!(lis.post_form(&format!("/join/{code}"), &[]).await.status(), 303);
    assert_eq!(location(&lis.post_form(&format!("/join/{code}"), &[]).await), format!("/live/{id}"), "joining twice is the same participant");
    let nobody = TestClient::new(&app.base);
    assert_eq!(nobody.post_form(&format!("/join/{code}"), &[("name", "   ")]).await.status(), 422);
    assert_eq!(nobody.page("/join/ZZZZZZ").await.0, 404);
    assert!(nobody.page("/join/ZZZZZZ").await.1.contains("Der er ingen åben session med den kode"));
    let gitte = guest(&app.base, &code, "Gitte Gæst").await;
    assert_eq!(count_events(&app, &id).await, 3, "facilitator, Lis and Gitte joined; nothing else was written");

    // Who may see it: participants only; others get 404, also across organisations.
    assert_eq!(gitte.page(&format!("/live/{id}")).await.0, 200);
    let ole = app.signed_in("ole@silkeborg.dk").await;
    assert_eq!(ole.page(&format!("/live/{id}")).await.0, 404);
    assert_eq!(ole.page(&format!("/live/{id}/summary")).await.0, 404);
    assert_eq!(socket::refused_status(&ole, &id, None).await, 404);
    let vera = app.signed_in("vera@viborg.dk").await;
    assert_eq!(vera.page(&format!("/live/{id}")).await.0, 404);
    assert_eq!(socket::refused_status(&vera, &id, None).await, 404);
    assert_eq!(socket::refused_status(&lis, &id, Some("https://evil.example")).await, 403, "another site cannot open the socket");

    let mut f = Ws::connect(&hr, &id, 0).await;
    let mut l = Ws::connect(&lis, &id, 0).await;
    let mut g = Ws::connect(&gitte, &id, 0).await;
    assert_eq!((f.me, l.me, g.me), (1, 2, 3));
    for ws in [&mut f, &mut l, &mut g] {
        let joined = ws.until(|m| m["seq"] == 3).await.0;
        assert_eq!(joined["event"]["name"], "Gitte Gæst", "the log so far is replayed");
    }

    // Step 1 → 2; only the facilitator steers.
    let refusal = g.refused(json!({"type": "advance"})).await;
    assert_eq!(refusal, "Kun facilitator kan gøre det.");
    assert!(g.refused(json!({"type": "pick", "card": "org-goals"})).await.contains("andet trin"), "no picking while the cards are laid out");
    f.ok(json!({"type": "advance"})).await;
    for ws in [&mut f, &mut l, &mut g] {
        assert_eq!(ws.event("stepped").await["event"]["step"], "pick");
    }

    // Picks are private until the facilitator moves on.
    l.ok(json!({"type": "pick", "card": "org-overload-stress"})).await;
    assert_eq!(l.event("picked").await["event"]["card"], "org-overload-stress", "Lis sees her own pick");
    let seen_by_gitte = g.event("picked").await;
    assert_eq!(seen_by_gitte["event"]["card"], serde_json::Value::Null, "Gitte sees that Lis picked, not what");
    assert_eq!(f.event("picked").await["event"]["card"], serde_json::Value::Null, "so does the facilitator's screen");
    g.ok(json!({"type": "pick", "card": "org-support"})).await;
    assert!(g.refused(json!({"type": "pick", "card": "org-poker"})).await.contains("findes ikke"));
    // Voting as someone else is not a message the session knows.
    assert_eq!(g.refused(json!({"type": "pick", "card": "org-support", "p": 2})).await, "Den besked kender sessionen ikke.");
    g.send_raw("not json").await;
    assert_eq!(g.until(|m| m["type"] == "refused").await.0["message"], "Beskeden kunne ikke læses.");

    // A summary now shows Lis only her own pick.
    let (_, summary) = lis.page(&format!("/live/{id}/summary")).await;
    assert!(summary.contains("Overbelastning og stress"), "{summary}");
    assert!(!summary.contains("<td>Support</td>"), "Gitte's pick is not shown before the reveal");
    assert!(summary.contains("De andres valg vises"), "{summary}");

    f.ok(json!({"type": "advance"})).await;
    let revealed = l.event("stepped").await;
    assert_eq!(revealed["event"]["revealed"], json!([{"p": 2, "card": "org-overload-stress"}, {"p": 3, "card": "org-support"}]));

    // Step 3: reasons in turn, with notes.
    f.ok(json!({"type": "next_turn"})).await;
    assert_eq!(g.event("turn").await["event"]["p"], 2);
    l.ok(json!({"type": "note", "text": "For mange opgaver på samme tid"})).await;
    assert!(l.refused(json!({"type": "note", "text": "x".repeat(501)})).await.contains("for lang"));
    f.ok(json!({"type": "timer", "seconds": 60})).await;
    let timer = g.event("timer").await;
    assert_eq!(timer["event"]["seconds"], 60);

    // Reconnecting: Gitte's phone locks; she comes back with her last number.
    let last = timer["seq"].as_i64().unwrap();
    g.close().await;
    f.ok(json!({"type": "advance"})).await;
    l.ok(json!({"type": "vote", "card": "org-overload-stress"})).await;
    let mut g = Ws::connect(&gitte, &id, last).await;
    let first = g.next().await;
    assert_eq!(first["seq"].as_i64().unwrap(), last + 1, "only what she missed: the step and Lis's dot, in order");
    assert_eq!(first["event"]["step"], "prioritise");
    assert_eq!(g.next().await["event"]["type"], "voted");

    // Step 4: dots. Three each; a fourth is refused; nobody takes another's dot.
    for card in ["org-support", "org-support", "org-overload-stress"] {
        g.ok(json!({"type": "vote", "card": card})).await;
    }
    assert!(g.refused(json!({"type": "vote", "card": "org-goals"})).await.contains("alle dine prikker"));
    assert!(l.refused(json!({"type": "unvote", "card": "org-support"})).await.contains("ikke givet en prik"));

    // A resend after a lost acknowledgement: the same number, no second event.
    let before = count_events(&app, &id).await;
    l.send_raw(r#"{"id":"same-1","cmd":{"type":"vote","card":"org-support"}}"#).await;
    let first_ack = l.until(|m| m["type"] == "ack").await.0;
    l.send_raw(r#"{"id":"same-1","cmd":{"type":"vote","card":"org-support"}}"#).await;
    let second_ack = l.until(|m| m["type"] == "ack").await.0;
    assert_eq!(first_ack["seq"], second_ack["seq"]);
    assert_eq!(count_events(&app, &id).await, before + 1);

    // A flood from Gitte is refused to her alone; Lis is still answered.
    for i in 0..40 {
        g.send_raw(&json!({"id": format!("flood-{i}"), "cmd": {"type": "note", "text": "spam"}}).to_string()).await;
    }
    let started = std::time::Instant::now();
    l.ok(json!({"type": "unvote", "card": "org-support"})).await;
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "the others are not slowed");
    let mut flood_refused = 0;
    for _ in 0..40 {
        let m = g.until(|m| m["type"] == "ack" || m["type"] == "refused").await.0;
        if m["message"] == "Du sender for hurtigt. Vent et øjeblik." {
            flood_refused += 1;
        }
    }
    assert!(flood_refused >= 20, "most of the flood is refused ({flood_refused})");
    // Oversized messages close the sender's connection.
    g.send_raw(&format!(r#"{{"id":"big","cmd":{{"type":"note","text":"{}"}}}}"#, "x".repeat(10_000))).await;
    assert!(g.is_closed().await, "the connection ends");

    // Step 5: next steps, then the end.
    f.ok(json!({"type": "advance"})).await;
    assert!(l.refused(json!({"type": "add_next_step", "text": "x", "owner": "", "card": null})).await.contains("Kun facilitator"));
    f.ok(json!({"type": "add_next_step", "text": "Introforløb for nye ledere", "owner": "HR", "card": "org-support"})).await;
    let (_, summary) = gitte.page(&format!("/live/{id}/summary")).await;
    assert!(summary.contains("Introforløb for nye ledere") && summary.contains("For mange opgaver på samme tid"), "the summary can be read before the end");
    assert!(summary.contains(&format!("/live/{id}/summary.docx")));
    assert_eq!(ole.get(&format!("/live/{id}/summary.docx")).await.status(), 404);
    if backend == Backend::Sqlite {
        let r = gitte.get(&format!("/live/{id}/summary.docx")).await;
        assert_eq!(r.status(), 200);
        if let Some(text) = crate::support::office::open_docx(&r.bytes().await.unwrap()) {
            for expected in ["Opsummering: Ledertrivsel i organisationen", "Gitte Gæst", "Introforløb for nye ledere", "For mange opgaver på samme tid", "Overbelastning og stress"] {
                assert!(text.contains(expected), "{expected} missing from:\n{text}");
            }
        }
    }
    f.ok(json!({"type": "end"})).await;
    assert_eq!(l.event("ended").await["event"]["type"], "ended");
    assert!(l.refused(json!({"type": "note", "text": "for sent"})).await.contains("afsluttet"));
    let (_, summary) = hr.page(&format!("/live/{id}/summary")).await;
    assert!(summary.contains("<th scope=\"row\">Gitte Gæst</th><td>Support</td>"), "after the reveal the summary shows every pick: {summary}");
    assert_eq!(nobody.page(&format!("/join/{code}")).await.0, 404, "an ended session cannot be joined");
    assert!(hr.page("/live").await.1.contains(&format!("/live/{id}/summary")), "the facilitator finds it again");

    // The thread across levels: the next steps go to the plan, once, by HR.
    assert!(!lis.page(&format!("/live/{id}/summary")).await.1.contains("/land"), "only the facilitator is offered it");
    assert_eq!(lis.post_form(&format!("/live/{id}/land"), &[]).await.status(), 403);
    assert!(summary.contains(&format!("/live/{id}/land")), "{summary}");
    let r = hr.post_form(&format!("/live/{id}/land"), &[]).await;
    assert_eq!(location(&r), format!("/live/{id}/summary?notice=no-plan"), "no plan yet: nothing saved");
    assert!(hr.page(&location(&r)).await.1.contains("Der er ingen åben plan"));
    let plan = ledertrivsel::tools::plan::store::start(&app.state.db, &org.id, &org.admin_person, "Plan 2027", app.state.clock.now()).await.unwrap();
    let r = hr.post_form(&format!("/live/{id}/land"), &[]).await;
    assert_eq!(location(&r), format!("/live/{id}/summary?notice=landed"));
    hr.post_form(&format!("/live/{id}/land"), &[]).await;
    let themes = ledertrivsel::tools::plan::store::themes(&app.state.db, &org.id, &plan).await.unwrap();
    assert_eq!(themes.len(), 1, "the step's theme is chosen in the plan");
    assert_eq!((themes[0].theme.as_str(), themes[0].card.actions.as_str()), ("org-support", "• Introforløb for nye ledere (HR)"), "saved once");
    let (_, summary) = hr.page(&format!("/live/{id}/summary")).await;
    assert!(summary.contains("De næste skridt blev gemt i planen") && !summary.contains(&format!("/live/{id}/land")));

    // A restarted server folds the same session from its log.
    if backend == Backend::Sqlite {
        let restarted = ledertrivsel::tools::live::room::Hub::start(app.state.db.clone(), app.state.clock.clone());
        let row = ledertrivsel::tools::live::store::session(&app.state.db, &domain::ids::LiveSessionId::parse(&id).unwrap()).await.unwrap().unwrap();
        let rules = ledertrivsel::tools::live::rules(&app.state, &row).await.unwrap().unwrap();
        let room = restarted.room(row, rules).await.unwrap();
        let again = room.state().await;
        assert!(again.ended && again.revealed);
        assert_eq!(again.seq, count_events(&app, &id).await);
        assert_eq!(again.next_steps.len(), 1);
        assert_eq!(again.votes[&3].len(), 3);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_runs_its_five_steps_over_websockets_sqlite() {
    five_steps(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_runs_its_five_steps_over_websockets_postgres() {
    five_steps(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn det_korte_moede_pairs_people_and_deals_cards() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let _org = app.org("Odder Kommune", "hr@odder.dk").await;
    let hr = app.signed_in("hr@odder.dk").await;
    let (id, code) = start(&app, &hr, "network:pair_interviews").await;
    let mut f = Ws::connect(&hr, &id, 0).await;
    assert!(f.refused(json!({"type": "advance"})).await.contains("mindst to"), "pairs need two people");
    let mut people = Vec::new();
    for name in ["Anna", "Bo", "Carl"] {
        let c = guest(&app.base, &code, name).await;
        people.push(Ws::connect(&c, &id, 0).await);
    }
    f.ok(json!({"type": "advance"})).await;
    let round = people[0].event("round").await["event"].clone();
    assert_eq!(round["round"], 1);
    let groups = round["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "three people make one group of three");
    assert_eq!(round["dealt"].as_array().unwrap().len(), 3, "a card each");
    f.ok(json!({"type": "timer", "seconds": 60})).await;
    f.ok(json!({"type": "next_round"})).await;
    let second = people[1].until(|m| m["event"]["type"] == "round" && m["event"]["round"] == 2).await.0["event"].clone();
    assert_eq!(second["round"], 2);
    assert_ne!(second["dealt"], round["dealt"], "cards move on");
    f.ok(json!({"type": "next_round"})).await;
    assert!(f.refused(json!({"type": "next_round"})).await.contains("alle runderne"));
    let (_, summary) = hr.page(&format!("/live/{id}/summary")).await;
    assert!(summary.contains("Anna") && summary.contains("Runder med nye par: 3"), "{summary}");
    f.ok(json!({"type": "advance"})).await;
    assert_eq!(people[2].event("stepped").await["event"]["step"], "close", "the interviews close");

    // A guest's browser that joins a second session is still known in the first.
    let (second, second_code) = start(&app, &hr, "network:pair_interviews").await;
    let anna = guest(&app.base, &code, "Anna igen").await;
    assert_eq!(anna.post_form(&format!("/join/{code}"), &[("name", "Anna igen")]).await.status(), 303, "a second join is the same participant");
    assert_eq!(anna.post_form(&format!("/join/{second_code}"), &[("name", "Anna")]).await.status(), 303);
    assert_eq!(anna.page(&format!("/live/{id}")).await.0, 200);
    assert_eq!(anna.page(&format!("/live/{second}")).await.0, 200);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM live_participants WHERE name = 'Anna igen'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_work_in_english_and_the_demo_has_a_finished_session() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let _org = app.org("Aarhus Kommune", "hr@aarhus.dk").await;
    let hr = app.signed_in("hr@aarhus.dk").await;
    hr.post_form("/language", &[("lang", "en"), ("next", "/live")]).await;
    let (status, body) = hr.page("/live").await;
    assert_eq!(status, 200);
    assert!(body.contains("Start a session") && body.contains("Join a session"), "{body}");
    let nobody = TestClient::new(&app.base);
    let (status, body) = nobody.page("/join").await;
    assert_eq!(status, 200, "joining needs no sign-in");
    assert!(body.contains("Kode"));
    assert_eq!(nobody.page("/join?code=0OIL").await.0, 422, "a malformed code gets a message");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organisations_own_card_joins_its_deck_and_live_sessions() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let org = app.org("Skive Kommune", "hr@skive.dk").await;
    app.person(&org, "Lis Leder", "lis@skive.dk", &[Role::Leader]).await;
    let other = app.org("Thisted Kommune", "hr@thisted.dk").await;
    app.person(&other, "Tom Thisted", "tom@thisted.dk", &[Role::Leader]).await;
    let hr = app.signed_in("hr@skive.dk").await;
    let card_da = "Hjemmearbejde\nMange ledere arbejder hjemme en dag om ugen.\n- Hvordan holder du kontakten til dine medarbejdere?";
    let card_en = "Working from home\nMany leaders work from home one day a week.\n- How do you stay in touch with your staff?";
    assert!(hr.page("/admin/catalogue").await.1.contains("section-organisation"), "the decks are sections of the catalogue");
    let r = hr.post_form("/admin/catalogue/items", &[("section", "organisation"), ("text_da", card_da), ("text_en", "")]).await;
    assert_eq!(r.status(), 422, "both languages are required");
    let r = hr.post_form("/admin/catalogue/items", &[("section", "organisation"), ("text_da", card_da), ("text_en", card_en)]).await;
    assert_eq!(r.status(), 303);
    let (item,): (String,) = sqlx::query_as("SELECT id FROM catalogue_items WHERE tool = 'cards'").fetch_one(&app.state.db.pool).await.unwrap();

    let lis = app.signed_in("lis@skive.dk").await;
    let (_, deck) = lis.page("/cards/organisation").await;
    assert!(deck.contains("Hjemmearbejde") && deck.contains("Hvordan holder du kontakten til dine medarbejdere?"), "{deck}");
    let (_, sheets) = lis.page("/cards/organisation/print").await;
    assert_eq!(sheets.matches("class=\"lt-cut-card\"").count(), 17, "16 theme cards and the own card");
    let tom = app.signed_in("tom@thisted.dk").await;
    assert!(!tom.page("/cards/organisation").await.1.contains("Hjemmearbejde"), "another organisation never sees it");

    let (id, code) = start(&app, &hr, "organisation:prioritise").await;
    assert!(hr.page(&format!("/live/{id}")).await.1.contains("Hjemmearbejde"), "the shared screen lays it out");
    assert_eq!(lis.post_form(&format!("/join/{code}"), &[]).await.status(), 303);
    let mut f = Ws::connect(&hr, &id, 0).await;
    let mut l = Ws::connect(&lis, &id, 0).await;
    f.ok(json!({"type": "advance"})).await;
    l.ok(json!({"type": "pick", "card": format!("own-{item}")})).await;
    assert!(lis.page(&format!("/live/{id}/summary")).await.1.contains("<td>Hjemmearbejde</td>"));

    // Hidden in the catalogue: gone from the deck.
    assert_eq!(hr.post_form(&format!("/admin/catalogue/items/{item}/visibility"), &[("hidden", "1")]).await.status(), 303);
    assert!(!lis.page("/cards/organisation").await.1.contains("Hjemmearbejde"));
    hr.post_form("/language", &[("lang", "en"), ("next", "/cards")]).await;
    hr.post_form(&format!("/admin/catalogue/items/{item}/visibility"), &[("hidden", "0")]).await;
    assert!(hr.page("/cards/organisation").await.1.contains("Working from home"), "in English as written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leader_group_sessions_next_steps_are_lifted_to_the_group() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let org = app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    let lis = app.person(&org, "Lis Leder", "lis@favrskov.dk", &[Role::Leader]).await;
    let anna = app.person(&org, "Anna Andersen", "anna@favrskov.dk", &[Role::Leader]).await;
    let group = app.group(&org, "Ledergruppe Syd", &lis, &[&anna]).await;
    let other = app.group(&org, "Ledergruppe Nord", &anna, &[]).await;
    let lis_c = app.signed_in("lis@favrskov.dk").await;
    let (id, code) = start(&app, &lis_c, "leader_group:prioritise").await;
    let anna_c = app.signed_in("anna@favrskov.dk").await;
    assert_eq!(anna_c.post_form(&format!("/join/{code}"), &[]).await.status(), 303);
    let mut f = Ws::connect(&lis_c, &id, 0).await;
    for _ in 0..4 {
        f.ok(json!({"type": "advance"})).await;
    }
    f.ok(json!({"type": "add_next_step", "text": "Fast sparringsmakker til alle", "owner": "Anna Andersen", "card": "lg-sparring"})).await;
    f.ok(json!({"type": "add_next_step", "text": "Dilemma som fast punkt på møderne", "owner": "", "card": null})).await;

    let (_, summary) = lis_c.page(&format!("/live/{id}/summary")).await;
    assert!(summary.contains("Send til ledergruppen") && summary.contains("Ledergruppe Syd") && !summary.contains("Ledergruppe Nord"), "{summary}");
    assert!(!anna_c.page(&format!("/live/{id}/summary")).await.1.contains("Send til ledergruppen"), "only the facilitator sends them");
    assert_eq!(lis_c.post_form(&format!("/live/{id}/land"), &[("group", other.as_str())]).await.status(), 400, "not her group");
    let r = lis_c.post_form(&format!("/live/{id}/land"), &[("group", group.as_str())]).await;
    assert_eq!(location(&r), format!("/live/{id}/summary?notice=lifted"));
    assert_eq!(location(&lis_c.post_form(&format!("/live/{id}/land"), &[("group", group.as_str())]).await), format!("/live/{id}/summary?notice=landed"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM lifts WHERE source_kind = 'live_step'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 2, "one lift per next step, sent once");
    let (_, inbox) = lis_c.page(&format!("/groups/{group}/inbox")).await;
    assert!(inbox.contains("• Fast sparringsmakker til alle (Anna Andersen)") && inbox.contains("Fra en dialogsession med kortene"), "{inbox}");
    assert!(lis_c.page(&format!("/live/{id}/summary")).await.1.contains("De næste skridt blev sendt til ledergruppen"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_persons_name_leaves_the_sessions_they_took_part_in() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let org = app.org("Lemvig Kommune", "hr@lemvig.dk").await;
    app.person(&org, "Lis Leder", "lis@lemvig.dk", &[Role::Leader]).await;
    let hr = app.signed_in("hr@lemvig.dk").await;
    let (id, code) = start(&app, &hr, "organisation:prioritise").await;
    // The facilitator's screen stays connected: the room is in use throughout.
    let mut f = Ws::connect(&hr, &id, 0).await;
    let lis = app.signed_in("lis@lemvig.dk").await;
    assert_eq!(lis.post_form(&format!("/join/{code}"), &[]).await.status(), 303);
    let mut l = Ws::connect(&lis, &id, 0).await;
    l.ok(json!({"type": "note", "text": "Travlt i december"})).await;
    l.close().await;
    assert!(hr.page(&format!("/live/{id}/summary")).await.1.contains("Lis Leder"));
    let r = lis.post_form("/account/delete", &[("password", crate::support::app::PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    let (_, summary) = hr.page(&format!("/live/{id}/summary")).await;
    assert!(!summary.contains("Lis Leder") && summary.contains("Travlt i december"), "the name goes, what was said stays: {summary}");
    let bodies: Vec<(String,)> = sqlx::query_as("SELECT body FROM live_events WHERE session_id = $1").bind(&id).fetch_all(&app.state.db.pool).await.unwrap();
    assert!(bodies.iter().all(|(b,)| !b.contains("Lis Leder")), "not in the log either");
    // Nor in the room in memory: a screen that connects afresh gets the log without it.
    let mut again = Ws::connect(&hr, &id, 0).await;
    let (noted, before) = again.until(|m| m["type"] == "event" && m["event"]["type"] == "noted").await;
    assert!(before.iter().chain([&noted]).all(|m| !m.to_string().contains("Lis Leder")), "{before:?}");
    f.ok(json!({"type": "advance"})).await;
    assert_eq!(again.event("stepped").await["event"]["step"], "pick", "the room goes on");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_one_to_one_sessions_next_steps_go_into_the_leaders_own_agreement() {
    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
    let org = app.org("Struer Kommune", "hr@struer.dk").await;
    app.person(&org, "Jens Chef", "jens@struer.dk", &[Role::Leader]).await;
    let lis = app.person(&org, "Lis Leder", "lis@struer.dk", &[Role::Leader]).await;
    let jens = app.signed_in("jens@struer.dk").await;
    let (id, code) = start(&app, &jens, "one_to_one:prioritise").await;
    let lis_c = app.signed_in("lis@struer.dk").await;
    assert_eq!(lis_c.post_form(&format!("/join/{code}"), &[]).await.status(), 303);
    let mut f = Ws::connect(&jens, &id, 0).await;
    for _ in 0..4 {
        f.ok(json!({"type": "advance"})).await;
    }
    f.ok(json!({"type": "add_next_step", "text": "Vi tager en kort status hver fredag", "owner": "Jens Chef", "card": null})).await;
    assert!(!lis_c.page(&format!("/live/{id}/summary")).await.1.contains("Føj til min lederaftale"), "no current agreement, nothing to add to");

    let mut tx = app.state.db.pool.begin().await.unwrap();
    let period = domain::agreement::Period::starting(app.state.clock.today());
    let agreement = ledertrivsel::tools::dialog::store::start(&mut tx, &org.id, &lis, period, None, app.state.clock.now()).await.unwrap();
    tx.commit().await.unwrap();
    assert!(lis_c.page(&format!("/live/{id}/summary")).await.1.contains("Føj til min lederaftale"));
    let r = lis_c.post_form(&format!("/live/{id}/land"), &[]).await;
    assert_eq!(location(&r), format!("/live/{id}/summary?notice=agreement"));
    assert_eq!(location(&lis_c.post_form(&format!("/live/{id}/land"), &[]).await), format!("/live/{id}/summary?notice=landed"), "once");
    let points = ledertrivsel::tools::dialog::store::points(&app.state.db, &org.id, &agreement).await.unwrap();
    assert_eq!(points.len(), 1);
    assert_eq!((points[0].kind, points[0].text.as_str(), points[0].rhythm), (domain::agreement::PointKind::ManagerCommitment, "Vi tager en kort status hver fredag", domain::agreement::Rhythm::AtDialog));
    assert!(lis_c.page("/dialog/agreement").await.1.contains("Vi tager en kort status hver fredag"));
    assert!(jens.page(&format!("/live/{id}/summary")).await.1.contains("De næste skridt blev føjet til en lederaftale"));
}
