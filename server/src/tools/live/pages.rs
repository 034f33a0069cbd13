//! The live sessions' pages: the list and start form, joining by code (as
//! a signed-in person or a guest), and the session page itself, which is the
//! facilitator's shared screen or a participant's phone. The session page is
//! drawn by `static/live.js` from the events; the page only carries the
//! deck's texts and the labels in the reader's language.

use super::participant::{self, Participant};
use super::room::Rejected;
use super::{playable, procedure_kind, store};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::cards::content::Deck;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::connect_info::ConnectInfo;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use domain::live::{normalise_join_code, parse_name, Procedure};
use std::net::SocketAddr;

/// The ways a deck runs live, as offered in the start form: `deck:procedure`.
pub const STARTABLE: [(&str, Procedure); 5] = [
    ("organisation", Procedure::Prioritise),
    ("leader_group", Procedure::Prioritise),
    ("one_to_one", Procedure::Prioritise),
    ("wellbeing", Procedure::PairInterviews),
    ("network", Procedure::PairInterviews),
];

pub struct Choice {
    pub value: String,
    pub label: String,
}

pub struct MineRow {
    pub id: String,
    pub title: String,
    pub started: String,
    pub open: bool,
    pub facilitator: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/live/index.html")]
pub struct IndexPage {
    pub page: Page,
    pub options: Vec<Choice>,
    pub mine: Vec<MineRow>,
    pub error: Option<String>,
}

fn title(deck: &Deck, procedure: Procedure) -> String {
    let p = deck.procedure(procedure_kind(procedure)).map(|p| p.title.as_str()).unwrap_or_default();
    format!("{} · {}", deck.title, p)
}

async fn index_page(state: &AppState, page: Page, me: &Member, error: Option<String>) -> AppResult<IndexPage> {
    let decks = crate::tools::cards::decks::all(state, me.org(), page.lang, false).await?;
    let options = decks
        .iter()
        .flat_map(|found| {
            startable(found).map(|p| Choice { value: format!("{}:{}", found.deck.code, p.code()), label: title(&found.deck, p) })
        })
        .collect();
    let mut mine = Vec::new();
    for s in store::mine(&state.db, me.org(), me.person()).await? {
        let Some(procedure) = Procedure::parse(&s.procedure) else { continue };
        // A session of an own deck hidden since is not in the list of decks.
        let title = match decks.iter().find(|d| d.deck.code == s.deck) {
            Some(found) => title(&found.deck, procedure),
            None => match crate::tools::cards::decks::find(state, me.org(), page.lang, &s.deck).await? {
                Some(found) => title(&found.deck, procedure),
                None => continue,
            },
        };
        mine.push(MineRow {
            title,
            started: page.date_time(&s.created_at),
            open: s.ended_at.is_none(),
            facilitator: s.facilitator == 1,
            id: s.id,
        });
    }
    Ok(IndexPage { page, options, mine, error })
}

/// The procedures a deck runs live with: its template's, when it has cards
/// to play with and is not hidden.
pub fn startable(found: &crate::tools::cards::decks::OrgDeck) -> impl Iterator<Item = Procedure> + '_ {
    STARTABLE
        .iter()
        .filter(move |(template, _)| *template == found.template && !found.hidden())
        .map(|(_, p)| *p)
        .filter(move |p| !playable(&found.deck.cards, *p).is_empty() && found.deck.procedure(procedure_kind(*p)).is_some())
}

pub async fn index(State(state): State<AppState>, page: Page, me: Member) -> AppResult<IndexPage> {
    index_page(&state, page, &me, None).await
}

#[derive(serde::Deserialize)]
pub struct StartForm {
    #[serde(default)]
    kind: String,
}

