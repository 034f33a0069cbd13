//! Form errors shown above a form and next to its fields.

use crate::i18n::Tr;
use domain::ValidationError;
use std::borrow::Cow;

#[derive(Clone, Debug)]
pub struct FieldError {
    /// The input's id, so the summary can link to it.
    pub field: Option<Cow<'static, str>>,
    pub message: String,
}

#[derive(Clone, Debug, Default)]
pub struct FormErrors(pub Vec<FieldError>);

impl FormErrors {
    pub fn add(&mut self, tr: &Tr, field: &'static str, error: ValidationError) {
        self.0.push(FieldError { field: Some(field.into()), message: tr.t(error.key) });
    }

    pub fn add_key(&mut self, tr: &Tr, field: Option<&'static str>, key: &str) {
        self.0.push(FieldError { field: field.map(Cow::Borrowed), message: tr.t(key) });
    }

    /// An error under a field whose id is made at run time (a row of a list).
    pub fn add_at(&mut self, tr: &Tr, field: String, error: ValidationError) {
        self.0.push(FieldError { field: Some(Cow::Owned(field)), message: tr.t(error.key) });
    }

    /// A message by key under a field whose id is made at run time.
    pub fn add_key_at(&mut self, tr: &Tr, field: String, key: &str) {
        self.0.push(FieldError { field: Some(Cow::Owned(field)), message: tr.t(key) });
    }

    /// `check` for a field whose id is made at run time.
    pub fn check_at<T>(&mut self, tr: &Tr, field: String, result: Result<T, ValidationError>) -> Option<T> {
        result.map_err(|e| self.add_at(tr, field, e)).ok()
    }

    /// Runs a parse and records its error under `field`.
    pub fn check<T>(&mut self, tr: &Tr, field: &'static str, result: Result<T, ValidationError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(tr, field, e);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    /// The message for one field, for `aria-describedby` next to the input.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field.as_deref() == Some(field)).map(|e| e.message.as_str())
    }
}

impl<'a> IntoIterator for &'a FormErrors {
    type Item = &'a FieldError;
    type IntoIter = std::slice::Iter<'a, FieldError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A hide-or-show button's form: `hidden` is "1" or "0"; anything else is
/// a bad request.
#[derive(serde::Deserialize)]
pub struct VisibilityForm {
    #[serde(default)]
    hidden: String,
}

impl VisibilityForm {
    pub fn hidden(&self) -> Result<bool, crate::error::AppError> {
        match self.hidden.as_str() {
            "1" => Ok(true),
            "0" => Ok(false),
            _ => Err(crate::error::AppError::BadRequest("error-form-invalid")),
        }
    }
}
