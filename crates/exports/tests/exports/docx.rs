//! The Word document: read back with docx-rs's reader, looked at as raw XML
//! for what the reader ignores, and opened by LibreOffice.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
use exports::docx::{Block, Document, render, render_at};
use time::macros::datetime;

use crate::support;

fn sample() -> Document {
    let s = |v: &str| v.to_owned();
    Document {
        title: s("Lederaftale for Søren Ærø"),
        subtitle: Some(s("Aftalt med nærmeste leder, 1. december 2026")),
        lang: s("da"),
        blocks: vec![
            Block::Heading(s("Mål for de næste 6–12 måneder")),
            Block::Subheading(s("Trivsel <&> \"balance\" 'ro'")),
            Block::Paragraph(s("Første linje\nAnden linje med æøå ÆØÅ")),
            Block::Bullets(vec![
                s("Gå en tur hver dag"),
                s("Sig nej til møder efter kl. 16"),
            ]),
            Block::Fields(vec![
                (s("Opfølgning"), s("Hver fredag & ved kvartalsdialogen")),
                (s("Ansvarlig"), s("Åse Østergård")),
            ]),
            Block::Table {
                header: vec![s("Aktivitet"), s("Hvem"), s("Hvornår")],
                rows: vec![
                    vec![s("Dialog om rammer"), s("Leder <og> chef"), s("Uge 3")],
                    vec![s("Kortspil i gruppen")],
                ],
            },
            Block::Empty(s("(intet skrevet)")),
            Block::Bullets(vec![]),
            Block::Fields(vec![]),
        ],
        footer: Some(s("Ledertrivsel · fortroligt")),
    }
}

/// (style id, text) of every top-level paragraph but the empty spacers after
/// tables, and the cell texts of every table, row by row.
type ReadBack = (Vec<(String, String)>, Vec<Vec<Vec<String>>>);

fn read_back(bytes: &[u8]) -> ReadBack {
    let docx = docx_rs::read_docx(bytes).expect("docx-rs reads what we wrote");
    let mut paragraphs = Vec::new();
    let mut tables = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => {
                let style = p
                    .property
                    .style
                    .as_ref()
                    .map(|s| s.val.clone())
                    .unwrap_or_default();
                if !(style.is_empty() && p.raw_text().is_empty()) {
                    paragraphs.push((style, p.raw_text()));
                }
            }
            DocumentChild::Table(t) => tables.push(
                t.rows
                    .iter()
                    .map(|TableChild::TableRow(row)| {
                        row.cells
                            .iter()
                            .map(|TableRowChild::TableCell(cell)| {
                                cell.children
                                    .iter()
                                    .filter_map(|c| match c {
                                        TableCellContent::Paragraph(p) => Some(p.raw_text()),
                                        _ => None,
                                    })
                                    .collect::<Vec<_>>()
                                    .join("\n")
                            })
                            .collect()
                    })
                    .collect(),
            ),
            _ => {}
        }
    }
    (paragraphs, tables)
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut xml)
        .expect("UTF-8 XML");
    xml
}

#[test]
fn every_block_reads_back_with_its_text_and_style() {
    let bytes = render(&sample()).expect("renders");
    let (paragraphs, tables) = read_back(&bytes);
    let p = |style: &str, text: &str| (style.to_owned(), text.to_owned());
    assert_eq!(
        paragraphs,
        vec![
            p("Title", "Lederaftale for Søren Ærø"),
            p("Subtitle", "Aftalt med nærmeste leder, 1. december 2026"),
            p("Heading2", "Mål for de næste 6–12 måneder"),
            p("Heading3", "Trivsel <&> \"balance\" 'ro'"),
            p("", "Første linje\nAnden linje med æøå ÆØÅ"),
            p("", "Gå en tur hver dag"),
            p("", "Sig nej til møder efter kl. 16"),
            p("", "(intet skrevet)"),
        ]
    );
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        tables,
        vec![
            vec![
                row(&["Opfølgning", "Hver fredag & ved kvartalsdialogen"]),
                row(&["Ansvarlig", "Åse Østergård"]),
            ],
            vec![
                row(&["Aktivitet", "Hvem", "Hvornår"]),
                row(&["Dialog om rammer", "Leder <og> chef", "Uge 3"]),
                row(&["Kortspil i gruppen", "", ""]),
            ],
        ]
    );
}

