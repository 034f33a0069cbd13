//! Inviting people by e-mail: one person from their page, everyone not yet
//! invited from the list, those not yet invited among the list's current
//! filter, or everyone in a leader group who has not signed in yet (issue 17,
//! item 9). Every bulk send asks first (`web::ask`). Each mail carries a one-time link to
//! `/invitation/{secret}`, written in the person's own language. Limited per
//! organisation (`RateLimits::invitations`), and per person by a cooling
//! period (`domain::address::may_invite`), so a mistake cannot flood anyone.

use crate::admin::people::{self as list, Filter};
use crate::auth::csrf::CsrfForm;
use crate::auth::{rate_limit, tokens, OrgAdmin};
use crate::error::{AppError, AppResult};
use crate::web::query::Query;
use crate::i18n::{Lang, Tr};
use crate::mail::Mail;
use crate::org::audit::{self, Actor};
use crate::org::people::{self, Person, Status};
use crate::state::AppState;
use crate::storage;
use crate::web::ask::{Ask, AskPage};
use crate::web::Page;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

/// Sends one invitation and records it (status, audit log), or says when
/// the person may be invited again (`domain::address::may_invite`). The
/// turn is taken before the mail goes and given back if it fails, so a
/// failed send never shows as "invited" and two clicks send one mail.
async fn send(state: &AppState, admin: &OrgAdmin, person: &Person, now: OffsetDateTime) -> anyhow::Result<Result<(), OffsetDateTime>> {
    let org = admin.org();
    let mut conn = state.db.pool.acquire().await?;
    let last = people::last_invited(&mut conn, org, &person.id).await?;
    if let Err(when) = domain::address::may_invite(last.as_deref().and_then(storage::from_text), now) {
        return Ok(Err(when));
    }
    let at = storage::to_text(now);
    if !people::mark_invited(&mut conn, org, &person.id, Some(&admin.account_id), Some(&at), last.as_deref()).await? {
        // Someone else sent one just now.
        return Ok(Err(now + domain::address::INVITATION_COOLING));
    }
    drop(conn);
    let mailed = mail(state, admin, person).await;
    let mut tx = state.db.begin_write().await?;
    if let Err(e) = mailed {
        people::mark_invited(&mut tx, org, &person.id, None, last.as_deref(), Some(&at)).await?;
        tx.commit().await?;
        return Err(e);
    }
    let actor = Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, org, actor, "person-invited", &format!("{} ({})", person.name, person.email), now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

async fn mail(state: &AppState, admin: &OrgAdmin, person: &Person) -> anyhow::Result<()> {
    let org = admin.org();
    let secret = tokens::issue(&state.db, tokens::Kind::Invitation, Some(&person.account_id), Some(org), state.clock.now()).await?;
    let tr = Tr::new(Lang::parse(&person.locale).unwrap_or_default());
    let link = format!("{}/invitation/{}", state.public_url, secret);
    let args = [
        ("name", person.name.clone()),
        ("org", admin.m.org_name.clone()),
        ("inviter", admin.m.name.clone()),
        ("link", link),
    ];
    state
        .mailer
        .send(Mail {
            to: person.email.clone(),
            subject: tr.t_args("invitations-mail-subject", &[("org", admin.m.org_name.clone())]),
            body: tr.t_args("invitations-mail-body", &args),
        })
        .await
}

pub async fn invite_one(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let person = list::find(&state, &admin, &id).await?;
    rate_limit::check(&state.limits.invitations, admin.org().as_str())?;
    if let Err(when) = send(&state, &admin, &person, state.clock.now()).await? {
        let message = page.t2("address-invitation-cooling", "name", &person.name, "time", page.date_time(&storage::to_text(when)));
        let body = crate::admin::person_form::refused_invitation(&state, page, &admin, &person, message).await?;
        return Ok((StatusCode::TOO_MANY_REQUESTS, body).into_response());
    }
    Ok(Redirect::to(&format!("/admin/people/{}?notice=invited", person.id)).into_response())
}

/// The question before inviting everyone not yet invited: how many mails go,
/// and that a sent mail cannot be called back.
pub fn invite_all_ask(page: &Page, count: usize) -> Ask {
    Ask {
        id: "ask-invite-all",
        title: page.t("ask-invite-all-title"),
        text: page.t1("ask-invite-all-text", "count", count),
        action: "/admin/people/invite-all".into(),
        confirm: page.t1("ask-invite-all-confirm", "count", count),
        back: "/admin/people".into(),
    }
}

/// Asks before inviting everyone, as a page (without JavaScript); with
/// nobody left to invite there is nothing to ask, so back to the list.
pub async fn confirm_invite_all(State(state): State<AppState>, page: Page, admin: OrgAdmin) -> AppResult<Response> {
    let count = people::list(&state.db, admin.org()).await?.into_iter().filter(|p| p.status == Status::NotInvited).count();
    if count == 0 {
        return Ok(Redirect::to("/admin/people").into_response());
    }
    let ask = invite_all_ask(&page, count);
    Ok(AskPage { page, ask }.into_response())
}

/// Sends to each in turn. When the organisation's quota runs out part-way,
/// those sent stay sent (and marked): `Err(sent)` says how many went. A
/// person within the cooling period is skipped before the quota is touched,
/// so resending to a group does not spend it on people who get no mail.
async fn send_many(state: &AppState, admin: &OrgAdmin, people: &[Person]) -> anyhow::Result<Result<usize, usize>> {
    let mut sent = 0usize;
    for person in people {
        let last = people::last_invited(&mut *state.db.pool.acquire().await?, admin.org(), &person.id).await?;
        if domain::address::may_invite(last.as_deref().and_then(storage::from_text), state.clock.now()).is_err() {
            continue;
        }
        if rate_limit::check(&state.limits.invitations, admin.org().as_str()).is_err() {
            return Ok(Err(sent));
        }
        if send(state, admin, person, state.clock.now()).await?.is_ok() {
            sent += 1;
        }
    }
    Ok(Ok(sent))
}

/// Invites everyone who is neither invited nor able to sign in, and says
/// in place, when the quota runs out, how many went and that the rest can be
/// sent later.
pub async fn invite_all(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let waiting: Vec<Person> = people::list(&state.db, admin.org())
        .await?
        .into_iter()
        .filter(|p| p.status == Status::NotInvited)
        .collect();
    match send_many(&state, &admin, &waiting).await? {
        Ok(sent) => Ok(Redirect::to(&format!("/admin/people?sent={sent}")).into_response()),
        Err(sent) => {
            let alert = page.t1("invitations-limited", "sent", sent) + " " + &page.t("error-rate-limited");
            let body = list::render(&state, page, &admin, Filter::default(), Some(alert)).await?;
            Ok((StatusCode::TOO_MANY_REQUESTS, body).into_response())
        }
    }
}

/// Those the list's filter shows who are not invited.
async fn filtered_waiting(state: &AppState, admin: &OrgAdmin, filter: &Filter) -> AppResult<Vec<Person>> {
    let all = people::list(&state.db, admin.org()).await?;
    let all_units = crate::org::units::list(&state.db, admin.org()).await?;
    Ok(list::select(&all, &all_units, filter).into_iter().filter(|p| p.status == Status::NotInvited).cloned().collect())
}

/// The question before inviting those of the filtered list not yet invited;
/// the filter rides along in the address, so the send reads the same list.
pub fn invite_filtered_ask(page: &Page, filter: &Filter, count: usize) -> Ask {
    let query = filter.query();
    Ask {
        id: "ask-invite-filtered",
        title: page.t("ask-invite-all-title"),
        text: page.t1("ask-invite-filtered-text", "count", count),
        action: format!("/admin/people/invite-filtered?{query}"),
        confirm: page.t1("ask-invite-all-confirm", "count", count),
        back: format!("/admin/people?{query}"),
    }
}

pub async fn confirm_invite_filtered(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Query(filter): Query<Filter>,
) -> AppResult<Response> {
    let count = filtered_waiting(&state, &admin, &filter).await?.len();
    if count == 0 {
        return Ok(Redirect::to(&format!("/admin/people?{}", filter.query())).into_response());
    }
    let ask = invite_filtered_ask(&page, &filter, count);
    Ok(AskPage { page, ask }.into_response())
}

pub async fn invite_filtered(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Query(filter): Query<Filter>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let waiting = filtered_waiting(&state, &admin, &filter).await?;
    match send_many(&state, &admin, &waiting).await? {
        Ok(sent) => Ok(Redirect::to(&format!("/admin/people?{}&sent={sent}", filter.query())).into_response()),
        Err(sent) => {
            let alert = page.t1("invitations-limited", "sent", sent) + " " + &page.t("error-rate-limited");
            let body = list::render(&state, page, &admin, filter, Some(alert)).await?;
            Ok((StatusCode::TOO_MANY_REQUESTS, body).into_response())
        }
    }
}

pub fn invite_group_ask(page: &Page, group: &domain::ids::GroupId, count: usize) -> Ask {
    Ask {
        id: "ask-invite-group",
        title: page.t("ask-invite-group-title"),
        text: page.t1("ask-invite-group-text", "count", count),
        action: format!("/admin/groups/{group}/invite"),
        confirm: page.t1("ask-invite-all-confirm", "count", count),
        back: format!("/admin/groups/{group}"),
    }
}

async fn group_waiting(state: &AppState, admin: &OrgAdmin, id: &str) -> AppResult<(crate::org::groups::Group, Vec<Person>)> {
    let id = domain::ids::GroupId::parse(id).ok_or(AppError::NotFound)?;
    let group = crate::org::groups::find(&state.db, admin.org(), &id).await?.ok_or(AppError::NotFound)?;
    let all = people::list(&state.db, admin.org()).await?;
    let waiting = crate::org::groups::not_signed_in(&group, &all);
    Ok((group, waiting))
}

pub async fn confirm_invite_group(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (group, waiting) = group_waiting(&state, &admin, &id).await?;
    if waiting.is_empty() {
        return Ok(Redirect::to(&format!("/admin/groups/{}", group.id)).into_response());
    }
    let ask = invite_group_ask(&page, &group.id, waiting.len());
    Ok(AskPage { page, ask }.into_response())
}

pub async fn invite_group(
    State(state): State<AppState>,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let (group, waiting) = group_waiting(&state, &admin, &id).await?;
    // The group page says how many went, and when the quota ran out part-way.
    let to = match send_many(&state, &admin, &waiting).await? {
        Ok(sent) => format!("/admin/groups/{}?sent={sent}#group-acceptance", group.id),
        Err(sent) => format!("/admin/groups/{}?sent={sent}&limited=1#group-acceptance", group.id),
    };
    Ok(Redirect::to(&to).into_response())
}
