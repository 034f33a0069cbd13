//! What a page read from the database, kept in memory for as long as the
//! database has not changed (`storage::changes`) and at most `max_age`.
//!
//! Any change anywhere empties the whole cache: coarse, but it needs no
//! knowledge of which rows a page read, so no write can be forgotten. It pays
//! off where reads come in bursts between writes: a start page reloaded,
//! a meeting page on ten phones at once. `max_age` bounds what depends on
//! the clock rather than the data (what is due this week) and writes by
//! another process on the same SQLite file.

use super::changes::{Changes, Generation};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub struct Cache<K, V> {
    changes: Arc<Changes>,
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
    pub fn new(changes: Arc<Changes>, capacity: usize, max_age: Duration) -> Self {
        Self { changes, max_age, capacity, kept: Mutex::new(Kept { generation: None, entries: HashMap::new() }) }
    }

    /// The kept value for `key`, or what `load` reads, kept if the database
    /// was settled and did not change while it read.
    pub async fn get_or_load<E, F>(&self, key: K, load: F) -> Result<V, E>
    where
        F: Future<Output = Result<V, E>>,
    {
        let before = self.changes.settled();
        if let Some(generation) = before {
            let kept = self.lock();
            if kept.generation == Some(generation) {
                if let Some((at, value)) = kept.entries.get(&key) {
                    if at.elapsed() < self.max_age {
                        return Ok(value.clone());
                    }
                }
            }
        }
        let value = load.await?;
        if let Some(generation) = before.filter(|g| self.changes.unchanged_since(*g)) {
            let mut kept = self.lock();
            if kept.generation != Some(generation) {
                kept.entries.clear();
                kept.generation = Some(generation);
            }
            if kept.entries.len() >= self.capacity {
                kept.entries.retain(|_, (at, _)| at.elapsed() < self.max_age);
            }
            if kept.entries.len() < self.capacity {
                kept.entries.insert(key, (Instant::now(), value.clone()));
            }
        }
        Ok(value)
    }

    fn lock(&self) -> MutexGuard<'_, Kept<K, V>> {
        // A panic while holding the lock leaves only a cache behind; keep using it.
        self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering::SeqCst};

    /// Changes that hear every write, as a hooked SQLite file does.
    fn hearing() -> Arc<Changes> {
        let changes = Arc::new(Changes::default());
        changes.hear(true);
        changes
    }

    /// Reads `key` through the cache; the loader answers how many loads there have been.
    async fn read(cache: &Cache<&'static str, u32>, key: &'static str, loads: &AtomicU32) -> u32 {
        cache.get_or_load(key, async { Ok::<_, ()>(loads.fetch_add(1, SeqCst) + 1) }).await.unwrap()
    }

    #[tokio::test]
    async fn a_value_is_kept_until_the_database_changes() {
        let changes = hearing();
        let cache = Cache::new(changes.clone(), 10, Duration::from_secs(60));
        let loads = AtomicU32::new(0);
        assert_eq!(read(&cache, "a", &loads).await, 1);
        assert_eq!(read(&cache, "a", &loads).await, 1);
        assert_eq!(read(&cache, "b", &loads).await, 2);
        changes.begin();
        changes.end();
        assert_eq!(read(&cache, "a", &loads).await, 3);
        assert_eq!(read(&cache, "b", &loads).await, 4);
    }

    #[tokio::test]
    async fn nothing_is_kept_while_changes_cannot_be_heard() {
        let cache = Cache::new(Arc::new(Changes::default()), 10, Duration::from_secs(60));
        let loads = AtomicU32::new(0);
        assert_eq!(read(&cache, "a", &loads).await, 1);
        assert_eq!(read(&cache, "a", &loads).await, 2);
    }

    #[tokio::test]
    async fn what_was_read_while_a_write_was_under_way_is_not_kept() {
        let changes = hearing();
        let cache = Cache::new(changes.clone(), 10, Duration::from_secs(60));
        let loads = AtomicU32::new(0);
        // The write begins before the read and ends after it…
        changes.begin();
        assert_eq!(read(&cache, "a", &loads).await, 1);
        changes.end();
        assert_eq!(read(&cache, "a", &loads).await, 2);
        // …or begins and ends while the read is under way.
        let during = cache.get_or_load("b", async {
            changes.begin();
            changes.end();
            Ok::<_, ()>(10)
        });
        assert_eq!(during.await, Ok(10));
        assert_eq!(cache.get_or_load("b", async { Ok::<_, ()>(11) }).await, Ok(11));
        assert_eq!(cache.get_or_load("b", async { Ok::<_, ()>(12) }).await, Ok(11));
    }

    #[tokio::test]
    async fn errors_and_old_entries_are_not_kept() {
        let cache = Cache::new(hearing(), 10, Duration::from_millis(20));
        assert_eq!(cache.get_or_load("a", async { Err::<u32, _>("no") }).await, Err("no"));
        assert_eq!(cache.get_or_load("a", async { Ok::<_, &str>(1) }).await, Ok(1));
        assert_eq!(cache.get_or_load("a", async { Ok::<_, &str>(2) }).await, Ok(1));
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert_eq!(cache.get_or_load("a", async { Ok::<_, &str>(3) }).await, Ok(3));
    }

    #[tokio::test]
    async fn a_full_cache_keeps_what_it_has() {
        let cache = Cache::new(hearing(), 2, Duration::from_secs(60));
        let loads = AtomicU32::new(0);
        for key in ["a", "b", "c"] {
            read(&cache, key, &loads).await;
        }
        assert_eq!(read(&cache, "a", &loads).await, 1);
        assert_eq!(read(&cache, "c", &loads).await, 4);
    }
}
