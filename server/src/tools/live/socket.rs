//! The WebSocket a participant's screen keeps open.
//!
//! On connect the client says the last event number it has (`?since=N`)
//! and gets every later event, then each new one as it is written. It sends
//! commands as `{"id": "<its own id>", "cmd": {...}}` and gets either
//! `{"type":"ack","id":…,"seq":N}` once the event is on disk, or
//! `{"type":"refused","id":…,"message":…}` in the participant's language.
//! A client resends what was not acknowledged when it reconnects; the
//! room answers a resend with the number already written.
//!
//! Hostile input stays with its sender: messages over 4 KiB close the
//! connection, unknown or malformed ones are refused, and each connection
//! has its own rate limit, so a flood from one does not slow the others.

use super::participant::Participant;
use super::room::{Outgoing, Rejected, Room};
use crate::i18n::Tr;
use crate::state::AppState;
use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use crate::web::query::Query;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::live::{Command, ParticipantNo};
use futures_util::{SinkExt, StreamExt};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::sync::Arc;
use tokio::sync::broadcast::error::RecvError;

/// Largest message a client may send.
pub const LARGEST_MESSAGE: usize = 4 * 1024;
/// Commands per connection: a burst of 10, then 5 a second. A person taps
/// far slower; a script that sends faster is refused, not queued.
const BURST: NonZeroU32 = NonZeroU32::new(10).unwrap();
const PER_SECOND: NonZeroU32 = NonZeroU32::new(5).unwrap();
/// How long a room stays in memory after its last connection closed.
const IDLE_ROOM: std::time::Duration = std::time::Duration::from_secs(10 * 60);
/// A connection that keeps flooding after this many refusals is closed.
const MOST_REFUSED_IN_A_ROW: u32 = 50;

#[derive(serde::Deserialize)]
pub struct Since {
    #[serde(default)]
    since: i64,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    id: String,
    cmd: serde_json::Value,
}

pub async fn connect(
    State(state): State<AppState>,
    Query(since): Query<Since>,
    headers: HeaderMap,
    who: Participant,
    upgrade: WebSocketUpgrade,
) -> Response {
    // Browsers send cookies with a WebSocket from any site; only our own
    // pages may open one (cross-site WebSocket hijacking).
    if !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let tr = Tr::new(who.lang);
    // Small buffers: thousands of phones each send a few short messages,
    // so tungstenite's 128 KiB default per connection would be mostly air.
    upgrade
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_message_size(LARGEST_MESSAGE)
        .max_frame_size(LARGEST_MESSAGE)
        .on_upgrade(move |socket| async move {
            let (hub, id, facilitator) = (state.live.clone(), who.room.session.id.clone(), who.is_facilitator());
            run(state, who.room, who.no, facilitator, tr, since.since, socket).await;
            // A session nobody follows any more leaves memory after a while.
            tokio::spawn(async move {
                tokio::time::sleep(IDLE_ROOM).await;
                hub.release_if_idle(&id);
            });
        })
}

/// A request without an Origin (not a browser) or with our own host.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else { return true };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    origin.split_once("://").map(|(_, rest)| rest) == Some(host)
}

fn refused(id: Option<&str>, message: &str) -> String {
    serde_json::json!({ "type": "refused", "id": id, "message": message }).to_string()
}

