//! What a page read from the database, kept in memory for as long as the
//! database has not changed (`storage::changes`) and at most `max_age`.
//!
//! Any change anywhere empties the whole cache: coarse, but it needs no
//! knowledge of which rows a page read, so no write can be forgotten. It pays
//! off where reads come in bursts between writes: a start page reloaded,
//! a meeting page on ten phones at once. `max_age` bounds what depends on
//! the clock rather than the data (what is due this week) and writes by
//! another process on the same SQLite file.

use super::changes::Generation;
use super::Db;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub struct Cache<K, V> {
    db: Db,
    max_age: Duration,
    capacity: usize,
    kept: Mutex<Kept<K, V>>,
}

/// Entries read at one generation; a newer generation replaces them all.
struct Kept<K, V> {
    generation: Option<Generation>,
    entries: HashMap<K, (Instant, V)>,
}

impl<K: Eq + Hash, V: Clone> Cache<K, V> {
    pub fn new(db: Db, capacity: usize, max_age: Duration) -> Self {
        Self { db, max_age, capacity, kept: Mutex::new(Kept { generation: None, entries: HashMap::new() }) }
    }

    /// The kept value for `key`, or what `load` reads, kept if the database
    /// was settled and did not change while it read.
    pub async fn get_or_load<E, F>(&self, key: K, load: F) -> Result<V, E>
    where
        F: Future<Output = Result<V, E>>,
        E: From<anyhow::Error>,
    {
        self.get_or_load_where(key, load, |_| true).await
    }

    /// As `get_or_load`, keeping only what `worth_keeping` accepts: a session
    /// that was not found is not kept, so made-up cookies cannot crowd out
    /// real sessions.
    pub async fn get_or_load_where<E, F>(&self, key: K, load: F, worth_keeping: impl Fn(&V) -> bool) -> Result<V, E>
    where
        F: Future<Output = Result<V, E>>,
        E: From<anyhow::Error>,
    {
        let before = self.db.generation().await?;
        if let Some(value) = self.kept(&key, &before) {
            return Ok(value);
        }
        let value = load.await?;
        if worth_keeping(&value) {
            self.keep(key, before, &value).await;
        }
        Ok(value)
    }

    /// The value kept for `key` at generation `now`, if it is young enough.
    fn kept(&self, key: &K, now: &Option<Generation>) -> Option<V> {
        let now = now.as_ref()?;
        let kept = self.lock();
        let (at, value) = kept.entries.get(key).filter(|_| kept.generation.as_ref() == Some(now))?;
        (at.elapsed() < self.max_age).then(|| value.clone())
    }

    /// Keeps `value`, read since `before`, if the database is still at `before`.
    async fn keep(&self, key: K, before: Option<Generation>, value: &V) {
        // A failed check only means the value is not kept.
        if before.is_none() || !matches!(self.db.generation().await, Ok(now) if now == before) {
            return;
        }
        let mut kept = self.lock();
        if kept.generation != before {
            kept.entries.clear();
            kept.generation = before;
        }
        if kept.entries.len() >= self.capacity {
            // Full: start again rather than search for what to drop.
            kept.entries.clear();
        }
        kept.entries.insert(key, (Instant::now(), value.clone()));
    }

    fn lock(&self) -> MutexGuard<'_, Kept<K, V>> {
        // A panic while holding the lock leaves only a cache behind; keep using it.
        self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::sqlite_url;
    use std::sync::atomic::{AtomicU32, Ordering::SeqCst};

