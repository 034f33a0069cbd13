//! Two `serve` processes on one PostgreSQL share a live session: what a
//! participant does on one reaches a participant on the other at once
//! (LISTEN/NOTIFY), and both write to the same log without gaps.

use super::socket::Ws;
use crate::cluster::start_serve;
use crate::support::{Backend, TestApp};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_share_a_live_session() {
    let Some(app) = TestApp::spawn(Backend::Postgres).await else { return };
    let org = app.org("Region Syd", "hr@rs.dk").await;
    app.person(&org, "Lis Leder", "lis@rs.dk", &[domain::roles::Role::Leader]).await;
    let dir = tempfile::tempdir().unwrap();
    let one = start_serve(&app.database_url, &dir.path().join("one")).await;
    let two = start_serve(&app.database_url, &dir.path().join("two")).await;

    let hr = crate::support::TestClient::new(&one.base);
    let r = hr.post_form("/login", &[("email", "hr@rs.dk"), ("password", crate::support::app::PASSWORD)]).await;
    assert_eq!(r.status(), 303);
    let (id, code) = super::start(&app, &hr, "organisation:prioritise").await;
    let anna = super::guest(&one.base, &code, "Anna på server 1").await;
    let bo = super::guest(&two.base, &code, "Bo på server 2").await;

    let mut f = Ws::connect(&hr, &id, 0).await;
    let mut a = Ws::connect(&anna, &id, 0).await;
    let mut b = Ws::connect(&bo, &id, 0).await;
    assert_eq!((f.me, a.me, b.me), (1, 2, 3), "numbers are unique across the servers");

    // The facilitator on server 1 moves on; Bo on server 2 sees it.
    f.ok(json!({"type": "advance"})).await;
    assert_eq!(b.event("stepped").await["event"]["step"], "pick");
    // Bo picks on server 2; Anna and the facilitator on server 1 see that he did.
    let started = std::time::Instant::now();
    b.ok(json!({"type": "pick", "card": "org-meaning"})).await;
    assert_eq!(a.event("picked").await["event"]["p"], 3);
    assert!(started.elapsed() < std::time::Duration::from_secs(1), "fan-out is immediate");
    assert_eq!(f.event("picked").await["event"]["card"], serde_json::Value::Null, "still private across servers");
    // Both write: the log stays gapless.
    a.ok(json!({"type": "pick", "card": "org-change"})).await;
    b.ok(json!({"type": "pick", "card": "org-change"})).await;
    let seqs: Vec<(i64,)> = sqlx::query_as("SELECT seq FROM live_events WHERE session_id = $1 ORDER BY seq").bind(&id).fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(seqs.iter().map(|s| s.0).collect::<Vec<_>>(), (1..=seqs.len() as i64).collect::<Vec<_>>());
    f.ok(json!({"type": "advance"})).await;
    let revealed = b.event("stepped").await;
    assert_eq!(revealed["event"]["revealed"], json!([{"p": 2, "card": "org-change"}, {"p": 3, "card": "org-change"}]));

    // A member joins on server 2 and deletes her account on server 1: server 2's
    // room in use forgets her name too (NOTIFY `refold`).
    let lis_two = crate::support::TestClient::new(&two.base);
    assert_eq!(lis_two.post_form("/login", &[("email", "lis@rs.dk"), ("password", crate::support::app::PASSWORD)]).await.status(), 303);
    assert_eq!(lis_two.post_form(&format!("/join/{code}"), &[]).await.status(), 303);
    let mut l = Ws::connect(&lis_two, &id, 0).await;
    l.ok(json!({"type": "note", "text": "Ny på holdet"})).await;
    let lis_one = crate::support::TestClient::new(&one.base);
    assert_eq!(lis_one.post_form("/login", &[("email", "lis@rs.dk"), ("password", crate::support::app::PASSWORD)]).await.status(), 303);
    assert_eq!(lis_one.post_form("/account/delete", &[("password", crate::support::app::PASSWORD)]).await.status(), 303);
    let started = std::time::Instant::now();
    loop {
        let mut again = Ws::connect(&bo, &id, 0).await;
        let (noted, before) = again.until(|m| m["type"] == "event" && m["event"]["type"] == "noted").await;
        assert_eq!(noted["event"]["text"], "Ny på holdet");
        if before.iter().all(|m| !m.to_string().contains("Lis Leder")) {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "server 2 still names her: {before:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
