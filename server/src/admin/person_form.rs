//! Creating and editing a person: name, e-mail (which creates or links the
//! sign-in account), unit, nearest leader and roles. Bad input re-renders
//! the form with 422 and changes nothing.

use crate::admin::people::{self as list, Choice};
use crate::auth::csrf::CsrfForm;
use crate::auth::OrgAdmin;
use crate::error::AppResult;
use crate::org::audit::{self, Actor};
use crate::org::people::{self, Person, Status};
use crate::org::{store, units};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::hierarchy;
use domain::ids::{AccountId, OrgId, PersonId, UnitId};
use domain::input::{Email, PersonName};
use domain::roles::Role;
use domain::ValidationError;
use serde::Deserialize;
use sqlx::AnyConnection;
use std::collections::HashMap;

#[derive(Deserialize, Default, Clone)]
pub struct PersonForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    nearest_leader: String,
    #[serde(default)]
    roles: Vec<String>,
}

impl PersonForm {
    fn of(p: &Person) -> Self {
        Self {
            name: p.name.clone(),
            email: p.email.clone(),
            unit: p.unit_id.as_ref().map(|u| u.to_string()).unwrap_or_default(),
            nearest_leader: p.leader_id.as_ref().map(|l| l.to_string()).unwrap_or_default(),
            roles: p.roles.iter().map(|r| r.code().to_string()).collect(),
        }
    }

    pub fn has_role(&self, code: &str) -> bool {
        self.roles.iter().any(|r| r == code)
    }
}

