//! A campaign across groups: HR starts it, leaders answer, groups close
//! their rounds, and HR reads the colour map under the organisation's
//! thresholds, narrowed by unit and group, and downloads it.

use super::*;
use crate::both_backends;
use calamine::Reader;

/// Three groups in two units, k = 5: Alfa (6 leaders) and Cirkel (3) in
/// Nord, Bravo (6) in Syd; Delta already runs its own round.
struct Setup {
    org: Org,
    groups: [String; 4],
    /// Per group, the e-mails of its leader and members.
    people: [Vec<String>; 3],
}

pub(crate) async fn unit(app: &TestApp, org: &Org, name: &str) -> String {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query("INSERT INTO units (id, org_id, name, parent_id, created_at) VALUES ($1, $2, $3, NULL, '2026-01-01T00:00:00Z')")
        .bind(&id)
        .bind(org.id.as_str())
        .bind(name)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    id
}

async fn setup(app: &TestApp) -> Setup {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let (nord, syd) = (unit(app, &org, "Nord").await, unit(app, &org, "Syd").await);
    let mut groups = Vec::new();
    let mut people = Vec::new();
    for (g, (name, size, unit)) in [("Alfa", 6, &nord), ("Bravo", 6, &syd), ("Cirkel", 3, &nord), ("Delta", 3, &syd)].into_iter().enumerate() {
        let mut ids = Vec::new();
        let mut emails = Vec::new();
        for i in 0..size {
            let email = format!("{}{i}@randers.dk", name.to_lowercase());
            let id = app.person(&org, &format!("{name} Leder {i}"), &email, &[Role::Leader]).await;
            sqlx::query("UPDATE persons SET unit_id = $1 WHERE id = $2").bind(unit).bind(id.as_str()).execute(&app.state.db.pool).await.unwrap();
            ids.push(id);
            emails.push(email);
        }
        let members: Vec<&PersonId> = ids[1..].iter().collect();
        groups.push(app.group(&org, &format!("Ledergruppe {name}"), &ids[0], &members).await);
        if g < 3 {
            people.push(emails);
        }
    }
    Setup { org, groups: groups.try_into().unwrap(), people: people.try_into().unwrap() }
}

/// The campaign's rounds by group id.
pub(crate) async fn rounds(app: &TestApp, campaign: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT group_id, id FROM apv_rounds WHERE campaign_id = $1 ORDER BY group_id")
        .bind(campaign)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

/// The campaign table: (theme, [red, yellow, green]) from cells like "3 (50 %)".
pub(crate) fn overview(body: &str) -> Vec<(String, [u32; 3])> {
    let doc = Html::parse_document(body);
    let row = Selector::parse("table.lt-apv-table tbody tr").unwrap();
    let th = Selector::parse("th").unwrap();
    let td = Selector::parse("td").unwrap();
    doc.select(&row)
        .map(|tr| {
            let name = tr.select(&th).next().unwrap().text().collect::<String>().trim().to_string();
            let n: Vec<u32> = tr.select(&td).take(3).map(|c| c.text().collect::<String>().split_whitespace().next().unwrap().parse().unwrap()).collect();
            (name, [n[0], n[1], n[2]])
        })
        .collect()
}

fn with_groups<'a>(fields: &[(&'a str, &'a str)], groups: &'a [String]) -> Vec<(&'a str, &'a str)> {
    fields.iter().copied().chain(groups.iter().map(|g| ("group", g.as_str()))).collect()
}

