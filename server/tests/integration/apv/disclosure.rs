//! No combination of a campaign's views singles a leader out (PRODUCT.md,
//! privacy): a works-council reader who downloads several overlapping views
//! cannot add and subtract them down to one leader's Skema 1, and a leader
//! who moves to another unit after closing changes no view.

use super::campaign::{rounds, unit};
use super::*;
use crate::both_backends;
use std::collections::HashMap;

/// k = 5. Alfa is five leaders in Nord and Lis, its leader, who sits in Syd
/// with Cirkel's five; Bravo is five leaders in Nord.
struct Org3 {
    org: Org,
    nord: String,
    syd: String,
    /// Alfa, Bravo, Cirkel.
    groups: [String; 3],
    /// Per group, (e-mail, unit at closing) of its leader first, then members.
    people: [Vec<(String, String)>; 3],
    campaign: String,
}

async fn closed_campaign(app: &TestApp) -> Org3 {
    let org = app.org("Randers Kommune", "hr@randers.dk").await;
    let (nord, syd) = (unit(app, &org, "Nord").await, unit(app, &org, "Syd").await);
    let mut groups = Vec::new();
    let mut people = Vec::new();
    for (name, units) in [("Alfa", [&syd, &nord, &nord, &nord, &nord, &nord].as_slice()), ("Bravo", &[&nord; 5]), ("Cirkel", &[&syd; 5])] {
        let mut ids = Vec::new();
        let mut emails = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            let email = format!("{}{i}@randers.dk", name.to_lowercase());
            let id = app.person(&org, &format!("{name} Leder {i}"), &email, &[Role::Leader]).await;
            sqlx::query("UPDATE persons SET unit_id = $1 WHERE id = $2").bind(*unit).bind(id.as_str()).execute(&app.state.db.pool).await.unwrap();
            ids.push(id);
            emails.push((email, (*unit).clone()));
        }
        let members: Vec<&PersonId> = ids[1..].iter().collect();
        groups.push(app.group(&org, &format!("Ledergruppe {name}"), &ids[0], &members).await);
        people.push(emails);
    }
    let hr = app.signed_in("hr@randers.dk").await;
    let deadline = (time::OffsetDateTime::now_utc().date() + time::Duration::days(14)).to_string();
    let mut fields = vec![("title", "Leder-APV 2027"), ("variant", "now"), ("deadline", deadline.as_str())];
    fields.extend(groups.iter().map(|g| ("group", g.as_str())));
    let r = hr.post_form("/apv/campaigns", &fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let campaign = location(&r).trim_start_matches("/apv/campaigns/").split('?').next().unwrap().to_string();
    let rounds = rounds(app, &campaign).await;
    // Everyone marks "Krav i arbejdet" red, except Lis, who marks it green.
    for (g, emails) in people.iter().enumerate() {
        let round = &rounds.iter().find(|(group, _)| *group == groups[g]).unwrap().1;
        for (i, (email, _)) in emails.iter().enumerate() {
            let client = app.signed_in(email).await;
            let revs = themes(&client, round).await;
            let colour = if g == 0 && i == 0 { "green" } else { "red" };
            handed_in(&client, round, &revs, &[(0, colour, "")]).await;
        }
        close_for_test(&app.signed_in(&emails[0].0).await, round).await;
    }
    Org3 { org, nord, syd, groups: groups.try_into().unwrap(), people: people.try_into().unwrap(), campaign }
}

/// A view of the campaign: the whole, or narrowed to a unit or a group.
#[derive(Clone, Copy, Debug)]
enum View<'a> {
    All,
    Unit(&'a str),
    Group(usize),
}

impl Org3 {
    fn url(&self, view: View) -> String {
        let base = format!("/apv/campaigns/{}/colour-map.csv", self.campaign);
        match view {
            View::All => base,
            View::Unit(u) => format!("{base}?unit={u}"),
            View::Group(g) => format!("{base}?group={}", self.groups[g]),
        }
    }

    /// Every leader as (group, unit at closing).
    fn leaders(&self) -> Vec<(usize, &str)> {
        self.people.iter().enumerate().flat_map(|(g, p)| p.iter().map(move |(_, u)| (g, u.as_str()))).collect()
    }

    fn holds(view: View, (group, unit): (usize, &str)) -> bool {
        match view {
            View::All => true,
            View::Unit(u) => u == unit,
            View::Group(g) => g == group,
        }
    }

