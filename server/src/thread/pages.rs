//! The inboxes (a group's, the organisation's) and the lift panel on a
//! point's page.

use super::access::{self, GroupInbox};
use super::store::{self, Lift};
use super::view::{self, LiftView, Shown, Typed};
use crate::auth::{Member, OrgAdmin};
use crate::error::AppResult;
use crate::state::AppState;
use crate::tools::group::store as groups;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use domain::ids::PointId;
use domain::thread::{Destination, Level, SourceKind};

#[derive(serde::Deserialize)]
pub struct Notice {
    answered: Option<String>,
    lifted: Option<String>,
    withdrawn: Option<String>,
}

impl Notice {
    fn key(&self) -> Option<&'static str> {
        if self.answered.is_some() {
            Some("thread-notice-answered")
        } else if self.lifted.is_some() {
            Some("thread-notice-lifted-on")
        } else if self.withdrawn.is_some() {
            Some("thread-notice-withdrawn")
        } else {
            None
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "thread/inbox.html")]
pub struct InboxPage {
    pub page: Page,
    /// The group's name, or none for the organisation's inbox.
    pub group_name: Option<String>,
    pub group_id: String,
    pub lifts: Vec<LiftView>,
    pub open: usize,
    pub choices: Vec<(&'static str, String)>,
    pub may_answer: bool,
    pub may_lift_on: bool,
    pub notice: Option<String>,
    pub errors: FormErrors,
}

pub async fn group_inbox(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<Notice>,
) -> AppResult<InboxPage> {
    let inbox = access::group_inbox(&state, &me, &id).await?;
    let mut body = render_group(&state, page, &me, &inbox, None, FormErrors::default()).await?;
    body.notice = q.key().map(|k| body.page.t(k));
    Ok(body)
}

pub async fn render_group(
    state: &AppState,
    page: Page,
    me: &Member,
    inbox: &GroupInbox,
    typed: Option<&Typed>,
    errors: FormErrors,
) -> AppResult<InboxPage> {
    let lifts = store::group_inbox(&state.db, me.org(), &inbox.group.id, me.person()).await?;
    let base = format!("/groups/{}/inbox", inbox.group.id);
    Ok(inbox_page(page, Some(inbox.group.name.clone()), inbox.group.id.to_string(), &lifts, &base, inbox.may_answer(), inbox.may_lift_on(), typed, errors))
}

pub async fn org_inbox(State(state): State<AppState>, page: Page, admin: OrgAdmin, Query(q): Query<Notice>) -> AppResult<InboxPage> {
    let mut body = render_org(&state, page, &admin, None, FormErrors::default()).await?;
    body.notice = q.key().map(|k| body.page.t(k));
    Ok(body)
}

pub async fn render_org(state: &AppState, page: Page, admin: &OrgAdmin, typed: Option<&Typed>, errors: FormErrors) -> AppResult<InboxPage> {
    let lifts = store::org_inbox(&state.db, admin.org(), admin.person()).await?;
    let seat = access::org_seat(admin);
    let (answer, lift_on) = (Level::Organisation.may_answer(seat), Level::Organisation.may_lift_on(seat));
    Ok(inbox_page(page, None, String::new(), &lifts, "/admin/inbox", answer, lift_on, typed, errors))
}

#[allow(clippy::too_many_arguments)]
fn inbox_page(
    page: Page,
    group_name: Option<String>,
    group_id: String,
    lifts: &[Lift],
    base: &str,
    may_answer: bool,
    may_lift_on: bool,
    typed: Option<&Typed>,
    errors: FormErrors,
) -> InboxPage {
    let shown = Shown { page: &page, own_list: false, may_answer, may_lift_on, base, typed, errors: &errors };
    let lifts: Vec<LiftView> = lifts.iter().map(|l| view::lift(l, &shown)).collect();
    InboxPage {
        open: lifts.iter().filter(|l| l.open).count(),
        choices: view::answer_choices(&page),
        group_name,
        group_id,
        lifts,
        may_answer,
        may_lift_on,
        notice: None,
        errors,
        page,
    }
}

/// The lift panel on a point's page: my lifts of the point with what came
/// of them, and the form to lift it to a group I am in.
pub struct LiftPanel {
    pub lifts: Vec<LiftView>,
    /// The groups the point can still go to: (id, name).
    pub groups: Vec<(String, String)>,
    pub in_any_group: bool,
    pub group: String,
    pub text: String,
    pub attributed: Option<bool>,
    pub consent: bool,
    pub notice: Option<String>,
}

pub async fn panel(state: &AppState, page: &Page, me: &Member, point: &PointId, point_text: &str) -> AppResult<LiftPanel> {
    let (mine, lifts) = tokio::try_join!(
        groups::groups_of(&state.db, me.org(), me.person()),
        store::for_source(&state.db, me.org(), me.person(), SourceKind::AgreementPoint, point.as_str())
    )?;
    let errors = FormErrors::default();
    let shown = Shown { page, own_list: true, may_answer: false, may_lift_on: false, base: "", typed: None, errors: &errors };
    let sent_to = |g: &groups::GroupLink| lifts.iter().any(|l| l.to == Destination::Group(g.id.clone()));
    Ok(LiftPanel {
        groups: mine.iter().filter(|g| !sent_to(g)).map(|g| (g.id.to_string(), g.name.clone())).collect(),
        in_any_group: !mine.is_empty(),
        lifts: lifts.iter().map(|l| view::lift(l, &shown)).collect(),
        group: String::new(),
        text: point_text.to_string(),
        attributed: None,
        consent: false,
        notice: None,
    })
}