    /// A database whose commits are hooked, and its directory.
    async fn hooked() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&sqlite_url(dir.path())).await.unwrap();
        (dir, db)
    }

    /// Reads `key` through the cache; the loader answers how many loads there have been.
    async fn read(cache: &Cache<&'static str, u32>, key: &'static str, loads: &AtomicU32) -> u32 {
        cache.get_or_load(key, async { Ok::<_, anyhow::Error>(loads.fetch_add(1, SeqCst) + 1) }).await.unwrap()
    }

    #[tokio::test]
    async fn a_value_is_kept_until_the_database_changes() {
        let (_dir, db) = hooked().await;
        let cache = Cache::new(db.clone(), 10, Duration::from_secs(60));
        let loads = AtomicU32::new(0);
        assert_eq!(read(&cache, "a", &loads).await, 1);
        assert_eq!(read(&cache, "a", &loads).await, 1);
        assert_eq!(read(&cache, "b", &loads).await, 2);
        sqlx::query("CREATE TABLE t (x INTEGER)").execute(&db.pool).await.unwrap();
        assert_eq!(read(&cache, "a", &loads).await, 3);
        assert_eq!(read(&cache, "b", &loads).await, 4);
    }

    #[tokio::test]
    async fn nothing_is_kept_from_a_database_whose_changes_are_not_heard() {
        let db = Db::connect("sqlite::memory:").await.unwrap();
        let cache = Cache::new(db, 10, Duration::from_secs(60));
        let loads = AtomicU32::new(0);
        assert_eq!(read(&cache, "a", &loads).await, 1);
        assert_eq!(read(&cache, "a", &loads).await, 2);
    }

    #[tokio::test]
    async fn what_was_read_while_a_commit_was_under_way_is_not_kept() {
        let (_dir, db) = hooked().await;
        let cache = Cache::new(db.clone(), 10, Duration::from_secs(60));
        let loads = AtomicU32::new(0);
        // The commit begins before the read and ends after it…
        db.commits.begin();
        assert_eq!(read(&cache, "a", &loads).await, 1);
        db.commits.end();
        assert_eq!(read(&cache, "a", &loads).await, 2);
        assert_eq!(read(&cache, "a", &loads).await, 2);
        // …or begins and ends while the read is under way.
        let during = cache.get_or_load("b", async {
            db.commits.begin();
            db.commits.end();
            Ok::<_, anyhow::Error>(10)
        });
        assert_eq!(during.await.unwrap(), 10);
        assert_eq!(cache.get_or_load("b", async { Ok::<_, anyhow::Error>(11) }).await.unwrap(), 11);
        assert_eq!(cache.get_or_load("b", async { Ok::<_, anyhow::Error>(12) }).await.unwrap(), 11);
    }

    #[tokio::test]
    async fn errors_and_old_entries_are_not_kept() {
        let (_dir, db) = hooked().await;
        let cache = Cache::new(db, 10, Duration::from_millis(50));
        assert!(cache.get_or_load("a", async { Err::<u32, _>(anyhow::anyhow!("no")) }).await.is_err());
        assert_eq!(cache.get_or_load("a", async { Ok::<_, anyhow::Error>(1) }).await.unwrap(), 1);
        assert_eq!(cache.get_or_load("a", async { Ok::<_, anyhow::Error>(2) }).await.unwrap(), 1);
        tokio::time::sleep(Duration::from_millis(60)).await;
        assert_eq!(cache.get_or_load("a", async { Ok::<_, anyhow::Error>(3) }).await.unwrap(), 3);
    }

    #[tokio::test]
    async fn a_full_cache_starts_again() {
        let (_dir, db) = hooked().await;
        let cache = Cache::new(db, 2, Duration::from_secs(60));
        let loads = AtomicU32::new(0);
        for key in ["a", "b", "c"] {
            read(&cache, key, &loads).await;
        }
        assert_eq!(read(&cache, "c", &loads).await, 3, "the newest is kept");
        assert_eq!(read(&cache, "a", &loads).await, 4, "the older ones were let go");
    }

    #[tokio::test]
    async fn only_what_was_found_is_kept() {
        let (_dir, db) = hooked().await;
        let cache: Cache<&str, Option<u32>> = Cache::new(db, 10, Duration::from_secs(60));
        let found = Option::is_some;
        let missing = cache.get_or_load_where("a", async { Ok::<_, anyhow::Error>(None) }, found).await.unwrap();
        assert_eq!(missing, None);
        let first = cache.get_or_load_where("a", async { Ok::<_, anyhow::Error>(Some(1)) }, found).await.unwrap();
        assert_eq!(first, Some(1), "a miss was not kept");
        let again = cache.get_or_load_where("a", async { Ok::<_, anyhow::Error>(Some(2)) }, found).await.unwrap();
        assert_eq!(again, Some(1));
    }
}
