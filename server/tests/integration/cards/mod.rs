//! The dialog cards' decks as pages: every signed-in person reads a deck
//! with its procedures and prints it as cut-out sheets; an unknown deck is
//! 404; nobody signed out reads them.

mod own_decks;

use crate::support::browser::{Browser, DESKTOP};
use crate::support::TestApp;
use domain::roles::Role;
use scraper::{Html, Selector};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decks_read_and_print_as_cut_out_sheets() {
    let app = TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    app.person(&org, "Lis Leder", "lis@randers.dk", &[Role::Leader]).await;
    assert_eq!(app.client().get("/cards").await.status(), 303, "signed out: to the sign-in");
    let lis = app.signed_in("lis@randers.dk").await;
    let (status, body) = lis.page("/cards").await;
    assert_eq!(status, 200);
    assert!(body.contains("/cards/organisation") && body.contains("/cards/wellbeing"), "{body}");
    assert!(lis.page("/").await.1.contains("href=\"/cards\""), "the start page offers the decks");

    let (status, body) = lis.page("/cards/organisation").await;
    assert_eq!(status, 200);
    let doc = Html::parse_document(&body);
    assert_eq!(doc.select(&Selector::parse(".lt-deck-card").unwrap()).count(), 16, "the organisation deck's 16 theme cards");
    assert!(body.contains("Onboarding") && body.contains("Anerkendelse"));

    let (status, body) = lis.page("/cards/organisation/print").await;
    assert_eq!(status, 200);
    let doc = Html::parse_document(&body);
    let sheets: Vec<usize> = doc.select(&Selector::parse(".lt-sheet").unwrap()).map(|s| s.select(&Selector::parse(".lt-cut-card").unwrap()).count()).collect();
    assert_eq!(sheets, [6, 6, 4], "six cards to a sheet");
    let (_, body) = lis.page("/cards/wellbeing/print").await;
    assert_eq!(Html::parse_document(&body).select(&Selector::parse(".lt-cut-card").unwrap()).count(), 16, "14 questions, a start and an end card");

    assert_eq!(lis.page("/cards/poker").await.0, 404);
    assert_eq!(lis.page("/cards/poker/print").await.0, 404);

    // The leader-wellbeing cards used alone: notes saved as typed, private to the leader.
    assert_eq!(lis.page("/cards/organisation/reflect").await.0, 404, "a deck for groups has no page for one's own notes");
    assert_eq!(lis.page("/cards/wellbeing/reflect").await.0, 200);
    let r = lis.post_form("/cards/wellbeing/notes/w-role", &[("text", "Jeg trives bedst, når jeg har tid til mine medarbejdere")]).await;
    assert_eq!(r.status(), 204);
    assert!(lis.page("/cards/wellbeing/reflect").await.1.contains("Jeg trives bedst, når jeg har tid til mine medarbejdere"));
    let hr = app.signed_in("hr@randers.dk").await;
    assert!(!hr.page("/cards/wellbeing/reflect").await.1.contains("Jeg trives bedst"), "another person never sees it");
    let long = "x".repeat(4001);
    assert_eq!(lis.post_form("/cards/wellbeing/notes/w-role", &[("text", long.as_str())]).await.status(), 422);
    assert_eq!(lis.post_form("/cards/wellbeing/notes/w-nothing", &[("text", "x")]).await.status(), 404);
    let r = lis.post_form("/cards/wellbeing/reflect", &[("note-w-start", "Ny note"), ("note-w-role", long.as_str())]).await;
    assert_eq!(r.status(), 422, "a note too long refuses the whole form");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM card_notes").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 1, "nothing of the refused form was saved");
    let r = lis.post_form("/cards/wellbeing/reflect", &[("note-w-start", "Ny note"), ("note-w-role", "")]).await;
    assert_eq!(r.status(), 200);
    let notes: Vec<(String, String)> = sqlx::query_as("SELECT card, text FROM card_notes").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(notes, [("w-start".to_string(), "Ny note".to_string())], "an emptied note is removed");

    // In English too.
    lis.post_form("/language", &[("lang", "en"), ("next", "/cards")]).await;
    assert!(lis.page("/cards/organisation").await.1.contains("How you use the cards"));

    let Some(browser) = Browser::launch().await else {
        eprintln!("browser part not run: Chromium/ChromeDriver missing");
        return;
    };
    // An own deck with a card, for HR's pages.
    let hr = app.signed_in("hr@randers.dk").await;
    let own = [("template", "wellbeing"), ("title_da", "Vores kort"), ("title_en", "Our cards"), ("summary_da", "Egne spørgsmål."), ("summary_en", "Own questions.")];
    let deck = crate::support::app::location(&hr.post_form("/cards/new", &own).await);
    let code = deck.trim_start_matches("/cards/").to_string();
    let card = [("section", code.as_str()), ("text_da", "Pauser\n- Hvornår holdt du sidst pause?"), ("text_en", "Breaks\n- When did you last take a break?")];
    assert_eq!(hr.post_form("/admin/catalogue/items", &card).await.status(), 303);
    browser.set_size(DESKTOP.0, DESKTOP.1).await;
    browser.sign_in(&app.base, "hr@randers.dk").await;
    let pages = [
        ("/cards".to_string(), "cards-index"),
        ("/cards/organisation".to_string(), "cards-deck"),
        ("/cards/organisation/print".to_string(), "cards-print"),
        ("/cards/wellbeing/reflect".to_string(), "cards-reflect"),
        ("/cards/new".to_string(), "cards-own-new"),
        (deck.clone(), "cards-own-deck"),
        (format!("{deck}/edit"), "cards-own-edit"),
        (format!("{deck}/reflect"), "cards-own-reflect"),
        (format!("/admin/catalogue/new?section={code}"), "cards-own-card-form"),
    ];
    for (path, name) in pages {
        browser.client().goto(&format!("{}{path}", app.base)).await.unwrap();
        browser.check_page(name).await;
    }
    browser.close().await;
}