#[test]
fn styles_numbering_and_formatting_are_real_word_features() {
    let bytes = render(&sample()).expect("renders");
    let docx = docx_rs::read_docx(&bytes).expect("reads");
    for (id, name) in [
        ("Title", "Title"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
    ] {
        let style = docx
            .styles
            .find_style_by_id(id)
            .unwrap_or_else(|| panic!("style {id}"));
        // Word recognises built-in styles by these exact names.
        assert!(
            format!("{:?}", style.name).contains(&format!("{name:?}")),
            "{id}: {:?}",
            style.name
        );
    }
    let headings = docx.styles.create_heading_style_map();
    assert_eq!(headings.get("Heading2"), Some(&2));
    assert_eq!(headings.get("Heading3"), Some(&3));

    let bullets: Vec<_> = docx
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            DocumentChild::Paragraph(p) => p.property.numbering_property.as_ref(),
            _ => None,
        })
        .collect();
    assert_eq!(bullets.len(), 2, "both bullet items are list paragraphs");

    let document = part(&bytes, "word/document.xml");
    assert_eq!(
        document.matches("<w:tblHeader />").count(),
        1,
        "the table header repeats"
    );
    assert!(document.contains("&lt;&amp;&gt;"), "markup is escaped");
    assert!(document.contains("<w:i />"), "the empty marker is italic");
    assert!(document.contains(r#"w:w="11906" w:h="16838""#), "A4");
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"<w:lang w:val="da-DK""#),
        "Danish proofing language"
    );
    assert!(styles.contains("Calibri"));
    let core = part(
        &render_at(&sample(), datetime!(2026-12-01 10:30:15 +1)).expect("renders"),
        "docProps/core.xml",
    );
    assert!(
        core.contains(">2026-12-01T09:30:15Z</dcterms:created>"),
        "{core}"
    );
    assert!(core.contains("<dc:creator>Ledertrivsel</dc:creator>"));
    assert!(core.contains("<dc:title>Lederaftale for Søren Ærø</dc:title>"));
    assert!(core.contains("<dc:language>da-DK</dc:language>"));
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains("Ledertrivsel · fortroligt") && footer.contains("Side"));
    assert!(footer.contains("PAGE") && footer.contains("NUMPAGES"));
}