    /// The sizes of the blocks of the views' common refinement.
    fn refinement(&self, views: &[View]) -> Vec<usize> {
        let mut blocks: HashMap<Vec<usize>, usize> = HashMap::new();
        for leader in self.leaders() {
            let signature: Vec<usize> = (0..views.len()).filter(|&v| Self::holds(views[v], leader)).collect();
            if !signature.is_empty() {
                *blocks.entry(signature).or_default() += 1;
            }
        }
        blocks.into_values().collect()
    }
}

/// A downloaded view: (red, green, respondents) of "Krav i arbejdet", or
/// `None` when the view is withheld (400).
async fn download(reader: &TestClient, url: &str) -> Option<(i64, i64, i64)> {
    let r = reader.get(url).await;
    if r.status() == 400 {
        return None;
    }
    assert_eq!(r.status(), 200, "{url}");
    let csv = r.text().await.unwrap();
    let row = csv.lines().find(|l| l.starts_with("Krav i arbejdet;")).unwrap_or_else(|| panic!("{csv}"));
    let fields: Vec<i64> = row.split(';').skip(1).map(|f| f.parse().unwrap_or(-1)).collect();
    // theme; red; red %; yellow; yellow %; green; green %; red before; respondents
    Some((fields[0], fields[4], *fields.last().unwrap()))
}

both_backends!(four_overlapping_views_do_not_single_out_a_leader_outside_her_groups_unit, |app: TestApp| async move {
    let s = closed_campaign(&app).await;
    app.person(&s.org, "Mette MED", "med@randers.dk", &[Role::WorksCouncil]).await;
    let reader = app.signed_in("med@randers.dk").await;
    // The whole, Alfa, Bravo and Syd: Alfa + Bravo + Syd − all = Lis alone.
    let four = [View::All, View::Group(0), View::Group(1), View::Unit(&s.syd)];
    let mut shown = Vec::new();
    let mut figures = Vec::new();
    for view in four {
        if let Some(f) = download(&reader, &s.url(view)).await {
            shown.push(view);
            figures.push(f);
        }
    }
    assert!(shown.len() < 4, "all four views downloaded: {figures:?} gives Lis's Skema 1 by subtraction");
    assert!(matches!(shown.first(), Some(View::All)), "the whole campaign stays: {shown:?}");
    let blocks = s.refinement(&shown);
    assert!(blocks.iter().all(|&n| n >= 5), "the shown views {shown:?} still cut blocks {blocks:?}");
    // The same holds for everything the reader can fetch.
    let every = [View::All, View::Group(0), View::Group(1), View::Group(2), View::Unit(&s.nord), View::Unit(&s.syd)];
    let mut all_shown = Vec::new();
    for view in every {
        if let Some((_, _, respondents)) = download(&reader, &s.url(view)).await {
            let expected = s.leaders().into_iter().filter(|l| Org3::holds(view, *l)).count();
            assert_eq!(respondents, expected as i64, "{view:?}");
            all_shown.push(view);
        }
    }
    let blocks = s.refinement(&all_shown);
    assert!(blocks.iter().all(|&n| n >= 5), "the shown views {all_shown:?} cut blocks {blocks:?}");
});

both_backends!(a_leader_moving_after_the_round_closed_changes_no_view, |app: TestApp| async move {
    let s = closed_campaign(&app).await;
    // Lis moves from Syd to Nord after her round closed, before anyone reads.
    sqlx::query("UPDATE persons SET unit_id = $1 WHERE name = 'Alfa Leder 0' AND org_id = $2")
        .bind(&s.nord)
        .bind(s.org.id.as_str())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let hr = app.signed_in("hr@randers.dk").await;
    // As at closing: Nord holds Alfa's five and Bravo's five (all red), Syd
    // holds Lis and Cirkel's five (one green).
    assert_eq!(download(&hr, &s.url(View::Unit(&s.nord))).await, Some((10, 0, 10)));
    assert_eq!(download(&hr, &s.url(View::Unit(&s.syd))).await, Some((5, 1, 6)));
    assert_eq!(download(&hr, &s.url(View::All)).await, Some((15, 1, 16)));
    // The page agrees, and its unit filter narrows the same way.
    let (status, body) = hr.page(&format!("/apv/campaigns/{}?unit={}", s.campaign, s.syd)).await;
    assert_eq!(status, 200);
    assert!(body.contains("Bygger på 6 lederes Skema 1"), "{body}");
});