/// Starts a session with the signed-in person as its facilitator.
pub async fn start(State(state): State<AppState>, page: Page, me: Member, CsrfForm(form): CsrfForm<StartForm>) -> AppResult<Response> {
    let mut chosen = None;
    if let Some((code, p)) = form.kind.split_once(':') {
        if let Some(found) = crate::tools::cards::decks::find(&state, me.org(), page.lang, code).await? {
            chosen = startable(&found)
                .find(|q| q.code() == p)
                .and_then(|q| super::deck_rules(&found.deck, q))
                .map(|rules| (found.deck.code.clone(), rules));
        }
    }
    let Some((deck, super::Rules { procedure, cards, .. })) = chosen else {
        let body = index_page(&state, page.clone(), &me, Some(page.t("error-live-kind"))).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    let joined = domain::live::Live::new(procedure).join(1, &me.m.name, true).map_err(|r| AppError::BadRequest(r.key()))?;
    let id = store::create(&state.db, me.org(), &deck, procedure, &cards, me.person(), &joined, state.clock.now()).await?;
    Ok(Redirect::to(&format!("/live/{}", id.as_str())).into_response())
}

/// A card as the session's script gets it.
#[derive(serde::Serialize)]
struct CardJson<'a> {
    code: &'a str,
    title: &'a str,
    text: &'a str,
    questions: &'a [String],
}

/// Labels the script shows, in the reader's language.
const SCRIPT_LABELS: &[&str] = &[
    "live-connected", "live-reconnecting", "live-step", "live-participants", "live-picked-count", "live-pick-hint",
    "live-your-pick", "live-pick-this", "live-picks-heading", "live-turn-none", "live-turn-now", "live-next-turn",
    "live-timer-start", "live-timer-stop", "live-timer-label", "live-note-label", "live-note-add", "live-notes-heading",
    "live-dots-left", "live-dots-left-one", "live-dots-count", "live-dots-count-one", "live-vote", "live-unvote", "live-tally-heading", "live-next-step-text", "live-next-step-owner",
    "live-next-step-card", "live-next-step-none", "live-next-step-add", "live-next-step-remove", "live-next-steps-heading",
    "live-advance", "live-end", "live-end-confirm", "live-ended", "live-round", "live-your-partner", "live-your-card",
    "live-next-round", "live-waiting", "live-you", "live-facilitator", "live-no-picks", "live-speaker", "live-give-word",
];

#[derive(Template, WebTemplate)]
#[template(path = "tools/live/session.html")]
pub struct SessionPage {
    pub page: Page,
    pub id: String,
    pub title: String,
    pub facilitator: bool,
    pub join_code: String,
    pub join_url: String,
    pub qr_svg: String,
    pub open: bool,
    /// The deck's texts, steps and labels for the script, as JSON.
    pub data: String,
}

pub async fn show(State(state): State<AppState>, page: Page, who: Participant) -> AppResult<SessionPage> {
    let session = &who.room.session;
    let deck = super::session_deck(&state, session, page.lang).await?.ok_or(AppError::NotFound)?;
    let procedure = session.procedure();
    let p = deck.procedure(procedure_kind(procedure)).ok_or(AppError::NotFound)?;
    // The cards the room plays with, fixed when it was loaded.
    let cards: Vec<CardJson> = playable(&deck.cards, procedure)
        .into_iter()
        .filter(|c| who.room.rules.cards.contains(&c.code))
        .map(|c| CardJson { code: &c.code, title: &c.title, text: &c.text, questions: &c.questions })
        .collect();
    let steps: serde_json::Map<String, serde_json::Value> =
        p.steps.iter().map(|s| (s.key.clone(), serde_json::json!({ "title": s.title, "text": s.text }))).collect();
    let labels: serde_json::Map<String, serde_json::Value> =
        SCRIPT_LABELS.iter().map(|k| (k.trim_start_matches("live-").to_string(), page.t(k).into())).collect();
    let data = serde_json::json!({
        "procedure": procedure.code(),
        "order": procedure.steps().iter().map(|s| s.key()).collect::<Vec<_>>(),
        "cards": cards,
        "steps": steps,
        "labels": labels,
        "dots": who.room.rules.dots,
        "seconds": who.room.rules.seconds_per_person,
        "rounds": who.room.rules.most_rounds,
    });
    let join_url = format!("{}/join/{}", state.public_url.trim_end_matches('/'), session.join_code);
    let qr_svg = if who.is_facilitator() { qr(&join_url, &page.t("live-qr-label"))? } else { String::new() };
    Ok(SessionPage {
        id: session.id.clone(),
        title: title(&deck, procedure),
        facilitator: who.is_facilitator(),
        join_code: session.join_code.clone(),
        join_url,
        qr_svg,
        open: !who.room.state().await.ended,
        // `</` cannot close the script element that holds the JSON.
        data: data.to_string().replace("</", "<\\/"),
        page,
    })
}