#[test]
fn english_documents_say_page_and_a_title_with_quotes_is_escaped() {
    let doc = Document {
        title: "Plan \"A\" & <B>".into(),
        lang: "en".into(),
        subtitle: None,
        blocks: vec![],
        footer: None,
    };
    let bytes = render(&doc).expect("renders");
    assert!(
        part(&bytes, "docProps/core.xml")
            .contains("<dc:title>Plan &quot;A&quot; &amp; &lt;B&gt;</dc:title>")
    );
    assert!(part(&bytes, "word/styles.xml").contains(r#"<w:lang w:val="en-GB""#));
    assert!(part(&bytes, "word/footer1.xml").contains("Page"));
    docx_rs::read_docx(&bytes).expect("still a valid document");
}

fn soffice() -> Option<PathBuf> {
    ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Converts `file` in `dir` with a private profile; gives up after 3 minutes.
fn convert(soffice: &Path, dir: &Path, file: &Path, to: &str) {
    let profile = format!("file://{}", dir.join("profile").display());
    let mut child = Command::new(soffice)
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start LibreOffice");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for LibreOffice") {
            assert!(status.success(), "LibreOffice failed: {status}");
            return;
        }
        if started.elapsed() > Duration::from_secs(180) {
            child.kill().ok();
            panic!(
                "LibreOffice took more than 3 minutes to convert {}",
                file.display()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Issue 17, item 10: the layout LibreOffice and Word draw alike.
#[test]
fn line_spacing_scales_with_the_font_and_tables_fit_their_content() {
    let s = |v: &str| v.to_owned();
    let doc = Document {
        title: s("Leder-APV: Ledergruppen i Børn og Unge, en titel der brydes"),
        subtitle: None,
        lang: s("da"),
        blocks: vec![
            Block::Table {
                header: vec![s("Tema"), s("Stop op"), s("Vent"), s("Kør")],
                rows: vec![
                    vec![s("Samarbejde og kommunikation med medarbejderne"), s("0"), s("4"), s("4")],
                    vec![s("Krav i arbejdet"), s("6"), s("5"), s("0")],
                    vec![s("Vold og trusler om vold"), s("0"), s("3"), s("0")],
                ],
            },
            Block::Fields(vec![
                (s("Hvordan har arbejdsmiljøorganisationen (AMO) været inddraget?"), s("Deltog i mødet.")),
                (s("Næste APV"), s("10. februar 2027")),
            ]),
        ],
        footer: None,
    };
    let bytes = render(&doc).expect("renders");
    // A line height without its rule is read as exact by LibreOffice: a
    // 26 pt title that wraps is then drawn over itself.
    for name in ["word/styles.xml", "word/document.xml"] {
        let xml = part(&bytes, name);
        for spacing in xml.split("<w:spacing").skip(1).map(|r| &r[..r.find("/>").unwrap()]) {
            if spacing.contains("w:line=") {
                assert!(spacing.contains(r#"w:lineRule="auto""#), "{name}: <w:spacing{spacing}/>");
            }
        }
    }
    let document = part(&bytes, "word/document.xml");
    let grids: Vec<Vec<usize>> = document
        .split("<w:tblGrid>")
        .skip(1)
        .map(|g| {
            g[..g.find("</w:tblGrid>").unwrap()]
                .split(r#"<w:gridCol w:w=""#)
                .skip(1)
                .map(|c| c[..c.find('"').unwrap()].parse().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(grids.len(), 2, "{document}");
    let text_width = 11906 - 2 * 1417;
    for grid in &grids {
        assert_eq!(grid.iter().sum::<usize>(), text_width, "the table fills the text width: {grid:?}");
    }
    let theme = &grids[0];
    assert!(theme[0] > 2 * theme[1] && theme[1] >= 900, "the theme column is wide, the counts narrow but whole: {theme:?}");
    // "arbejdsmiljøorganisationen" (26 letters, bold) is never split inside the word.
    assert!(grids[1][0] >= 26 * 110, "{:?}", grids[1]);
    // Every row but a table's last is kept with the next: a table that fits
    // on a page is never split, and no last row is left alone.
    let tables: Vec<&str> = document.split("<w:tbl>").skip(1).map(|t| &t[..t.find("</w:tbl>").unwrap()]).collect();
    for (table, rows) in tables.iter().zip([4, 2]) {
        let kept: Vec<bool> = table.split("<w:tr>").skip(1).map(|r| r.contains("<w:keepNext")).collect();
        assert_eq!(kept.len(), rows, "{table}");
        assert!(kept[..rows - 1].iter().all(|k| *k) && !kept[rows - 1], "{kept:?}");
    }
}

#[test]
fn libreoffice_opens_it_and_prints_it_to_pdf() {
    let Some(soffice) = soffice() else {
        return support::missing("LibreOffice (/usr/bin/soffice)");
    };
    let dir = support::temp_dir("docx");
    let file = dir.join("lederaftale.docx");
    std::fs::write(&file, render(&sample()).expect("renders")).expect("write docx");

    convert(&soffice, &dir, &file, "pdf");
    let pdf = std::fs::read(dir.join("lederaftale.pdf")).expect("LibreOffice wrote a PDF");
    assert!(pdf.starts_with(b"%PDF"), "a PDF file");
    assert!(
        pdf.len() > 5_000,
        "a PDF with content, got {} bytes",
        pdf.len()
    );

    // The text as LibreOffice understood it: Danish letters and escaped
    // markup survive a reader that is not docx-rs.
    convert(&soffice, &dir, &file, "txt:Text (encoded):UTF8");
    let text =
        std::fs::read_to_string(dir.join("lederaftale.txt")).expect("LibreOffice wrote text");
    for expected in [
        "Lederaftale for Søren Ærø",
        "Trivsel <&> \"balance\" 'ro'",
        "Anden linje med æøå ÆØÅ",
        "Åse Østergård",
        "Leder <og> chef",
        "(intet skrevet)",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from LibreOffice's text:\n{text}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
