//! HR's units: the tree of departments, institutions and centres. Create,
//! rename, move under another unit (never under itself or its own sub-unit),
//! delete (sub-units move up, people stay without a unit).

use crate::auth::csrf::CsrfForm;
use crate::auth::OrgAdmin;
use crate::error::{AppError, AppResult};
use crate::org::audit::{self, Actor};
use crate::org::units::{self, Unit};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::hierarchy;
use domain::ids::UnitId;
use domain::input::UnitName;
use serde::Deserialize;

/// A unit as a row of the tree.
pub struct TreeRow {
    pub id: String,
    pub name: String,
    pub parent_name: Option<String>,
    pub people: i64,
    pub depth: usize,
}

impl TreeRow {
    /// Indentation by depth, from the design system's spacing classes.
    pub fn indent_class(&self) -> &'static str {
        match self.depth {
            0 => "",
            1 => "pl-6",
            2 => "pl-8",
            _ => "pl-905",
        }
    }

    /// The name indented by depth for a `<select>`, whose options cannot be styled.
    pub fn option_label(&self) -> String {
        format!("{}{}", "\u{a0}\u{a0}\u{a0}".repeat(self.depth), self.name)
    }
}

/// The units in tree order (each followed by its sub-units).
pub fn tree(units: &[Unit]) -> Vec<TreeRow> {
    let nodes: Vec<(UnitId, Option<UnitId>)> = units.iter().map(|u| (u.id.clone(), u.parent_id.clone())).collect();
    let name_of = |id: &UnitId| units.iter().find(|u| &u.id == id).map(|u| u.name.clone());
    hierarchy::tree_order(&nodes)
        .into_iter()
        .filter_map(|(id, depth)| {
            let unit = units.iter().find(|u| u.id == id)?;
            Some(TreeRow {
                id: id.to_string(),
                name: unit.name.clone(),
                parent_name: unit.parent_id.as_ref().and_then(name_of),
                people: unit.people,
                depth,
            })
        })
        .collect()
}

