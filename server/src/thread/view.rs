//! Lifts as the pages show them: the sender's list on the source's page,
//! and the cards of a level's inbox with their answer and lift-on forms.
//! Names come only from the store's attributed column, so an unattributed
//! lift shows "without name" to everyone but its sender.

use super::store::Lift;
use crate::web::forms::FormErrors;
use crate::web::Page;
use domain::thread::{Level, LiftStatus, SourceKind};

/// What came of a lift one level further up.
pub struct OnwardView {
    pub level: String,
    pub status: String,
    pub answer: String,
}

/// What a person typed into a card's form that was refused, to show it again.
#[derive(Clone, Debug, Default)]
pub struct Typed {
    pub lift_id: String,
    pub status: String,
    pub answer: String,
    pub onward_text: String,
    pub onward_attributed: bool,
}

pub struct LiftView {
    pub id: String,
    pub text: String,
    /// "Mette Lund", "You", or "Sent without a name".
    pub sender: String,
    /// Where it came from: "From a leader agreement", "From Ledergruppen i …".
    pub from: String,
    /// Where it went: the group's name or "the organisation".
    pub to: String,
    pub sent: String,
    pub status: &'static str,
    pub status_label: String,
    pub open: bool,
    pub answer: String,
    pub answered: String,
    pub onward: Option<OnwardView>,
    pub may_withdraw: bool,
    pub may_answer: bool,
    pub may_lift_on: bool,
    /// Where the answer form posts.
    pub answer_action: String,
    pub lift_on_action: String,
    pub typed: Typed,
    pub status_error: Option<String>,
    pub answer_error: Option<String>,
    pub onward_error: Option<String>,
}

impl LiftView {
    pub fn status_checked(&self, code: &str) -> bool {
        self.typed.status == code
    }
}

/// The statuses an answer may give, as (code, label).
pub fn answer_choices(page: &Page) -> Vec<(&'static str, String)> {
    LiftStatus::ANSWERS.into_iter().map(|s| (s.code(), page.t(s.label_key()))).collect()
}

fn level_name(page: &Page, level: Level) -> String {
    page.t(match level {
        Level::Group => "thread-level-group",
        Level::Organisation => "thread-level-organisation",
    })
}

/// How one lift is shown; `base` is the inbox's path for its forms
/// (empty on the sender's own list, which has no answer forms).
pub struct Shown<'a> {
    pub page: &'a Page,
    /// The sender's own list, where an open lift can be withdrawn.
    pub own_list: bool,
    pub may_answer: bool,
    pub may_lift_on: bool,
    pub base: &'a str,
    pub typed: Option<&'a Typed>,
    pub errors: &'a FormErrors,
}

pub fn lift(l: &Lift, s: &Shown<'_>) -> LiftView {
    let page = s.page;
    let id = l.id.to_string();
    let sender = match (&l.sender_name, l.mine) {
        (_, true) if !l.attributed => page.t("thread-sender-you-unnamed"),
        (_, true) => page.t("thread-sender-you"),
        (Some(name), false) => name.clone(),
        (None, false) => page.t("thread-sender-unnamed"),
    };
    let from = match (&l.from_group_name, l.source_kind) {
        (Some(group), SourceKind::Lift) => page.t1("thread-from-group", "group", group),
        (Some(group), SourceKind::ApvTheme) => page.t1("thread-from-group-apv", "group", group),
        (Some(group), SourceKind::CollabPoint) => page.t1("thread-from-group-collab", "group", group),
        (_, kind) => page.t(kind.label_key()),
    };
    let to = match &l.to_group_name {
        Some(name) => name.clone(),
        None => level_name(page, l.to.level()),
    };
    let answered = match (&l.answered.by_name, &l.answered.at) {
        (Some(name), Some(at)) => page.t2("thread-answered-by", "name", name, "date", page.date_time(at)),
        (None, Some(at)) => page.t1("thread-answered-at", "date", page.date_time(at)),
        _ => String::new(),
    };
    let typed = s.typed.filter(|t| t.lift_id == id).cloned();
    let error = |field: &str| s.errors.for_field(&format!("{field}-{id}")).map(str::to_string);
    let status = l.answered.status;
    LiftView {
        text: l.text.clone(),
        sender,
        from,
        to,
        sent: page.date_time(&l.created_at),
        status: status.code(),
        status_label: page.t(status.label_key()),
        open: status.is_open(),
        answer: l.answered.answer.clone(),
        answered,
        onward: l.onward.as_ref().map(|o| OnwardView {
            level: level_name(page, o.level),
            status: page.t(o.status.label_key()),
            answer: o.answer.clone(),
        }),
        may_withdraw: s.own_list && l.mine && status.is_open() && l.onward.is_none(),
        may_answer: s.may_answer,
        may_lift_on: s.may_lift_on && l.onward.is_none(),
        answer_action: format!("{}/{id}/answer", s.base),
        lift_on_action: format!("{}/{id}/lift-on", s.base),
        typed: typed.unwrap_or_else(|| Typed {
            lift_id: id.clone(),
            status: if status.is_open() { String::new() } else { status.code().to_string() },
            answer: l.answered.answer.clone(),
            onward_text: l.text.clone(),
            onward_attributed: false,
        }),
        status_error: error("status"),
        answer_error: error("answer"),
        onward_error: error("onward-text"),
        id,
    }
}

/// Where a lift's sender follows it: the point, round or session it was
/// lifted from, or for what a group lifted on, the group's inbox.
pub fn source_page(kind: SourceKind, source_id: &str, from_group: Option<&domain::ids::GroupId>) -> String {
    let first = source_id.split('/').next().unwrap_or_default();
    match kind {
        SourceKind::AgreementPoint => format!("/dialog/points/{source_id}#lift-heading"),
        SourceKind::ApvTheme => format!("/apv/rounds/{first}/meeting#organisation-themes"),
        SourceKind::CollabPoint => format!("/collab/rounds/{first}#agreement-points"),
        SourceKind::LiveStep => format!("/live/{first}/summary"),
        SourceKind::Lift => match from_group {
            Some(g) => format!("/groups/{g}/inbox#lift-{source_id}"),
            None => "/".to_string(),
        },
    }
}
