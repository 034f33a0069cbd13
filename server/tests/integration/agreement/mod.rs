//! Tool 1, the leader's own side: interview guide notes, the agreement
//! editor, the sample, daily ticks and weekly lines, periods, sharing.

mod browser;
mod editor;
mod followup;

use crate::support::app::{Org, PASSWORD};
use crate::support::{TestApp, TestClient};
use domain::ids::PersonId;
use domain::roles::Role;

/// An organisation with a leader (Mette) whose nearest leader is Karen,
/// and a second leader (Bo) with the same nearest leader.
pub struct Team {
    pub org: Org,
    pub mette: PersonId,
    pub karen: PersonId,
    pub bo: PersonId,
}

pub async fn team(app: &TestApp) -> Team {
    let org = app.org("Aarhus Kommune", "hr@aarhus.dk").await;
    let karen = app.person(&org, "Karen Holm", "karen@aarhus.dk", &[Role::Leader]).await;
    let mette = app.person(&org, "Mette Lund", "mette@aarhus.dk", &[Role::Leader]).await;
    let bo = app.person(&org, "Bo Dahl", "bo@aarhus.dk", &[Role::Leader]).await;
    for p in [&mette, &bo] {
        sqlx::query("UPDATE persons SET nearest_leader_id = $1 WHERE id = $2")
            .bind(karen.as_str())
            .bind(p.as_str())
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    let _ = PASSWORD;
    Team { org, mette, karen, bo }
}

/// Saves an agreement through the editor; rows are (kind, text, follow-up, rhythm).
pub async fn save_agreement(client: &TestClient, rows: &[(&str, &str, &str, &str)]) -> reqwest::Response {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (n, (kind, text, follow, rhythm)) in rows.iter().enumerate() {
        fields.push((format!("p-{n}-kind"), kind.to_string()));
        fields.push((format!("p-{n}-id"), String::new()));
        fields.push((format!("p-{n}-text"), text.to_string()));
        fields.push((format!("p-{n}-follow"), follow.to_string()));
        fields.push((format!("p-{n}-rhythm"), rhythm.to_string()));
    }
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    client.post_form("/dialog/agreement", &borrowed).await
}

/// The leader's points as (id, kind, text, rhythm, shared), in order.
pub async fn points_of(app: &TestApp, person: &PersonId) -> Vec<(String, String, String, String, i64)> {
    sqlx::query_as(
        "SELECT id, kind, text, rhythm, shared FROM agreement_points WHERE person_id = $1 ORDER BY kind, position",
    )
    .bind(person.as_str())
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

pub const ROWS: &[(&str, &str, &str, &str)] = &[
    ("goal", "Ny struktur i dagtilbud på plads", "", ""),
    ("wellbeing", "Fri i weekenderne", "", ""),
    ("self", "Mail lukkes kl. 17", "Flueben hver aften", "daily"),
    ("self", "Gåtur to gange om ugen", "En linje om fredagen", "weekly"),
    ("manager", "Prioritering på ugemødet", "De sidste fem minutter", "at_dialog"),
];
