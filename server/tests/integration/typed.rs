//! Typed words are never lost (issue 17, item 1), and a saved message is
//! shown where the person acted (item 7), in a real browser at desktop and
//! phone width. Each test performs the sequence that lost words: type in one
//! form, send another form on the same page, and look for the words on the
//! page that comes back and in the database.

use crate::agreement::{ROWS, points_of, save_agreement, team};
use crate::apv::{handed_in, nord, start_round, themes};
use crate::support::browser::{Browser, DESKTOP, PHONE};
use serde_json::json;

/// A picture of what the person sees now (the viewport, scrolled as it is),
/// in `target/tmp/screens/typed-<name>.png`, to look at.
async fn seen(b: &Browser, name: &str) {
    let shots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screens");
    std::fs::create_dir_all(&shots).unwrap();
    b.screenshot(&shots.join(format!("typed-{name}.png"))).await;
}

/// Whether any field on the page holds exactly `text`.
async fn on_screen(b: &Browser, text: &str) -> bool {
    let found = b
        .client()
        .execute(
            "return [...document.querySelectorAll('textarea, input[type=text]')].some(f => f.value === arguments[0]);",
            vec![json!(text)],
        )
        .await
        .unwrap();
    found == json!(true)
}

/// The page's messages (notices and error summaries), for assertions and failures.
async fn alerts(b: &Browser) -> String {
    let said = b
        .client()
        .execute("return [...document.querySelectorAll('.alert')].map(a => a.textContent.trim()).join(' | ');", vec![])
        .await
        .unwrap();
    said.as_str().unwrap_or_default().to_string()
}

