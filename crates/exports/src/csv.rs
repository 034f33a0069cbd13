//! CSV of anonymous figures, shaped for Danish Excel: UTF-8 with a byte order
//! mark (else Excel reads æøå as Latin-1), `;` between fields and a decimal
//! comma (a Danish Excel uses `,` for decimals), CRLF line endings.
//!
//! Text that Excel would run as a formula (starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) gets a leading `'`, so free text from users can
//! never become a formula on an HR computer (OWASP "CSV injection"). Numbers
//! belong in [`Cell::Number`] or [`Cell::Integer`], which are written as is.

pub use crate::xlsx::Cell;

const BOM: &str = "\u{FEFF}";

/// The table as CSV text, header first; starts with a BOM.
pub fn table(header: &[String], rows: &[Vec<Cell>]) -> String {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(BOM.as_bytes().to_vec());
    // Writing to a Vec cannot fail, and only UTF-8 goes in.
    if !header.is_empty() {
        out.write_record(header.iter().map(|h| text(h)))
            .expect("writing to memory");
    }
    for row in rows {
        out.write_record(row.iter().map(field))
            .expect("writing to memory");
    }
    let bytes = out.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => text(t),
        Cell::Number(n) if n.is_finite() => n.to_string().replace('.', ","),
        Cell::Integer(i) => i.to_string(),
        Cell::Number(_) | Cell::Empty => String::new(),
    }
}

fn text(value: &str) -> String {
    let value = crate::clean(value);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_a_decimal_comma_and_formulas_are_defused() {
        let csv = table(
            &["Tema".into()],
            &[vec![
                Cell::Number(3.5),
                Cell::Integer(-4),
                Cell::Text("=SUM(A1)".into()),
                Cell::Number(f64::NAN),
                Cell::Empty,
            ]],
        );
        assert_eq!(csv, "\u{FEFF}Tema\r\n3,5;-4;'=SUM(A1);;\r\n");
    }
}
