//! Signing in and out, choosing an organisation, the language switch, and
//! resetting a forgotten password.

use crate::auth::client::ClientAddr;
use crate::auth::csrf::CsrfForm;
use crate::auth::rate_limit::{Attempt, Refusal};
use crate::auth::{known_browser, password, rate_limit, reset_mail, session, tokens, Viewer};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::OrgId;
use domain::input::{Email, NewPassword};
use serde::Deserialize;
use tower_sessions::Session;

/// Only paths on this site, so a crafted link cannot send someone off-site
/// after sign-in (`domain::redirect`).
pub use domain::redirect::safe_next;

#[derive(Template, WebTemplate)]
#[template(path = "signin.html")]
pub struct SignInPage {
    page: Page,
    errors: FormErrors,
    email: String,
    next: String,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    notice: Option<String>,
    /// Filled in from a used invitation's page; only a valid address is.
    email: Option<String>,
}

pub async fn show(page: Page, viewer: Option<Viewer>, Query(q): Query<NextQuery>) -> Response {
    if viewer.is_some() {
        return Redirect::to(&safe_next(q.next.as_deref())).into_response();
    }
    // Only known notices are shown, so a link cannot put words on the page.
    let notice = q.notice.as_deref().and_then(|n| match n {
        "password-changed" => Some(page.t("signin-notice-password-changed")),
        "account-deleted" => Some(page.t("signin-notice-account-deleted")),
        _ => None,
    });
    let email = q.email.as_deref().and_then(|e| Email::parse(e).ok()).map(|e| e.as_str().to_string()).unwrap_or_default();
    SignInPage { page, errors: FormErrors::default(), email, next: safe_next(q.next.as_deref()), notice }
        .into_response()
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    page: Page,
    session: Session,
    ClientAddr(client): ClientAddr,
    headers: axum::http::HeaderMap,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let failed = |page: Page, status: StatusCode, key: &str| {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, Some("email"), key);
        (status, SignInPage { page, errors, email: form.email.clone(), next: next.clone(), notice: None }).into_response()
    };
    let Ok(email) = Email::parse(&form.email) else {
        return Ok(failed(page, StatusCode::UNPROCESSABLE_ENTITY, "signin-error-wrong"));
    };
    let now = std::time::Instant::now();
    let creds = crate::org::store::credentials(&state.db, &email).await?;
    let cookie = known_browser::secret(&headers);
    let browser = known_browser::id_for(&state.db, cookie.as_deref(), creds.as_ref().map(|c| &c.account_id), state.clock.now()).await?;
    let client = client.map(|ip| ip.to_string()).unwrap_or_default();
    let attempt = Attempt { email: email.as_str(), client: &client, known_browser: browser.as_deref() };
    // Counted as a failure from here on, so parallel guesses cannot all get
    // past the check before one is counted; a right password takes it back.
    if let Err(refusal) = state.limits.sign_in_guesses.begin(&attempt, now) {
        let key = match refusal {
            Refusal::Account => "signin-error-limited-account",
            Refusal::Client => "signin-error-limited-client",
            Refusal::Browser => "signin-error-limited-browser",
        };
        return Ok(failed(page, StatusCode::TOO_MANY_REQUESTS, key));
    }
    let account = match creds {
        Some(c) if c.password_hash.is_some() => {
            if password::verify(c.password_hash.as_deref().unwrap_or_default(), &form.password).await {
                state.limits.sign_in_guesses.succeeded(&attempt);
                c.account_id
            } else {
                return Ok(failed(page, StatusCode::UNPROCESSABLE_ENTITY, "signin-error-wrong"));
            }
        }
        _ => {
            password::burn_time(&form.password).await;
            return Ok(failed(page, StatusCode::UNPROCESSABLE_ENTITY, "signin-error-wrong"));
        }
    };
    let orgs = crate::org::store::memberships(&state.db, &account).await?;
    let org = match orgs.as_slice() {
        [only] => Some(&only.org_id),
        _ => None,
    };
    session::sign_in(&session, &account, org).await?;
    metrics::counter!("ledertrivsel_sign_ins_total").increment(1);
    let mut response = Redirect::to(if org.is_none() { "/orgs" } else { &next }).into_response();
    if browser.is_none() {
        let cookie = known_browser::remember(&state.db, &account, state.secure_cookies, state.clock.now()).await?;
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

pub async fn sign_out(session: Session, CsrfForm(_): CsrfForm<serde::de::IgnoredAny>) -> AppResult<Redirect> {
    session::sign_out(&session).await?;
    Ok(Redirect::to("/login"))
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// Sets the language for this browser, and for the account when signed in
/// (mails then come in that language too).
pub async fn language(
    State(state): State<AppState>,
    viewer: Option<Viewer>,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> AppResult<Response> {
    let lang = Lang::parse(&form.lang).ok_or(AppError::BadRequest("error-language-unknown"))?;
    if let Some(v) = viewer {
        crate::org::store::set_locale(&state.db, &v.account_id, lang.code()).await?;
    }
    let cookie = format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&safe_next(form.next.as_deref()))).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "orgs.html")]
