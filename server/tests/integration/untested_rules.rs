//! Privacy rules that had no test of their own (issue 15): Tool 2's
//! free-text threshold on both sides, the shuffled order of comments, named
//! mode in Tool 2, and what HR's APV report.docx and the plan's
//! overview.xlsx actually contain.

use crate::both_backends;
use crate::support::app::{location, Org};
use crate::support::{TestApp, TestClient};
use domain::ids::PersonId;
use domain::roles::Role;
use scraper::{Html, Selector};
use std::collections::BTreeSet;
use std::io::Read;

struct Group {
    org: Org,
    id: String,
    lis: PersonId,
    members: Vec<PersonId>,
}

/// Lis leads `members` (name, address); Hanne is HR.
async fn group(app: &TestApp, members: &[(&str, &str)]) -> Group {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let lis = app.person(&org, "Lis Leder", "lis@randers.dk", &[Role::Leader]).await;
    let mut ids = Vec::new();
    for (name, email) in members {
        ids.push(app.person(&org, name, email, &[Role::Leader]).await);
    }
    let refs: Vec<&PersonId> = ids.iter().collect();
    let id = app.group(&org, "Ledergruppe Nord", &lis, &refs).await;
    Group { org, id, lis, members: ids }
}

const NORD: [(&str, &str); 3] = [("Anna Andersen", "anna@randers.dk"), ("Bo Berg", "bo@randers.dk"), ("Carl Clausen", "carl@randers.dk")];

/// Eight people: Lis and seven members, enough for eight distinct comments.
const EIGHT: [(&str, &str); 7] = [
    ("Anna Andersen", "anna@randers.dk"),
    ("Bo Berg", "bo@randers.dk"),
    ("Carl Clausen", "carl@randers.dk"),
    ("Dorte Dahl", "dorte@randers.dk"),
    ("Erik Eriksen", "erik@randers.dk"),
    ("Frida Friis", "frida@randers.dk"),
    ("Gert Gram", "gert@randers.dk"),
];

