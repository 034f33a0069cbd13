//! A file the browser saves: its type and name in the headers.

use crate::error::{AppError, AppResult};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Sheets as an Excel workbook named `<name>.xlsx`.
pub fn xlsx(sheets: &[exports::xlsx::Sheet], name: &str) -> AppResult<Response> {
    let bytes = exports::xlsx::workbook(sheets).map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &format!("{name}.xlsx"), bytes))
}

/// A table as CSV (UTF-8) named `<name>.csv`.
pub fn csv(header: &[String], rows: &[Vec<exports::xlsx::Cell>], name: &str) -> Response {
    file("text/csv; charset=utf-8", &format!("{name}.csv"), exports::csv::table(header, rows).into_bytes())
}

/// A calendar invitation named `<name>.ics`; `method` is REQUEST or CANCEL.
pub fn ics(text: String, method: &str, name: &str) -> Response {
    file(&format!("text/calendar; charset=utf-8; method={method}"), &format!("{name}.ics"), text.into_bytes())
}

/// A tool's document as a Word file named `<name>.docx`.
pub fn docx(doc: &exports::docx::Document, name: &str) -> AppResult<Response> {
    let bytes = exports::docx::render(doc).map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(file("application/vnd.openxmlformats-officedocument.wordprocessingml.document", &format!("{name}.docx"), bytes))
}

/// Bytes of a content type, saved as `file_name`.
pub fn file(content_type: &str, file_name: &str, bytes: Vec<u8>) -> Response {
    (
        [(header::CONTENT_TYPE, content_type.to_string()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\""))],
        bytes,
    )
        .into_response()
}
