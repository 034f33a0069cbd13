//! Editable Word documents (.docx) from a small, tool-neutral model.
//!
//! Every tool's document (leader agreement, group agreement, APV report,
//! organisation plan) is a title and a list of [`Block`]s; the look lives in
//! `styles` so all documents match. Headings use Word's built-in heading
//! styles, so the navigation pane, a table of contents and a PDF's bookmarks
//! work, and people can keep editing in their own Word.

mod patch;
mod styles;

use docx_rs::{
    BreakType, Docx, LineSpacing, Paragraph, Run, Shading, Table, TableCell, TableCellMargins,
    TableRow, WidthType,
};
use time::OffsetDateTime;

use crate::Error;

/// A document: a title, an optional subtitle, the content, a footer line.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// A line under the title, e.g. who it belongs to and the date.
    pub subtitle: Option<String>,
    /// "da" or "en" (or a full tag such as "da-DK"): the language Word
    /// spell-checks in and screen readers speak; also picks "Side 1 af 2" or
    /// "Page 1 of 2" in the footer.
    pub lang: String,
    pub blocks: Vec<Block>,
    /// Text shown on every page before the page number.
    pub footer: Option<String>,
}

/// One piece of content. Empty lists and tables are left out, because Word
/// refuses a table without rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A level-2 heading (the title is level 1).
    Heading(String),
    /// A level-3 heading.
    Subheading(String),
    /// Text; `\n` becomes a line break within the paragraph.
    Paragraph(String),
    Bullets(Vec<String>),
    /// Label/value pairs as a two-column table with bold labels.
    Fields(Vec<(String, String)>),
    /// A table whose bold header row repeats on every page. Short rows are
    /// padded with empty cells.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A muted italic line standing in for missing content, e.g. "(intet skrevet)".
    Empty(String),
}

/// Renders the document as the bytes of a .docx file, created now.
pub fn render(doc: &Document) -> Result<Vec<u8>, Error> {
    render_at(doc, OffsetDateTime::now_utc())
}

/// Like [`render`] with an explicit creation time for the file properties,
/// for callers that pass a clock.
pub fn render_at(doc: &Document, created: OffsetDateTime) -> Result<Vec<u8>, Error> {
    let lang = language_tag(&doc.lang);
    let created = w3c_date_time(created);
    let mut docx = styles::base(&lang, doc.footer.as_deref())
        .created_at(&created)
        .updated_at(&created)
        .add_paragraph(text(
            Paragraph::new().style(styles::TITLE),
            &doc.title,
            false,
        ));
    if let Some(subtitle) = &doc.subtitle {
        docx = docx.add_paragraph(text(
            Paragraph::new().style(styles::SUBTITLE),
            subtitle,
            false,
        ));
    }
    let mut header_rows = 0;
    for block in &doc.blocks {
        if matches!(block, Block::Table { header, .. } if !header.is_empty()) {
            header_rows += 1;
        }
        docx = add_block(docx, block);
    }

    let mut xml = docx.build();
    patch::apply(&mut xml, &doc.title, &lang, header_rows)?;
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| Error::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// `2026-12-01T09:30:00Z`, the W3CDTF form core.xml uses.
fn w3c_date_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Word wants a full tag; "da" alone would not pick Danish spelling.
fn language_tag(lang: &str) -> String {
    match lang.trim() {
        "da" | "" => "da-DK".to_owned(),
        "en" => "en-GB".to_owned(),
        tag if tag.len() <= 35 && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => {
            tag.to_owned()
        }
        _ => "da-DK".to_owned(),
    }
}

fn add_block(docx: Docx, block: &Block) -> Docx {
    match block {
        Block::Heading(t) => docx.add_paragraph(text(heading(styles::HEADING_2), t, false)),
        Block::Subheading(t) => docx.add_paragraph(text(heading(styles::HEADING_3), t, false)),
        Block::Paragraph(t) => docx.add_paragraph(text(Paragraph::new(), t, false)),
        Block::Bullets(items) => items.iter().fold(docx, |docx, item| {
            docx.add_paragraph(styles::bullet(text(Paragraph::new(), item, false)))
        }),
        Block::Fields(fields) if fields.is_empty() => docx,
        Block::Fields(fields) => {
            // A third for the labels, more where a label's longest word needs it.
            let longest = fields.iter().map(|(l, _)| longest_word(l)).max().unwrap_or(0);
            let label_width = (styles::TEXT_WIDTH / 3)
                .max(word_width(longest, true))
                .min(styles::TEXT_WIDTH / 2);
            let widths = vec![label_width, styles::TEXT_WIDTH - label_width];
            let last = fields.len() - 1;
            let rows = fields
                .iter()
                .enumerate()
                .map(|(i, (label, value))| {
                    TableRow::new(vec![
                        cell(label, widths[0], true, i < last),
                        cell(value, widths[1], false, i < last),
                    ])
                })
                .collect();
            docx.add_table(table(rows, widths)).add_paragraph(spacer())
        }
        Block::Table { header, rows } => match grid_table(header, rows) {
            Some(t) => docx.add_table(t).add_paragraph(spacer()),
            None => docx,
        },
        Block::Empty(t) => docx.add_paragraph(
            Paragraph::new().add_run(run(t, false).italic().color(styles::MUTED_COLOR)),
        ),
    }
}

fn heading(style: &str) -> Paragraph {
    Paragraph::new().style(style)
}

/// A small empty paragraph after each table: Word joins tables that touch,
/// and the next block needs some air.
fn spacer() -> Paragraph {
    Paragraph::new()
        .size(12)
        .line_spacing(LineSpacing::new().after(0))
}

/// Adds `value` as one run: line breaks become `<w:br/>`, tabs real tabs.
fn text(p: Paragraph, value: &str, bold: bool) -> Paragraph {
    p.add_run(run(value, bold))
}

fn run(value: &str, bold: bool) -> Run {
    let value = crate::clean(value)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut run = Run::new();
    for (i, line) in value.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            run = run.add_text(part);
        }
    }
    if bold { run.bold() } else { run }
}

