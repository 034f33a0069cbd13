//! Small edits to the XML docx-rs renders, for three things its builder API
//! cannot express: the document language (spelling and screen readers), the
//! title in the file properties (shown as the PDF/window title), and header
//! rows that repeat on every page.
//!
//! Every edit looks for an exact marker and fails loudly when it is missing,
//! so a docx-rs upgrade that changes its output breaks a test, not a file.

use docx_rs::XMLDocx;

use crate::Error;

/// docx-rs writes `cantSplit` only where we ask for it: on header rows.
const HEADER_ROW: &str = "<w:cantSplit />";
const DEFAULT_RUN_END: &str = "</w:rPr></w:rPrDefault>";
const CORE_END: &str = "</cp:coreProperties>";

/// Applies all edits. `header_rows` is how many header rows were built, so a
/// missed marker is noticed.
pub(super) fn apply(
    xml: &mut XMLDocx,
    title: &str,
    lang: &str,
    header_rows: usize,
) -> Result<(), Error> {
    let lang = escape(lang);
    let styles = text(&xml.styles, "styles")?;
    xml.styles = insert_before(
        styles,
        DEFAULT_RUN_END,
        &format!(r#"<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA" />"#),
    )?
    .into_bytes();

    let core = text(&xml.doc_props.core, "core properties")?;
    // docx-rs names the author "unknown"; Word shows it in the file info.
    let core = replace(
        core,
        "<dc:creator>unknown</dc:creator>",
        "<dc:creator>Ledertrivsel</dc:creator>",
    )?;
    let core = replace(
        core,
        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
        "<cp:lastModifiedBy>Ledertrivsel</cp:lastModifiedBy>",
    )?;
    let properties = format!(
        "<dc:title>{}</dc:title><dc:language>{lang}</dc:language>",
        escape(title)
    );
    xml.doc_props.core = insert_before(core, CORE_END, &properties)?.into_bytes();

    let document = text(&xml.document, "document")?;
    let found = document.matches(HEADER_ROW).count();
    if found != header_rows {
        return Err(Error::Docx(format!(
            "expected {header_rows} table header rows in the rendered document, found {found}"
        )));
    }
    xml.document = document
        .replace(HEADER_ROW, "<w:cantSplit /><w:tblHeader />")
        .into_bytes();
    Ok(())
}

fn text(part: &[u8], name: &str) -> Result<String, Error> {
    String::from_utf8(part.to_vec())
        .map_err(|_| Error::Docx(format!("docx-rs wrote {name} XML that is not UTF-8")))
}

fn insert_before(mut xml: String, marker: &str, insert: &str) -> Result<String, Error> {
    let at = xml
        .find(marker)
        .ok_or_else(|| Error::Docx(format!("marker {marker} not found in docx-rs output")))?;
    xml.insert_str(at, insert);
    Ok(xml)
}

fn replace(xml: String, marker: &str, with: &str) -> Result<String, Error> {
    if xml.contains(marker) {
        Ok(xml.replacen(marker, with, 1))
    } else {
        Err(Error::Docx(format!(
            "marker {marker} not found in docx-rs output"
        )))
    }
}

/// Escapes text for XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a & 'b' "c">"#),
            "&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;"
        );
    }

    #[test]
    fn a_missing_marker_is_an_error() {
        assert!(insert_before("<x/>".into(), CORE_END, "y").is_err());
    }
}
