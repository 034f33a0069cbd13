//! The owner's side of `domain::address`: confirming a sign-in address an
//! organisation proposed (from the link mailed to the new address, proving
//! it is the owner by being signed in as the account or by its password),
//! and accepting an organisation's invitation while signed in.

use crate::auth::csrf::CsrfForm;
use crate::auth::{password, rate_limit, session, OrgAdmin, Viewer};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Tr};
use crate::mail::Mail;
use crate::org::address::{self, NotApplied, Proposal};
use crate::org::audit::{self, Actor};
use crate::org::people::Person;
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::ids::OrgId;
use domain::input::Email;
use serde::Deserialize;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/address/{secret}", get(show).post(confirm))
        .route("/orgs/accept", post(accept))
}

/// Mails the proposal: the link to the new address, and at once a notice
/// to the old one, both in the account's language.
pub async fn send_proposal(state: &AppState, admin: &OrgAdmin, person: &Person, name: &str, new: &Email) -> anyhow::Result<()> {
    let secret = address::propose(&state.db, admin.org(), &person.account_id, new, state.clock.now()).await?;
    let tr = Tr::new(Lang::parse(&person.locale).unwrap_or_default());
    let args = [
        ("name", name.to_string()),
        ("proposer", admin.m.name.clone()),
        ("org", admin.m.org_name.clone()),
        ("old", person.email.clone()),
        ("new", new.as_str().to_string()),
        ("link", format!("{}/address/{}", state.public_url, secret)),
    ];
    state
        .mailer
        .send(Mail {
            to: person.email.clone(),
            subject: tr.t("address-mail-notice-subject"),
            body: tr.t_args("address-mail-notice-body", &args[..5]),
        })
        .await?;
    state
        .mailer
        .send(Mail {
            to: new.as_str().to_string(),
            subject: tr.t("address-mail-confirm-subject"),
            body: tr.t_args("address-mail-confirm-body", &args),
        })
        .await
}

#[derive(Template, WebTemplate)]
#[template(path = "address/confirm.html")]
pub struct ConfirmPage {
    page: Page,
    errors: FormErrors,
    org_name: String,
    old_email: String,
    new_email: String,
    /// Signed in as the account: no password asked.
    signed_in: bool,
    action: String,
}

fn render(page: Page, p: &Proposal, viewer: Option<&Viewer>, secret: &str, errors: FormErrors) -> ConfirmPage {
    ConfirmPage {
        page,
        errors,
        org_name: p.org_name.clone(),
        old_email: p.old_email.clone(),
        new_email: p.new_email.clone(),
        signed_in: viewer.is_some_and(|v| v.account_id == p.account),
        action: format!("/address/{secret}"),
    }
}

async fn show(State(state): State<AppState>, page: Page, viewer: Option<Viewer>, Path(secret): Path<String>) -> AppResult<ConfirmPage> {
    let p = address::find(&state.db, &secret, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    Ok(render(page, &p, viewer.as_ref(), &secret, FormErrors::default()))
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    password: String,
}

/// Receiving the link proves the new address; being the owner is proven
/// by the session or the account's password, so whoever holds the new
/// mailbox cannot take the account over.
async fn confirm(
    State(state): State<AppState>,
    page: Page,
    viewer: Option<Viewer>,
    session: Session,
    Path(secret): Path<String>,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> AppResult<Response> {
    let p = address::find(&state.db, &secret, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    let refuse = |page: Page, key: &str| {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, Some("password"), key);
        (StatusCode::UNPROCESSABLE_ENTITY, render(page, &p, viewer.as_ref(), &secret, errors)).into_response()
    };
    let signed_in = viewer.as_ref().is_some_and(|v| v.account_id == p.account);
    if !signed_in {
        rate_limit::check(&state.limits.sign_in, &p.old_email)?;
        let right = match &p.password_hash {
            Some(hash) => password::verify(hash, &form.password).await,
            None => {
                password::burn_time(&form.password).await;
                false
            }
        };
        if !right {
            return Ok(refuse(page, "address-error-wrong-password"));
        }
    }
    let mut tx = state.db.begin_write().await?;
    match address::apply(&mut tx, &p, state.clock.now()).await? {
        Ok(()) => {}
        Err(NotApplied::Used) => return Err(AppError::NotFound),
        Err(NotApplied::Taken) => {
            tx.rollback().await?;
            return Ok(refuse(page, "address-error-taken"));
        }
    }
    let actor = Actor { person: Some(&p.person), name: &p.name };
    let target = format!("{} ({} → {})", p.name, p.old_email, p.new_email);
    audit::record(&mut tx, &p.org, actor, "address-changed", &target, state.clock.now()).await?;
    tx.commit().await?;
    if signed_in {
        return Ok(Redirect::to("/account?notice=address-changed").into_response());
    }
    // Signed in by the password just typed, as on the invitation page.
    let org = crate::org::store::memberships(&state.db, &p.account).await?;
    let only = match org.as_slice() {
        [one] => Some(one.org_id.clone()),
        _ => None,
    };
    session::sign_in(&session, &p.account, only.as_ref()).await?;
    Ok(Redirect::to("/account?notice=address-changed").into_response())
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    org_id: String,
}

/// Accepts an organisation's invitation from the chooser, signed in: the
/// account becomes the person there and works in it.
async fn accept(State(state): State<AppState>, viewer: Viewer, session: Session, CsrfForm(form): CsrfForm<AcceptForm>) -> AppResult<Redirect> {
    let org = OrgId::parse(&form.org_id).ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin_write().await?;
    let (person, name) = address::invited_person(&mut tx, &org, &viewer.account_id, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    address::join(&mut tx, &org, &person, &viewer.account_id, state.clock.now()).await?;
    let actor = Actor { person: Some(&person), name: &name };
    audit::record(&mut tx, &org, actor, "invitation-accepted", &format!("{name} ({})", viewer.email), state.clock.now()).await?;
    tx.commit().await?;
    session::select_org(&session, &org).await?;
    Ok(Redirect::to("/"))
}
