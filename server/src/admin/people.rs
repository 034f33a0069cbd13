//! HR's list of people: filter by unit (sub-units included), role and a text
//! search, all as plain GET parameters so it works without JavaScript; and
//! removing a person from the organisation.

use crate::auth::csrf::CsrfForm;
use crate::auth::OrgAdmin;
use crate::error::{AppError, AppResult};
use crate::org::audit::{self, Actor};
use crate::org::people::{self, Person, Status};
use crate::org::units;
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::hierarchy;
use domain::ids::{PersonId, UnitId};
use domain::roles::Role;
use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: usize = 50;

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct Filter {
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub q: String,
    /// 1-based page number; anything unreadable is the first page.
    #[serde(default, skip_serializing)]
    pub page: Option<String>,
    /// How many invitations "invite everyone" just sent.
    #[serde(default, skip_serializing)]
    pub sent: Option<String>,
}

impl Filter {
    fn page_number(&self) -> usize {
        self.page.as_deref().and_then(|p| p.parse::<usize>().ok()).filter(|p| *p >= 1).unwrap_or(1)
    }

    pub fn is_active(&self) -> bool {
        !self.unit.is_empty() || !self.role.is_empty() || !self.q.trim().is_empty()
    }

    /// The filter as a query string (without page and notice).
    pub fn query(&self) -> String {
        serde_urlencoded::to_string(self).unwrap_or_default()
    }

    /// The list's URL for another page with the same filter.
    fn link(&self, page: usize) -> String {
        format!("/admin/people?{}&page={page}", self.query())
    }
}

/// One row of the list, ready to show.
pub struct Row {
    pub id: String,
    pub name: String,
    pub email: String,
    pub unit: Option<String>,
    pub leader: Option<String>,
    pub roles: String,
    pub status: String,
}

pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/people/list.html")]
pub struct ListPage {
    page: Page,
    filter: Filter,
    rows: Vec<Row>,
    units: Vec<Choice>,
    roles: Vec<Choice>,
    total: usize,
    matching: usize,
    showing: String,
    previous: Option<String>,
    next: Option<String>,
    not_invited: usize,
    /// The question before "invite all" (a closed dialog on the page).
    ask: crate::web::ask::Ask,
    /// Of those the filter shows, how many are not invited, and the question
    /// before inviting them.
    not_invited_matching: usize,
    ask_filtered: crate::web::ask::Ask,
    notice: Option<String>,
    alert: Option<String>,
}

/// The status as words: "Inviteret 3. marts 2026 kl. 10.00", "Aktiv", "Ikke inviteret".
pub fn status_text(page: &Page, status: &Status) -> String {
    match status {
        Status::NotInvited => page.t("people-status-not-invited"),
        Status::Invited(at) => page.t1("people-status-invited", "date", page.date_time(at)),
        Status::Active => page.t("people-status-active"),
    }
}

pub fn role_names(page: &Page, roles: &[Role]) -> String {
    roles.iter().map(|r| page.t(r.label_key())).collect::<Vec<_>>().join(", ")
}

pub fn role_choices(page: &Page) -> Vec<Choice> {
    Role::ALL.iter().map(|r| Choice { value: r.code().to_string(), label: page.t(r.label_key()) }).collect()
}

fn matches(person: &Person, units_in_scope: Option<&[UnitId]>, role: Option<Role>, q: &str) -> bool {
    if let Some(scope) = units_in_scope
        && !person.unit_id.as_ref().is_some_and(|u| scope.contains(u))
    {
        return false;
    }
    if let Some(role) = role
        && !person.has_role(role)
    {
        return false;
    }
    q.is_empty() || person.name.to_lowercase().contains(q) || person.email.contains(q)
}

/// The people the filter shows, in the list's order. Filter values come
/// from the page's own selects; a hand-edited one that names nothing here
/// simply filters nothing.
pub fn select<'a>(all: &'a [Person], all_units: &[units::Unit], filter: &Filter) -> Vec<&'a Person> {
    let scope = UnitId::parse(&filter.unit).filter(|id| all_units.iter().any(|u| &u.id == id)).map(|id| {
        let mut scope = hierarchy::descendants(&id, &units::parent_map(all_units));
        scope.push(id);
        scope
    });
    let role = Role::ALL.into_iter().find(|r| r.code() == filter.role);
    let q = filter.q.trim().to_lowercase();
    all.iter().filter(|p| matches(p, scope.as_deref(), role, &q)).collect()
}

