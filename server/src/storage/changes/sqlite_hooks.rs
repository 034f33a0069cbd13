//! SQLite tells a `Counter` of every commit on this process's connections to
//! a database file.
//!
//! sqlx's `Any` driver gives no access to the SQLite handle, so the hooks go
//! on at the one place SQLite offers for every connection: an automatic
//! extension, which SQLite runs as it opens each connection. It finds the
//! connection's file among those `watch` registered and puts on:
//! - a commit hook: a write begins to commit (`Counter::begin`), not yet
//!   visible to other connections;
//! - a profile callback, which SQLite calls when a statement has finished:
//!   if that statement committed, the commit is now visible (`Counter::end`).
//!   A commit done by `sqlite3_reset` (a statement dropped before its end,
//!   which SQLite reports before it resets) is ended by the connection's
//!   next statement; until then nothing is kept, and if the pool closes the
//!   connection first, nothing is kept again until `serve` restarts (safe,
//!   only slower). Our SQLite writes run to their end (none reads rows back
//!   with RETURNING), so this is a safety net, not a path taken.
//!
//! If SQLite ever failed to call the second, the write would stay unsettled
//! and pages would simply be read afresh: the failure is slowness, never a
//! stale page.

use super::Counter;
use libsqlite3_sys as ffi;
use std::ffi::{c_char, c_int, c_uint, c_void, CStr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::{Arc, Mutex, Once, Weak};

/// The files whose connections get hooks, and whom they tell. Shared by every
/// `Db` on the same file in this process, so that they hear each other's writes.
static WATCHED: Mutex<Vec<(PathBuf, Weak<Counter>)>> = Mutex::new(Vec::new());

/// The counter of commits to the database file at `path` (which need not
/// exist yet), moved by every connection this process opens to it from now on.
pub fn watch(path: &Path) -> Arc<Counter> {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: `on_open` has the signature SQLite calls automatic
        // extensions with; registering is thread-safe.
        let rc = unsafe { ffi::sqlite3_auto_extension(Some(on_open)) };
        if rc != ffi::SQLITE_OK {
            tracing::warn!(rc, "could not hook SQLite's commits; pages will be read afresh every time");
        }
    });
    let path = full_path(path);
    let mut watched = lock_watched();
    watched.retain(|(_, counter)| counter.strong_count() > 0);
    if let Some(counter) = find(&watched, &path) {
        return counter;
    }
    let counter = Arc::new(Counter::default());
    watched.push((path, Arc::downgrade(&counter)));
    counter
}

fn lock_watched() -> std::sync::MutexGuard<'static, Vec<(PathBuf, Weak<Counter>)>> {
    WATCHED.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The counter of the watched file at `path`, named as SQLite names it.
fn find(watched: &[(PathBuf, Weak<Counter>)], path: &Path) -> Option<Arc<Counter>> {
    watched.iter().find(|(p, _)| p == path).and_then(|(_, c)| c.upgrade())
}

/// The path as SQLite names an open file: absolute, links resolved.
fn full_path(path: &Path) -> PathBuf {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return path.to_path_buf();
    };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    std::fs::canonicalize(dir).map(|d| d.join(name)).unwrap_or_else(|_| path.to_path_buf())
}

/// One connection's hook state, handed to SQLite's callbacks. It lives as
/// long as the process: SQLite has no hook for a connection closing, and a
/// pool opens few connections.
struct Hooked {
    counter: Arc<Counter>,
    committing: AtomicBool,
}

