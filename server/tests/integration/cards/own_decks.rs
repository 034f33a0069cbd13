//! An organisation's own decks: HR makes one used like a shipped deck, adds
//! its cards in the catalogue, renames and hides it; leaders read, print and
//! run it live; bad input changes nothing; another organisation never finds
//! it; only HR manages it.

use crate::live::start;
use crate::support::app::location;
use crate::support::{Backend, TestApp};
use domain::roles::Role;

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&app.state.db.pool).await.unwrap();
    n
}

async fn own_deck_made_filled_run_and_hidden(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let org = app.org("Skive Kommune", "hr@skive.dk").await;
    app.person(&org, "Lis Leder", "lis@skive.dk", &[Role::Leader]).await;
    app.org("Thisted Kommune", "hr@thisted.dk").await;
    let hr = app.signed_in("hr@skive.dk").await;
    let lis = app.signed_in("lis@skive.dk").await;
    let tom = app.signed_in("hr@thisted.dk").await;

    assert!(hr.page("/cards").await.1.contains("href=\"/cards/new\""), "HR is offered a new deck");
    assert!(!lis.page("/cards").await.1.contains("href=\"/cards/new\""));
    assert_eq!(lis.page("/cards/new").await.0, 403, "only HR makes decks");
    let valid = [
        ("template", "leader_group"),
        ("title_da", "Ledelse på afstand"),
        ("title_en", "Leading at a distance"),
        ("summary_da", "Kort om hjemmearbejde og flere matrikler."),
        ("summary_en", "Cards on working from home and several sites."),
    ];
    assert_eq!(lis.post_form("/cards/new", &valid).await.status(), 403);

    // Bad input: a clear message for each field, nothing written.
    let (status, body) = hr.page("/cards/new").await;
    assert_eq!(status, 200);
    assert!(body.contains("value=\"leader_group\"") && body.contains("value=\"network\""), "every shipped deck is a way to use it");
    let bad = [("template", "poker"), ("title_da", ""), ("title_en", "Leading"), ("summary_da", "Kort."), ("summary_en", "")];
    let r = hr.post_form("/cards/new", &bad).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    for message in ["Vælg, hvordan kortsættet skal bruges.", "Giv kortsættet et navn.", "Skriv en tekst"] {
        assert!(body.contains(message), "{message}: {body}");
    }
    assert!(body.contains("value=\"Leading\""), "what was typed stays in the form");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM own_decks").await, 0);

    let r = hr.post_form("/cards/new", &valid).await;
    assert_eq!(r.status(), 303);
    let deck = location(&r);
    let code = deck.trim_start_matches("/cards/").to_string();
    assert!(code.starts_with("own-"), "{deck}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'own-deck-added'").await, 1);

    // Empty: it says so, and cannot run live yet.
    let (status, body) = lis.page(&deck).await;
    assert_eq!(status, 200);
    assert!(body.contains("Ledelse på afstand") && body.contains("Jeres eget kortsæt") && body.contains("Kortsættet har endnu ingen kort."), "{body}");
    assert!(!body.contains("Kør live") && !body.contains("Tilføj et kort"), "no cards to run; only HR adds them");
    assert!(!hr.page("/live").await.1.contains(&code));
    assert_eq!(hr.post_form("/live", &[("kind", &format!("{code}:prioritise"))]).await.status(), 422);

    // Cards in the catalogue, in the deck's own section; back to the deck.
    assert!(hr.page(&deck).await.1.contains(&format!("/admin/catalogue/new?section={code}")));
    let (_, form) = hr.page(&format!("/admin/catalogue/new?section={code}")).await;
    assert!(form.contains("Tilføj dialogkort") && form.contains("Kortet på dansk"), "the form speaks of cards");
    for (da, en) in [
        ("Hjemmearbejde\nMange arbejder hjemme.\n- Hvordan holder du kontakten?", "Working from home\nMany work from home.\n- How do you keep in touch?"),
        ("Flere matrikler\nLangt mellem stederne.\n- Hvordan fordeler du tiden?", "Several sites\nFar between the sites.\n- How do you share your time?"),
    ] {
        let r = hr.post_form("/admin/catalogue/items", &[("section", code.as_str()), ("text_da", da), ("text_en", en)]).await;
        assert_eq!(location(&r), deck, "back to the deck");
    }
    assert!(hr.page("/admin/catalogue").await.1.contains(&format!("section-{code}")), "the deck is a section of the catalogue");
    let (item,): (String,) = sqlx::query_as("SELECT id FROM catalogue_items WHERE section = $1 ORDER BY position DESC").bind(&code).fetch_one(&app.state.db.pool).await.unwrap();
    let edited = [("text_da", "Flere matrikler\nLangt mellem stederne.\n- Hvordan fordeler du tiden?\n- Hvem holder øje, når du er væk?"), ("text_en", "Several sites\nFar between the sites.\n- How do you share your time?\n- Who keeps an eye when you are away?")];
    assert_eq!(location(&hr.post_form(&format!("/admin/catalogue/items/{item}"), &edited).await), deck, "an edited card is shown on its deck");
    let (_, body) = lis.page(&deck).await;
    assert!(body.contains("Hjemmearbejde") && body.contains("Hvordan fordeler du tiden?") && body.contains("Kør live"), "{body}");
    let (_, index) = lis.page("/cards").await;
    let entry = index.split("Ledelse på afstand").nth(1).unwrap_or_default();
    assert!(entry.contains("· 2 kort"), "the own deck's two cards: {index}");
    assert_eq!(lis.page(&format!("{deck}/print")).await.1.matches("class=\"lt-cut-card\"").count(), 2);
    assert_eq!(lis.page(&format!("{deck}/reflect")).await.0, 404, "used like the leader group deck: no solo notes");

    // Another organisation: not found anywhere, and cannot add to it.
    assert_eq!(tom.page(&deck).await.0, 404);
    assert_eq!(tom.page(&format!("{deck}/print")).await.0, 404);
    assert_eq!(tom.page(&format!("{deck}/edit")).await.0, 404);
    assert!(!tom.page("/cards").await.1.contains("Ledelse på afstand"));
    assert_eq!(tom.post_form(&format!("{deck}/visibility"), &[("hidden", "1")]).await.status(), 404);
    let r = tom.post_form("/admin/catalogue/items", &[("section", code.as_str()), ("text_da", "Snyd"), ("text_en", "Cheat")]).await;
    assert_eq!(r.status(), 422, "not a section of his catalogue");
    assert_eq!(tom.post_form("/live", &[("kind", &format!("{code}:prioritise"))]).await.status(), 422);

    // Run live by a leader, with the leader group's procedure and the deck's cards.
    let option = format!("value=\"{code}:prioritise\"");
    assert!(lis.page("/live").await.1.contains(&option));
    assert_eq!(lis.post_form("/live", &[("kind", &format!("{code}:pair_interviews"))]).await.status(), 422, "not a way this deck is used");
    let (id, _) = start(&app, &lis, &format!("{code}:prioritise")).await;
    let (_, screen) = lis.page(&format!("/live/{id}")).await;
    assert!(screen.contains("Ledelse på afstand") && screen.contains("Flere matrikler"), "{screen}");
    let row = ledertrivsel::tools::live::store::session(&app.state.db, &domain::ids::LiveSessionId::parse(&id).unwrap()).await.unwrap().unwrap();
    let rules = ledertrivsel::tools::live::rules(&app.state, &row).await.unwrap().unwrap();
    assert_eq!(rules.cards.len(), 2, "the own cards are what is played");
    // A card added once the session runs stays out of it, also when its room
    // is folded again from the database (a restart): the cards were fixed at
    // the start.
    let late = [("section", code.as_str()), ("text_da", "Sent kort"), ("text_en", "Late card")];
    assert_eq!(hr.post_form("/admin/catalogue/items", &late).await.status(), 303);
    let row = ledertrivsel::tools::live::store::session(&app.state.db, &domain::ids::LiveSessionId::parse(&id).unwrap()).await.unwrap().unwrap();
    assert_eq!(ledertrivsel::tools::live::rules(&app.state, &row).await.unwrap().unwrap().cards, rules.cards);
    assert!(!lis.page(&format!("/live/{id}")).await.1.contains("Sent kort"));
    assert!(lis.page(&deck).await.1.contains("Sent kort"), "the deck has it");

    // Renamed: the template stays whatever is posted.
    let renamed = [("template", "network"), ("title_da", "Afstandsledelse"), ("title_en", "Distance leadership"), ("summary_da", "Nye ord."), ("summary_en", "New words.")];
    assert_eq!(lis.post_form(&format!("{deck}/edit"), &renamed).await.status(), 403);
    assert_eq!(hr.post_form(&format!("{deck}/edit"), &[("title_da", ""), ("title_en", "x"), ("summary_da", "x"), ("summary_en", "x")]).await.status(), 422);
    assert_eq!(location(&hr.post_form(&format!("{deck}/edit"), &renamed).await), deck);
    let (template, title): (String, String) = sqlx::query_as("SELECT template, title_da FROM own_decks").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!((template.as_str(), title.as_str()), ("leader_group", "Afstandsledelse"));

    // Hidden: gone from the lists and the start form; what was run stays readable.
    assert_eq!(hr.post_form(&format!("{deck}/visibility"), &[("hidden", "maybe")]).await.status(), 400);
    assert_eq!(hr.post_form(&format!("{deck}/visibility"), &[("hidden", "1")]).await.status(), 303);
    assert!(!lis.page("/cards").await.1.contains("Afstandsledelse"));
    assert!(hr.page("/cards").await.1.contains("Afstandsledelse"), "HR still finds it, to show it again");
    assert!(!lis.page("/live").await.1.contains(&option));
    assert_eq!(lis.post_form("/live", &[("kind", &format!("{code}:prioritise"))]).await.status(), 422);
    let (status, body) = lis.page(&deck).await;
    assert!(status == 200 && body.contains("Kortsættet er skjult"), "{body}");
    assert!(!body.contains("Kør live"));
    assert!(lis.page(&format!("/live/{id}")).await.1.contains("Afstandsledelse"));
    assert!(lis.page(&format!("/live/{id}/summary")).await.1.contains("Afstandsledelse"));
    assert!(lis.page("/live").await.1.contains(&format!("/live/{id}")), "the session stays in her list");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action IN ('own-deck-edited', 'own-deck-hidden')").await, 2);

    // In English as written.
    assert_eq!(hr.post_form(&format!("{deck}/visibility"), &[("hidden", "0")]).await.status(), 303);
    lis.post_form("/language", &[("lang", "en"), ("next", "/cards")]).await;
    let (_, body) = lis.page(&deck).await;
    assert!(body.contains("Distance leadership") && body.contains("Several sites") && body.contains("Your own deck"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_own_deck_is_made_filled_run_and_hidden() {
    own_deck_made_filled_run_and_hidden(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_own_deck_is_made_filled_run_and_hidden_postgres() {
    own_deck_made_filled_run_and_hidden(Backend::Postgres).await;
}
