//! Spreadsheets (.xlsx) of anonymous figures for HR.
//!
//! Text is always written as text, never as a formula, so a theme name that
//! starts with `=` stays a name.

use std::collections::HashSet;

use rust_xlsxwriter::{Format, Workbook};

use crate::Error;

/// One worksheet: a header row and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Made valid for Excel by [`sheet_name`].
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A cell value. Numbers stay numbers, so people can sum and chart them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// NaN and infinities are written as empty cells.
    Number(f64),
    Integer(i64),
    Empty,
}

/// Excel's limit on sheet names, in UTF-16 units.
const MAX_NAME: usize = 31;

/// Renders the sheets, in order, as the bytes of an .xlsx file; each with a
/// bold, frozen header row and columns sized to their content.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, Error> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut used = HashSet::new();
    for (index, sheet) in sheets.iter().enumerate() {
        let ws = book.add_worksheet();
        ws.set_name(unique(sheet_name(&sheet.name, index), &mut used))?;
        for (col, title) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, column(col)?, crate::clean(title), &bold)?;
        }
        let first = u32::from(!sheet.header.is_empty());
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = first
                + u32::try_from(r).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)?;
            for (col, cell) in row.iter().enumerate() {
                let col = column(col)?;
                match cell {
                    Cell::Text(t) => ws.write_string(r, col, crate::clean(t)).map(drop)?,
                    Cell::Number(n) if n.is_finite() => ws.write_number(r, col, *n).map(drop)?,
                    // Excel's numbers are f64; beyond 2^53 an i64 loses digits either way.
                    Cell::Integer(i) => ws.write_number(r, col, *i as f64).map(drop)?,
                    Cell::Number(_) | Cell::Empty => {}
                }
            }
        }
        if first == 1 {
            ws.set_freeze_panes(1, 0)?;
        }
        ws.set_autofit_max_width(400);
        ws.autofit();
    }
    if sheets.is_empty() {
        // A workbook without sheets is not a valid file.
        book.add_worksheet();
    }
    Ok(book.save_to_buffer()?)
}

fn column(index: usize) -> Result<u16, Error> {
    u16::try_from(index).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError.into())
}

/// A name Excel accepts: without `[]:*?/\`, not starting or ending with an
/// apostrophe, at most 31 characters, not blank (then "Ark 1", "Ark 2", …)
/// and not Excel's reserved "History".
pub fn sheet_name(name: &str, index: usize) -> String {
    let cleaned: String = crate::clean(name)
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim().trim_matches('\'').trim();
    let truncated = truncate(trimmed, MAX_NAME);
    let name = truncated.trim_end().trim_end_matches('\'');
    if name.is_empty() || name.eq_ignore_ascii_case("history") {
        format!("Ark {}", index + 1)
    } else {
        name.to_owned()
    }
}

/// Excel compares sheet names case-insensitively; add " (2)" etc. on clashes.
fn unique(name: String, used: &mut HashSet<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while !used.insert(candidate.to_lowercase()) {
        let suffix = format!(" ({n})");
        candidate = format!(
            "{}{suffix}",
            truncate(&name, MAX_NAME - suffix.len()).trim_end()
        );
        n += 1;
    }
    candidate
}

/// At most `max` UTF-16 units, cut on a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    let mut units = 0;
    for (at, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &s[..at];
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_follow_excels_rules() {
        assert_eq!(
            sheet_name("APV 2026: [Rød]/Gul*?\\", 0),
            "APV 2026- -Rød--Gul---"
        );
        assert_eq!(sheet_name("'Trivsel'", 0), "Trivsel");
        assert_eq!(sheet_name("   ", 2), "Ark 3");
        assert_eq!(sheet_name("History", 0), "Ark 1");
        let long = sheet_name("Samarbejde med medarbejdere og ledere på tværs", 0);
        assert_eq!(long, "Samarbejde med medarbejdere og");
        assert!(rust_xlsxwriter::utility::check_sheet_name(&long).is_ok());
    }

    #[test]
    fn clashing_names_get_a_number() {
        let mut used = HashSet::new();
        assert_eq!(unique("Tema".into(), &mut used), "Tema");
        assert_eq!(unique("tema".into(), &mut used), "tema (2)");
        let long = "x".repeat(31);
        assert_eq!(unique(long.clone(), &mut used), long);
        let second = unique(long, &mut used);
        assert_eq!(second.len(), 31);
        assert!(second.ends_with(" (2)"));
    }
}
