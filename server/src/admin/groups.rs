//! HR's pages for leader groups: the list, creating and editing a group (its
//! name, its leader, its members, its openness), and deleting one after a
//! confirmation. Every change is audited in the same transaction.

use crate::auth::csrf::CsrfForm;
use crate::auth::OrgAdmin;
use crate::error::{AppError, AppResult};
use crate::org::audit::{self, Actor};
use crate::org::groups::{self as store, GroupInput, PersonChoice};
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
use axum::routing::get;
use axum::Router;
use domain::groups::Openness;
use domain::ids::{GroupId, PersonId};
use domain::input::GroupName;
use serde::Deserialize;
use std::collections::HashSet;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/groups", get(list))
        .route("/admin/groups/new", get(new).post(create))
        .route("/admin/groups/{id}", get(edit).post(update))
        .route("/admin/groups/{id}/delete", get(confirm_delete).post(delete))
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/list.html")]
pub struct ListPage {
    page: Page,
    groups: Vec<store::GroupSummary>,
    notice: Option<String>,
}

async fn list(State(state): State<AppState>, page: Page, admin: OrgAdmin, Query(q): Query<NoticeQuery>) -> AppResult<ListPage> {
    let notice = q.text(&page, "groups-notice-", &["created", "updated", "deleted"]);
    let groups = store::list(&state.db, admin.org()).await?;
    Ok(ListPage { page, groups, notice })
}

/// What the form shows: the typed values, kept when the form comes back with errors.
#[derive(Deserialize, Default)]
pub struct GroupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    leader: String,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    openness: String,
}

pub struct Choice {
    pub id: String,
    pub name: String,
    pub chosen: bool,
}

