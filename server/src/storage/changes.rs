//! Has the database changed since a given moment? Pages read often and
//! written rarely keep what they read in memory (`storage::cache`) until it
//! has, so a page reloaded costs at most one trivial question to the database.
//!
//! A `Generation` names a settled moment: no write under way, and every
//! committed write before it visible. A reader notes the generation before it
//! reads and keeps its answer only if the generation is the same when it is
//! done; a later reader may use the answer while the generation stays the same.
//!
//! How each backend tells:
//! - SQLite, by a counter this process moves on at every commit to the file,
//!   twice: when the commit begins (before other connections can see it) and
//!   when it has ended, with the commit counted as unsettled in between (hooks
//!   on every connection, `sqlite_hooks`). Nothing to ask the database; one
//!   process per SQLite file, as `serve` runs it.
//! - PostgreSQL, by the current snapshot (`pg_current_snapshot()`): it names
//!   the transactions still running and the highest one completed, so it is
//!   the same text exactly as long as no write transaction has committed or
//!   ended, on any server. A write still running moves it on when it ends. One
//!   cheap question per use, and exact across servers.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::SeqCst};

pub mod sqlite_hooks;

/// A settled moment in the database's history (see the module comment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Generation {
    /// SQLite: how often the counter has moved.
    Counted(u64),
    /// PostgreSQL: the snapshot's text, `xmin:xmax:running,…`.
    Snapshot(String),
}

/// SQLite's commits on one file, as this process's hooks count them.
#[derive(Debug, Default)]
pub struct Counter {
    generation: AtomicU64,
    /// Commits that have begun and not yet ended.
    unsettled: AtomicU64,
    /// Whether the hooks are on this file's connections: until they are,
    /// commits go uncounted and nothing is settled.
    hooked: AtomicBool,
}

impl Counter {
    /// The present generation, if no commit is under way.
    pub fn settled(&self) -> Option<Generation> {
        let generation = self.generation.load(SeqCst);
        (self.hooked.load(SeqCst) && self.unsettled.load(SeqCst) == 0).then_some(Generation::Counted(generation))
    }

    /// A commit begins; it ends with `end`.
    pub fn begin(&self) {
        self.unsettled.fetch_add(1, SeqCst);
        self.generation.fetch_add(1, SeqCst);
    }

    /// A commit has ended: what it changed is visible to every reader.
    pub fn end(&self) {
        self.generation.fetch_add(1, SeqCst);
        // Never below zero, even if an end came without its beginning.
        let _ = self.unsettled.fetch_update(SeqCst, SeqCst, |n| n.checked_sub(1));
    }

    /// The hooks are on (on one more connection): every commit is counted
    /// from now. Nothing was kept before, so nothing needs to move on.
    pub(super) fn hooked(&self) {
        self.hooked.store(true, SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hooked() -> Counter {
        let counter = Counter::default();
        counter.hooked();
        counter
    }

    #[test]
    fn nothing_is_settled_before_the_hooks_are_on() {
        assert_eq!(Counter::default().settled(), None);
        assert!(hooked().settled().is_some());
    }

    #[test]
    fn a_commit_under_way_is_not_settled_and_moves_the_generation_on() {
        let counter = hooked();
        let before = counter.settled().unwrap();
        counter.begin();
        assert_eq!(counter.settled(), None);
        counter.end();
        let after = counter.settled().unwrap();
        assert_ne!(before, after);
    }

    #[test]
    fn an_unmatched_end_does_not_settle_a_commit_under_way_early() {
        let counter = hooked();
        counter.end();
        counter.begin();
        assert_eq!(counter.settled(), None);
    }
}