pub struct OrgsPage {
    page: Page,
    orgs: Vec<crate::org::address::ChooserEntry>,
    /// Invitations not yet answered (see `web::address`).
    invitations: Vec<crate::org::address::ChooserEntry>,
}

pub async fn orgs(State(state): State<AppState>, page: Page, viewer: Viewer) -> AppResult<OrgsPage> {
    let (orgs, invitations) = crate::org::address::chooser(&state.db, &viewer.account_id, state.clock.now()).await?;
    Ok(OrgsPage { page, orgs, invitations })
}

#[derive(Deserialize)]
pub struct SelectOrgForm {
    org_id: String,
}

pub async fn select_org(
    State(state): State<AppState>,
    viewer: Viewer,
    session: Session,
    CsrfForm(form): CsrfForm<SelectOrgForm>,
) -> AppResult<Redirect> {
    let org = OrgId::parse(&form.org_id).ok_or(AppError::NotFound)?;
    let orgs = crate::org::store::memberships(&state.db, &viewer.account_id).await?;
    if !orgs.iter().any(|m| m.org_id == org) {
        return Err(AppError::NotFound);
    }
    session::select_org(&session, &org).await?;
    Ok(Redirect::to("/"))
}

#[derive(Template, WebTemplate)]
#[template(path = "password_forgot.html")]
pub struct ForgotPage {
    page: Page,
    errors: FormErrors,
    sent: bool,
}

pub async fn forgot(page: Page) -> ForgotPage {
    ForgotPage { page, errors: FormErrors::default(), sent: false }
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// Always answers "sent", so the form does not reveal who has an account.
pub async fn forgot_submit(State(state): State<AppState>, page: Page, CsrfForm(form): CsrfForm<ForgotForm>) -> AppResult<Response> {
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add(&page.tr, "email", e);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, ForgotPage { page, errors, sent: false }).into_response());
        }
    };
    rate_limit::check(&state.limits.password_reset, email.as_str())?;
    // Queued for every address alike, so neither the answer nor its timing
    // tells whether the address has an account (`auth::reset_mail`).
    reset_mail::enqueue(&state.db, &email, state.clock.now()).await?;
    state.reset_mail.notify_one();
    Ok(ForgotPage { page, errors: FormErrors::default(), sent: true }.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "password_set.html")]
pub struct SetPasswordPage {
    pub page: Page,
    pub errors: FormErrors,
    pub heading_key: &'static str,
    pub action: String,
}

pub async fn reset(State(state): State<AppState>, page: Page, Path(secret): Path<String>) -> AppResult<SetPasswordPage> {
    tokens::find(&state.db, tokens::Kind::PasswordReset, &secret, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    Ok(SetPasswordPage {
        page,
        errors: FormErrors::default(),
        heading_key: "reset-heading",
        action: format!("/password/reset/{secret}"),
    })
}

#[derive(Deserialize)]
pub struct SetPasswordForm {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_repeat: String,
}

pub async fn reset_submit(
    State(state): State<AppState>,
    page: Page,
    session: Session,
    Path(secret): Path<String>,
    CsrfForm(form): CsrfForm<SetPasswordForm>,
) -> AppResult<Response> {
    let token = tokens::find(&state.db, tokens::Kind::PasswordReset, &secret, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    let pw = match NewPassword::parse(&form.password, &form.password_repeat) {
        Ok(pw) => pw,
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add(&page.tr, "password", e);
            let action = format!("/password/reset/{secret}");
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                SetPasswordPage { page, errors, heading_key: "reset-heading", action },
            )
                .into_response());
        }
    };
    let account = token.account_id.clone().ok_or(AppError::NotFound)?;
    let hash = password::hash(pw.expose()).await?;
    let mut tx = state.db.begin_write().await?;
    if !tokens::consume(&mut tx, &token.hash, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    crate::org::store::set_password(&mut tx, &account, &hash).await?;
    known_browser::forget_all(&mut tx, &account, state.clock.now()).await?;
    // Every other signed-in browser of this account is signed out.
    sqlx::query("DELETE FROM login_sessions WHERE data LIKE $1")
        .bind(format!("%\"account_id\":\"{}\"%", account.as_str()))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    session::sign_out(&session).await?;
    Ok(Redirect::to("/login?notice=password-changed").into_response())
}