/// The person being edited, as the page shows them beside the form.
pub struct Existing {
    pub id: String,
    pub name: String,
    pub status: String,
    pub invited: bool,
    pub active: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/people/form.html")]
pub struct FormPage {
    page: Page,
    existing: Option<Existing>,
    errors: FormErrors,
    form: PersonForm,
    units: Vec<Choice>,
    leaders: Vec<Choice>,
    roles: Vec<Choice>,
    notice: Option<String>,
}

/// What the form's selects offer: the organisation's units, and as nearest
/// leader everyone but the person and those who report to them (directly or
/// through others), since choosing one of those would close a loop.
async fn form_page(
    state: &AppState,
    page: Page,
    admin: &OrgAdmin,
    person: Option<&Person>,
    errors: FormErrors,
    form: PersonForm,
) -> AppResult<FormPage> {
    let all_units = units::list(&state.db, admin.org()).await?;
    let everyone = people::list(&state.db, admin.org()).await?;
    let excluded: Vec<PersonId> = match person {
        Some(p) => {
            let mut below = hierarchy::descendants(&p.id, &leader_map(&everyone));
            below.push(p.id.clone());
            below
        }
        None => Vec::new(),
    };
    let leaders = everyone
        .iter()
        .filter(|p| !excluded.contains(&p.id))
        .map(|p| Choice { value: p.id.to_string(), label: format!("{} ({})", p.name, p.email) })
        .collect();
    let existing = person.map(|p| Existing {
        id: p.id.to_string(),
        name: p.name.clone(),
        status: list::status_text(&page, &p.status),
        invited: matches!(p.status, Status::Invited(_)),
        active: p.status == Status::Active,
    });
    Ok(FormPage {
        units: crate::admin::units::tree(&all_units)
            .into_iter()
            .map(|row| Choice { label: row.option_label(), value: row.id })
            .collect(),
        roles: list::role_choices(&page),
        leaders,
        existing,
        errors,
        form,
        notice: None,
        page,
    })
}

fn leader_map(everyone: &[Person]) -> HashMap<PersonId, PersonId> {
    everyone.iter().filter_map(|p| p.leader_id.clone().map(|l| (p.id.clone(), l))).collect()
}

struct Valid {
    name: PersonName,
    email: Email,
    unit: Option<UnitId>,
    leader: Option<PersonId>,
    roles: Vec<Role>,
}

/// Checks the form against the organisation. `me` is the person being edited
/// (a fresh id when creating, so nobody can already report to them).
fn validate(
    page: &Page,
    form: &PersonForm,
    all_units: &[units::Unit],
    everyone: &[Person],
    me: &PersonId,
) -> Result<Valid, FormErrors> {
    let tr = &page.tr;
    let mut errors = FormErrors::default();
    let name = errors.check(tr, "name", PersonName::parse(&form.name));
    let email = errors.check(tr, "email", Email::parse(&form.email));
    let unit = match form.unit.trim() {
        "" => Some(None),
        raw => errors.check(
            tr,
            "unit",
            UnitId::parse(raw)
                .filter(|id| all_units.iter().any(|u| &u.id == id))
                .map(Some)
                .ok_or(ValidationError::new("people-error-unit-unknown")),
        ),
    };
    let leader = match form.nearest_leader.trim() {
        "" => Some(None),
        raw => errors
            .check(
                tr,
                "nearest_leader",
                PersonId::parse(raw)
                    .filter(|id| everyone.iter().any(|p| &p.id == id))
                    .ok_or(ValidationError::new("people-error-leader-unknown")),
            )
            .and_then(|id| {
                let rule = hierarchy::check_nearest_leader(me, Some(&id), &leader_map(everyone));
                errors.check(tr, "nearest_leader", rule).map(|()| Some(id))
            }),
    };
    let mut roles = Vec::new();
    for code in &form.roles {
        match Role::ALL.into_iter().find(|r| r.code() == code) {
            Some(role) => roles.push(role),
            None => {
                errors.add_key(tr, Some("roles"), "people-error-role-unknown");
                break;
            }
        }
    }
    if form.roles.is_empty() {
        errors.add_key(tr, Some("roles"), "people-error-roles-missing");
    }
    match (name, email, unit, leader, errors.is_empty()) {
        (Some(name), Some(email), Some(unit), Some(leader), true) => Ok(Valid { name, email, unit, leader, roles }),
        _ => Err(errors),
    }
}

/// The account for the e-mail, inside the caller's transaction; refuses an
/// address another person of the organisation already has.
async fn account_for(
    conn: &mut AnyConnection,
    org: &OrgId,
    email: &Email,
    me: Option<&Person>,
) -> anyhow::Result<Result<AccountId, &'static str>> {
    let found: Option<(String,)> = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let account = match (found, me) {
        (Some((id,)), _) => AccountId::from_db(id),
        // A corrected address for an account nobody else uses: keep the
        // account (and its password), only the address changes.
        (None, Some(me)) if !account_shared(conn, &me.account_id).await? => {
            sqlx::query("UPDATE accounts SET email = $1 WHERE id = $2")
                .bind(email.as_str())
                .bind(me.account_id.as_str())
                .execute(&mut *conn)
                .await?;
            me.account_id.clone()
        }
        (None, _) => store::ensure_account(conn, email).await?,
    };
    match people::person_of_account(conn, org, &account).await? {
        Some(other) if me.map(|m| &m.id) != Some(&other) => Ok(Err("people-error-email-taken")),
        _ => Ok(Ok(account)),
    }
}

/// True when the account is a person in more than one organisation.
async fn account_shared(conn: &mut AnyConnection, account: &AccountId) -> anyhow::Result<bool> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM persons WHERE account_id = $1")
        .bind(account.as_str())
        .fetch_one(conn)
        .await?;
    Ok(n > 1)
}

pub async fn new(State(state): State<AppState>, page: Page, admin: OrgAdmin) -> AppResult<FormPage> {
    let form = PersonForm { roles: vec![Role::Leader.code().to_string()], ..PersonForm::default() };
    form_page(&state, page, &admin, None, FormErrors::default(), form).await
}

