//! Several servers on one PostgreSQL share live sessions. Every append
//! notifies channel `live_events` with `<session>:<seq>` in the same
//! transaction; each server listens, and for a session it holds a room for
//! whose log has grown, reads the new events and passes them to its own
//! connections. A server's own notifications find its room already up to
//! date and cost one comparison.
//!
//! A deleted person's name taken out of the logs sends `refold`: every
//! server folds the rooms it holds again, so no memory keeps the name.
//!
//! If the listening connection drops, notifications sent meanwhile are
//! lost, so after reconnecting every held room catches up from the log.

use super::room::Hub;
use super::store::{CHANNEL, REFOLD};
use sqlx::postgres::PgListener;
use std::sync::Arc;
use std::time::Duration;

/// Listens until the process ends; started only on PostgreSQL.
pub fn start(hub: Arc<Hub>, database_url: String) {
    tokio::spawn(async move {
        loop {
            if let Err(e) = listen(&hub, &database_url).await {
                tracing::warn!(error = %e, "live fan-out lost its PostgreSQL connection; reconnecting");
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

/// Every held room reads what it may have missed, and forgets any name a
/// missed `refold` would have taken out.
async fn catch_up_all(hub: &Hub) -> anyhow::Result<()> {
    for id in hub.loaded_ids() {
        if let Some(room) = hub.loaded(&id) {
            room.catch_up(&hub.db).await?;
        }
    }
    hub.refold_forgotten().await
}

async fn listen(hub: &Arc<Hub>, url: &str) -> anyhow::Result<()> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    // Rooms loaded before the LISTEN took effect may have missed events.
    catch_up_all(hub).await?;
    loop {
        // `try_recv` says when the connection was lost (`None`); it then
        // reconnects, and what was sent meanwhile is not delivered.
        let Some(note) = listener.try_recv().await? else {
            tracing::warn!("live fan-out reconnected to PostgreSQL; catching up");
            catch_up_all(hub).await?;
            continue;
        };
        if note.payload() == REFOLD {
            let hub = hub.clone();
            tokio::spawn(async move {
                if let Err(e) = hub.refold_forgotten().await {
                    tracing::warn!(error = %e, "live rooms could not fold again");
                }
            });
            continue;
        }
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
