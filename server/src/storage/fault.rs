//! When storage fails: a full disk, a read-only disk or database, a disk
//! that answers with I/O errors. Such a failure is not a bug in the request
//! that met it: nothing was saved, the person may try again, and the server
//! is not ready until a write succeeds again (`Db::can_write`).
//! docs/decisions/0013-when-storage-fails.md says what the product promises.
//!
//! Errors arrive from three places (SQLite's result codes, PostgreSQL's
//! SQLSTATEs, the operating system's errno), so which is which lives here,
//! in one place, and nowhere else.
//!
//! One more place reports them only as text: the session store, whose
//! errors tower-sessions takes as `Error::Backend(String)` and which the
//! session layer, outside every handler, turns into a bare 500. The store
//! notes the fault it met (`note`) for the request it serves (`noting`), and
//! `of` finds it behind a session error, so a session write on a cut
//! connection gets the same answer as any other write.

use std::cell::Cell;
use std::io::ErrorKind;

/// Why storage refused a write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// No space left: the disk, the file system or the database is full.
    Full,
    /// The disk, the data folder or the database is read-only.
    ReadOnly,
    /// The disk answered a read or write with an error.
    Io,
    /// The connection to the database broke off mid-request (PostgreSQL
    /// restarted or cut it): the request's transaction was rolled back, and
    /// the next one gets a fresh connection.
    Lost,
}

impl Fault {
    /// The operator's message on the command line: what is wrong and what to
    /// do, in Danish as every message of the commands.
    pub fn advice(self) -> &'static str {
        match self {
            Fault::Full => {
                "Disken eller databasen er fuld, så intet blev gemt. Frigør plads (eller giv databasen mere), \
                 og prøv igen."
            }
            Fault::ReadOnly => {
                "Datamappen eller databasen er skrivebeskyttet, så intet blev gemt. Giv Ledertrivsel lov til at \
                 skrive i LEDERTRIVSEL_DATA_DIR (eller databasen), og prøv igen."
            }
            Fault::Io => {
                "Disken svarede med en fejl, så intet blev gemt. Se efter disken og filsystemet, og prøv igen."
            }
            Fault::Lost => {
                "Forbindelsen til databasen blev afbrudt, så intet blev gemt. Se efter, at databasen kører, og prøv igen."
            }
        }
    }
}

tokio::task_local! {
    /// The fault the session store met while serving this request.
    static NOTED: Cell<Option<Fault>>;
}

/// Runs a request's handling; answers what it answered and the storage
/// fault noted while it ran, if any.
pub async fn noting<F: Future>(handling: F) -> (F::Output, Option<Fault>) {
    NOTED
        .scope(Cell::new(None), async {
            let out = handling.await;
            (out, NOTED.with(Cell::get))
        })
        .await
}

/// Notes the fault behind an error that goes on only as text. The first one
/// stays: it is why the request failed. Outside `noting`, nothing to do.
pub fn note(fault: Option<Fault>) {
    if let Some(fault) = fault {
        let _ = NOTED.try_with(|noted| {
            if noted.get().is_none() {
                noted.set(Some(fault));
            }
        });
    }
}

/// The storage fault behind an error, if any: the first one in its chain.
pub fn of(error: &anyhow::Error) -> Option<Fault> {
    error.chain().find_map(|cause| {
        if let Some(e) = cause.downcast_ref::<sqlx::Error>() {
            return of_sqlx(e);
        }
        if cause.is::<tower_sessions::session::Error>() || cause.is::<tower_sessions::session_store::Error>() {
            // The session store's error is text; what it met was noted.
            return NOTED.try_with(Cell::get).ok().flatten();
        }
        if let Some(e) = cause.downcast_ref::<serde_json::Error>() {
            // serde_json carries the writer's I/O error inside its own.
            return e.io_error_kind().and_then(of_kind);
        }
        cause.downcast_ref::<std::io::Error>().and_then(of_io)
    })
}

pub fn of_sqlx(error: &sqlx::Error) -> Option<Fault> {
    match error {
        sqlx::Error::Database(e) => {
            let code = e.code()?;
            if e.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                code.parse().ok().and_then(of_sqlite)
            } else {
                of_sqlstate(&code)
            }
        }
        sqlx::Error::Io(e) => of_io(e).or_else(|| connection_lost(e.kind()).then_some(Fault::Lost)),
        _ => None,
    }
}