unsafe extern "C" fn on_open(
    db: *mut ffi::sqlite3,
    _error: *mut *mut c_char,
    _api: *const ffi::sqlite3_api_routines,
) -> c_int {
    // SAFETY: `db` is the connection being opened; the name SQLite returns
    // is valid while it is open, and copied here.
    let name = unsafe { ffi::sqlite3_db_filename(db, c"main".as_ptr()) };
    if name.is_null() {
        return ffi::SQLITE_OK;
    }
    // SAFETY: a non-null file name is a NUL-terminated string.
    let name = unsafe { CStr::from_ptr(name) };
    let Ok(name) = name.to_str() else { return ffi::SQLITE_OK };
    // In-memory and temporary databases have an empty name: no hooks, and
    // nothing read from them is kept.
    let Some(counter) = find(&lock_watched(), Path::new(name)) else { return ffi::SQLITE_OK };
    let hooked = Box::into_raw(Box::new(Hooked { counter: counter.clone(), committing: AtomicBool::new(false) }));
    // SAFETY: `hooked` is never freed, so the pointer outlives the connection;
    // both callbacks have the signatures SQLite expects.
    unsafe {
        ffi::sqlite3_commit_hook(db, Some(on_commit), hooked.cast());
        ffi::sqlite3_trace_v2(db, ffi::SQLITE_TRACE_PROFILE as c_uint, Some(on_statement_end), hooked.cast());
    }
    counter.hooked();
    ffi::SQLITE_OK
}

unsafe extern "C" fn on_commit(hooked: *mut c_void) -> c_int {
    // SAFETY: the pointer `on_open` gave SQLite, never freed.
    let hooked = unsafe { &*(hooked as *const Hooked) };
    if !hooked.committing.swap(true, SeqCst) {
        hooked.counter.begin();
    }
    0 // go on with the commit
}

unsafe extern "C" fn on_statement_end(_kind: c_uint, hooked: *mut c_void, _statement: *mut c_void, _nanos: *mut c_void) -> c_int {
    // SAFETY: the pointer `on_open` gave SQLite, never freed.
    let hooked = unsafe { &*(hooked as *const Hooked) };
    if hooked.committing.swap(false, SeqCst) {
        hooked.counter.end();
    }
    0
}

#[cfg(test)]
mod tests {
    use crate::storage::{sqlite_url, Db};

    #[tokio::test]
    async fn every_commit_on_the_file_is_heard_and_reads_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&sqlite_url(dir.path())).await.unwrap();
        db.migrate().await.unwrap();
        let start = db.generation().await.unwrap().expect("hooked, and no commit under way after migrating");

        sqlx::query("SELECT COUNT(*) FROM orgs").execute(&db.pool).await.unwrap();
        assert_eq!(db.generation().await.unwrap().as_ref(), Some(&start), "a read is not a change");

        sqlx::query("INSERT INTO accounts (id, email, password_hash, locale, created_at) VALUES ('a', 'a@b.dk', '', 'da', '')")
            .execute(&db.pool)
            .await
            .unwrap();
        let after_insert = db.generation().await.unwrap().expect("the commit has ended");
        assert_ne!(after_insert, start);

        let mut tx = db.begin_write().await.unwrap();
        sqlx::query("UPDATE accounts SET locale = 'en'").execute(&mut *tx).await.unwrap();
        assert_eq!(db.generation().await.unwrap().as_ref(), Some(&after_insert), "not committed yet");
        tx.commit().await.unwrap();
        let after_commit = db.generation().await.unwrap().expect("the commit has ended");
        assert_ne!(after_commit, after_insert);

        // A second `Db` on the same file hears the first one's writes.
        let other = Db::connect(&sqlite_url(dir.path())).await.unwrap();
        let seen = other.generation().await.unwrap().unwrap();
        sqlx::query("DELETE FROM accounts").execute(&db.pool).await.unwrap();
        assert_ne!(other.generation().await.unwrap(), Some(seen));
    }

    #[tokio::test]
    async fn a_database_in_memory_is_never_settled() {
        let db = Db::connect("sqlite::memory:").await.unwrap();
        sqlx::query("CREATE TABLE t (x INTEGER)").execute(&db.pool).await.unwrap();
        assert_eq!(db.generation().await.unwrap(), None);
    }
}