#[derive(Deserialize, Default, Clone)]
pub struct UnitForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    parent: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/units/list.html")]
pub struct ListPage {
    page: Page,
    rows: Vec<TreeRow>,
    errors: FormErrors,
    form: UnitForm,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/units/edit.html")]
pub struct EditPage {
    page: Page,
    id: String,
    current_name: String,
    people: i64,
    /// Every other unit, in tree order, as choices of parent.
    parents: Vec<TreeRow>,
    errors: FormErrors,
    form: UnitForm,
}

impl ListPage {
    fn parent_choices(&self) -> &[TreeRow] {
        &self.rows
    }
}

impl EditPage {
    fn parent_choices(&self) -> &[TreeRow] {
        &self.parents
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/units/delete.html")]
pub struct DeletePage {
    page: Page,
    id: String,
    name: String,
    people: i64,
    sub_units: usize,
}

pub async fn list(State(state): State<AppState>, page: Page, admin: OrgAdmin) -> AppResult<ListPage> {
    let all = units::list(&state.db, admin.org()).await?;
    Ok(ListPage { page, rows: tree(&all), errors: FormErrors::default(), form: UnitForm::default() })
}

/// The parent chosen in a form: empty for none; anything not a unit of this
/// organisation is refused, never looked up elsewhere.
fn parse_parent(raw: &str, all: &[Unit]) -> Result<Option<UnitId>, domain::ValidationError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    UnitId::parse(raw.trim())
        .filter(|id| all.iter().any(|u| &u.id == id))
        .map(Some)
        .ok_or(domain::ValidationError::new("units-error-parent-unknown"))
}

fn actor(admin: &OrgAdmin) -> Actor<'_> {
    Actor { person: Some(admin.person()), name: &admin.m.name }
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    CsrfForm(form): CsrfForm<UnitForm>,
) -> AppResult<Response> {
    let org = admin.org().clone();
    let all = units::list(&state.db, &org).await?;
    let mut errors = FormErrors::default();
    let name = errors.check(&page.tr, "name", UnitName::parse(&form.name));
    let parent = errors.check(&page.tr, "parent", parse_parent(&form.parent, &all));
    if let Some(name) = &name
        && units::name_taken(&all, name, None)
    {
        errors.add_key(&page.tr, Some("name"), "units-error-name-taken");
    }
    let (Some(name), Some(parent), true) = (name, parent, errors.is_empty()) else {
        let rows = tree(&all);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, ListPage { page, rows, errors, form }).into_response());
    };
    let mut tx = state.db.begin_write().await?;
    match units::create(&mut tx, &org, &name, parent.as_ref(), state.clock.now()).await {
        Ok(_) => {}
        Err(e) if units::is_unique_violation(&e) => {
            let mut errors = FormErrors::default();
            errors.add_key(&page.tr, Some("name"), "units-error-name-taken");
            let rows = tree(&all);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, ListPage { page, rows, errors, form }).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    audit::record(&mut tx, &org, actor(&admin), "unit-created", name.as_str(), state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/units").into_response())
}

/// The unit behind a URL: only this organisation's; anything else is not found.
async fn find(state: &AppState, admin: &OrgAdmin, raw_id: &str) -> AppResult<(Unit, Vec<Unit>)> {
    let id = UnitId::parse(raw_id).ok_or(AppError::NotFound)?;
    let all = units::list(&state.db, admin.org()).await?;
    let unit = all.iter().find(|u| u.id == id).cloned().ok_or(AppError::NotFound)?;
    Ok((unit, all))
}

fn edit_page(page: Page, unit: &Unit, all: &[Unit], errors: FormErrors, form: UnitForm) -> EditPage {
    // A unit cannot sit under itself or under one of its own sub-units, so those are not offered.
    let below = hierarchy::descendants(&unit.id, &units::parent_map(all));
    let parents = tree(all)
        .into_iter()
        .filter(|row| row.id != unit.id.as_str() && !below.iter().any(|b| b.as_str() == row.id))
        .collect();
    EditPage { page, id: unit.id.to_string(), current_name: unit.name.clone(), people: unit.people, parents, errors, form }
}

pub async fn edit(State(state): State<AppState>, page: Page, admin: OrgAdmin, Path(id): Path<String>) -> AppResult<EditPage> {
    let (unit, all) = find(&state, &admin, &id).await?;
    let form = UnitForm {
        name: unit.name.clone(),
        parent: unit.parent_id.as_ref().map(|p| p.to_string()).unwrap_or_default(),
    };
    Ok(edit_page(page, &unit, &all, FormErrors::default(), form))
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<UnitForm>,
) -> AppResult<Response> {
    let (unit, all) = find(&state, &admin, &id).await?;
    let org = admin.org().clone();
    let mut errors = FormErrors::default();
    let name = errors.check(&page.tr, "name", UnitName::parse(&form.name));
    let parent = errors.check(&page.tr, "parent", parse_parent(&form.parent, &all));
    if let Some(name) = &name
        && units::name_taken(&all, name, Some(&unit.id))
    {
        errors.add_key(&page.tr, Some("name"), "units-error-name-taken");
    }
    if let Some(parent) = &parent {
        let rule = hierarchy::check_parent_unit(&unit.id, parent.as_ref(), &units::parent_map(&all));
        errors.check(&page.tr, "parent", rule);
    }
    let (Some(name), Some(parent), true) = (name, parent, errors.is_empty()) else {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, edit_page(page, &unit, &all, errors, form)).into_response());
    };
    let mut tx = state.db.begin_write().await?;
    match units::update(&mut tx, &org, &unit.id, &name, parent.as_ref()).await {
        Ok(()) => {}
        Err(e) if units::is_unique_violation(&e) => {
            let mut errors = FormErrors::default();
            errors.add_key(&page.tr, Some("name"), "units-error-name-taken");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, edit_page(page, &unit, &all, errors, form)).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    let target = if unit.name == name.as_str() { unit.name.clone() } else { format!("{} → {}", unit.name, name.as_str()) };
    audit::record(&mut tx, &org, actor(&admin), "unit-updated", &target, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/units").into_response())
}

pub async fn confirm_delete(State(state): State<AppState>, page: Page, admin: OrgAdmin, Path(id): Path<String>) -> AppResult<DeletePage> {
    let (unit, all) = find(&state, &admin, &id).await?;
    let sub_units = all.iter().filter(|u| u.parent_id.as_ref() == Some(&unit.id)).count();
    Ok(DeletePage { page, id: unit.id.to_string(), name: unit.name, people: unit.people, sub_units })
}

pub async fn delete(
    State(state): State<AppState>,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Redirect> {
    let (unit, _) = find(&state, &admin, &id).await?;
    let org = admin.org().clone();
    let mut tx = state.db.begin_write().await?;
    units::delete(&mut tx, &org, &unit).await?;
    audit::record(&mut tx, &org, actor(&admin), "unit-deleted", &unit.name, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/units"))
}