/// The join link as an SVG QR code, labelled for screen readers.
fn qr(url: &str, label: &str) -> anyhow::Result<String> {
    let code = qrcode::QrCode::new(url.as_bytes())?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(240, 240).quiet_zone(true).build();
    // The renderer writes an XML declaration and no accessible name.
    let svg = svg.trim_start_matches(|c| c != '<').to_string();
    let svg = match svg.find("<svg") {
        Some(i) => svg[i..].replacen("<svg", &format!(r#"<svg role="img" aria-label="{}""#, askama::filters::escape(label, askama::filters::Html)?), 1),
        None => svg,
    };
    Ok(svg)
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/live/join.html")]
pub struct JoinPage {
    pub page: Page,
    pub code: String,
    /// The session found by the code, with its title.
    pub title: Option<String>,
    /// A signed-in person of the session's organisation joins by name.
    pub member_name: Option<String>,
    pub name: String,
    pub error: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct CodeQuery {
    #[serde(default)]
    code: Option<String>,
}

/// The form to type a code into; `?code=` goes on to the session.
pub async fn join_form(page: Page, Query(q): Query<CodeQuery>) -> AppResult<Response> {
    if let Some(code) = q.code.filter(|c| !c.trim().is_empty()) {
        return Ok(match normalise_join_code(&code) {
            Some(code) => Redirect::to(&format!("/join/{code}")).into_response(),
            None => {
                let error = Some(page.t("error-live-code"));
                (StatusCode::UNPROCESSABLE_ENTITY, JoinPage { page, code, title: None, member_name: None, name: String::new(), error }).into_response()
            }
        });
    }
    Ok(JoinPage { page, code: String::new(), title: None, member_name: None, name: String::new(), error: None }.into_response())
}

/// The open session behind a code. Unknown codes count against the
/// caller's address, so codes cannot be guessed by trying them all.
async fn find(state: &AppState, raw: &str, addr: Option<SocketAddr>) -> AppResult<Option<store::SessionRow>> {
    let Some(code) = normalise_join_code(raw) else { return Ok(None) };
    let found = store::by_code(&state.db, &code).await?;
    if found.is_none() {
        let key = addr.map(|a| a.ip().to_string()).unwrap_or_default();
        crate::auth::rate_limit::check(&state.limits.live_join, &key)?;
    }
    Ok(found)
}

fn same_org_member(viewer: Option<&Viewer>, session: &store::SessionRow) -> Option<(String, String)> {
    let m = viewer?.member.as_ref()?;
    (m.org_id.as_str() == session.org_id).then(|| (m.person_id.as_str().to_string(), m.name.clone()))
}

/// Whether the visitor already takes part: as the signed-in person of the
/// session's organisation, else as the guest their cookie says.
async fn already_in(state: &AppState, session: &store::SessionRow, member: Option<&(String, String)>, headers: &axum::http::HeaderMap) -> anyhow::Result<bool> {
    let id = domain::ids::LiveSessionId::from_db(session.id.clone());
    let no = match (member, participant::guest_hash(headers)) {
        (Some((person, _)), _) => store::participant_of_person(&state.db, &id, &domain::ids::PersonId::from_db(person.clone())).await?,
        (None, Some(hash)) => store::participant_of_guest(&state.db, &id, &hash).await?,
        (None, None) => None,
    };
    Ok(no.is_some())
}

pub async fn join_code(
    State(state): State<AppState>,
    page: Page,
    viewer: Option<Extension<Viewer>>,
    addr: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: axum::http::HeaderMap,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let viewer = viewer.map(|Extension(v)| v);
    let Some(session) = find(&state, &code, addr.map(|Extension(ConnectInfo(a))| a)).await? else {
        let error = Some(page.t("error-live-code"));
        return Ok((StatusCode::NOT_FOUND, JoinPage { page, code, title: None, member_name: None, name: String::new(), error }).into_response());
    };
    // Already taking part (a phone that reloads the link): straight in.
    let member = same_org_member(viewer.as_ref(), &session);
    if already_in(&state, &session, member.as_ref(), &headers).await? {
        return Ok(Redirect::to(&format!("/live/{}", session.id)).into_response());
    }
    let title = super::session_deck(&state, &session, page.lang).await?.map(|d| title(&d, session.procedure()));
    Ok(JoinPage { page, code: session.join_code, title, member_name: member.map(|(_, n)| n), name: String::new(), error: None }.into_response())
}

#[derive(serde::Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    name: String,
}

/// Joins the session: a signed-in person of its organisation under their
/// own name, anyone else as a guest under the name they type.
pub async fn join(
    State(state): State<AppState>,
    page: Page,
    viewer: Option<Extension<Viewer>>,
    addr: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: axum::http::HeaderMap,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<JoinForm>,
) -> AppResult<Response> {
    let viewer = viewer.map(|Extension(v)| v);
    let addr = addr.map(|Extension(ConnectInfo(a))| a);
    let Some(session) = find(&state, &code, addr).await? else {
        let error = Some(page.t("error-live-code"));
        return Ok((StatusCode::NOT_FOUND, JoinPage { page, code, title: None, member_name: None, name: form.name, error }).into_response());
    };
    let member = same_org_member(viewer.as_ref(), &session);
    // A second submit of the form is the same participant.
    if already_in(&state, &session, member.as_ref(), &headers).await? {
        return Ok(Redirect::to(&format!("/live/{}", session.id)).into_response());
    }
    let room = participant::room(&state, &session.id).await?;
    let title = super::session_deck(&state, &session, page.lang).await?.map(|d| title(&d, session.procedure()));
    let refuse = |page: Page, key: &str, name: String| {
        let error = Some(page.t(key));
        let member_name = member.as_ref().map(|(_, n)| n.clone());
        Ok((StatusCode::UNPROCESSABLE_ENTITY, JoinPage { page, code: session.join_code.clone(), title: title.clone(), member_name, name, error }).into_response())
    };
    // Joins are counted per address too, so nobody fills a session by script
    // (a meeting room of phones behind one address stays well inside).
    crate::auth::rate_limit::check(&state.limits.live_join, &addr.map(|a| a.ip().to_string()).unwrap_or_default())?;
    let (person, name, guest) = match &member {
        Some((person, name)) => (Some(person.clone()), name.clone(), None),
        None => match parse_name(&form.name) {
            // A browser that has joined a session before keeps its secret,
            // so its earlier sessions still know it.
            Ok(name) => (None, name, Some(participant::guest_secret(&headers))),
            Err(e) => return refuse(page, e.key, form.name),
        },
    };
    match room.join(&state.live, person, &name, guest.as_ref().map(|(_, hash)| hash.clone())).await {
        Ok(_) => {}
        Err(Rejected::Refused(r)) => return refuse(page, r.key(), form.name),
        Err(Rejected::Failed(e)) => return Err(e.into()),
    }
    let mut response = Redirect::to(&format!("/live/{}", session.id)).into_response();
    if let Some((secret, _)) = guest {
        // (Re)set, so the cookie lives a day from the latest join.
        response.headers_mut().append(header::SET_COOKIE, participant::guest_cookie(&secret, state.secure_cookies).parse().map_err(anyhow::Error::from)?);
    }
    Ok(response)
}
