//! The house plan, checked by the build (issue 18): sibling tools never
//! import each other, every transaction that writes starts in one place
//! (`Db::begin_write`), and only `clock.rs` reads the wall clock. Where one
//! tool's result flows into another it goes through the shared kit
//! (`tools::{access, matrix, promise, scale_answers}`) or the
//! thread, not into the other tool's modules.
//!
//! The edges that exist today are listed in `KNOWN`, to be taken apart one
//! by one: the check fails on any new edge, and on a listed edge that is
//! gone (so the list only ever shrinks, and says where the work stands).

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Modules of `tools/` every tool may use: the shared kit.
    const KIT: &[&str] = &["access", "matrix", "promise", "scale_answers"];

    /// Sibling imports as found on 2026-12-07, (importer, imported).
    const KNOWN: &[(&str, &str)] = &[
        ("apv", "group"),
        ("cards", "live"),
        ("collab", "apv"),
        ("collab", "dialog"),
        ("collab", "group"),
        ("collab", "intro"),
        ("group", "collab"),
        ("group", "intro"),
        ("intro", "group"),
        ("live", "cards"),
        ("live", "dialog"),
        ("live", "group"),
        ("live", "plan"),
        ("plan", "apv"),
        ("plan", "cards"),
        ("plan", "dialog"),
    ];

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Every source file under `src/` but `house.rs` itself, as (path
    /// relative to `src/`, text).
    fn sources() -> Vec<(String, String)> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        files
            .into_iter()
            .map(|file| (file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/"), std::fs::read_to_string(&file).unwrap()))
            .filter(|(rel, _)| rel != "house.rs")
            .collect()
    }

    /// Every `crate::tools::<name>` a tool's files name, by tool.
    fn sibling_imports() -> BTreeSet<(String, String)> {
        let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tools");
        let mut edges = BTreeSet::new();
        for entry in std::fs::read_dir(&tools).unwrap().flatten() {
            if !entry.path().is_dir() {
                continue;
            }
            let tool = entry.file_name().to_string_lossy().to_string();
            let mut files = Vec::new();
            rust_files(&entry.path(), &mut files);
            for file in files {
                let text = std::fs::read_to_string(&file).unwrap();
                for (i, _) in text.match_indices("crate::tools::") {
                    let rest = &text[i + "crate::tools::".len()..];
                    let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                    if !name.is_empty() && name != tool && !KIT.contains(&name.as_str()) {
                        edges.insert((tool.clone(), name));
                    }
                }
            }
        }
        edges
    }

    #[test]
    fn sibling_tools_import_no_more_of_each_other_than_listed() {
        let found = sibling_imports();
        let known: BTreeSet<(String, String)> = KNOWN.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        let new: Vec<_> = found.difference(&known).collect();
        assert!(new.is_empty(), "a tool imports a sibling tool: {new:?}; go through the kit (tools::{KIT:?}) or the thread instead");
        let gone: Vec<_> = known.difference(&found).collect();
        assert!(gone.is_empty(), "these sibling imports are gone: take them off KNOWN in house.rs: {gone:?}");
    }

    /// Files that may open a transaction of their own: the storage layer
    /// (backup reads a snapshot; the probe and group commit are its own), and
    /// the live log's appends, which are ordered by their own numbers.
    const OWN_TRANSACTIONS: &[&str] = &["storage/", "tools/live/room.rs", "tools/live/store.rs"];

    /// On SQLite a deferred transaction that reads before it writes fails
    /// with "database is locked" when another write lands in between (the
    /// chaos run of session 25 found 3,376 such failed saves): every other
    /// transaction starts with `Db::begin_write`, which takes the lock first.
    #[test]
    fn transactions_that_write_start_with_begin_write() {
        let found: Vec<String> = sources()
            .into_iter()
            .filter(|(rel, _)| !OWN_TRANSACTIONS.iter().any(|own| rel.starts_with(own)))
            .filter(|(_, text)| text.contains("pool.begin()") || text.contains("pool.begin_with("))
            .map(|(rel, _)| rel)
            .collect();
        assert!(found.is_empty(), "use db.begin_write() in {found:?}");
    }

    /// Time comes from the `Clock` in the state (or a `now` passed down from
    /// it), so tests can set it: a weekday bug once surfaced only when the
    /// suite happened to run on a Tuesday. Only `clock.rs` reads the wall;
    /// the commands (`lib.rs`, `demo`, `backup`) and the login sessions,
    /// whose expiry tower-sessions dates by the wall, say so with
    /// `Clock::wall()`.
    #[test]
    fn only_the_clock_reads_the_wall() {
        let mut found = Vec::new();
        for (rel, text) in sources().into_iter().filter(|(rel, _)| rel != "clock.rs") {
            for wall in ["now_utc()", "now_local()", "SystemTime::now()", "Utc::now()", "Local::now()"] {
                if text.contains(wall) {
                    found.push(format!("{rel}: {wall}"));
                }
            }
        }
        assert!(found.is_empty(), "read the time from state.clock (or a `now` passed in): {found:?}");
    }
}
