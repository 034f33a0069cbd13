//! Has the database changed since a given moment? Pages read often and
//! written rarely keep what they read in memory (`storage::cache`) until it
//! has, so a signed-in page costs no database round trip while nothing
//! changes.
//!
//! Every change moves a counter, the generation, on twice: once when a write
//! begins to commit and once when it has (its effect is visible), and the
//! `unsettled` count is above zero in between. A reader notes the generation
//! before it reads and keeps its answer only if nothing was unsettled then and
//! the generation is the same when it is done: an answer read while a write
//! was under way is used once and never kept.
//!
//! Who tells us:
//! - SQLite, for every commit of this process: a commit hook (inside the
//!   commit, before other connections see it) and the end of the committing
//!   statement (after). Hooked on every connection to the file as SQLite opens
//!   it; see `sqlite_hooks`. One process per SQLite file, as `serve` runs it.
//! - PostgreSQL: a trigger on every table notifies `lt_changed` (migration
//!   0018); every server listens. A notification comes a moment after the
//!   commit, so requests that may write (every method but GET and HEAD) also
//!   mark themselves as writes here, and the page after a form shows the form's
//!   effect on the server that took it. While the listening connection is down,
//!   nothing is kept.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::SeqCst};
use std::sync::Arc;
use std::time::Duration;

pub mod sqlite_hooks;

/// The channel the PostgreSQL triggers notify.
pub const CHANNEL: &str = "lt_changed";

#[derive(Debug, Default)]
pub struct Changes {
    generation: AtomicU64,
    /// Writes that have begun and not yet ended.
    unsettled: AtomicU64,
    /// Whether every change reaches us: SQLite's hooks are on this file's
    /// connections, or the PostgreSQL listener is listening.
    hearing: AtomicBool,
}

/// A moment in the database's history: nothing was being written, and this
/// many changes had been made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Generation(u64);

impl Changes {
    /// The present generation, if it is a settled one: hearing every change,
    /// with no write under way.
    pub fn settled(&self) -> Option<Generation> {
        let generation = self.generation.load(SeqCst);
        (self.hearing.load(SeqCst) && self.unsettled.load(SeqCst) == 0).then_some(Generation(generation))
    }

    /// Nothing began or ended since `then`.
    pub fn unchanged_since(&self, then: Generation) -> bool {
        self.generation.load(SeqCst) == then.0
    }

    /// A write begins; it ends with `end`.
    pub fn begin(&self) {
        self.unsettled.fetch_add(1, SeqCst);
        self.generation.fetch_add(1, SeqCst);
    }

    /// A write has ended: what it changed is visible to every reader.
    pub fn end(&self) {
        self.generation.fetch_add(1, SeqCst);
        // Never below zero, even if an end came without its beginning.
        let _ = self.unsettled.fetch_update(SeqCst, SeqCst, |n| n.checked_sub(1));
    }

    /// Something changed somewhere (a PostgreSQL notification).
    pub fn changed(&self) {
        self.generation.fetch_add(1, SeqCst);
    }

    /// A write under way until the returned guard is dropped.
    pub fn writing(self: &Arc<Self>) -> Writing {
        self.begin();
        Writing(self.clone())
    }

    pub(super) fn hear(&self, hearing: bool) {
        self.generation.fetch_add(1, SeqCst);
        self.hearing.store(hearing, SeqCst);
    }

    /// Listens to PostgreSQL's notifications until the process ends.
    pub fn listen_postgres(self: &Arc<Self>, database_url: String) {
        let changes = self.clone();
        tokio::spawn(async move {
            loop {
                if let Err(e) = changes.listen_once(&database_url).await {
                    tracing::warn!(error = %e, "lost the PostgreSQL connection that hears of changes; reconnecting");
                }
                changes.hear(false);
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }

    async fn listen_once(&self, url: &str) -> anyhow::Result<()> {
        let mut listener = sqlx::postgres::PgListener::connect(url).await?;
        listener.listen(CHANNEL).await?;
        // Anything kept before now may predate a change we did not hear of,
        // and `hear` moves the generation on.
        self.hear(true);
        // `try_recv` answers `None` when the connection was lost; what was
        // sent meanwhile is lost with it.
        while listener.try_recv().await?.is_some() {
            self.changed();
        }
        anyhow::bail!("the connection was lost")
    }
}

/// A request that may write, under way. See `Changes::writing`.
pub struct Writing(Arc<Changes>);

impl Drop for Writing {
    fn drop(&mut self) {
        self.0.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hearing() -> Changes {
        let changes = Changes::default();
        changes.hear(true);
        changes
    }

    #[test]
    fn nothing_is_settled_before_every_change_can_be_heard() {
        assert_eq!(Changes::default().settled(), None);
        assert!(hearing().settled().is_some());
    }

    #[test]
    fn a_read_during_a_write_is_not_kept() {
        let changes = hearing();
        let before = changes.settled().unwrap();
        changes.begin();
        // A reader that starts now may read the old state: nothing to keep.
        assert_eq!(changes.settled(), None);
        assert!(!changes.unchanged_since(before));
        changes.end();
        let after = changes.settled().unwrap();
        assert_ne!(before, after);
        assert!(changes.unchanged_since(after));
    }

    #[test]
    fn a_write_guard_ends_the_write_when_dropped() {
        let changes = Arc::new(hearing());
        let writing = changes.writing();
        assert_eq!(changes.settled(), None);
        drop(writing);
        assert!(changes.settled().is_some());
    }

    #[test]
    fn an_unmatched_end_does_not_settle_a_write_under_way_early() {
        let changes = hearing();
        changes.end();
        changes.begin();
        assert_eq!(changes.settled(), None);
    }
}
