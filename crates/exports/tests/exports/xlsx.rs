//! Spreadsheets read back with calamine, and CSV as Danish Excel reads it.

use calamine::{Data, Reader, Xlsx};
use exports::csv;
use exports::xlsx::{Cell, Sheet, workbook};

fn sheets() -> Vec<Sheet> {
    let text = |s: &str| Cell::Text(s.into());
    vec![
        Sheet {
            name: "APV 2026: rød/gul/grøn [alle]".into(),
            header: vec![
                "Tema".into(),
                "Rød".into(),
                "Gul".into(),
                "Grøn".into(),
                "Gns.".into(),
            ],
            rows: vec![
                vec![
                    text("Krav"),
                    Cell::Integer(7),
                    Cell::Integer(3),
                    Cell::Integer(0),
                    Cell::Number(1.7),
                ],
                vec![
                    text("=Støtte fra nærmeste chef"),
                    Cell::Empty,
                    Cell::Integer(5),
                    Cell::Integer(9),
                    Cell::Number(f64::NAN),
                ],
            ],
        },
        Sheet {
            name: "Opfølgning på handlingsplaner i hele organisationen".into(),
            header: vec!["Enhed".into(), "Planer".into()],
            rows: vec![vec![text("Ældreområdet"), Cell::Integer(12)]],
        },
    ]
}

#[test]
fn two_sheets_read_back_with_header_and_values() {
    let bytes = workbook(&sheets()).expect("writes");
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("calamine opens it");
    assert_eq!(
        book.sheet_names(),
        vec![
            "APV 2026- rød-gul-grøn -alle-".to_owned(),
            "Opfølgning på handlingsplaner i".to_owned()
        ]
    );

    let first = book
        .worksheet_range("APV 2026- rød-gul-grøn -alle-")
        .expect("first sheet");
    let rows: Vec<Vec<Data>> = first.rows().map(|r| r.to_vec()).collect();
    let s = |v: &str| Data::String(v.into());
    assert_eq!(
        rows[0],
        vec![s("Tema"), s("Rød"), s("Gul"), s("Grøn"), s("Gns.")]
    );
    assert_eq!(
        rows[1],
        vec![
            s("Krav"),
            Data::Float(7.0),
            Data::Float(3.0),
            Data::Float(0.0),
            Data::Float(1.7)
        ]
    );
    // A leading "=" stays text, and missing numbers are empty cells.
    assert_eq!(
        rows[2],
        vec![
            s("=Støtte fra nærmeste chef"),
            Data::Empty,
            Data::Float(5.0),
            Data::Float(9.0),
            Data::Empty
        ]
    );
    assert_eq!(rows.len(), 3);

    let second = book
        .worksheet_range("Opfølgning på handlingsplaner i")
        .expect("second sheet");
    assert_eq!(second.get_value((1, 0)), Some(&s("Ældreområdet")));
    assert_eq!(second.get_value((1, 1)), Some(&Data::Float(12.0)));
}

#[test]
fn the_header_row_is_frozen_and_bold() {
    let bytes = workbook(&sheets()).expect("writes");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet1"),
        &mut xml,
    )
    .expect("UTF-8");
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{xml}"
    );
    assert!(xml.contains("<col "), "column widths are set");
    let mut styles = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/styles.xml").expect("styles"),
        &mut styles,
    )
    .expect("UTF-8");
    assert!(styles.contains("<b/>"), "a bold font for the header");
}

#[test]
fn clashing_and_empty_names_and_no_sheets_still_make_a_valid_workbook() {
    let sheet = |name: &str| Sheet {
        name: name.into(),
        header: vec![],
        rows: vec![vec![Cell::Integer(1)]],
    };
    let bytes = workbook(&[sheet("Tema"), sheet("TEMA"), sheet("")]).expect("writes");
    let book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
    assert_eq!(book.sheet_names(), vec!["Tema", "TEMA (2)", "Ark 3"]);

    let empty = workbook(&[]).expect("writes");
    let book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(empty)).expect("opens");
    assert_eq!(book.sheet_names().len(), 1);
}

#[test]
fn csv_has_a_bom_semicolons_and_quotes_where_needed() {
    let out = csv::table(
        &["Tema".into(), "Nøgleord".into(), "Antal".into()],
        &[
            vec![
                Cell::Text("Krav".into()),
                Cell::Text("travlt; \"for\" mange møder".into()),
                Cell::Integer(4),
            ],
            vec![
                Cell::Text("Rolle, ansvar".into()),
                Cell::Text("linje 1\nlinje 2".into()),
                Cell::Number(2.25),
            ],
        ],
    );
    assert!(out.starts_with('\u{FEFF}'), "a BOM so Excel reads UTF-8");
    let lines: Vec<&str> = out.trim_start_matches('\u{FEFF}').split("\r\n").collect();
    assert_eq!(
        lines,
        vec![
            "Tema;Nøgleord;Antal",
            r#"Krav;"travlt; ""for"" mange møder";4"#,
            "Rolle, ansvar;\"linje 1\nlinje 2\";2,25",
            "",
        ]
    );
}
