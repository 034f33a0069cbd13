//! HR's import of people from a CSV file: upload (or paste), a preview of
//! what will happen to each good row and every problem of the others with
//! its line, and a confirmation that writes the good rows in one
//! transaction. The bad rows are listed to fix, and the file's content comes
//! back in the text field with its line numbers intact, so nothing typed is
//! lost; importing again finds the people already imported by e-mail and
//! leaves them unchanged (issue 17, item 9).
//!
//! Stateless: the preview carries the file itself (base64) in a hidden field,
//! and the confirmation parses and checks it again against the organisation
//! as it is then, so a stale preview can never write something else.

use crate::auth::csrf::{self, CsrfForm};
use crate::auth::OrgAdmin;
use crate::error::{AppError, AppResult};
use crate::org::audit::{self, Actor};
use crate::org::import::{self as store, Action, Plan};
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use crate::web::query::Query;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use base64::Engine;
use domain::people_import::{self, ImportError, RowError};
use std::collections::HashSet;
use serde::Deserialize;
use tower_sessions::Session;

/// The largest file accepted.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// A request may carry a file and pasted text, or the file again in base64.
const MAX_BODY_BYTES: usize = 2 * MAX_FILE_BYTES + 2 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/import", get(show).post(preview))
        .route("/admin/import/confirm", post(confirm))
        .route("/admin/import/example.csv", get(example))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}

/// After an import: the counts, as numbers only, so a link cannot put words on the page.
#[derive(Deserialize)]
pub struct DoneQuery {
    new: Option<u32>,
    updated: Option<u32>,
    unchanged: Option<u32>,
    units: Option<u32>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/import/form.html")]
pub struct FormPage {
    page: Page,
    /// Each problem as one line, "Linje 3: … (…)".
    problems: Vec<String>,
    text: String,
    done: Option<String>,
    /// After an import that left rows out: how many, as a heading.
    left: Option<String>,
    max_mb: usize,
}

impl FormPage {
    fn new(page: Page) -> Self {
        FormPage {
            page,
            problems: Vec::new(),
            text: String::new(),
            done: None,
            left: None,
            max_mb: MAX_FILE_BYTES / (1024 * 1024),
        }
    }
}

/// The file as text for the text field, so a refused or partly imported file
/// can be corrected on the page; `None` when it is not UTF-8 (then it cannot
/// be shown, and the message says how to save it).
fn as_text(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).ok().map(str::to_string)
}

async fn show(page: Page, _admin: OrgAdmin, Query(q): Query<DoneQuery>) -> FormPage {
    let done = match (q.new, q.updated, q.unchanged, q.units) {
        (Some(new), Some(updated), Some(unchanged), Some(units)) => Some(page.tr.t_args(
            "import-done",
            &[
                ("new", new.to_string()),
                ("updated", updated.to_string()),
                ("unchanged", unchanged.to_string()),
                ("units", units.to_string()),
            ],
        )),
        _ => None,
    };
    FormPage { done, ..FormPage::new(page) }
}

/// "Linje 3: message (value)", in the page's language.
fn describe(page: &Page, e: &RowError) -> String {
    let line = page.t1("import-line", "line", e.line);
    if e.value.is_empty() {
        format!("{line}: {}", page.t(e.key))
    } else {
        format!("{line}: {} ({})", page.t(e.key), e.value)
    }
}

/// A file that can be read: the plan for its good rows, and the problems of
/// the rows set aside, each as one line.
struct Checked {
    plan: Plan,
    existing: store::Existing,
    problems: Vec<String>,
    /// How many lines have problems.
    bad_lines: usize,
}

/// Parses and checks the file against the organisation as `conn` sees it
/// now; `Err` with the problems when the file as a whole cannot be read.
async fn check(
    conn: &mut sqlx::AnyConnection,
    admin: &OrgAdmin,
    page: &Page,
    bytes: &[u8],
) -> AppResult<Result<Checked, Vec<String>>> {
    let parsed = match people_import::parse_partial(bytes) {
        Ok(parsed) => parsed,
        Err(ImportError::File(e)) => return Ok(Err(vec![page.t(e.key)])),
        Err(ImportError::Rows(errors)) => return Ok(Err(errors.iter().map(|e| describe(page, e)).collect())),
    };
    let existing = store::load(conn, admin.org()).await?;
    let (rows, errors) = people_import::sort_out(parsed, &existing.reporting_lines(), &existing.unit_tree());
    let bad_lines = errors.iter().map(|e| e.line).collect::<HashSet<_>>().len();
    let problems = errors.iter().map(|e| describe(page, e)).collect();
    let me = domain::input::Email::from_db(admin.email.clone());
    Ok(Ok(Checked { plan: store::plan(rows, &existing, Some(&me)), existing, problems, bad_lines }))
}

