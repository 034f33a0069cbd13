//! Tool 3 in Fjordby: the plan for leader wellbeing 2026, prepared with
//! MED and the director: four themes chosen and mapped, unfolded and placed
//! in the matrix, action cards written, the two most important points
//! named and signed off by the executive board.

use crate::storage::to_text;
use domain::ids::{OrgId, PersonId, PlanId};
use sqlx::AnyConnection;
use time::{Duration, OffsetDateTime};

/// (theme, known, sources, need_more, unfold, quadrant, goal, actions, owner, start in days, deadline in days, measure, follow-up, top)
type Theme = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, i64, i64, &'static str, &'static str, Option<i64>);

const THEMES: &[Theme] = &[
    (
        "org-onboarding",
        "Fire af de seneste seks nye ledere siger i exitsamtalen eller efter et år, at de stod alene i starten.",
        "Exitsamtaler 2025, samtaler med nye ledere efter et år",
        "Hvordan det går for ledere, der rykker op fra egne rækker.",
        "Et fælles forløb det første halve år: en mentor fra en anden forvaltning, en introduktion til økonomi og HR, og en forventningssamtale med egen chef efter en og tre måneder.",
        "act",
        "Alle nye ledere har en mentor og to forventningssamtaler i det første halve år.",
        "HR matcher hver ny leder med en mentor inden første arbejdsdag. Chefen holder forventningssamtaler efter en og tre måneder. Introduktionsdag to gange om året.",
        "HR og den nye leders chef",
        -40,
        140,
        "Spørgsmål til nye ledere efter seks måneder; mål: alle har haft mentor og samtaler.",
        "Status på direktionsmødet hvert kvartal.",
        Some(1),
    ),
    (
        "org-overload-stress",
        "Leder-APV'en 2025 viser rødt på krav og arbejdsmængde i to af tre forvaltninger. Sygefraværet blandt ledere er steget.",
        "Leder-APV 2025, sygefraværsstatistik, trivselsmåling",
        "Hvilke opgaver lederne selv ville lade ligge, hvis de måtte.",
        "Hver chef tager en samtale med sine ledere om, hvad der kan vente, og direktionen melder klart ud om prioriteringer i budgettet.",
        "act",
        "Ledere ved, hvad de må lade ligge, når der er for meget.",
        "Direktionen udsender prioriteringer for 2026. Hver chef holder en »hvad kan vente«-samtale med hver leder i første kvartal.",
        "Direktionen og cheferne",
        -30,
        90,
        "Rødt på krav i næste leder-APV er faldet; lederne kan nævne noget, de har lagt fra sig.",
        "På hvert chefgruppemøde i første halvår.",
        Some(2),
    ),
    (
        "org-leader-sparring",
        "Ledere i små enheder efterspørger nogen at sparre med mellem møderne.",
        "Temadag for ledere 2025",
        "Om de eksisterende netværk bliver brugt.",
        "Vi tilbyder sparringsgrupper på tværs af forvaltninger, tre til fire ledere i hver.",
        "quick",
        "Alle ledere, der ønsker det, er med i en sparringsgruppe.",
        "HR sammensætter grupperne efter tilmelding og giver en kort opstart.",
        "HR",
        10,
        120,
        "Antal grupper, der mødes mindst fire gange om året.",
        "Evaluering efter et år.",
        None,
    ),
    (
        "org-change",
        "Omstruktureringen i Social og Sundhed fylder meget, og lederne oplever at få beslutningerne sent.",
        "MED-udvalget, leder-APV 2025",
        "Hvordan lederne i andre forvaltninger oplever forandringerne.",
        "Ledere inddrages, før beslutninger om forandringer i deres område træffes.",
        "raise",
        "",
        "",
        "",
        0,
        0,
        "",
        "",
        None,
    ),
];

pub async fn fill(conn: &mut AnyConnection, org: &OrgId, hr: &PersonId, now: OffsetDateTime) -> anyhow::Result<()> {
    let plan = PlanId::new();
    let created = now - Duration::days(60);
    sqlx::query(
        "INSERT INTO org_plans (id, org_id, title, created_by, created_at, signed_off_on, signed_off_by, signoff_note, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $4)",
    )
    .bind(plan.as_str())
    .bind(org.as_str())
    .bind("Plan for ledertrivsel i Fjordby Kommune")
    .bind(hr.as_str())
    .bind(to_text(created))
    .bind((now - Duration::days(20)).date().to_string())
    .bind("Direktionen")
    .bind("Planen følges op på direktionsmødet hvert kvartal, og MED orienteres.")
    .execute(&mut *conn)
    .await?;
    let day = |d: i64| (d != 0).then(|| (now + Duration::days(d)).date().to_string());
    for (position, t) in THEMES.iter().enumerate() {
        sqlx::query(
            "INSERT INTO org_plan_themes (plan_id, org_id, theme, position, known, sources, need_more, unfold, quadrant, goal, actions, owner, \
               starts_on, deadline, measure, follow_up, top, updated_by, updated_at, follow_up_on, status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
        )
        .bind(plan.as_str())
        .bind(org.as_str())
        .bind(t.0)
        .bind(position as i64)
        .bind(t.1)
        .bind(t.2)
        .bind(t.3)
        .bind(t.4)
        .bind(t.5)
        .bind(t.6)
        .bind(t.7)
        .bind(t.8)
        .bind(day(t.9))
        .bind(day(t.10))
        .bind(t.11)
        .bind(t.12)
        .bind(t.13)
        .bind(hr.as_str())
        // Last written at the cards' latest follow-up (below).
        .bind(to_text(created + Duration::days(if t.6.is_empty() { 30 } else { 50 })))
        // The cards with a goal are under way and followed up in a fortnight.
        .bind((!t.6.is_empty()).then(|| (now + Duration::days(14)).date().to_string()))
        .bind(if t.6.is_empty() { "planned" } else { "under_way" })
        .execute(&mut *conn)
        .await?;
        // The cards under way were planned first, then followed up.
        if !t.6.is_empty() {
            use crate::tools::plan::store::{log_status, Card, Status};
            let notes = [(Status::Planned, 30, now - Duration::days(10)), (Status::UnderWay, 50, now + Duration::days(14))];
            for (status, after, next) in notes {
                let card = Card { status, follow_up_on: Some(next.date()), ..Card::default() };
                log_status(&mut *conn, org, &plan, t.0, &card, hr, &to_text(created + Duration::days(after))).await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn themes_are_on_the_sheet_and_placed_in_a_known_field() {
        let cards = crate::tools::cards::content::load().unwrap();
        let deck = cards.da.deck("organisation").unwrap();
        for t in super::THEMES {
            assert!(deck.card(t.0).is_some(), "{}", t.0);
            assert!(domain::collab::Quadrant::parse(t.5).is_some());
        }
        let tops: Vec<i64> = super::THEMES.iter().filter_map(|t| t.13).collect();
        assert_eq!(tops, [1, 2]);
    }
}