async fn launch() -> Option<Browser> {
    let b = Browser::launch().await;
    if b.is_none() {
        eprintln!("browser test not run: Chromium/ChromeDriver missing");
    }
    b
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_agreement_point_survives_saving_the_sharing() {
    let Some(b) = launch().await else { return };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    assert_eq!(save_agreement(&mette, ROWS).await.status(), 303);
    let base = app.base.clone();
    b.sign_in(&base, "mette@aarhus.dk").await;
    for ((w, h), words) in [
        (DESKTOP, "Fri fredag eftermiddag"),
        (PHONE, "Ingen møder før ni"),
    ] {
        b.set_size(w, h).await;
        b.client()
            .goto(&format!("{base}/dialog/agreement"))
            .await
            .unwrap();
        // The first empty row for a goal: a new point.
        let field = b
            .client()
            .execute(
                "const p = [...document.querySelectorAll('input[name$=\"-kind\"][value=goal]')].map(i => i.name.slice(0, -5))\
                 .find(p => document.querySelector(`[name=\"${p}-id\"]`).value === '' && document.querySelector(`[name=\"${p}-text\"]`).value === '');\
                 return p + '-text';",
                vec![],
            )
            .await
            .unwrap();
        b.fill(field.as_str().unwrap(), words).await;
        // A point not yet shared is ticked.
        let share = b
            .find("input[id^='share-']:not(:checked)")
            .await
            .attr("id")
            .await
            .unwrap()
            .unwrap();
        b.click(&format!("label[for='{share}']")).await;
        b.submit("form[action='/dialog/agreement/share'] button[type=submit]:not([name])")
            .await;
        let said = alerts(&b).await;
        assert!(
            said.contains("Delingen er gemt"),
            "after \"Gem deling\" the page says: {said}"
        );
        seen(&b, &format!("agreement-shared-{w}")).await;
        assert!(
            on_screen(&b, words).await,
            "the new point \"{words}\" is gone after \"Gem deling\" ({w} px)"
        );
        assert!(
            points_of(&app, &t.mette).await.iter().any(|p| p.2 == words),
            "the new point \"{words}\" was not stored ({w} px)"
        );
    }
    b.close().await;
}

/// A round of Ledergruppe Nord with four answers, its picture shown at the
/// meeting; returns the round's id.
async fn round_at_the_meeting(app: &crate::support::TestApp, group: &str) -> String {
    let lis = app.signed_in("lis@randers.dk").await;
    let round = start_round(&lis, group).await;
    let revs = themes(&lis, &round).await;
    for email in [
        "lis@randers.dk",
        "anna@randers.dk",
        "bo@randers.dk",
        "carl@randers.dk",
    ] {
        let c = app.signed_in(email).await;
        handed_in(
            &c,
            &round,
            &revs,
            &[(0, "red", "Travlhed"), (1, "yellow", ""), (2, "green", "")],
        )
        .await;
    }
    lis.reveal(&format!("/apv/rounds/{round}")).await;
    round
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn apv_placements_and_plan_text_survive_the_next_button() {
    let Some(b) = launch().await else { return };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let n = nord(&app).await;
    let round = round_at_the_meeting(&app, &n.group).await;
    let base = app.base.clone();
    b.sign_in(&base, "lis@randers.dk").await;
    let placements = || async {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT colour, level FROM apv_sorting WHERE round_id = $1")
                .bind(&round)
                .fetch_all(&app.state.db.pool)
                .await
                .unwrap();
        rows
    };
    let mut plans = Vec::new();
    for ((w, h), level) in [(DESKTOP, "group"), (PHONE, "organisation")] {
        // The meeting: "Placering" set, then "Vælg og lav handlingsplan".
        b.set_size(w, h).await;
        b.client()
            .goto(&format!("{base}/apv/rounds/{round}/meeting"))
            .await
            .unwrap();
        let select = b.find("#sorting select").await;
        let id = select.attr("id").await.unwrap().unwrap();
        select.select_by_value(level).await.unwrap();
        let chosen = b
            .find("form[action$='/choose'] input[name=theme]")
            .await
            .attr("id")
            .await
            .unwrap()
            .unwrap();
        b.click(&format!("label[for='{chosen}']")).await;
        b.submit("form[action$='/choose'] button[type=submit]")
            .await;
        let said = alerts(&b).await;
        assert!(
            said.contains("Temaet er valgt"),
            "after choosing the page says: {said}"
        );
        let shown = b
            .find(&format!("[id='{id}']"))
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            shown.as_deref(),
            Some(level),
            "the placement is gone after choosing a theme ({w} px)"
        );
        assert!(
            placements().await.iter().any(|(_, l)| l == level),
            "the placement {level} was not stored ({w} px)"
        );

        // Skema 3: the plan's text typed, then "Tilføj handlingen".
        let link = b
            .find("#plans ~ ul li:last-child a[href^='/apv/plans/']")
            .await
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        plans.push(link.clone());
        b.client().goto(&format!("{base}{link}")).await.unwrap();
        let issue = format!("For mange opgaver på én gang ({w})");
        b.fill("issue", &issue).await;
        b.fill("text", "Ugentligt prioriteringsmøde").await;
        b.client()
            .execute(
                "document.getElementById('due_on').value = '2030-01-31';",
                vec![],
            )
            .await
            .unwrap();
        b.submit("form[action$='/actions'] button[type=submit]")
            .await;
        let said = alerts(&b).await;
        assert!(
            b.text("section[aria-labelledby=actions]")
                .await
                .contains("Ugentligt prioriteringsmøde"),
            "the action was not added: {said}"
        );
        seen(&b, &format!("apv-plan-action-added-{w}")).await;
        assert!(
            on_screen(&b, &issue).await,
            "the plan's text is gone after \"Tilføj handlingen\" ({w} px)"
        );
        let stored: (String,) = sqlx::query_as("SELECT issue FROM apv_plans WHERE id = $1")
            .bind(link.trim_start_matches("/apv/plans/"))
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        assert_eq!(stored.0, issue, "the plan's text was not stored ({w} px)");
    }
    assert_eq!(plans.len(), 2);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_saved_message_is_where_the_comment_was_written_and_has_focus() {
    let Some(b) = launch().await else { return };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let t = team(&app).await;
    let mette = app.signed_in("mette@aarhus.dk").await;
    assert_eq!(save_agreement(&mette, ROWS).await.status(), 303);
    let ids: Vec<String> = points_of(&app, &t.mette)
        .await
        .into_iter()
        .map(|p| p.0)
        .collect();
    let fields: Vec<(&str, &str)> = ids.iter().map(|id| ("point", id.as_str())).collect();
    assert_eq!(
        mette
            .post_form("/dialog/agreement/share", &fields)
            .await
            .status(),
        303
    );
    let base = app.base.clone();
    b.sign_in(&base, "mette@aarhus.dk").await;
    for (w, h) in [(375, 667), DESKTOP] {
        b.set_size(w, h).await;
        b.client()
            .goto(&format!("{base}/dialog/agreement"))
            .await
            .unwrap();
        b.fill(
            "comment",
            &format!("Kan vi tage punkterne på mandag? ({w})"),
        )
        .await;
        b.submit("form.lt-comment-form button[type=submit]").await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let seen = loop {
            let seen = b
            .client()
            .execute(
                "const n = document.querySelector('.alert-success[role=status]'); if (!n) return 'no notice';\
                 const r = n.getBoundingClientRect();\
                 if (r.top < 0 || r.bottom > window.innerHeight) return 'out of view: ' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' of ' + window.innerHeight;\
                 if (document.activeElement !== n) return 'focus is on ' + document.activeElement.tagName + '#' + document.activeElement.id;\
                 return n.textContent.trim();",
                vec![],
            )
            .await
            .unwrap();
            if seen
                .as_str()
                .unwrap_or("")
                .contains("Din kommentar er sendt")
                || std::time::Instant::now() > deadline
            {
                break seen;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        self::seen(&b, &format!("agreement-commented-{w}")).await;
        assert!(
            seen.as_str()
                .unwrap_or("")
                .contains("Din kommentar er sendt"),
            "the saved message at {w} px: {seen}"
        );
    }
    b.check_page("typed-agreement-commented").await;
    b.close().await;
}

/// People HR has added but not invited: (name, address).
async fn not_invited(hr: &crate::support::TestClient, people: &[(&str, &str)]) {
    for (name, email) in people {
        let r = hr
            .post_form(
                "/admin/people",
                &[("name", name), ("email", email), ("roles", "leader")],
            )
            .await;
        assert_eq!(r.status(), 303, "adding {name}");
    }
}

// "Invitér alle" asks first: without JavaScript its link is a page with the
// question, and nothing is sent until the question's form is posted.
crate::both_backends!(
    inviting_everyone_asks_first_without_javascript,
    |app: crate::support::TestApp| async move {
        app.org("Favrskov Kommune", "hr@favrskov.dk").await;
        let hr = app.signed_in("hr@favrskov.dk").await;
        not_invited(
            &hr,
            &[
                ("Mette Østergaard", "mette@favrskov.dk"),
                ("Lars Leder", "lars@favrskov.dk"),
            ],
        )
        .await;
        let (status, list) = hr.page("/admin/people").await;
        assert_eq!(status, 200);
        assert!(
            list.contains("href=\"/admin/people/invite-all\" data-ask=\"ask-invite-all\""),
            "{list}"
        );
        assert!(
            !list.contains("action=\"/admin/people/invite-all\" class=\"lt-inline\""),
            "no longer one click"
        );
        let (status, body) = hr.page("/admin/people/invite-all").await;
        assert_eq!(status, 200);
        assert!(
            body.contains("Send invitationerne nu?")
                && body.contains("De 2 personer")
                && body.contains("Ja, send 2 invitationer"),
            "{body}"
        );
        assert!(
            app.mails_to("mette@favrskov.dk").is_empty(),
            "asking sends nothing"
        );
        let r = hr.post_form("/admin/people/invite-all", &[]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.mails_to("mette@favrskov.dk").len(), 1);
        assert_eq!(app.mails_to("lars@favrskov.dk").len(), 1);
        // Nobody left: nothing to ask.
        let r = hr.get("/admin/people/invite-all").await;
        assert_eq!(
            (r.status().as_u16(), crate::support::app::location(&r)),
            (303, "/admin/people".to_string())
        );
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inviting_everyone_asks_in_a_dialog_first() {
    let Some(b) = launch().await else { return };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    app.org("Favrskov Kommune", "hr@favrskov.dk").await;
    not_invited(
        &app.signed_in("hr@favrskov.dk").await,
        &[("Mette Østergaard", "mette@favrskov.dk")],
    )
    .await;
    let base = app.base.clone();
    b.sign_in(&base, "hr@favrskov.dk").await;
    for (w, h) in [(375, 667), DESKTOP] {
        b.set_size(w, h).await;
        b.client()
            .goto(&format!("{base}/admin/people"))
            .await
            .unwrap();
        b.click("a[data-ask='ask-invite-all']").await;
        let open = b
            .client()
            .execute(
                "return document.getElementById('ask-invite-all').open;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(open, json!(true), "the question is asked at {w} px");
        assert_eq!(
            b.client().current_url().await.unwrap().path(),
            "/admin/people",
            "in a dialog on the page"
        );
        seen(&b, &format!("invite-all-asked-{w}")).await;
        b.click("#ask-invite-all [data-ask-cancel]").await;
        let open = b
            .client()
            .execute(
                "return document.getElementById('ask-invite-all').open;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(open, json!(false), "cancel closes it");
        assert!(
            app.mails_to("mette@favrskov.dk").is_empty(),
            "nothing sent before the answer"
        );
    }
    b.click("a[data-ask='ask-invite-all']").await;
    b.check_page("typed-invite-all-asked").await;
    b.submit("#ask-invite-all button[type=submit]").await;
    assert_eq!(app.mails_to("mette@favrskov.dk").len(), 1);
    b.close().await;
}

/// The import preview: the person corrects the bad line in the text box,
/// then presses "import the good rows" instead of checking again. The good
/// rows are imported, and the corrections are still in the box on the page
/// that comes back (it used to show the file as first sent).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corrections_on_the_import_preview_survive_importing_the_good_rows() {
    let Some(b) = launch().await else { return };
    let app = crate::support::TestApp::spawn(crate::support::Backend::Sqlite).await.unwrap();
    app.org("Silkeborg Kommune", "hr@silkeborg.dk").await;
    let base = app.base.clone();
    b.sign_in(&base, "hr@silkeborg.dk").await;
    b.client().goto(&format!("{base}/admin/import")).await.unwrap();
    let file = "Navn;E-mail;Enhed;Nærmeste leder;Roller\nAnna Andersen;anna@silkeborg.dk;;;leder\nBo Berg;bo-uden-snabel-a;;;leder";
    b.fill("text", file).await;
    b.submit("form[action='/admin/import'] button[type=submit]").await;
    let corrected = "Navn;E-mail;Enhed;Nærmeste leder;Roller\nAnna Andersen;anna@silkeborg.dk;;;leder\nBo Berg;bo@silkeborg.dk;;;leder";
    b.fill("text", corrected).await;
    b.submit("form[action='/admin/import/confirm'] button[type=submit]").await;
    seen(&b, "import-corrected").await;
    assert!(on_screen(&b, corrected).await, "the corrected line is gone after importing the good rows: {}", alerts(&b).await);
    let (people,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM persons WHERE name = 'Anna Andersen'").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(people, 1, "the good row was imported");
    b.close().await;
}