fn refused(page: Page, status: StatusCode, problems: Vec<String>, text: String) -> Response {
    (status, FormPage { problems, text, ..FormPage::new(page) }).into_response()
}

/// Reads one multipart field, refusing more than `MAX_FILE_BYTES`.
async fn read_limited(mut field: axum::extract::multipart::Field<'_>) -> Result<Vec<u8>, StatusCode> {
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                if bytes.len() + chunk.len() > MAX_FILE_BYTES {
                    return Err(StatusCode::PAYLOAD_TOO_LARGE);
                }
                bytes.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(bytes),
            Err(e) => return Err(e.status()),
        }
    }
}

async fn preview(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    session: Session,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> AppResult<Response> {
    let mut multipart = multipart.map_err(|_| AppError::UnsupportedMediaType)?;
    // The form sends its token first; nothing else is read before it is checked.
    let token = match multipart.next_field().await {
        Ok(Some(field)) if field.name() == Some("csrf") => field.text().await.ok(),
        _ => None,
    };
    csrf::verify(&session, token.as_deref()).await?;

    let (mut file, mut text) = (Vec::new(), Vec::new());
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(too_large(page));
            }
            Err(_) => return Err(AppError::BadRequest("error-form-invalid")),
        };
        let target = match field.name() {
            Some("file") => &mut file,
            Some("text") => &mut text,
            _ => continue,
        };
        match read_limited(field).await {
            Ok(bytes) => *target = bytes,
            Err(StatusCode::PAYLOAD_TOO_LARGE) => return Ok(too_large(page)),
            Err(_) => return Err(AppError::BadRequest("error-form-invalid")),
        }
    }
    // A chosen file wins over pasted text.
    let (bytes, pasted) = if !file.is_empty() {
        (file, String::new())
    } else {
        let pasted = String::from_utf8_lossy(&text).into_owned();
        (text, pasted)
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let problems = vec![page.t("import-nothing-chosen")];
        return Ok(refused(page, StatusCode::UNPROCESSABLE_ENTITY, problems, pasted));
    }
    // What came back in the text field: the file itself when it can be shown.
    let text = as_text(&bytes).unwrap_or(pasted);
    let mut conn = state.db.pool.acquire().await?;
    match check(&mut conn, &admin, &page, &bytes).await? {
        Err(problems) => Ok(refused(page, StatusCode::UNPROCESSABLE_ENTITY, problems, text)),
        Ok(checked) if checked.plan.rows.is_empty() => {
            Ok(refused(page, StatusCode::UNPROCESSABLE_ENTITY, checked.problems, text))
        }
        Ok(checked) => {
            let content = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
            let Checked { plan, problems, bad_lines, .. } = checked;
            Ok(PreviewPage { page, plan, content, problems, bad_lines, text }.into_response())
        }
    }
}

