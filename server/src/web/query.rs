//! The query string read into a type. One that does not fit (a letter where
//! a number belongs, an unknown choice) is a bad request answered with the
//! product's error page in the visitor's language, not the framework's
//! English plain text. Use this `Query`, never `axum::extract::Query`.

use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Query(value)),
            Err(_) => Err(AppError::BadRequest("error-query-invalid")),
        }
    }
}
