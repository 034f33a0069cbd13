//! Helpers shared by the format tests.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory under the system temp dir, unique per process and call,
/// so parallel test runs never share files (or a LibreOffice profile).
pub fn temp_dir(label: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!(
        "ledertrivsel-exports-{label}-{}-{n}-{nanos}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A tool a test needs is missing: skip with a note, unless CI demands every
/// test to run (`LEDERTRIVSEL_TEST_REQUIRE_ALL=1`), then fail.
pub fn missing(what: &str) {
    if std::env::var("LEDERTRIVSEL_TEST_REQUIRE_ALL").as_deref() == Ok("1") {
        panic!("{what} is missing and LEDERTRIVSEL_TEST_REQUIRE_ALL=1");
    }
    eprintln!("SKIPPED: {what} is missing (set LEDERTRIVSEL_TEST_REQUIRE_ALL=1 to fail instead)");
}