fn grid_table(header: &[String], rows: &[Vec<String>]) -> Option<Table> {
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    if columns == 0 || (header.is_empty() && rows.is_empty()) {
        return None;
    }
    let widths = column_widths(header, rows, columns);
    let blank = String::new();
    let line = |values: &[String], bold: bool, keep_next: bool| -> Vec<TableCell> {
        (0..columns)
            .map(|i| cell(values.get(i).unwrap_or(&blank), widths[i], bold, keep_next))
            .collect()
    };
    let mut table_rows = Vec::with_capacity(rows.len() + 1);
    if !header.is_empty() {
        let cells = line(header, true, true)
            .into_iter()
            .map(|c| c.shading(Shading::new().fill("D9E2F3")))
            .collect();
        // cant_split marks the row for the header-repeat patch.
        table_rows.push(TableRow::new(cells).cant_split());
    }
    let last = rows.len().saturating_sub(1);
    table_rows.extend(rows.iter().enumerate().map(|(i, r)| TableRow::new(line(r, false, i < last))));
    Some(table(table_rows, widths))
}

/// Column widths that follow the content: each column gets at least room for
/// its longest word (a label is never split inside a word), and the rest of
/// the text width is shared by how much text each column holds, so a column
/// of names is wide and a column of counts narrow.
fn column_widths(header: &[String], rows: &[Vec<String>], columns: usize) -> Vec<usize> {
    let cells = |i: usize| {
        header
            .get(i)
            .map(|h| (h, true))
            .into_iter()
            .chain(rows.iter().filter_map(move |r| r.get(i).map(|c| (c, false))))
    };
    let minimum: Vec<usize> = (0..columns)
        .map(|i| {
            cells(i)
                .map(|(c, bold)| word_width(longest_word(c), bold))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // How much a column would like: its longest line, up to a paragraph's worth.
    let wanted: Vec<usize> = (0..columns)
        .map(|i| {
            cells(i)
                .map(|(c, _)| c.lines().map(|l| l.chars().count()).max().unwrap_or(0))
                .max()
                .unwrap_or(0)
                .clamp(4, 60)
        })
        .collect();
    let floor: usize = minimum.iter().sum();
    if floor >= styles::TEXT_WIDTH {
        // Words too long for the page: share it by need, the cells wrap.
        return minimum.iter().map(|m| m * styles::TEXT_WIDTH / floor).collect();
    }
    let spare = styles::TEXT_WIDTH - floor;
    let total: usize = wanted.iter().sum();
    let mut widths: Vec<usize> = minimum
        .iter()
        .zip(&wanted)
        .map(|(m, w)| m + spare * w / total)
        .collect();
    // Rounding leftovers go to the widest column, so the table fills the width.
    let used: usize = widths.iter().sum();
    if let Some(widest) = (0..columns).max_by_key(|&i| widths[i]) {
        widths[widest] += styles::TEXT_WIDTH - used;
    }
    widths
}

fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0)
}

/// Twips a word of `chars` characters takes in 11 pt Calibri (about 5.5 pt a
/// character, 6 in bold), with the cell's left and right margins.
fn word_width(chars: usize, bold: bool) -> usize {
    let per_char = if bold { 120 } else { 110 };
    chars * per_char + 2 * 108 + 60
}

/// Cell text has no space after it (the cell margins give the air), so a row
/// never breaks across a page just for its trailing spacing. `keep_next`
/// holds the row on the page of the next one, so a table that fits on a page
/// is never split and no last row is left alone on the next page.
fn cell(value: &str, width: usize, bold: bool, keep_next: bool) -> TableCell {
    let p = Paragraph::new().line_spacing(LineSpacing::new().after(0));
    let p = if keep_next { p.keep_next(true) } else { p };
    TableCell::new()
        .add_paragraph(text(p, value, bold))
        .width(width, WidthType::Dxa)
}

fn table(rows: Vec<TableRow>, widths: Vec<usize>) -> Table {
    Table::new(rows)
        .set_grid(widths)
        .width(styles::TEXT_WIDTH, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(40, 108, 40, 108))
}
