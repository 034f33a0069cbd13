//! First start: the one-time setup link creates the first organisation and
//! its HR admin, and signs them in.

use crate::auth::csrf::CsrfForm;
use crate::auth::{password, session, tokens};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::input::{Email, NewPassword, OrgName, PersonName};
use serde::Deserialize;
use tower_sessions::Session;

#[derive(Template, WebTemplate)]
#[template(path = "setup.html")]
pub struct SetupPage {
    page: Page,
    errors: FormErrors,
    form: SetupForm,
}

#[derive(Deserialize, Default, Clone)]
pub struct SetupForm {
    #[serde(default)]
    org_name: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

pub async fn show(State(state): State<AppState>, page: Page, Path(secret): Path<String>) -> AppResult<Response> {
    tokens::find(&state.db, tokens::Kind::Setup, &secret, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    Ok(SetupPage { page, errors: FormErrors::default(), form: SetupForm::default() }.into_response())
}

pub async fn submit(
    State(state): State<AppState>,
    page: Page,
    session: Session,
    Path(secret): Path<String>,
    CsrfForm(form): CsrfForm<SetupForm>,
) -> AppResult<Response> {
    let token = tokens::find(&state.db, tokens::Kind::Setup, &secret, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    let tr = page.tr;
    let mut errors = FormErrors::default();
    let org_name = errors.check(&tr, "org_name", OrgName::parse(&form.org_name));
    let name = errors.check(&tr, "name", PersonName::parse(&form.name));
    let email = errors.check(&tr, "email", Email::parse(&form.email));
    let pw = errors.check(&tr, "password", NewPassword::parse(&form.password, &form.password_repeat));
    let (Some(org_name), Some(name), Some(email), Some(pw)) = (org_name, name, email, pw) else {
        let form = SetupForm { password: String::new(), password_repeat: String::new(), ..form };
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, SetupPage { page, errors, form }).into_response());
    };
    let mut conn = state.db.pool.acquire().await?;
    // The link sets a password; it must never set the password of an account
    // that already exists (someone else's sign-in, `docs/decisions/0010`).
    if crate::org::store::account_of(&mut conn, &email).await?.is_some() {
        errors.0.push(crate::web::forms::FieldError { field: Some("email".into()), message: tr.t("setup-error-email-taken") });
        let form = SetupForm { password: String::new(), password_repeat: String::new(), ..form };
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, SetupPage { page, errors, form }).into_response());
    }
    let hash = password::hash(pw.expose()).await?;
    if !tokens::consume(&mut conn, &token.hash, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    drop(conn);
    let made = crate::org::provision::create_org_with_admin(
        &state.db,
        &state.shipped,
        &org_name,
        &name,
        &email,
        Some(&hash),
        &[],
        state.clock.now(),
    )
    .await?;
    crate::org::store::set_locale(&state.db, &made.account, page.lang.code()).await?;
    session::sign_in(&session, &made.account, Some(&made.org)).await?;
    Ok(Redirect::to("/admin").into_response())
}
