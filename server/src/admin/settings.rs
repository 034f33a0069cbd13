//! HR's page for the organisation's settings: its name, the anonymity
//! threshold for figures, the higher one for free text, and how long data is
//! kept. The thresholds are checked by `AnonymityRule::new`, the one place
//! that knows the floor.

use crate::auth::csrf::CsrfForm;
use crate::auth::OrgAdmin;
use crate::error::{AppError, AppResult};
use crate::org::audit::{self, Actor};
use crate::org::settings::{self as store, NewSettings, Settings, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use domain::anonymity::AnonymityRule;
use domain::input::OrgName;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/settings", get(show).post(save))
}

#[derive(Deserialize, Default)]
pub struct SettingsForm {
    #[serde(default)]
    org_name: String,
    #[serde(default)]
    k: String,
    #[serde(default)]
    free_text_k: String,
    #[serde(default)]
    retention_days: String,
}

impl From<&Settings> for SettingsForm {
    fn from(s: &Settings) -> Self {
        SettingsForm {
            org_name: s.name.clone(),
            k: s.k.to_string(),
            free_text_k: s.free_text_k.to_string(),
            retention_days: s.retention_days.to_string(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/settings.html")]
pub struct SettingsPage {
    page: Page,
    errors: FormErrors,
    form: SettingsForm,
    saved: bool,
    min_retention: i64,
}

/// One input of the form, as the template draws it.
pub struct Field {
    pub id: &'static str,
    pub label: String,
    pub hint: String,
    pub value: String,
    pub numeric: bool,
    pub error: Option<String>,
}

impl SettingsPage {
    fn fields(&self) -> Vec<Field> {
        let field = |id: &'static str, key: &str, hint: String, value: &str, numeric: bool| Field {
            id,
            label: self.page.t(key),
            hint,
            value: value.to_string(),
            numeric,
            error: self.errors.for_field(id).map(str::to_string),
        };
        vec![
            field("org_name", "settings-org-name", self.page.t("settings-org-name-hint"), &self.form.org_name, false),
            field("k", "settings-k", self.page.t("settings-k-hint"), &self.form.k, true),
            field("free_text_k", "settings-free-text-k", self.page.t("settings-free-text-k-hint"), &self.form.free_text_k, true),
            field(
                "retention_days",
                "settings-retention-days",
                self.page.t1("settings-retention-days-hint", "min", self.min_retention),
                &self.form.retention_days,
                true,
            ),
        ]
    }
}

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

async fn current(state: &AppState, admin: &OrgAdmin) -> AppResult<Settings> {
    store::get(&state.db, admin.org()).await?.ok_or(AppError::NotFound)
}

async fn show(State(state): State<AppState>, page: Page, admin: OrgAdmin, Query(q): Query<SavedQuery>) -> AppResult<SettingsPage> {
    let settings = current(&state, &admin).await?;
    Ok(SettingsPage {
        page,
        errors: FormErrors::default(),
        form: SettingsForm::from(&settings),
        saved: q.saved.is_some(),
        min_retention: MIN_RETENTION_DAYS,
    })
}

fn number(errors: &mut FormErrors, page: &Page, field: &'static str, raw: &str) -> Option<u32> {
    match raw.trim().parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add_key(&page.tr, Some(field), "settings-error-number");
            None
        }
    }
}

/// Every problem at once, each under the field it concerns.
fn validate(page: &Page, form: &SettingsForm) -> Result<NewSettings, FormErrors> {
    let mut errors = FormErrors::default();
    let name = errors.check(&page.tr, "org_name", OrgName::parse(&form.org_name));
    let k = number(&mut errors, page, "k", &form.k);
    let free_text_k = number(&mut errors, page, "free_text_k", &form.free_text_k);
    let rule = match (k, free_text_k) {
        (Some(k), Some(free_text_k)) => match AnonymityRule::new(k, free_text_k) {
            Ok(rule) => Some(rule),
            Err(e) => {
                let field = match e.key {
                    "error-threshold-too-low" => "k",
                    "error-threshold-too-high" if k > free_text_k => "k",
                    _ => "free_text_k",
                };
                errors.add(&page.tr, field, e);
                None
            }
        },
        _ => None,
    };
    let retention_days = match form.retention_days.trim().parse::<i64>() {
        Ok(days) if domain::retention::Period::days(days).is_some() => Some(days),
        Ok(_) => {
            let message = page.tr.t_args(
                "settings-error-retention-range",
                &[("min", MIN_RETENTION_DAYS.to_string()), ("max", MAX_RETENTION_DAYS.to_string())],
            );
            errors.0.push(crate::web::forms::FieldError { field: Some("retention_days".into()), message });
            None
        }
        Err(_) => {
            errors.add_key(&page.tr, Some("retention_days"), "settings-error-number");
            None
        }
    };
    match (name, rule, retention_days) {
        (Some(name), Some(rule), Some(retention_days)) if errors.is_empty() => {
            Ok(NewSettings { name, rule, retention_days })
        }
        _ => Err(errors),
    }
}

/// What changed, in the acting admin's language, for the audit log.
fn describe_changes(page: &Page, before: &Settings, after: &NewSettings) -> Vec<String> {
    let mut changes = Vec::new();
    let mut change = |key: &str, old: String, new: String| {
        if old != new {
            changes.push(format!("{}: {old} → {new}", page.t(key)));
        }
    };
    change("settings-org-name", before.name.clone(), after.name.as_str().to_string());
    change("settings-k", before.k.to_string(), after.rule.k.to_string());
    change("settings-free-text-k", before.free_text_k.to_string(), after.rule.free_text_k.to_string());
    change("settings-retention-days", before.retention_days.to_string(), after.retention_days.to_string());
    changes
}

async fn save(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> AppResult<Response> {
    let before = current(&state, &admin).await?;
    let new = match validate(&page, &form) {
        Ok(new) => new,
        Err(errors) => {
            let body = SettingsPage {
                page,
                errors,
                form,
                saved: false,
                min_retention: MIN_RETENTION_DAYS,
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let changes = describe_changes(&page, &before, &new);
    if !changes.is_empty() {
        let mut tx = state.db.begin_write().await?;
        store::update(&mut tx, admin.org(), &new).await?;
        let actor = Actor { person: Some(admin.person()), name: &admin.m.name };
        audit::record(&mut tx, admin.org(), actor, "settings-updated", &changes.join("; "), state.clock.now()).await?;
        tx.commit().await?;
    }
    Ok(Redirect::to("/admin/settings?saved=1").into_response())
}
