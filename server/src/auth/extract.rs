//! Who is asking, resolved once per request by `load_viewer`, then proven by
//! extractors: a handler that takes `Member` only runs for a signed-in person
//! of the current organisation; `OrgAdmin` only for its HR admins.

use crate::error::AppError;
use crate::i18n::Lang;
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::anonymity::AnonymityRule;
use domain::ids::{AccountId, OrgId, PersonId};
use domain::roles::{Role, Roles};
use crate::storage::session_store::{ViewerRow, VIEWER_KEY};
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
pub async fn load_viewer(session: Session, mut req: Request, next: Next) -> Response {
    match resolve(&session).await {
        Ok(Some(viewer)) => {
            crate::web::error_pages::note_viewer_lang(viewer.lang);
            req.extensions_mut().insert(viewer);
        }
        Ok(None) => {}
        Err(e) => return AppError::Internal(e).into_response(),
    }
    next.run(req).await
}

async fn resolve(session: &Session) -> anyhow::Result<Option<Viewer>> {
    let Some(account_id) = crate::auth::session::account_id(session).await? else {
        return Ok(None);
    };
    let org_id = crate::auth::session::org_id(session).await?;
    // Loaded with the session itself, in the same query (see `session_store`).
    let Some(row) = session.get::<ViewerRow>(VIEWER_KEY).await? else {
        // The account was deleted while signed in elsewhere.
        session.flush().await?;
        return Ok(None);
    };
    let member = match (org_id, row.person) {
        (Some(org_id), Some(p)) => Some(Membership {
            org_id,
            org_name: p.org_name,
            person_id: PersonId::from_db(p.id),
            name: p.name,
            roles: Roles::new(p.roles.iter().filter_map(|r| Role::parse(r)).collect()),
            rule: AnonymityRule::new(p.k as u32, p.free_text_k as u32).unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(Some(Viewer { account_id, email: row.email, lang: Lang::parse(&row.locale).unwrap_or_default(), member }))
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
