//! Accepting an invitation (no sign-in needed): the page names the
//! organisation; a new account chooses a password, an account that already
//! has one (someone in another organisation too) signs in with it here, and
//! a browser already signed in as that account just accepts. Then the person
//! is signed in with the organisation chosen. A used or expired link says so
//! (410), and offers sign-in with the address filled in where the account
//! has a password; a link that never was is 404.

use crate::auth::csrf::CsrfForm;
use crate::auth::{password, rate_limit, session, tokens, Viewer};
use crate::error::{AppError, AppResult};
use crate::org::audit::{self, Actor};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::{AccountId, OrgId, PersonId};
use domain::input::{Email, NewPassword};
use serde::Deserialize;
use tower_sessions::Session;

/// How the person proves it is them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A new account: choose a password.
    ChoosePassword,
    /// The account has a password already: type it.
    SignIn,
    /// This browser is signed in as the account: just accept.
    SignedIn,
}

/// What a valid link stands for.
struct Invitation {
    hash: String,
    account: AccountId,
    org: OrgId,
    org_name: String,
    person: PersonId,
    name: String,
    email: String,
    password_hash: Option<String>,
}

impl Invitation {
    fn mode(&self, viewer: Option<&Viewer>) -> Mode {
        match (viewer, &self.password_hash) {
            (Some(v), _) if v.account_id == self.account => Mode::SignedIn,
            (_, None) => Mode::ChoosePassword,
            (_, Some(_)) => Mode::SignIn,
        }
    }
}

/// The link's invitation, if it is unused, unexpired, and its person is still
/// in the organisation.
async fn load(state: &AppState, secret: &str) -> AppResult<Invitation> {
    let token = tokens::find(&state.db, tokens::Kind::Invitation, secret, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    let (Some(account), Some(org)) = (token.account_id, token.org_id) else {
        return Err(AppError::NotFound);
    };
    let row: Option<(String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT p.id, p.name, o.name, a.email, a.password_hash \
         FROM persons p JOIN orgs o ON o.id = p.org_id JOIN accounts a ON a.id = p.account_id \
         WHERE p.org_id = $1 AND p.account_id = $2",
    )
    .bind(org.as_str())
    .bind(account.as_str())
    .fetch_optional(&state.db.pool)
    .await?;
    let (person, name, org_name, email, password_hash) = row.ok_or(AppError::NotFound)?;
    Ok(Invitation {
        hash: token.hash,
        account,
        org,
        org_name,
        person: PersonId::from_db(person),
        name,
        email,
        password_hash,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    page: Page,
    errors: FormErrors,
    org_name: String,
    name: String,
    email: String,
    mode: Mode,
    action: String,
}

fn render(page: Page, inv: &Invitation, mode: Mode, secret: &str, errors: FormErrors) -> InvitationPage {
    InvitationPage {
        page,
        errors,
        org_name: inv.org_name.clone(),
        name: inv.name.clone(),
        email: inv.email.clone(),
        mode,
        action: format!("/invitation/{secret}"),
    }
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    viewer: Option<Viewer>,
    Path(secret): Path<String>,
) -> AppResult<Response> {
    let inv = match load(&state, &secret).await {
        Err(AppError::NotFound) => return spent(&state, page, viewer.as_ref(), &secret).await,
        other => other?,
    };
    let mode = inv.mode(viewer.as_ref());
    Ok(render(page, &inv, mode, &secret, FormErrors::default()).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "invitation_spent.html")]
pub struct SpentPage {
    page: Page,
    used: bool,
    /// The sign-in page with the invited address filled in, when the
    /// account has a password to sign in with.
    sign_in: Option<String>,
}

/// A second click on a used link (or a late one on an expired link) is
/// common: say what happened and where to go, not "page not found".
async fn spent(state: &AppState, page: Page, viewer: Option<&Viewer>, secret: &str) -> AppResult<Response> {
    let Some(s) = tokens::spent(&state.db, tokens::Kind::Invitation, secret, state.clock.now()).await? else {
        return Err(AppError::NotFound);
    };
    if s.used && viewer.is_some_and(|v| Some(&v.account_id) == s.account_id.as_ref()) {
        return Ok(Redirect::to("/").into_response());
    }
    let sign_in = s
        .sign_in_email
        .map(|email| format!("/login?email={}", percent_encoding::utf8_percent_encode(&email, percent_encoding::NON_ALPHANUMERIC)));
    Ok((StatusCode::GONE, SpentPage { page, used: s.used, sign_in }).into_response())
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

pub async fn accept(
    State(state): State<AppState>,
    page: Page,
    viewer: Option<Viewer>,
    session: Session,
    Path(secret): Path<String>,
    CsrfForm(form): CsrfForm<AcceptForm>,
) -> AppResult<Response> {
    let inv = match load(&state, &secret).await {
        Err(AppError::NotFound) => return spent(&state, page, viewer.as_ref(), &secret).await,
        other => other?,
    };
    // The mode comes from the database and the session, never from the form.
    let mode = inv.mode(viewer.as_ref());
    let refuse = |page: Page, field: &'static str, key: &str| {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, Some(field), key);
        (StatusCode::UNPROCESSABLE_ENTITY, render(page, &inv, mode, &secret, errors)).into_response()
    };
    let new_hash = match mode {
        Mode::ChoosePassword => match NewPassword::parse(&form.password, &form.password_repeat) {
            Ok(pw) => Some(password::hash(pw.expose()).await?),
            Err(e) => return Ok(refuse(page, "password", e.key)),
        },
        Mode::SignIn => {
            let email = Email::from_db(inv.email.clone());
            rate_limit::check(&state.limits.sign_in, email.as_str())?;
            let stored = inv.password_hash.as_deref().unwrap_or_default();
            if !password::verify(stored, &form.password).await {
                return Ok(refuse(page, "password", "invitation-error-wrong-password"));
            }
            None
        }
        Mode::SignedIn => None,
    };
    let mut tx = state.db.begin_write().await?;
    if !tokens::consume(&mut tx, &inv.hash, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    if let Some(hash) = &new_hash {
        // Only if still without one: a password chosen meanwhile (another tab) is kept.
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2 AND password_hash IS NULL")
            .bind(hash)
            .bind(inv.account.as_str())
            .execute(&mut *tx)
            .await?;
    }
    crate::org::address::join(&mut tx, &inv.org, &inv.person, &inv.account, state.clock.now()).await?;
    let actor = Actor { person: Some(&inv.person), name: &inv.name };
    audit::record(&mut tx, &inv.org, actor, "invitation-accepted", &format!("{} ({})", inv.name, inv.email), state.clock.now()).await?;
    tx.commit().await?;
    session::sign_in(&session, &inv.account, Some(&inv.org)).await?;
    Ok(Redirect::to("/").into_response())
}