async fn run(state: AppState, room: Arc<Room>, me: ParticipantNo, facilitator: bool, tr: Tr, since: i64, socket: WebSocket) {
    let (mut sink, mut stream) = socket.split();
    let (missed, seq, mut feed) = room.subscribe(since).await;
    // The server's clock, so a phone whose clock is off still counts a timer down right.
    let hello = serde_json::json!({ "type": "hello", "p": me, "seq": seq, "facilitator": facilitator, "now_ms": super::room::now_ms(&state.live.clock) }).to_string();
    if sink.send(Message::Text(hello.into())).await.is_err() {
        return;
    }
    let mut sent = since;
    for out in missed {
        if sink.send(Message::Text(out.for_participant(me).into())).await.is_err() {
            return;
        }
        sent = out.seq;
    }
    let limiter: DefaultDirectRateLimiter = RateLimiter::direct(Quota::per_second(PER_SECOND).allow_burst(BURST));
    let mut refused_in_a_row = 0u32;
    loop {
        tokio::select! {
            incoming = stream.next() => {
                let text = match incoming {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Binary(_))) => Utf8Bytes::from_static(""),
                    Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                    // Closed, or over the size limit: the connection ends.
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                };
                let answer = if limiter.check().is_err() {
                    metrics::counter!("live_refused_total", "why" => "flood").increment(1);
                    // With its id, so the client drops it rather than sending it again later.
                    let id = serde_json::from_str::<Envelope>(&text).ok().map(|e| e.id);
                    Err(refused(id.as_deref(), &tr.t("live-refused-flood")))
                } else {
                    handle(&state, &room, me, &tr, &text).await
                };
                let reply = match answer {
                    Ok(ack) => { refused_in_a_row = 0; ack }
                    Err(refusal) => { refused_in_a_row += 1; refusal }
                };
                if sink.send(Message::Text(reply.into())).await.is_err() {
                    break;
                }
                if refused_in_a_row >= MOST_REFUSED_IN_A_ROW {
                    let _ = sink.send(Message::Close(Some(CloseFrame { code: 1008, reason: "flood".into() }))).await;
                    break;
                }
            }
            out = feed.recv() => {
                let outs: Vec<Arc<Outgoing>> = match out {
                    Ok(out) => vec![out],
                    // Fell behind: read what was missed from the room's log.
                    Err(RecvError::Lagged(_)) => room.since(sent).await,
                    Err(RecvError::Closed) => break,
                };
                for out in outs {
                    if out.seq <= sent {
                        continue;
                    }
                    sent = out.seq;
                    if sink.send(Message::Text(out.for_participant(me).into())).await.is_err() {
                        return;
                    }
                }
            }
        }
    }
}

/// One message from a client: the acknowledgement or the refusal to send back.
async fn handle(state: &AppState, room: &Room, me: ParticipantNo, tr: &Tr, text: &str) -> Result<String, String> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|_| refused(None, &tr.t("live-refused-malformed")))?;
    let id = envelope.id.as_str();
    if id.is_empty() || id.len() > 64 {
        return Err(refused(None, &tr.t("live-refused-malformed")));
    }
    storable(&envelope.cmd).and_then(|()| domain::input::storable(id)).map_err(|e| refused(Some(id), &tr.t(e.key)))?;
    let command: Command = serde_json::from_value(envelope.cmd).map_err(|_| refused(Some(id), &tr.t("live-refused-unknown")))?;
    match room.command(&state.live, me, id, command).await {
        Ok(seq) => {
            metrics::counter!("live_events_total").increment(1);
            Ok(serde_json::json!({ "type": "ack", "id": id, "seq": seq }).to_string())
        }
        Err(Rejected::Refused(r)) => {
            metrics::counter!("live_refused_total", "why" => r.key()).increment(1);
            Err(refused(Some(id), &tr.t(r.key())))
        }
        // Storage refused (full, read-only, the database's connection cut):
        // said as plainly as on every other page ("Det blev ikke gemt").
        Err(Rejected::Failed(e)) if crate::storage::fault::of(&e).is_some() => {
            tracing::error!(error = %e, "live command not saved: storage cannot write");
            Err(refused(Some(id), &tr.t("live-refused-not-saved")))
        }
        Err(Rejected::Failed(e)) => {
            tracing::error!(error = %e, "live command failed");
            Err(refused(Some(id), &tr.t("live-refused-failed")))
        }
    }
}

/// Every text in a command, names included, by the rule all text input
/// follows (`domain::input::storable`): JSON may spell a NUL as `\u0000`.
fn storable(value: &serde_json::Value) -> Result<(), domain::ValidationError> {
    match value {
        serde_json::Value::String(s) => domain::input::storable(s),
        serde_json::Value::Array(items) => items.iter().try_for_each(storable),
        serde_json::Value::Object(fields) => fields.iter().try_for_each(|(k, v)| domain::input::storable(k).and_then(|()| storable(v))),
        _ => Ok(()),
    }
}
