//! Who is asking, resolved once per request by `load_viewer`, then proven by
//! extractors: a handler that takes `Member` only runs for a signed-in person
//! of the current organisation; `OrgAdmin` only for its HR admins.

use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::anonymity::AnonymityRule;
use domain::ids::{AccountId, OrgId, PersonId};
use domain::roles::{Role, Roles};
use tower_sessions::Session;

/// A signed-in account, and its person in the current organisation if one is chosen.
#[derive(Clone, Debug)]
pub struct Viewer {
    pub account_id: AccountId,
    pub email: String,
    pub lang: Lang,
    pub member: Option<Membership>,
}

/// A person in one organisation, as the current request sees them.
#[derive(Clone, Debug)]
pub struct Membership {
    pub org_id: OrgId,
    pub org_name: String,
    pub person_id: PersonId,
    pub name: String,
    pub roles: Roles,
    pub rule: AnonymityRule,
}

/// Middleware: reads the login session and loads the viewer into the
/// request's extensions (or nothing, for an anonymous visitor).
pub async fn load_viewer(State(state): State<AppState>, session: Session, mut req: Request, next: Next) -> Response {
    match resolve(&state, &session).await {
        Ok(Some(viewer)) => {
            req.extensions_mut().insert(viewer);
        }
        Ok(None) => {}
        Err(e) => return AppError::Internal(e).into_response(),
    }
    next.run(req).await
}

async fn resolve(state: &AppState, session: &Session) -> anyhow::Result<Option<Viewer>> {
    let Some(account_id) = crate::auth::session::account_id(session).await else {
        return Ok(None);
    };
    let org_id = crate::auth::session::org_id(session).await;
    // One query for the account, its person in the chosen organisation and
    // the person's roles (one row per role): this runs on every request.
    type Row = (String, String, Option<String>, Option<String>, Option<String>, Option<i64>, Option<i64>, Option<String>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT a.email, a.locale, p.id, p.name, o.name, o.anonymity_k, o.free_text_k, r.role \
         FROM accounts a \
         LEFT JOIN persons p ON p.account_id = a.id AND p.org_id = $2 \
         LEFT JOIN orgs o ON o.id = p.org_id \
         LEFT JOIN person_roles r ON r.person_id = p.id \
         WHERE a.id = $1",
    )
    .bind(account_id.as_str())
    .bind(org_id.as_ref().map(|o| o.as_str()).unwrap_or_default())
    .fetch_all(&state.db.pool)
    .await?;
    let Some(first) = rows.first() else {
        // The account was deleted while signed in elsewhere.
        session.flush().await?;
        return Ok(None);
    };
    let (email, locale) = (first.0.clone(), first.1.clone());
    let member = match (org_id, &first.2, &first.3, &first.4, first.5, first.6) {
        (Some(org_id), Some(person_id), Some(name), Some(org_name), Some(k), Some(free_text_k)) => Some(Membership {
            org_id,
            org_name: org_name.clone(),
            person_id: PersonId::from_db(person_id.clone()),
            name: name.clone(),
            roles: Roles::new(rows.iter().filter_map(|r| r.7.as_deref().and_then(Role::parse)).collect()),
            rule: AnonymityRule::new(k as u32, free_text_k as u32).unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(Some(Viewer { account_id, email, lang: Lang::parse(&locale).unwrap_or_default(), member }))
}

fn path_and_query(parts: &Parts) -> String {
    parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into())
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or_else(|| AppError::SignInRequired { next: path_and_query(parts) })
    }
}

/// A signed-in person of the current organisation.
#[derive(Clone, Debug)]
pub struct Member {
    pub account_id: AccountId,
    pub email: String,
    pub lang: Lang,
    pub m: Membership,
}

impl Member {
    pub fn org(&self) -> &OrgId {
        &self.m.org_id
    }
    pub fn person(&self) -> &PersonId {
        &self.m.person_id
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Member {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        match viewer.member {
            Some(m) => Ok(Member { account_id: viewer.account_id, email: viewer.email, lang: viewer.lang, m }),
            // Signed in, but no organisation chosen (or it was left): choose one.
            None => Err(AppError::Redirect("/orgs".into())),
        }
    }
}

/// An HR admin of the current organisation; anyone else gets 403.
#[derive(Clone, Debug)]
pub struct OrgAdmin(pub Member);

impl<S: Send + Sync> FromRequestParts<S> for OrgAdmin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let member = Member::from_request_parts(parts, state).await?;
        if member.m.roles.may_administer() {
            Ok(OrgAdmin(member))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl std::ops::Deref for OrgAdmin {
    type Target = Member;
    fn deref(&self) -> &Member {
        &self.0
    }
}

impl<S: Send + Sync> axum::extract::OptionalFromRequestParts<S> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts.extensions.get::<Viewer>().cloned())
    }
}
