//! Creating and editing a person: name, e-mail (which creates or links the
//! sign-in account), unit, nearest leader and roles. Bad input re-renders
//! the form with 422 and changes nothing.

use crate::admin::people::{self as list, Choice};
use crate::auth::csrf::CsrfForm;
use crate::auth::OrgAdmin;
use crate::error::AppResult;
use crate::org::audit::{self, Actor};
use crate::org::people::{self, Person, Status};
use crate::org::{address, store, units};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::address::{address_edit, AddressEdit};
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
    /// A new address proposed and not yet confirmed by its owner.
    pub proposed: Option<String>,
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
    let proposed = match person {
        Some(p) => address::pending_for(&state.db, admin.org(), &p.account_id, state.clock.now()).await?,
        None => None,
    };
    let existing = person.map(|p| Existing {
        id: p.id.to_string(),
        name: p.name.clone(),
        status: list::status_text(&page, &p.status),
        invited: matches!(p.status, Status::Invited(_)),
        active: p.status == Status::Active,
        proposed,
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

/// The account for the e-mail, inside the caller's transaction (created
/// without a password if new); refuses an address another person of the
/// organisation already has. Never changes an existing account: the
/// address belongs to its owner (`domain::address`).
async fn account_for(
    conn: &mut AnyConnection,
    org: &OrgId,
    email: &Email,
    me: Option<&Person>,
    now: time::OffsetDateTime,
) -> anyhow::Result<Result<AccountId, &'static str>> {
    let account = store::ensure_account(conn, email, now).await?;
    match people::person_of_account(conn, org, &account).await? {
        Some(other) if me.map(|m| &m.id) != Some(&other) => Ok(Err("people-error-email-taken")),
        _ => Ok(Ok(account)),
    }
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
    let mut tx = state.db.begin_write().await?;
    let account = match account_for(&mut tx, &org, &valid.email, None, state.clock.now()).await? {
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
    let id = store::add_person(&mut tx, &org, new, state.clock.now()).await?;
    let actor = Actor { person: Some(admin.person()), name: &admin.m.name };
    let target = format!("{} ({})", valid.name.as_str(), valid.email.as_str());
    audit::record(&mut tx, &org, actor, "person-created", &target, state.clock.now()).await?;
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
        Some("address-proposed") => Some(page.t("address-notice-proposed")),
        Some("invited") => Some(page.t1("invitations-notice-sent", "email", &person.email)),
        _ => None,
    };
    let form = PersonForm::of(&person);
    let mut body = form_page(&state, page, &admin, Some(&person), FormErrors::default(), form).await?;
    body.notice = notice;
    Ok(body)
}

/// Saves the person. A new address follows `domain::address::address_edit`:
/// for someone who signs in here it is only proposed (mailed to the new
/// address for the owner to confirm, the old address told at once), and
/// the rest of the form is saved as usual.
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
    let mut tx = state.db.begin_write().await?;
    let mut problem: Option<(&'static str, &'static str)> = None;
    if person.has_role(Role::HrAdmin)
        && !valid.roles.contains(&Role::HrAdmin)
        && people::hr_admin_count(&mut tx, &org).await? <= 1
    {
        problem = Some(("roles", "people-error-last-hr-admin"));
    }
    let holder = address::holder(&mut tx, &org, &person).await?;
    let edit = address_edit(valid.email.as_str() == person.email, holder);
    let account = match edit {
        AddressEdit::Keep | AddressEdit::Propose => match taken_here(&mut tx, &org, &valid.email, &person).await? {
            false => Some(person.account_id.clone()),
            true => {
                problem = problem.or(Some(("email", "people-error-email-taken")));
                None
            }
        },
        AddressEdit::Redirect => match account_for(&mut tx, &org, &valid.email, Some(&person), state.clock.now()).await? {
            Ok(a) => Some(a),
            Err(key) => {
                problem = problem.or(Some(("email", key)));
                None
            }
        },
        AddressEdit::Refuse(key) => {
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
    let email_now = if edit == AddressEdit::Propose { person.email.as_str() } else { valid.email.as_str() };
    let target = format!("{} ({})", valid.name.as_str(), email_now);
    audit::record(&mut tx, &org, actor, "person-updated", &target, state.clock.now()).await?;
    if edit == AddressEdit::Propose {
        let target = format!("{} ({} → {})", valid.name.as_str(), person.email, valid.email.as_str());
        let actor = Actor { person: Some(admin.person()), name: &admin.m.name };
        audit::record(&mut tx, &org, actor, "address-change-proposed", &target, state.clock.now()).await?;
    }
    tx.commit().await?;
    if edit == AddressEdit::Propose {
        crate::web::address::send_proposal(&state, &admin, &person, valid.name.as_str(), &valid.email).await?;
        return Ok(Redirect::to(&format!("/admin/people/{}?notice=address-proposed", person.id)).into_response());
    }
    Ok(Redirect::to(&format!("/admin/people/{}?notice=saved", person.id)).into_response())
}

/// True when another person of the organisation has the address (looked up
/// without creating an account for it).
async fn taken_here(conn: &mut AnyConnection, org: &OrgId, email: &Email, me: &Person) -> anyhow::Result<bool> {
    let Some(found) = store::account_of(conn, email).await? else { return Ok(false) };
    Ok(people::person_of_account(conn, org, &found).await?.is_some_and(|other| other != me.id))
}

/// The person's page with an invitation refused (the cooling period), 429.
pub async fn refused_invitation(state: &AppState, page: Page, admin: &OrgAdmin, person: &Person, message: String) -> AppResult<FormPage> {
    let mut errors = FormErrors::default();
    errors.0.push(crate::web::forms::FieldError { field: None, message });
    form_page(state, page, admin, Some(person), errors, PersonForm::of(person)).await
}