/// SQLite's extended result code.
fn of_sqlite(extended: i32) -> Option<Fault> {
    // The primary result code is the low byte of the extended one.
    match extended & 0xff {
        13 => Some(Fault::Full),     // SQLITE_FULL
        8 => Some(Fault::ReadOnly),  // SQLITE_READONLY (and _DBMOVED, _DIRECTORY, …)
        14 => Some(Fault::ReadOnly), // SQLITE_CANTOPEN: the -wal or -shm file cannot be made
        10 => Some(Fault::Io),       // SQLITE_IOERR and its kinds
        _ => None,
    }
}

/// PostgreSQL's SQLSTATE.
fn of_sqlstate(code: &str) -> Option<Fault> {
    match code {
        "53100" => Some(Fault::Full),     // disk_full
        "25006" => Some(Fault::ReadOnly), // read_only_sql_transaction (a standby, or set read-only)
        "58030" => Some(Fault::Io),       // io_error
        // admin_shutdown, crash_shutdown, cannot_connect_now: the server
        // went away or is starting; class 08: the connection broke.
        "57P01" | "57P02" | "57P03" => Some(Fault::Lost),
        _ if code.starts_with("08") => Some(Fault::Lost),
        _ => None,
    }
}

/// A database connection's socket that broke: only for errors sqlx reports
/// on its connection (a broken pipe while writing a file is not this).
fn connection_lost(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe | ErrorKind::UnexpectedEof | ErrorKind::NotConnected
    )
}

fn of_io(error: &std::io::Error) -> Option<Fault> {
    of_kind(error.kind())
}

fn of_kind(kind: ErrorKind) -> Option<Fault> {
    match kind {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => Some(Fault::Full),
        // Not allowed to write is, for the product, the same as read-only.
        ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => Some(Fault::ReadOnly),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_result_codes() {
        assert_eq!(of_sqlite(13), Some(Fault::Full));
        assert_eq!(of_sqlite(8), Some(Fault::ReadOnly));
        assert_eq!(of_sqlite(1032), Some(Fault::ReadOnly), "SQLITE_READONLY_DBMOVED");
        assert_eq!(of_sqlite(778), Some(Fault::Io), "SQLITE_IOERR_WRITE");
        assert_eq!(of_sqlite(14), Some(Fault::ReadOnly));
        assert_eq!(of_sqlite(2067), None, "a unique constraint is the request's own fault");
        assert_eq!(of_sqlite(5), None, "busy is not a storage fault");
    }

    #[test]
    fn postgres_sqlstates() {
        assert_eq!(of_sqlstate("53100"), Some(Fault::Full));
        assert_eq!(of_sqlstate("25006"), Some(Fault::ReadOnly));
        assert_eq!(of_sqlstate("58030"), Some(Fault::Io));
        assert_eq!(of_sqlstate("57P01"), Some(Fault::Lost), "terminated by pg_terminate_backend or a shutdown");
        assert_eq!(of_sqlstate("08006"), Some(Fault::Lost), "connection failure");
        assert_eq!(of_sqlstate("23505"), None);
        assert_eq!(of_sqlstate("13"), None);
    }

    #[test]
    fn operating_system_errors_anywhere_in_the_chain() {
        let full = anyhow::Error::from(std::io::Error::from_raw_os_error(28)).context("kan ikke skrive backup.json");
        assert_eq!(of(&full), Some(Fault::Full), "ENOSPC");
        let read_only = anyhow::Error::from(std::io::Error::from_raw_os_error(30));
        assert_eq!(of(&read_only), Some(Fault::ReadOnly), "EROFS");
        assert_eq!(of(&anyhow::anyhow!("something else")), None);
        let reset = sqlx::Error::Io(std::io::Error::from(ErrorKind::ConnectionReset));
        assert_eq!(of(&anyhow::Error::from(reset)), Some(Fault::Lost), "the database's socket was reset");
        let pipe = anyhow::Error::from(std::io::Error::from(ErrorKind::BrokenPipe));
        assert_eq!(of(&pipe), None, "a broken pipe outside the database is not a lost database");
        let json = serde_json::to_writer(FullDisk, &"x").unwrap_err();
        assert_eq!(of(&anyhow::Error::from(json)), Some(Fault::Full), "ENOSPC inside serde_json's error");
    }

    /// A writer on a full disk.
    struct FullDisk;

    impl std::io::Write for FullDisk {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from_raw_os_error(28))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
}
