//! A file the browser saves: its type and name in the headers.

use crate::error::{AppError, AppResult};
use axum::http::header;
use axum::response::{IntoResponse, Response};

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
