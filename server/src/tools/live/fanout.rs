//! Several servers on one PostgreSQL share live sessions. Every append
//! notifies channel `live_events` with `<session>:<seq>` in the same
//! transaction; each server listens, and for a session it holds a room for
//! whose log has grown, reads the new events and passes them to its own
//! connections. A server's own notifications find its room already up to
//! date and cost one comparison.
//!
//! If the listening connection drops, notifications sent meanwhile are
//! lost, so after reconnecting every held room catches up from the log.

use super::room::Hub;
use super::store::CHANNEL;
use sqlx::postgres::PgListener;
use std::sync::Arc;
use std::time::Duration;

/// Listens until the process ends; started only on PostgreSQL.
pub fn start(hub: Arc<Hub>, database_url: String) {
    tokio::spawn(async move {
        let mut first = true;
        loop {
            match listen(&hub, &database_url, first).await {
                Ok(()) => {}
                Err(e) => tracing::warn!(error = %e, "live fan-out lost its PostgreSQL connection; reconnecting"),
            }
            first = false;
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn listen(hub: &Arc<Hub>, url: &str, first: bool) -> anyhow::Result<()> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    if !first {
        for id in hub.loaded_ids() {
            if let Some(room) = hub.loaded(&id) {
                room.catch_up(&hub.db).await?;
            }
        }
    }
    loop {
        let note = listener.recv().await?;
        let Some((session, seq)) = note.payload().split_once(':') else { continue };
        let Ok(seq) = seq.parse::<i64>() else { continue };
        if let Some(room) = hub.loaded(session) {
            if room.last_seq() < seq {
                // Off the listening loop: one slow room must not hold up the others.
                let db = hub.db.clone();
                tokio::spawn(async move {
                    if let Err(e) = room.catch_up(&db).await {
                        tracing::warn!(error = %e, "a live room could not catch up");
                    }
                });
            }
        }
    }
}