/// HR sets the organisation's thresholds; rounds started afterwards keep them.
async fn thresholds(hr: &TestClient, k: &str, free_text_k: &str) {
    let r = hr.post_form("/admin/settings", &[("org_name", "Randers Kommune"), ("k", k), ("free_text_k", free_text_k), ("retention_days", "1095")]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
}

/// The comments on a page, in the order shown.
fn comments(body: &str) -> Vec<String> {
    let doc = Html::parse_document(body);
    doc.select(&Selector::parse("ul.lt-comments li").unwrap()).map(|li| li.text().collect::<String>().trim().to_string()).collect()
}

/// Settles Tool 2's agreement, which closes the round.
async fn settle(lis: &TestClient, round: &str, owner: &PersonId) {
    let (follow, _, _) = crate::dialog_meetings::slot(30, 9, 0);
    let r = lis
        .post_form(
            &format!("/collab/rounds/{round}/agreement"),
            &[("text-1", "Sparring hvert andet møde"), ("owner-1", owner.as_str()), ("follow_up_on-1", &follow), ("settle", "1")],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    crate::collab::confirm_settle(lis, round).await;
}

both_backends!(tool_2_comments_show_inside_from_three, |app: TestApp| async move {
    let g = group(&app, &NORD).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let anna = app.signed_in("anna@randers.dk").await;
    let round = crate::collab::planned(&lis, &g.id).await;
    crate::collab::fill_in(&lis, &round, "4", "Kommentar fra Lis").await;
    crate::collab::fill_in(&anna, &round, "2", "Kommentar fra Anna").await;
    // Two answers: under the group's 3, the picture cannot be revealed.
    let (_, body) = anna.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert!(comments(&body).is_empty() && !body.contains("Kommentar fra"), "{body}");
    let r = lis.post_form(&format!("/collab/rounds/{round}/reveal"), &[("ready", "1")]).await;
    assert_eq!(r.status(), 422, "two answers are too few to reveal");
    crate::collab::fill_in(&app.signed_in("bo@randers.dk").await, &round, "3", "Kommentar fra Bo").await;
    // Three, revealed: every comment, though the organisation's free-text threshold is 8.
    lis.reveal(&format!("/collab/rounds/{round}")).await;
    let (_, body) = anna.page(&format!("/collab/rounds/{round}/meeting")).await;
    let shown: BTreeSet<String> = comments(&body).into_iter().collect();
    assert_eq!(shown, ["Kommentar fra Anna", "Kommentar fra Bo", "Kommentar fra Lis"].map(String::from).into(), "{body}");
    let _ = (g.org, g.lis, g.members);
});

both_backends!(hr_outside_never_reads_tool_2_comments_under_the_free_text_threshold, |app: TestApp| async move {
    let g = group(&app, &NORD).await;
    let hr = app.signed_in("hr@randers.dk").await;
    // Counts from 3 outside, free text from 4: set before the round starts,
    // so the round keeps them.
    thresholds(&hr, "3", "4").await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = crate::collab::planned(&lis, &g.id).await;
    for (i, email) in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk"].into_iter().enumerate() {
        crate::collab::fill_in(&app.signed_in(email).await, &round, "4", &format!("Trekommentar {i}")).await;
    }
    settle(&lis, &round, &g.lis).await;
    // Three answers meet k = 3 (the picture shows) but not free text at 4.
    let (status, body) = hr.page(&format!("/collab/rounds/{round}")).await;
    assert_eq!(status, 200);
    assert_eq!(crate::intro::figures(&body).len(), 21, "the picture is shown from the round's k of 3: {body}");
    assert!(!body.contains("Trekommentar"), "three comments under a free-text threshold of 4: {body}");
    assert_eq!(hr.page(&format!("/collab/rounds/{round}/meeting")).await.0, 403, "the meeting page is the group's");

    // The other side: four answers reach the round's free-text threshold. Tool 2
    // still shows HR no comments: the product tells the group "Gruppens svar og
    // kommentarer er fortsat gruppens egne" (collab-shared-lead), which is
    // stricter than the threshold and keeps the promise.
    let round = crate::collab::planned(&lis, &g.id).await;
    for (i, email) in ["lis@randers.dk", "anna@randers.dk", "bo@randers.dk", "carl@randers.dk"].into_iter().enumerate() {
        crate::collab::fill_in(&app.signed_in(email).await, &round, "4", &format!("Firekommentar {i}")).await;
    }
    settle(&lis, &round, &g.lis).await;
    let (_, body) = hr.page(&format!("/collab/rounds/{round}")).await;
    assert_eq!(crate::intro::figures(&body).len(), 21, "{body}");
    assert!(!body.contains("Firekommentar"), "{body}");
    // Members read all four, with the round closed.
    let (_, body) = app.signed_in("carl@randers.dk").await.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert_eq!(comments(&body).len(), 4, "{body}");
    let _ = (g.org, g.members);
});

// The shuffle: eight distinct comments, the page loaded ten times. If the
// order did not change between loads, every load would show the same one of
// 8! = 40,320 orders; with a fair shuffle all ten loads agree with the first
// with probability (1/40,320)^9 ≈ 3.5e-42, so the test is not flaky. Two
// different orders also prove the order is not the order of answering.
const LOADS: usize = 10;

fn orders_seen(pages: &[String], expected: &BTreeSet<String>) -> usize {
    let mut orders = BTreeSet::new();
    for body in pages {
        let list = comments(body);
        assert_eq!(list.len(), expected.len(), "every comment, once: {list:?}");
        assert_eq!(&list.iter().cloned().collect::<BTreeSet<_>>(), expected, "the set of comments is complete");
        orders.insert(list);
    }
    orders.len()
}

fn eight_comments() -> Vec<String> {
    (1..=8).map(|i| format!("Særskilt kommentar nummer {i}")).collect()
}

fn everyone() -> Vec<&'static str> {
    std::iter::once("lis@randers.dk").chain(EIGHT.iter().map(|(_, e)| *e)).collect()
}

both_backends!(intro_comments_are_shown_in_a_fresh_shuffled_order, |app: TestApp| async move {
    let g = group(&app, &EIGHT).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let r = lis.post_form(&format!("/intro/groups/{}/runs", g.id), &[]).await;
    assert_eq!(r.status(), 303);
    let run = location(&r).trim_start_matches("/intro/runs/").to_string();
    let texts = eight_comments();
    for (email, text) in everyone().into_iter().zip(&texts) {
        crate::intro::answered(&app.signed_in(email).await, &run, |_| "3", text).await;
    }
    lis.reveal(&format!("/intro/runs/{run}")).await;
    let anna = app.signed_in("anna@randers.dk").await;
    let mut pages = Vec::new();
    for _ in 0..LOADS {
        let (status, body) = anna.page(&format!("/intro/runs/{run}")).await;
        assert_eq!(status, 200);
        pages.push(body);
    }
    let expected: BTreeSet<String> = texts.into_iter().collect();
    assert!(orders_seen(&pages, &expected) >= 2, "ten loads showed one order: the order is not shuffled");
    let _ = (g.org, g.lis, g.members);
});