fn refused(form_page: FormPage) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, form_page).into_response()
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> AppResult<Response> {
    let org = admin.org().clone();
    let all_units = units::list(&state.db, &org).await?;
    let everyone = people::list(&state.db, &org).await?;
    let valid = match validate(&page, &form, &all_units, &everyone, &PersonId::new()) {
        Ok(v) => v,
        Err(errors) => return Ok(refused(form_page(&state, page, &admin, None, errors, form).await?)),
    };
    let mut tx = state.db.pool.begin().await?;
    let account = match account_for(&mut tx, &org, &valid.email, None).await? {
        Ok(a) => a,
        Err(key) => {
            tx.rollback().await?;
            let mut errors = FormErrors::default();
            errors.add_key(&page.tr, Some("email"), key);
            return Ok(refused(form_page(&state, page, &admin, None, errors, form).await?));
        }
    };
    let new = store::NewPerson {
        account: &account,
        name: &valid.name,
        unit: valid.unit.as_ref(),
        nearest_leader: valid.leader.as_ref(),
        roles: &valid.roles,
    };
    let id = store::create_person(&mut tx, &org, new).await?;
    let actor = Actor { person: Some(admin.person()), name: &admin.m.name };
    let target = format!("{} ({})", valid.name.as_str(), valid.email.as_str());
    audit::record(&mut tx, &org, actor, "person-created", &target).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/admin/people/{id}?notice=created")).into_response())
}

pub async fn edit(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<FormPage> {
    let person = list::find(&state, &admin, &id).await?;
    // Only known notices are shown, so a link cannot put words on the page.
    let notice = match q.notice.as_deref() {
        Some("created") => Some(page.t("people-notice-created")),
        Some("saved") => Some(page.t("people-notice-saved")),
        Some("invited") => Some(page.t1("invitations-notice-sent", "email", &person.email)),
        _ => None,
    };
    let form = PersonForm::of(&person);
    let mut body = form_page(&state, page, &admin, Some(&person), FormErrors::default(), form).await?;
    body.notice = notice;
    Ok(body)
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<PersonForm>,
) -> AppResult<Response> {
    let person = list::find(&state, &admin, &id).await?;
    let org = admin.org().clone();
    let all_units = units::list(&state.db, &org).await?;
    let everyone = people::list(&state.db, &org).await?;
    let valid = match validate(&page, &form, &all_units, &everyone, &person.id) {
        Ok(v) => v,
        Err(errors) => return Ok(refused(form_page(&state, page, &admin, Some(&person), errors, form).await?)),
    };
    let mut tx = state.db.pool.begin().await?;
    let mut problem: Option<(&'static str, &'static str)> = None;
    if person.has_role(Role::HrAdmin)
        && !valid.roles.contains(&Role::HrAdmin)
        && people::hr_admin_count(&mut tx, &org).await? <= 1
    {
        problem = Some(("roles", "people-error-last-hr-admin"));
    }
    let account = match account_for(&mut tx, &org, &valid.email, Some(&person)).await? {
        Ok(a) => Some(a),
        Err(key) => {
            problem = problem.or(Some(("email", key)));
            None
        }
    };
    let (Some(account), None) = (account, problem) else {
        tx.rollback().await?;
        let mut errors = FormErrors::default();
        if let Some((field, key)) = problem {
            errors.add_key(&page.tr, Some(field), key);
        }
        return Ok(refused(form_page(&state, page, &admin, Some(&person), errors, form).await?));
    };
    let change = people::Change {
        account: &account,
        name: &valid.name,
        unit: valid.unit.as_ref(),
        nearest_leader: valid.leader.as_ref(),
        roles: &valid.roles,
    };
    people::update(&mut tx, &org, &person.id, change).await?;
    if account != person.account_id {
        people::delete_account_if_unused(&mut tx, &person.account_id).await?;
    }
    let actor = Actor { person: Some(admin.person()), name: &admin.m.name };
    let target = format!("{} ({})", valid.name.as_str(), valid.email.as_str());
    audit::record(&mut tx, &org, actor, "person-updated", &target).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/admin/people/{}?notice=saved", person.id)).into_response())
}