/// The people of one unit, for one fieldset of member checkboxes.
pub struct UnitChoices {
    pub unit: Option<String>,
    pub people: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/form.html")]
pub struct FormPage {
    page: Page,
    errors: FormErrors,
    /// `None` for a new group.
    group_id: Option<String>,
    name: String,
    leaders: Vec<(Option<String>, Vec<Choice>)>,
    units: Vec<UnitChoices>,
    named: bool,
    /// On an existing group's page: who has signed in, and inviting the rest.
    acceptance: Option<Acceptance>,
}

/// Who of the group has accepted their invitation, i.e. signed in at least once.
pub struct Acceptance {
    rows: Vec<AcceptanceRow>,
    accepted: usize,
    /// Those not signed in, whom the button invites.
    waiting: usize,
    ask: crate::web::ask::Ask,
    notice: Option<String>,
    alert: Option<String>,
}

pub struct AcceptanceRow {
    id: String,
    name: String,
    accepted: bool,
    status: String,
}

/// How many invitations the group page's button just sent, and whether the quota stopped it.
#[derive(Deserialize, Default)]
pub struct SentQuery {
    sent: Option<u32>,
    limited: Option<String>,
}

impl Acceptance {
    async fn load(state: &AppState, page: &Page, admin: &OrgAdmin, group: &store::Group, q: SentQuery) -> AppResult<Self> {
        use crate::admin::invitations::invite_group_ask;
        use crate::org::groups::{in_group, not_signed_in};
        use crate::org::people::Status;
        let all = crate::org::people::list(&state.db, admin.org()).await?;
        let rows: Vec<AcceptanceRow> = in_group(group, &all)
            .into_iter()
            .map(|p| AcceptanceRow {
                id: p.id.to_string(),
                name: p.name.clone(),
                accepted: p.status == Status::Active,
                status: match &p.status {
                    Status::Active => page.t("group-accepted"),
                    Status::Invited(_) => page.t("group-not-accepted"),
                    Status::NotInvited => page.t("group-not-invited"),
                },
            })
            .collect();
        let waiting = not_signed_in(group, &all).len();
        let (notice, alert) = match (q.sent, q.limited.is_some()) {
            (Some(sent), true) => (None, Some(page.t1("invitations-limited", "sent", sent) + " " + &page.t("error-rate-limited"))),
            (Some(sent), false) => (Some(page.t1("invitations-sent-count", "count", sent)), None),
            (None, _) => (None, None),
        };
        Ok(Acceptance {
            accepted: rows.iter().filter(|r| r.accepted).count(),
            rows,
            waiting,
            ask: invite_group_ask(page, &group.id, waiting),
            notice,
            alert,
        })
    }
}

impl FormPage {
    fn build(page: Page, errors: FormErrors, group_id: Option<String>, form: &GroupForm, people: &[PersonChoice]) -> Self {
        let members: HashSet<&str> = form.members.iter().map(String::as_str).collect();
        let mut units: Vec<UnitChoices> = Vec::new();
        let mut leaders: Vec<(Option<String>, Vec<Choice>)> = Vec::new();
        for p in people {
            let id = p.id.as_str();
            if units.last().is_none_or(|u| u.unit != p.unit) {
                units.push(UnitChoices { unit: p.unit.clone(), people: Vec::new() });
                leaders.push((p.unit.clone(), Vec::new()));
            }
            if let Some(u) = units.last_mut() {
                u.people.push(Choice { id: id.to_string(), name: p.name.clone(), chosen: members.contains(id) });
            }
            if let Some((_, l)) = leaders.last_mut() {
                l.push(Choice { id: id.to_string(), name: p.name.clone(), chosen: form.leader == id });
            }
        }
        FormPage {
            page,
            errors,
            group_id,
            name: form.name.clone(),
            leaders,
            units,
            named: form.openness == "named",
            acceptance: None,
        }
    }
}

/// Checks the form against the organisation's people; every problem is
/// reported at once, and nothing is stored unless all is well.
async fn validate(
    state: &AppState,
    page: &Page,
    admin: &OrgAdmin,
    form: &GroupForm,
    except: Option<&GroupId>,
) -> AppResult<Result<GroupInput, FormErrors>> {
    let tr = page.tr;
    let mut errors = FormErrors::default();
    let mut conn = state.db.pool.acquire().await?;
    let known = store::person_ids(&mut conn, admin.org()).await?;
    let name = errors.check(&tr, "name", GroupName::parse(&form.name));
    if let Some(name) = &name
        && store::name_taken(&mut conn, admin.org(), name, except).await?
    {
        errors.add_key(&tr, Some("name"), "groups-error-name-taken");
    }
    let leader = match PersonId::parse(form.leader.trim()) {
        Some(id) if known.contains(&id) => Some(id),
        _ if form.leader.trim().is_empty() => {
            errors.add_key(&tr, Some("leader"), "groups-error-leader-missing");
            None
        }
        _ => {
            errors.add_key(&tr, Some("leader"), "groups-error-leader-unknown");
            None
        }
    };
    let mut members = Vec::new();
    let mut unknown_member = false;
    for raw in &form.members {
        match PersonId::parse(raw.trim()) {
            Some(id) if known.contains(&id) => {
                if !members.contains(&id) {
                    members.push(id);
                }
            }
            _ => unknown_member = true,
        }
    }
    if unknown_member {
        errors.add_key(&tr, Some("members"), "groups-error-member-unknown");
    }
    // A missing value means the default; a value we do not know is refused.
    let openness = if form.openness.trim().is_empty() {
        Some(Openness::default())
    } else {
        errors.check(&tr, "openness-anonymous", Openness::parse(&form.openness))
    };
    Ok(match (name, leader, openness) {
        (Some(name), Some(leader), Some(openness)) if errors.is_empty() => {
            Ok(GroupInput { name, leader, openness, members })
        }
        _ => Err(errors),
    })
}

async fn new(State(state): State<AppState>, page: Page, admin: OrgAdmin) -> AppResult<FormPage> {
    let people = store::people(&state.db, admin.org()).await?;
    let form = GroupForm { openness: Openness::default().code().to_string(), ..GroupForm::default() };
    Ok(FormPage::build(page, FormErrors::default(), None, &form, &people))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    CsrfForm(form): CsrfForm<GroupForm>,
) -> AppResult<Response> {
    let input = match validate(&state, &page, &admin, &form, None).await? {
        Ok(input) => input,
        Err(errors) => {
            let people = store::people(&state.db, admin.org()).await?;
            let body = FormPage::build(page, errors, None, &form, &people);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    store::create(&mut tx, admin.org(), &input, state.clock.now()).await?;
    audit::record(&mut tx, admin.org(), actor(&admin), "group-created", input.name.as_str(), state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/groups?notice=created").into_response())
}

fn actor(admin: &OrgAdmin) -> Actor<'_> {
    Actor { person: Some(admin.person()), name: &admin.m.name }
}

/// The group from the URL, if it is in the admin's organisation; otherwise 404.
async fn group_of(state: &AppState, admin: &OrgAdmin, id: &str) -> AppResult<store::Group> {
    let id = GroupId::parse(id).ok_or(AppError::NotFound)?;
    store::find(&state.db, admin.org(), &id).await?.ok_or(AppError::NotFound)
}

async fn edit(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
    Query(q): Query<SentQuery>,
) -> AppResult<FormPage> {
    let group = group_of(&state, &admin, &id).await?;
    let acceptance = Acceptance::load(&state, &page, &admin, &group, q).await?;
    let people = store::people(&state.db, admin.org()).await?;
    let form = GroupForm {
        name: group.name,
        leader: group.leader.map(|l| l.as_str().to_string()).unwrap_or_default(),
        members: group.members.iter().map(|m| m.as_str().to_string()).collect(),
        openness: group.openness.code().to_string(),
    };
    let mut body = FormPage::build(page, FormErrors::default(), Some(group.id.to_string()), &form, &people);
    body.acceptance = Some(acceptance);
    Ok(body)
}

/// The group's name and what changed, in the acting admin's language: a
/// change of openness or members applies to later rounds only, and the works
/// council and the safety organisation read it in the log (`privacy::changes`).
fn describe_change(page: &Page, before: &store::Group, after: &GroupInput, people: &[PersonChoice]) -> String {
    let name = |id: &PersonId| people.iter().find(|p| &p.id == id).map(|p| p.name.clone()).unwrap_or_default();
    let names = |ids: Vec<&PersonId>| {
        let mut names: Vec<String> = ids.into_iter().map(name).collect();
        names.sort();
        names.join(", ")
    };
    let mut changes = Vec::new();
    if before.name != after.name.as_str() {
        changes.push(format!("{}: {} → {}", page.t("promise-change-name"), before.name, after.name.as_str()));
    }
    if before.leader.as_ref() != Some(&after.leader) {
        let old = before.leader.as_ref().map(name).unwrap_or_else(|| "–".into());
        changes.push(format!("{}: {old} → {}", page.t("promise-change-leader"), name(&after.leader)));
    }
    if before.openness != after.openness {
        changes.push(format!("{}: {} → {}", page.t("promise-change-openness"), page.t(before.openness.label_key()), page.t(after.openness.label_key())));
    }
    let added: Vec<&PersonId> = after.members.iter().filter(|m| !before.members.contains(m)).collect();
    if !added.is_empty() {
        changes.push(format!("{}: {}", page.t("promise-change-joined"), names(added)));
    }
    let left: Vec<&PersonId> = before.members.iter().filter(|m| !after.members.contains(m)).collect();
    if !left.is_empty() {
        changes.push(format!("{}: {}", page.t("promise-change-left"), names(left)));
    }
    if changes.is_empty() {
        after.name.as_str().to_string()
    } else {
        format!("{} ({})", after.name.as_str(), changes.join("; "))
    }
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<GroupForm>,
) -> AppResult<Response> {
    let group = group_of(&state, &admin, &id).await?;
    let input = match validate(&state, &page, &admin, &form, Some(&group.id)).await? {
        Ok(input) => input,
        Err(errors) => {
            let people = store::people(&state.db, admin.org()).await?;
            let body = FormPage::build(page, errors, Some(group.id.to_string()), &form, &people);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let people = store::people(&state.db, admin.org()).await?;
    let target = describe_change(&page, &group, &input, &people);
    let mut tx = state.db.begin_write().await?;
    if !store::update(&mut tx, admin.org(), &group.id, &input).await? {
        return Err(AppError::NotFound);
    }
    audit::record(&mut tx, admin.org(), actor(&admin), "group-updated", &target, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/groups?notice=updated").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/groups/delete.html")]
pub struct DeletePage {
    page: Page,
    id: String,
    name: String,
}

async fn confirm_delete(State(state): State<AppState>, page: Page, admin: OrgAdmin, Path(id): Path<String>) -> AppResult<DeletePage> {
    let group = group_of(&state, &admin, &id).await?;
    Ok(DeletePage { page, id: group.id.to_string(), name: group.name })
}

async fn delete(
    State(state): State<AppState>,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Redirect> {
    let id = GroupId::parse(&id).ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin_write().await?;
    let name = store::delete(&mut tx, admin.org(), &id).await?.ok_or(AppError::NotFound)?;
    audit::record(&mut tx, admin.org(), actor(&admin), "group-deleted", &name, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/groups?notice=deleted"))
}