fn too_large(page: Page) -> Response {
    let message = page.t1("import-too-large", "mb", MAX_FILE_BYTES / (1024 * 1024));
    refused(page, StatusCode::PAYLOAD_TOO_LARGE, vec![message], String::new())
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/import/preview.html")]
pub struct PreviewPage {
    page: Page,
    plan: Plan,
    /// The file, base64, for the confirmation.
    content: String,
    /// The rows set aside, each as one line, and how many lines they are.
    problems: Vec<String>,
    bad_lines: usize,
    /// The file as text, to correct on the page.
    text: String,
}

impl PreviewPage {
    fn hr_admins(&self) -> usize {
        self.plan.rows.iter().filter(|r| r.becomes_hr_admin).count()
    }

    fn unit_move(&self, m: &store::UnitMove) -> String {
        self.page.t2("import-unit-under", "unit", &m.unit, "parent", &m.parent)
    }

    fn summary(&self) -> String {
        self.page.tr.t_args(
            "import-summary",
            &[
                ("new", self.plan.new_people().to_string()),
                ("updated", self.plan.updated().to_string()),
                ("unchanged", self.plan.unchanged().to_string()),
                ("units", self.plan.new_units.len().to_string()),
            ],
        )
    }

    /// What happens to a row, in words.
    fn action(&self, action: &Action) -> String {
        match action {
            Action::New => self.page.t("import-action-new"),
            Action::Unchanged => self.page.t("import-action-unchanged"),
            Action::Update(changes) => {
                let what: Vec<String> = changes.iter().map(|c| self.page.t(c.label_key())).collect();
                self.page.t1("import-action-update", "what", what.join(", "))
            }
        }
    }

    fn roles(&self, roles: &[domain::roles::Role]) -> String {
        roles.iter().map(|r| self.page.t(r.label_key())).collect::<Vec<_>>().join(", ")
    }
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    content: String,
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> AppResult<Response> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(form.content.trim())
        .map_err(|_| AppError::BadRequest("error-form-invalid"))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Ok(too_large(page));
    }
    // Checked again, inside the transaction that writes, against the
    // organisation as it is now: the preview may be old.
    let text = as_text(&bytes).unwrap_or_default();
    let mut tx = state.db.begin_write().await?;
    let checked = match check(&mut tx, &admin, &page, &bytes).await? {
        Ok(checked) if !checked.plan.rows.is_empty() => checked,
        Ok(Checked { problems, .. }) | Err(problems) => {
            tx.rollback().await?;
            return Ok(refused(page, StatusCode::UNPROCESSABLE_ENTITY, problems, text));
        }
    };
    let Checked { plan, existing, problems, bad_lines } = checked;
    store::apply(&mut tx, admin.org(), &plan, &existing, state.clock.now()).await?;
    let (new, updated, unchanged, units) =
        (plan.new_people(), plan.updated(), plan.unchanged(), plan.new_units.len());
    let counts = [
        ("new", new.to_string()),
        ("updated", updated.to_string()),
        ("unchanged", unchanged.to_string()),
        ("units", units.to_string()),
    ];
    let target = page.tr.t_args("import-audit-target", &counts);
    let actor = Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, admin.org(), actor, "people-imported", &target, state.clock.now()).await?;
    tx.commit().await?;
    if problems.is_empty() {
        let to = format!("/admin/import?new={new}&updated={updated}&unchanged={unchanged}&units={units}");
        return Ok(Redirect::to(&to).into_response());
    }
    // Rows were left out: the page says what was imported, lists what was
    // not, and gives the file back to correct, instead of a redirect that
    // would lose it.
    let done = Some(page.tr.t_args("import-done", &counts));
    let left = Some(page.t1("import-left-heading", "count", bad_lines));
    Ok(FormPage { done, left, problems, text, ..FormPage::new(page) }.into_response())
}

/// An example file as Danish Excel writes "CSV UTF-8": byte-order mark,
/// semicolons, Windows line breaks.
pub const EXAMPLE_CSV: &str = "\u{feff}Navn;E-mail;Enhed;Overordnet enhed;Nærmeste leder;Roller\r\n\
Birgitte Østergaard;birgitte.ostergaard@eksempel.dk;Direktionen;;;topledelse\r\n\
Søren Ågård;soren.agard@eksempel.dk;Børn og Unge;Direktionen;birgitte.ostergaard@eksempel.dk;leder\r\n\
Mette Æbelø;mette.aebelo@eksempel.dk;Skoler;Børn og Unge;soren.agard@eksempel.dk;leder+AMO\r\n\
Jens Kjær;jens.kjaer@eksempel.dk;Teknik og Miljø;Direktionen;birgitte.ostergaard@eksempel.dk;leder\r\n\
Hanne Lund;hanne.lund@eksempel.dk;HR;Direktionen;birgitte.ostergaard@eksempel.dk;HR\r\n";

async fn example(_admin: OrgAdmin) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"eksempel-personer.csv\""),
        ],
        EXAMPLE_CSV,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_example_file_parses_and_its_reporting_lines_hold() {
        let rows = domain::people_import::parse(super::EXAMPLE_CSV.as_bytes()).unwrap();
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[1].name.as_str(), "Søren Ågård");
        assert!(domain::people_import::check_references(&rows, &Default::default()).is_empty());
        assert!(domain::people_import::check_units(&rows, &Default::default()).is_empty());
        assert_eq!(rows[2].parent_unit.as_ref().map(|u| u.as_str()), Some("Børn og Unge"));
    }
}