both_backends!(hr_runs_a_campaign_and_reads_the_map_only_where_no_one_can_be_singled_out, |app: TestApp| async move {
    let s = setup(&app).await;
    let hr = app.signed_in("hr@randers.dk").await;
    let deadline = (time::OffsetDateTime::now_utc().date() + time::Duration::days(14)).to_string();
    let delta_leader = app.signed_in("delta0@randers.dk").await;
    start_round(&delta_leader, &s.groups[3]).await;

    // Bad input says why and starts nothing; a leader may not start one.
    let all: Vec<(&str, &str)> = s.groups.iter().map(|g| ("group", g.as_str())).collect();
    let with = |extra: &[(&'static str, &'static str)]| with_groups(extra, &s.groups);
    let r = hr.post_form("/apv/campaigns", &with(&[("title", " "), ("variant", "now"), ("deadline", "2027-01-01")])).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Giv kampagnen et navn"));
    let r = hr.post_form("/apv/campaigns", &[("title", "APV"), ("variant", "now"), ("deadline", "2027-01-01")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Vælg mindst én ledergruppe."));
    let r = hr.post_form("/apv/campaigns", &with(&[("title", "Leder-APV 2019"), ("variant", "now"), ("deadline", "2020-01-01")])).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("value=\"Leder-APV 2019\""), "the title comes back as typed");
    let r = hr.post_form("/apv/campaigns", &[("title", "APV"), ("variant", "now"), ("deadline", "2027-01-01"), ("group", "0190f0f0-0000-7000-8000-000000000000")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("findes ikke længere"));
    let leader = app.signed_in("alfa0@randers.dk").await;
    let mut fields = vec![("title", "APV"), ("variant", "now"), ("deadline", deadline.as_str())];
    fields.extend(all.iter().copied());
    assert_eq!(leader.post_form("/apv/campaigns", &fields).await.status(), 403);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM apv_campaigns WHERE org_id = $1", s.org.id.as_str()).await, 0);

    let mut fields = vec![("title", "Leder-APV 2027"), ("variant", "now"), ("deadline", deadline.as_str())];
    fields.extend(all.iter().copied());
    let r = hr.post_form("/apv/campaigns", &fields).await;
    assert_eq!(r.status(), 303);
    let to = location(&r);
    assert!(to.ends_with("?started=3&skipped=1"), "{to}");
    let campaign = to.trim_start_matches("/apv/campaigns/").split('?').next().unwrap().to_string();
    let (_, body) = hr.page(&to).await;
    assert!(body.contains("en runde i 3 grupper. 1 grupper havde allerede"), "{body}");
    let rounds = rounds(&app, &campaign).await;
    assert_eq!(rounds.len(), 3);
    let round_of = |g: usize| rounds.iter().find(|(group, _)| *group == s.groups[g]).unwrap().1.clone();

    // Every leader marks "Krav i arbejdet" red; Alfa's also mark information yellow.
    for (g, emails) in s.people.iter().enumerate() {
        for email in emails {
            let client = app.signed_in(email).await;
            let revs = themes(&client, &round_of(g)).await;
            let mut marks = vec![(0, "red", "Travlt")];
            if g == 0 {
                marks.push((1, "yellow", ""));
            }
            handed_in(&client, &round_of(g), &revs, &marks).await;
        }
    }
    // Open rounds do not count yet, participation does.
    let (_, body) = hr.page(&format!("/apv/campaigns/{campaign}")).await;
    assert!(body.contains("15 af 15 ledere har afleveret Skema 1") && body.contains("0 af 3 runder er afsluttet"), "{body}");
    assert!(body.contains("bygger på 0 ledere") && overview(&body).is_empty());
    for g in 0..3 {
        close_for_test(&app.signed_in(&s.people[g][0]).await, &round_of(g)).await;
    }

    // The whole campaign: 15 leaders, most red first.
    let (status, body) = hr.page(&format!("/apv/campaigns/{campaign}")).await;
    assert_eq!(status, 200);
    let map = overview(&body);
    assert_eq!(map[0], ("Krav i arbejdet".to_string(), [15, 0, 0]), "{map:?}");
    assert_eq!(map[1], ("Information og beslutninger".to_string(), [0, 6, 0]));
    assert!(body.contains("Bygger på 15 lederes Skema 1"));
    for name in ["Alfa Leder", "Bravo Leder", "Cirkel Leder"] {
        assert!(!body.contains(name), "the overview names nobody");
    }
    // Nord (9) and Syd (6) show; Alfa (6) would leave Cirkel's 3 by subtraction
    // from Nord, Cirkel is too small, a unit and a group together need 2k.
    let view = |unit: &str, group: &str| format!("/apv/campaigns/{campaign}?unit={unit}&group={group}");
    let (nord, syd): (String, String) = {
        let units: Vec<(String, String)> = sqlx::query_as("SELECT name, id FROM units WHERE org_id = $1 ORDER BY name")
            .bind(s.org.id.as_str())
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
        (units[0].1.clone(), units[1].1.clone())
    };
    let (_, body) = hr.page(&view(&nord, "")).await;
    assert_eq!(overview(&body)[0].1, [9, 0, 0]);
    assert_eq!(overview(&hr.page(&view(&syd, "")).await.1)[0].1, [6, 0, 0]);
    assert_eq!(overview(&hr.page(&view("", &s.groups[1])).await.1)[0].1, [6, 0, 0]);
    let (_, body) = hr.page(&view("", &s.groups[0])).await;
    assert!(overview(&body).is_empty() && body.contains("sammen med et andet udsnit"), "Alfa is hidden: {body}");
    let (_, body) = hr.page(&view("", &s.groups[2])).await;
    assert!(overview(&body).is_empty() && body.contains("bygger på 3 ledere og kan først vises fra 5"));
    let (_, body) = hr.page(&view(&syd, &s.groups[1])).await;
    assert!(overview(&body).is_empty() && body.contains("kan først vises fra 10"), "combined filters need 2k");
    // The group's own meeting page agrees with the overview for HR.
    let (_, body) = hr.page(&format!("/apv/rounds/{}/meeting", round_of(0))).await;
    assert!(picture(&body).is_empty() && body.contains("sammen med et andet udsnit"));
    assert_eq!(picture(&hr.page(&format!("/apv/rounds/{}/meeting", round_of(1))).await.1)[0].1, [6, 0, 0]);

    // Downloads carry the same numbers; a hidden view cannot be downloaded.
    let r = hr.get(&format!("/apv/campaigns/{campaign}/colour-map.xlsx")).await;
    assert_eq!(r.status(), 200);
    let bytes = r.bytes().await.unwrap().to_vec();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let first: Vec<String> = sheet.rows().nth(1).unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(first[..4], ["Krav i arbejdet", "15", "100", "0"], "{first:?}");
    let participation = book.worksheet_range_at(1).unwrap().unwrap();
    assert_eq!(participation.rows().count(), 4, "a header and three groups");
    let r = hr.get(&format!("/apv/campaigns/{campaign}/colour-map.csv?unit={syd}")).await;
    assert_eq!(r.status(), 200);
    let csv = r.text().await.unwrap();
    assert!(csv.contains("Krav i arbejdet;6;100;0"), "{csv}");
    let r = hr.get(&format!("/apv/campaigns/{campaign}/colour-map.csv?group={}", s.groups[0])).await;
    assert_eq!(r.status(), 400);

    // Only those who read overviews see the campaign; no one outside the organisation.
    assert_eq!(leader.page(&format!("/apv/campaigns/{campaign}")).await.0, 404);
    assert_eq!(leader.get(&format!("/apv/campaigns/{campaign}/colour-map.xlsx")).await.status(), 404);
    app.person(&s.org, "Tove Top", "top@randers.dk", &[Role::TopManagement]).await;
    let (status, body) = app.signed_in("top@randers.dk").await.page(&format!("/apv/campaigns/{campaign}")).await;
    assert_eq!(status, 200);
    assert!(!body.contains("/apv/rounds/"), "top management reads the overview, not the groups' rounds");
    app.org("Viborg Kommune", "hr@viborg.dk").await;
    assert_eq!(app.signed_in("hr@viborg.dk").await.page(&format!("/apv/campaigns/{campaign}")).await.0, 404);
    let reads = count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'apv-overview-read' AND org_id = $1", s.org.id.as_str()).await;
    assert!(reads >= 8, "every read of the overview is logged: {reads}");

    // The next campaign compares with this one.
    let mut fields = vec![("title", "Leder-APV 2028"), ("variant", "now"), ("deadline", deadline.as_str())];
    fields.extend(all[..2].iter().copied());
    let r = hr.post_form("/apv/campaigns", &fields).await;
    let next = location(&r).trim_start_matches("/apv/campaigns/").split('?').next().unwrap().to_string();
    let next_rounds = super::campaign::rounds(&app, &next).await;
    for (g, emails) in s.people.iter().enumerate().take(2) {
        let round = &next_rounds.iter().find(|(group, _)| *group == s.groups[g]).unwrap().1;
        for (i, email) in emails.iter().enumerate() {
            let client = app.signed_in(email).await;
            let revs = themes(&client, round).await;
            let colour = if i < 3 { "red" } else { "green" };
            handed_in(&client, round, &revs, &[(0, colour, "")]).await;
        }
        close_for_test(&app.signed_in(&emails[0]).await, round).await;
    }
    let (_, body) = hr.page(&format!("/apv/campaigns/{next}")).await;
    assert!(body.contains("Stop op i Leder-APV 2027"), "{body}");
    assert!(body.contains("100 %") && body.contains("50 point færre"), "red went from 100 % to 50 %: {body}");
});

both_backends!(a_campaign_of_many_groups_lists_those_furthest_behind, |app: TestApp| async move {
    let org = app.org("Aarhus Kommune", "hr@aarhus.dk").await;
    let mut fields: Vec<(String, String)> =
        vec![("title".into(), "Leder-APV for alle".into()), ("variant".into(), "now".into())];
    fields.push(("deadline".into(), (time::OffsetDateTime::now_utc().date() + time::Duration::days(14)).to_string()));
    for g in 0..201 {
        let id = uuid::Uuid::now_v7().to_string();
        sqlx::query("INSERT INTO leader_groups (id, org_id, name, created_at) VALUES ($1, $2, $3, '2026-01-01T00:00:00Z')")
            .bind(&id)
            .bind(org.id.as_str())
            .bind(format!("Gruppe {g:03}"))
            .execute(&app.state.db.pool)
            .await
            .unwrap();
        fields.push(("group".into(), id));
    }
    let hr = app.signed_in("hr@aarhus.dk").await;
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = hr.post_form("/apv/campaigns", &borrowed).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let (_, body) = hr.page(&location(&r)).await;
    assert!(body.contains("Her vises de 200 grupper med lavest deltagelse af i alt 201"), "{body}");
    let doc = Html::parse_document(&body);
    let rows = doc.select(&Selector::parse("#participation-caption ~ tbody tr").unwrap()).count();
    assert_eq!(rows, 200);
    let options = doc.select(&Selector::parse("#filter-group option").unwrap()).count();
    assert_eq!(options, 1, "with many groups the chooser waits for a unit");
    assert!(body.contains("vælg først en enhed"));
});
