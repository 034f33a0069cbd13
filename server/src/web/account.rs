//! "My account": who I am in each organisation, my language, downloading
//! everything held about me, and deleting my account. Works for any
//! signed-in account, also before an organisation is chosen.

use crate::auth::csrf::CsrfForm;
use crate::auth::{password, rate_limit, session, Viewer};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::notify::{self, MailChoice};
use crate::privacy::{erasure, export};
use crate::state::AppState;
use crate::web::forms::{FieldError, FormErrors};
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use crate::web::query::Query;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use domain::input::Email;
use domain::roles::Role;
use serde::Deserialize;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account", get(show))
        .route("/account/language", axum::routing::post(language))
        .route("/account/notifications", axum::routing::post(notifications))
        .route("/account/export.json", get(download))
        .route("/account/delete", get(confirm_delete).post(delete))
}

/// The account's person in one organisation, as the page shows it.
pub struct OrgView {
    pub organisation: String,
    pub name: String,
    pub roles: Vec<String>,
    pub unit: Option<String>,
    pub nearest_leader: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "account/show.html")]
pub struct AccountPage {
    page: Page,
    errors: FormErrors,
    notice: Option<String>,
    email: String,
    orgs: Vec<OrgView>,
    chosen_lang: &'static str,
    /// How often news is mailed (`notify::MailChoice`), as its code.
    chosen_mail: &'static str,
    /// Each choice: its code, label and hint.
    mail_choices: Vec<(&'static str, String, String)>,
}

async fn render(state: &AppState, page: Page, viewer: &Viewer, errors: FormErrors, notice: Option<String>) -> AppResult<AccountPage> {
    let profiles = export::profiles(&state.db, &viewer.account_id).await?;
    let orgs = profiles
        .into_iter()
        .map(|p| OrgView {
            roles: p.roles.iter().filter_map(|r| Role::parse(r)).map(|r| page.t(r.label_key())).collect(),
            organisation: p.organisation,
            name: p.name,
            unit: p.unit,
            nearest_leader: p.nearest_leader,
        })
        .collect();
    let chosen_mail = notify::store::mail_choice(&state.db, &viewer.account_id).await?.code();
    let mail_choices = MailChoice::ALL
        .into_iter()
        .map(|c| {
            let (label, hint) = match c {
                MailChoice::Immediate => ("account-notify-immediate", "account-notify-immediate-hint"),
                MailChoice::Daily => ("account-notify-daily", "account-notify-daily-hint"),
                MailChoice::Never => ("account-notify-never", "account-notify-never-hint"),
            };
            (c.code(), page.t(label), page.t(hint))
        })
        .collect();
    Ok(AccountPage { chosen_lang: viewer.lang.code(), chosen_mail, mail_choices, errors, notice, email: viewer.email.clone(), orgs, page })
}

async fn show(State(state): State<AppState>, page: Page, viewer: Viewer, Query(q): Query<NoticeQuery>) -> AppResult<AccountPage> {
    let notice = q.text(&page, "account-", &["language-saved", "address-changed", "notify-saved"]);
    render(&state, page, &viewer, FormErrors::default(), notice).await
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
}

/// Saves the language on the account (mails follow it too) and in a cookie
/// for the sign-in page.
async fn language(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> AppResult<Response> {
    let Some(lang) = Lang::parse(form.lang.trim()) else {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, Some("lang-da"), "account-error-language");
        let body = render(&state, page, &viewer, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    crate::org::store::set_locale(&state.db, &viewer.account_id, lang.code()).await?;
    let cookie = format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/account?notice=language-saved")).into_response())
}

#[derive(Deserialize)]
pub struct NotificationsForm {
    #[serde(default)]
    mail: String,
}

/// Saves how often news is mailed: every time, daily (the default) or never.
async fn notifications(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    CsrfForm(form): CsrfForm<NotificationsForm>,
) -> AppResult<Response> {
    let Some(choice) = MailChoice::parse(form.mail.trim()) else {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, Some("notify-mail-immediate"), "account-notify-error");
        let body = render(&state, page, &viewer, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    notify::store::set_mail_choice(&state.db, &viewer.account_id, choice).await?;
    // Someone who now wants mail every time gets what is waiting.
    notify::wake(&state);
    Ok(Redirect::to("/account?notice=notify-saved#notify-heading").into_response())
}

/// Everything held about the signed-in account, as a JSON file.
async fn download(State(state): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let data = export::collect(&state.db, &viewer.account_id, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    let body = serde_json::to_vec_pretty(&data).map_err(anyhow::Error::from)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"ledertrivsel-mine-data.json\""),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "account/delete.html")]
pub struct DeletePage {
    page: Page,
    errors: FormErrors,
    /// Organisations where this account is the only HR admin.
    blocked: Vec<String>,
    org_count: usize,
}

async fn delete_page(state: &AppState, page: Page, viewer: &Viewer, errors: FormErrors) -> AppResult<DeletePage> {
    let blocked = erasure::sole_admin_of(&state.db, &viewer.account_id).await?;
    let org_count = export::profiles(&state.db, &viewer.account_id).await?.len();
    Ok(DeletePage { page, errors, blocked, org_count })
}

async fn confirm_delete(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult<DeletePage> {
    delete_page(&state, page, &viewer, FormErrors::default()).await
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    password: String,
}

async fn delete(
    State(state): State<AppState>,
    page: Page,
    viewer: Viewer,
    session: Session,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> AppResult<Response> {
    let refuse = |page: Page, errors: FormErrors| async {
        let body = delete_page(&state, page, &viewer, errors).await?;
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
    };
    let mut errors = FormErrors::default();
    let blocked = erasure::sole_admin_of(&state.db, &viewer.account_id).await?;
    if !blocked.is_empty() {
        errors.0.push(last_admin_error(&page, &blocked));
        return refuse(page, errors).await;
    }
    if form.password.is_empty() {
        errors.add_key(&page.tr, Some("password"), "account-delete-error-password-missing");
        return refuse(page, errors).await;
    }
    // Deleting asks for the password, so it must not become a way to guess it.
    rate_limit::check(&state.limits.sign_in, &viewer.email)?;
    let stored = crate::org::store::credentials(&state.db, &Email::from_db(viewer.email.clone()))
        .await?
        .and_then(|c| c.password_hash);
    let right = match stored {
        Some(hash) => password::verify(&hash, &form.password).await,
        None => false,
    };
    if !right {
        errors.add_key(&page.tr, Some("password"), "account-delete-error-password");
        return refuse(page, errors).await;
    }
    match erasure::delete_account(&state.db, &viewer.account_id, state.clock.now()).await? {
        Ok(()) => {
            // The account is gone either way; a room still showing the name
            // is folded again the next time a server loads it.
            if let Err(e) = state.live.refold_forgotten().await {
                tracing::warn!(error = %e, "live rooms could not fold again after an account deletion");
            }
        }
        Err(erasure::Refused::LastHrAdmin { orgs }) => {
            errors.0.push(last_admin_error(&page, &orgs));
            return refuse(page, errors).await;
        }
    }
    session::sign_out(&session).await?;
    Ok(Redirect::to("/login?notice=account-deleted").into_response())
}

fn last_admin_error(page: &Page, orgs: &[String]) -> FieldError {
    FieldError { field: None, message: page.t1("account-delete-error-last-admin", "orgs", orgs.join(", ")) }
}