/// Draws the list; also used by "invite everyone" to answer in place.
pub async fn render(
    state: &AppState,
    page: Page,
    admin: &OrgAdmin,
    filter: Filter,
    alert: Option<String>,
) -> AppResult<ListPage> {
    let all = people::list(&state.db, admin.org()).await?;
    let all_units = units::list(&state.db, admin.org()).await?;
    let found = select(&all, &all_units, &filter);
    let not_invited_matching = found.iter().filter(|p| p.status == Status::NotInvited).count();

    let pages = found.len().div_ceil(PAGE_SIZE).max(1);
    let current = filter.page_number().min(pages);
    let start = (current - 1) * PAGE_SIZE;
    let rows = found
        .iter()
        .skip(start)
        .take(PAGE_SIZE)
        .map(|p| Row {
            id: p.id.to_string(),
            name: p.name.clone(),
            email: p.email.clone(),
            unit: p.unit_name.clone(),
            leader: p.leader_name.clone(),
            roles: role_names(&page, &p.roles),
            status: status_text(&page, &p.status),
        })
        .collect::<Vec<_>>();
    let notice = filter
        .sent
        .as_deref()
        .and_then(|n| n.parse::<u32>().ok())
        .map(|n| page.t1("invitations-sent-count", "count", n));
    Ok(ListPage {
        units: crate::admin::units::tree(&all_units)
            .into_iter()
            .map(|row| Choice { label: row.option_label(), value: row.id })
            .collect(),
        roles: role_choices(&page),
        total: all.len(),
        matching: found.len(),
        showing: page.tr.t_args(
            "people-showing",
            &[("first", (start + 1).to_string()), ("last", (start + rows.len()).to_string()), ("total", found.len().to_string())],
        ),
        previous: (current > 1).then(|| filter.link(current - 1)),
        next: (current < pages).then(|| filter.link(current + 1)),
        not_invited: all.iter().filter(|p| p.status == Status::NotInvited).count(),
        ask: crate::admin::invitations::invite_all_ask(&page, all.iter().filter(|p| p.status == Status::NotInvited).count()),
        ask_filtered: crate::admin::invitations::invite_filtered_ask(&page, &filter, not_invited_matching),
        not_invited_matching,
        rows,
        notice,
        alert,
        filter,
        page,
    })
}

pub async fn list(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Query(filter): Query<Filter>,
) -> AppResult<ListPage> {
    render(&state, page, &admin, filter, None).await
}

/// The person behind a URL: only this organisation's; anything else is not found.
pub async fn find(state: &AppState, admin: &OrgAdmin, raw_id: &str) -> AppResult<Person> {
    let id = PersonId::parse(raw_id).ok_or(AppError::NotFound)?;
    people::get(&state.db, admin.org(), &id).await?.ok_or(AppError::NotFound)
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/people/remove.html")]
pub struct RemovePage {
    page: Page,
    id: String,
    name: String,
    org_name: String,
    reports: usize,
    /// Why the person cannot be removed, if so.
    refusal: Option<String>,
}

/// The organisation must keep someone who can administer it.
async fn refusal(state: &AppState, admin: &OrgAdmin, page: &Page, person: &Person) -> AppResult<Option<String>> {
    let mut conn = state.db.pool.acquire().await?;
    if person.has_role(Role::HrAdmin) && people::hr_admin_count(&mut conn, admin.org()).await? <= 1 {
        return Ok(Some(page.t("people-error-last-hr-admin-remove")));
    }
    Ok(None)
}

async fn remove_page(state: &AppState, page: Page, admin: &OrgAdmin, person: Person) -> AppResult<RemovePage> {
    let refusal = refusal(state, admin, &page, &person).await?;
    let reports = people::list(&state.db, admin.org())
        .await?
        .iter()
        .filter(|p| p.leader_id.as_ref() == Some(&person.id))
        .count();
    Ok(RemovePage {
        id: person.id.to_string(),
        name: person.name,
        org_name: admin.m.org_name.clone(),
        reports,
        refusal,
        page,
    })
}

pub async fn confirm_remove(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
) -> AppResult<RemovePage> {
    let person = find(&state, &admin, &id).await?;
    remove_page(&state, page, &admin, person).await
}

pub async fn remove(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let person = find(&state, &admin, &id).await?;
    if refusal(&state, &admin, &page, &person).await?.is_some() {
        let body = remove_page(&state, page, &admin, person).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    let org = admin.org().clone();
    let mut tx = state.db.begin_write().await?;
    people::remove(&mut tx, &org, &person).await?;
    let actor = Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, &org, actor, "person-removed", &format!("{} ({})", person.name, person.email), state.clock.now()).await?;
    tx.commit().await?;
    if &person.id == admin.person() {
        // They removed themselves: this organisation is gone from their view.
        return Ok(Redirect::to("/orgs").into_response());
    }
    Ok(Redirect::to("/admin/people").into_response())
}
