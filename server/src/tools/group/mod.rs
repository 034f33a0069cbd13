//! A leader group's own page: who is in it, who leads it, its openness, and
//! the rounds of its tools. Members and the leader see it; HR sees it within
//! the outside threshold; to anyone else the group does not exist (404).

pub mod store;

use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::access::Relation;
use crate::tools::intro::view::GroupBlock;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use domain::ids::GroupId;

pub fn routes() -> Router<AppState> {
    Router::new().route("/groups/{id}", get(show))
}

/// A group as the viewer stands to it.
pub struct Viewed {
    pub group: store::Group,
    pub relation: Relation,
    pub is_hr: bool,
}

/// Loads a group for the viewer. Another organisation's group, or one the
/// viewer is outside of without being HR, is 404: it does not exist for them.
/// Every tool's group-scoped page starts here.
pub async fn viewed(state: &AppState, me: &Member, id: &GroupId) -> AppResult<Viewed> {
    let group = store::find(&state.db, me.org(), id, me.person()).await?.ok_or(AppError::NotFound)?;
    let is_hr = me.m.roles.may_administer();
    let relation = Relation::of(group.viewer_is_leader, group.viewer_is_member, is_hr);
    if !relation.may_view() {
        return Err(AppError::NotFound);
    }
    Ok(Viewed { group, relation, is_hr })
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/group.html")]
pub struct GroupPage {
    pub page: Page,
    pub name: String,
    pub leader_name: Option<String>,
    pub members: Vec<String>,
    pub named: bool,
    pub inside: bool,
    /// The group with its introduction rounds (shared with the tool page).
    pub g: GroupBlock,
    /// The group with its Tool 2 rounds.
    pub collab: crate::tools::collab::view::GroupBlock,
    pub collab_title: String,
}

pub async fn show(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<GroupPage> {
    let id = GroupId::parse(&id).ok_or(AppError::NotFound)?;
    let Viewed { group, relation, is_hr } = viewed(&state, &me, &id).await?;
    let members = store::members(&state.db, me.org(), &group.id).await?;
    let runs = crate::tools::intro::store::runs_of_group(&state.db, me.org(), me.person(), &group.id).await?;
    let link = store::GroupLink {
        id: group.id.clone(),
        name: group.name.clone(),
        i_lead: group.viewer_is_leader,
        i_am_member: group.viewer_is_member,
        size: members.len() as i64,
    };
    let g = GroupBlock::new(&page.tr, &link, &runs, is_hr);
    let rounds = crate::tools::collab::store::rounds_of_group(&state.db, me.org(), me.person(), &group.id).await?;
    let collab = crate::tools::collab::view::GroupBlock::new(&page.tr, &link, &rounds, is_hr);
    Ok(GroupPage {
        name: group.name,
        leader_name: group.leader_name,
        members: members.into_iter().filter(|p| Some(&p.id) != group.leader_id.as_ref()).map(|p| p.name).collect(),
        named: group.named,
        inside: relation.may_answer(),
        g,
        collab,
        collab_title: state.shipped.collab.get(page.lang).title.clone(),
        page,
    })
}
