//! The look of every exported document: page, fonts, paragraph styles,
//! bullet numbering and footer, kept in one place so all tools match.

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, LineSpacingType, NumPages, NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph,
    Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
};

/// A4 in twentieths of a point (twips).
const A4: (u32, u32) = (11906, 16838);
/// 2.5 cm on every side, the margin most Danish templates use.
const MARGIN: i32 = 1417;
/// Text width between the margins, for table columns.
pub(super) const TEXT_WIDTH: usize = A4.0 as usize - 2 * MARGIN as usize;

pub(super) const FONT: &str = "Calibri";
/// Body text 11 pt, in half-points.
const BODY_SIZE: usize = 22;
const HEADING_COLOR: &str = "1F3864";
/// Grey that still has 5.7:1 contrast on white (WCAG AA).
pub(super) const MUTED_COLOR: &str = "595959";

/// Style ids Word knows as built-in styles; Word shows them under their
/// localised names ("Overskrift 2") and in the navigation pane.
pub(super) const TITLE: &str = "Title";
pub(super) const SUBTITLE: &str = "Subtitle";
pub(super) const HEADING_2: &str = "Heading2";
pub(super) const HEADING_3: &str = "Heading3";
const FOOTER: &str = "Footer";
/// The numbering instance for bullets; docx-rs reserves id 1 for its own
/// decimal list.
pub(super) const BULLETS: usize = 2;

/// An empty A4 document with the shared styles, bullet list and footer.
pub(super) fn base(lang: &str, footer: Option<&str>) -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(708)
                .footer(708),
        )
        .default_fonts(fonts)
        .default_size(BODY_SIZE)
        // 1.1 lines, as a multiple of each paragraph's own font ("auto"):
        // without the rule LibreOffice reads 264 as an exact 13.2 pt, and a
        // 26 pt title that wraps is drawn over itself.
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .add_abstract_numbering(bullet_list())
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .footer(page_footer(lang, footer));
    for style in paragraph_styles() {
        docx = docx.add_style(style);
    }
    docx
}

fn paragraph_styles() -> Vec<Style> {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        let style = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .color(HEADING_COLOR)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(80));
        // A heading never ends a page alone, also when people add their own.
        Style {
            paragraph_property: style.paragraph_property.clone().keep_next(true),
            ..style
        }
    };
    vec![
        // The title is the document's top outline level, so it leads the
        // navigation pane and a PDF's bookmarks.
        Style::new(TITLE, StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .size(52)
            .color(HEADING_COLOR)
            .outline_lvl(0)
            .line_spacing(
                LineSpacing::new()
                    .after(60)
                    .line(240)
                    .line_rule(LineSpacingType::Auto),
            ),
        Style::new(SUBTITLE, StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .size(28)
            .color(MUTED_COLOR)
            .line_spacing(LineSpacing::new().after(240)),
        Style::new(FOOTER, StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(18)
            .color(MUTED_COLOR)
            .line_spacing(LineSpacing::new().after(0)),
        heading("Heading1", "heading 1", 32, 0),
        heading(HEADING_2, "heading 2", 26, 1),
        heading(HEADING_3, "heading 3", 24, 2),
    ]
}

fn bullet_list() -> AbstractNumbering {
    let level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("bullet"),
        LevelText::new("•"),
        LevelJc::new("left"),
    )
    .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None);
    AbstractNumbering::new(BULLETS).add_level(level)
}

/// A bullet paragraph at the first level.
pub(super) fn bullet(p: Paragraph) -> Paragraph {
    p.numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}

/// The footer text, if any, then "Side 3 af 7" as live Word fields.
fn page_footer(lang: &str, text: Option<&str>) -> Footer {
    let (page, of) = if lang.starts_with("da") {
        ("Side", "af")
    } else {
        ("Page", "of")
    };
    let small = |s: String| Run::new().add_text(s);
    let mut p = Paragraph::new().style(FOOTER).align(AlignmentType::Center);
    if let Some(text) = text.map(crate::clean).filter(|t| !t.trim().is_empty()) {
        p = p.add_run(small(format!("{text}  ·  ")));
    }
    let p = p
        .add_run(small(format!("{page} ")))
        .add_page_num(PageNum::new())
        .add_run(small(format!(" {of} ")))
        .add_num_pages(NumPages::new());
    Footer::new().add_paragraph(p)
}
