//! Tool 1, the nearest leader's side: "Mine ledere", a shared agreement,
//! the conversation about it and both "agreed" marks; who may see what.

mod access;
mod browser;
mod comments;

use crate::agreement::{points_of, save_agreement, team, Team, ROWS};
use crate::support::{TestApp, TestClient};

/// Mette's agreement saved from `ROWS`, with the goal (0) and the agreement
/// with the nearest leader (4) shared with Karen; returns the agreement id
/// and the point ids in `ROWS` order.
pub async fn shared_agreement(app: &TestApp, t: &Team, mette: &TestClient) -> (String, Vec<String>) {
    assert_eq!(save_agreement(mette, ROWS).await.status(), 303);
    let points = ids_in_rows_order(app, t).await;
    let r = mette.post_form("/dialog/agreement/share", &[("point", &points[0]), ("point", &points[4])]).await;
    assert_eq!(r.status(), 303);
    (agreement_of(app, t).await, points)
}

/// Mette's point ids in `ROWS` order (the database orders by kind).
pub async fn ids_in_rows_order(app: &TestApp, t: &Team) -> Vec<String> {
    let stored = points_of(app, &t.mette).await;
    ROWS.iter().map(|row| stored.iter().find(|p| p.2 == row.1).expect("every row is saved").0.clone()).collect()
}

pub async fn agreement_of(app: &TestApp, t: &Team) -> String {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM agreements WHERE person_id = $1")
        .bind(t.mette.as_str())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

pub async fn comment_count(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM agreement_comments").fetch_one(&app.state.db.pool).await.unwrap();
    n
}
