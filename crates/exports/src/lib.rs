//! Typed input -> bytes: the files people take away from Ledertrivsel.
//!
//! Each module turns a small, tool-neutral model into one file format, so the
//! server maps its own types (leader agreement, group agreement, APV report,
//! organisation plan, …) onto these models and never writes a file format
//! itself. This crate must never know about the database, HTTP, sessions or
//! who may see what: callers pass only what the reader is allowed to see
//! (anonymity thresholds are applied before anything gets here).
//!
//! Why these crates:
//! - [`docx`] uses `docx-rs`: pure Rust (no LibreOffice or templates at run
//!   time) and writes real Word paragraph styles, so headings show in Word's
//!   navigation pane and the document stays editable.
//! - [`ics`] uses `icalendar`: a maintained RFC 5545 builder *and* parser, so
//!   the tests read back exactly what Outlook and Google Calendar will read.
//! - [`xlsx`] uses `rust_xlsxwriter`: well kept, writes real `.xlsx` (frozen
//!   panes, bold header, column widths) without Excel installed.
//! - [`csv`] uses the `csv` crate for quoting that Excel and HR systems agree on.

pub mod csv;
pub mod docx;
pub mod ics;
pub mod xlsx;

/// Why an export could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The Word document could not be built or packed.
    #[error("could not write the Word document: {0}")]
    Docx(String),
    /// The spreadsheet could not be built (too many rows, a string over
    /// Excel's 32,767 characters, …).
    #[error("could not write the spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// Drops characters that XML 1.0 and iCalendar text cannot carry (control
/// characters other than tab and line breaks), so pasted text can never make
/// a file that Word or a calendar refuses to open.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| matches!(c, '\t' | '\n' | '\r') || !c.is_control())
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn clean_keeps_text_and_line_breaks_but_drops_control_characters() {
        assert_eq!(super::clean("Æble\u{1}\tø\nå\u{7f}\u{FFFF}"), "Æble\tø\nå");
    }
}
