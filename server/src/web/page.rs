//! `Page`: what every rendered page needs (language, CSRF token, who is
//! signed in), taken by handlers as an extractor.

use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::{Lang, Tr};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use tower_sessions::Session;

/// The signed-in person as shown in the header.
#[derive(Clone, Debug)]
pub struct Nav {
    pub name: String,
    pub org_name: String,
    pub is_admin: bool,
}

#[derive(Clone, Debug)]
pub struct Page {
    pub lang: Lang,
    pub tr: Tr,
    pub csrf: String,
    pub nav: Option<Nav>,
    /// Path and query of this request, so the language switch can come back.
    pub here: String,
}

impl Page {
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// One named argument, the common case in templates.
    pub fn t1(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        self.tr.t_args(key, &[(name, value.to_string())])
    }

    /// Two named arguments.
    pub fn t2(&self, key: &str, a: &'static str, av: impl ToString, b: &'static str, bv: impl ToString) -> String {
        self.tr.t_args(key, &[(a, av.to_string()), (b, bv.to_string())])
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// The other languages, for the switch in the header.
    pub fn other_langs(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| *l != self.lang).collect()
    }

    pub fn date_time(&self, stored: &str) -> String {
        crate::i18n::format::stored_date_time(self.lang, stored)
    }
}

/// The language of a request: the account's choice, else the `lang` cookie, else Danish.
pub fn request_lang(parts_headers: &axum::http::HeaderMap, viewer: Option<&Viewer>) -> Lang {
    if let Some(v) = viewer {
        return v.lang;
    }
    cookie(parts_headers, "lang").and_then(|v| Lang::parse(&v)).unwrap_or_default()
}

pub fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let viewer = parts.extensions.get::<Viewer>().cloned();
        let session = parts.extensions.get::<Session>().cloned().ok_or(AppError::Csrf)?;
        let csrf = crate::auth::csrf::token(&session).await?;
        let lang = request_lang(&parts.headers, viewer.as_ref());
        let nav = viewer.and_then(|v| v.member).map(|m| Nav {
            is_admin: m.roles.may_administer(),
            name: m.name,
            org_name: m.org_name,
        });
        let here = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
        Ok(Page { lang, tr: Tr::new(lang), csrf, nav, here })
    }
}