both_backends!(tool_2_meeting_comments_are_shuffled_per_load_not_frozen_in_the_kept_read, |app: TestApp| async move {
    let g = group(&app, &EIGHT).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = crate::collab::planned(&lis, &g.id).await;
    let texts = eight_comments();
    for (email, text) in everyone().into_iter().zip(&texts) {
        crate::collab::fill_in(&app.signed_in(email).await, &round, "4", text).await;
    }
    lis.reveal(&format!("/collab/rounds/{round}")).await;
    // The meeting page's reads are kept in memory between loads (the
    // database does not change here), so this also shows the shuffle
    // happens per request and is not frozen in the kept read.
    let anna = app.signed_in("anna@randers.dk").await;
    let mut pages = Vec::new();
    for _ in 0..LOADS {
        let (status, body) = anna.page(&format!("/collab/rounds/{round}/meeting")).await;
        assert_eq!(status, 200);
        pages.push(body);
    }
    let expected: BTreeSet<String> = texts.into_iter().collect();
    assert!(orders_seen(&pages, &expected) >= 2, "ten loads showed one order: the order is not shuffled");
    let _ = (g.org, g.lis, g.members);
});

/// HR switches the group to named (open) mode with the group's own form.
async fn open_named(app: &TestApp, hr: &TestClient, g: &Group) {
    let mut fields = vec![("name", "Ledergruppe Nord"), ("leader", g.lis.as_str()), ("openness", "named")];
    for m in &g.members {
        fields.push(("members", m.as_str()));
    }
    let r = hr.post_form(&format!("/admin/groups/{}", g.id), &fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let (openness,): (String,) = sqlx::query_as("SELECT openness FROM leader_groups WHERE id = $1").bind(&g.id).fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(openness, "named");
}

/// The names heading the named table's columns.
fn named_columns(body: &str) -> Vec<String> {
    let doc = Html::parse_document(body);
    let Some(table) = doc.select(&Selector::parse("[aria-labelledby=named-heading] table").unwrap()).next() else { return Vec::new() };
    table.select(&Selector::parse("thead th").unwrap()).skip(1).map(|th| th.text().collect::<String>().trim().to_string()).collect()
}

both_backends!(tool_2_in_named_mode_shows_who_answered_what_to_the_readers_only, |app: TestApp| async move {
    let g = group(&app, &NORD).await;
    let hr = app.signed_in("hr@randers.dk").await;
    open_named(&app, &hr, &g).await;
    let lis = app.signed_in("lis@randers.dk").await;
    let round = crate::collab::planned(&lis, &g.id).await;
    let anna = app.signed_in("anna@randers.dk").await;
    let (_, form) = anna.page(&format!("/collab/rounds/{round}/checklist")).await;
    assert!(form.contains("Åben dialog"), "the form says the round is named before anyone answers: {form}");
    crate::collab::fill_in(&lis, &round, "4", "").await;
    crate::collab::fill_in(&anna, &round, "2", "Navngiven kommentar").await;
    crate::collab::fill_in(&app.signed_in("bo@randers.dk").await, &round, "3", "").await;
    lis.reveal(&format!("/collab/rounds/{round}")).await;

    let (status, body) = app.signed_in("carl@randers.dk").await.page(&format!("/collab/rounds/{round}/meeting")).await;
    assert_eq!(status, 200);
    assert!(body.contains("Hvem svarede hvad"), "{body}");
    let mut columns = named_columns(&body);
    columns.sort();
    assert_eq!(columns, ["Anna Andersen", "Bo Berg", "Lis Leder"], "the three who answered, by name: {body}");
    assert!(body.contains("Navngiven kommentar"), "the comment is shown, without a name");

    // HR outside: never names, neither on the round page nor the meeting page.
    settle(&lis, &round, &g.lis).await;
    let (status, body) = hr.page(&format!("/collab/rounds/{round}")).await;
    assert_eq!(status, 200);
    assert!(!body.contains("Hvem svarede hvad") && named_columns(&body).is_empty(), "{body}");
    assert!(!body.contains("Anna Andersen") && !body.contains("Bo Berg"), "{body}");
    assert_eq!(hr.page(&format!("/collab/rounds/{round}/meeting")).await.0, 403);
    let _ = g.org;
});

/// Posts and hands in Skema 1 with `marks`: (theme index, colour, keywords).
async fn hand_in(client: &TestClient, round: &str, revs: &[String], marks: &[(usize, &str, &str)]) {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (i, colour, words) in marks {
        fields.push((format!("m-{}-{colour}", revs[*i]), "1".into()));
        fields.push((format!("k-{}-{colour}", revs[*i]), (*words).into()));
    }
    fields.push(("hand_in".into(), "1".into()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = client.post_form(&format!("/apv/rounds/{round}/map"), &borrowed).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
}

/// Skema 1's themes as (revision id, name), in the form's order.
async fn apv_themes(client: &TestClient, round: &str) -> Vec<(String, String)> {
    let (status, body) = client.page(&format!("/apv/rounds/{round}/map")).await;
    assert_eq!(status, 200, "{body}");
    let doc = Html::parse_document(&body);
    let legend = Selector::parse("legend").unwrap();
    doc.select(&Selector::parse("fieldset[data-theme]").unwrap())
        .map(|f| (f.value().attr("data-theme").unwrap().to_string(), f.select(&legend).next().unwrap().text().collect::<String>().trim().to_string()))
        .collect()
}

/// The text of a .docx's body, one line per paragraph, cells separated by `|`.
fn docx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    archive.by_name("word/document.xml").expect("word/document.xml").read_to_string(&mut xml).unwrap();
    let xml = xml.replace("</w:p></w:tc>", "|").replace("</w:tr>", "\n").replace("</w:p>", "\n");
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
}

both_backends!(hr_apv_report_docx_holds_only_the_anonymous_picture, |app: TestApp| async move {
    let g = group(&app, &NORD).await;
    let hr = app.signed_in("hr@randers.dk").await;
    // Counts from 3 outside, keywords from 8: four hand in, so HR may see the
    // counts but no keyword.
    thresholds(&hr, "3", "8").await;
    let lis = app.signed_in("lis@randers.dk").await;
    let r = lis.post_form(&format!("/apv/groups/{}/rounds", g.id), &[("variant", "now"), ("deadline", "")]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let round = location(&r).trim_start_matches("/apv/rounds/").split('?').next().unwrap().to_string();
    let themes = apv_themes(&lis, &round).await;
    let revs: Vec<String> = themes.iter().map(|(id, _)| id.clone()).collect();
    // Theme 0: three red, one yellow. Anna's keyword is hers alone.
    hand_in(&app.signed_in("anna@randers.dk").await, &round, &revs, &[(0, "red", "Annasærligeord")]).await;
    hand_in(&app.signed_in("bo@randers.dk").await, &round, &revs, &[(0, "red", "Bosordvalg")]).await;
    hand_in(&app.signed_in("carl@randers.dk").await, &round, &revs, &[(0, "red", "")]).await;
    hand_in(&lis, &round, &revs, &[(0, "yellow", "")]).await;
    let next_year = (time::OffsetDateTime::now_utc().date() + time::Duration::days(360)).to_string();
    let r = lis.post_form(&format!("/apv/rounds/{round}/report"), &[("absence", "no"), ("next_due", next_year.as_str())]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    assert_eq!(lis.post_form(&format!("/apv/rounds/{round}/close"), &[]).await.status(), 303);

    let r = hr.get(&format!("/apv/rounds/{round}/report.docx")).await;
    assert_eq!(r.status(), 200);
    let text = docx_text(&r.bytes().await.unwrap());
    // The aggregate: theme 0's row counts 3 red, 1 yellow, 0 green.
    let row = text.lines().find(|l| l.starts_with(&format!("{}|", themes[0].1))).unwrap_or_else(|| panic!("no row for {}:\n{text}", themes[0].1));
    assert_eq!(row, format!("{}|3|1|0|", themes[0].1), "{text}");
    assert!(!text.contains("Billedet kan ikke vises her"), "{text}");
    for secret in ["Annasærligeord", "Bosordvalg", "Anna Andersen", "Bo Berg", "Carl Clausen"] {
        assert!(!text.contains(secret), "{secret} is in HR's report:\n{text}");
    }

    // Under the round's k: a round of three hand-ins with k = 5 shows no counts.
    thresholds(&hr, "5", "8").await;
    let r = lis.post_form(&format!("/apv/groups/{}/rounds", g.id), &[("variant", "now"), ("deadline", "")]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let second = location(&r).trim_start_matches("/apv/rounds/").split('?').next().unwrap().to_string();
    let revs: Vec<String> = apv_themes(&lis, &second).await.into_iter().map(|(id, _)| id).collect();
    for email in ["anna@randers.dk", "bo@randers.dk", "carl@randers.dk", "lis@randers.dk"] {
        hand_in(&app.signed_in(email).await, &second, &revs, &[(0, "red", "Annasærligeord")]).await;
    }
    let r = lis.post_form(&format!("/apv/rounds/{second}/report"), &[("absence", "no"), ("next_due", next_year.as_str())]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(lis.post_form(&format!("/apv/rounds/{second}/close"), &[]).await.status(), 303);
    let text = docx_text(&hr.get(&format!("/apv/rounds/{second}/report.docx")).await.bytes().await.unwrap());
    assert!(text.contains("Billedet kan ikke vises her"), "four hand-ins under k = 5:\n{text}");
    assert!(!text.lines().any(|l| l.starts_with(&format!("{}|", themes[0].1))), "no row of counts:\n{text}");
    assert!(!text.contains("Annasærligeord"), "{text}");
    let _ = (g.org, g.members);
});

/// The overview sheet as (label, value) rows after the header.
async fn overview_rows(hr: &TestClient) -> Vec<(String, String)> {
    use calamine::Reader;
    let r = hr.get("/plan/overview.xlsx").await;
    assert_eq!(r.status(), 200);
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(r.bytes().await.unwrap().to_vec())).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    sheet.rows().skip(1).map(|row| (row[0].to_string(), row[1].to_string())).collect()
}

both_backends!(plan_overview_xlsx_withholds_counts_of_leaders_under_k_and_names_nobody, |app: TestApp| async move {
    let g = group(&app, &NORD).await;
    let hr = app.signed_in("hr@randers.dk").await;
    // An APV campaign for the group: three of its four hand in.
    let r = hr.post_form("/apv/campaigns", &[("title", "Leder-APV 2027"), ("variant", "now"), ("deadline", "2027-06-01"), ("group", g.id.as_str())]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let (round,): (String,) = sqlx::query_as("SELECT id FROM apv_rounds WHERE group_id = $1").bind(&g.id).fetch_one(&app.state.db.pool).await.unwrap();
    let revs: Vec<String> = apv_themes(&app.signed_in("anna@randers.dk").await, &round).await.into_iter().map(|(id, _)| id).collect();
    for email in ["anna@randers.dk", "bo@randers.dk", "carl@randers.dk"] {
        hand_in(&app.signed_in(email).await, &round, &revs, &[(0, "red", "Særord")]).await;
    }

    let rows = overview_rows(&hr).await;
    let value = |label: &str| rows.iter().find(|(l, _)| l == label).unwrap_or_else(|| panic!("{label} missing: {rows:?}")).1.clone();
    assert_eq!(value("Ledere i organisationen"), "4", "{rows:?}");
    assert_eq!(value("Ledergrupper"), "1");
    assert_eq!(value("Ledere med en aktiv lederaftale"), "færre end 5 (vises ikke)", "none of four is under k = 5");
    assert_eq!(value("Ledere, der har afleveret Skema 1 i den seneste APV-kampagne"), "færre end 5 (vises ikke)", "three handed in, under k = 5: {rows:?}");
    let all = format!("{rows:?}");
    for secret in ["Anna", "Bo Berg", "Carl", "Lis Leder", "Særord"] {
        assert!(!all.contains(secret), "{secret} in the overview: {all}");
    }

    // HR lowers k to 3: the campaign promised 5 when it started, so its
    // three hand-ins stay withheld; only a campaign started now counts from 3.
    thresholds(&hr, "3", "8").await;
    let rows = overview_rows(&hr).await;
    let apv = |rows: &[(String, String)]| rows.iter().find(|(l, _)| l == "Ledere, der har afleveret Skema 1 i den seneste APV-kampagne").unwrap().1.clone();
    assert_eq!(apv(&rows), "færre end 5 (vises ikke)", "the campaign's k, not today's: {rows:?}");
    // (The first round closed as its leader closes it elsewhere; a group takes one open round.)
    sqlx::query("UPDATE apv_rounds SET closed_at = created_at WHERE id = $1").bind(&round).execute(&app.state.db.pool).await.unwrap();
    let r = hr.post_form("/apv/campaigns", &[("title", "Leder-APV 2028"), ("variant", "now"), ("deadline", "2028-06-01"), ("group", g.id.as_str())]).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let (second,): (String,) = sqlx::query_as("SELECT r.id FROM apv_rounds r JOIN apv_campaigns c ON c.id = r.campaign_id WHERE c.title = 'Leder-APV 2028'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    for email in ["anna@randers.dk", "bo@randers.dk", "carl@randers.dk"] {
        hand_in(&app.signed_in(email).await, &second, &revs, &[(0, "red", "Særord")]).await;
    }
    assert_eq!(apv(&overview_rows(&hr).await), "3", "a campaign started under k = 3");
    let _ = (g.lis, g.members, g.org);
});
