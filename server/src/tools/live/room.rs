//! A session in memory: its folded state, its log as clients receive it,
//! and the broadcast its connections listen to. `Hub` keeps one `Room` per
//! session a connection on this server uses, loaded from the database on
//! first use, so a restarted server resumes every session where its log ends.
//!
//! Every change goes through `Room::append`, which holds the room's lock
//! while the event is decided, written and applied: events of a session get
//! gapless numbers, and a command is answered only once it is on disk.

use super::store::{self, Append, AppendWriter, Joining, SessionRow};
use crate::storage::Db;
use domain::live::{Command, Event, Live, ParticipantNo, Refusal, Rules};
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex as StdMutex};
use tokio::sync::{broadcast, Mutex};

/// One event as it goes out: the JSON every participant gets, and for a
/// private event (a pick before the reveal) the JSON its author gets.
#[derive(Debug)]
pub struct Outgoing {
    pub seq: i64,
    pub public: Arc<str>,
    pub private: Option<(ParticipantNo, Arc<str>)>,
}

impl Outgoing {
    fn new(seq: i64, event: &Event) -> Outgoing {
        let wire = |e: &Event| -> Arc<str> {
            format!(r#"{{"type":"event","seq":{seq},"event":{}}}"#, serde_json::to_string(e).unwrap_or_default()).into()
        };
        match (event.redacted(), event.author()) {
            (Some(redacted), Some(author)) => Outgoing { seq, public: wire(&redacted), private: Some((author, wire(event))) },
            _ => Outgoing { seq, public: wire(event), private: None },
        }
    }

    /// What participant `p` may see of this event.
    pub fn for_participant(&self, p: ParticipantNo) -> &str {
        match &self.private {
            Some((author, whole)) if *author == p => whole,
            _ => &self.public,
        }
    }
}

/// Why a command was not applied.
#[derive(Debug)]
pub enum Rejected {
    Refused(Refusal),
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for Rejected {
    fn from(e: anyhow::Error) -> Self {
        Rejected::Failed(e)
    }
}

struct Inner {
    live: Live,
    log: Vec<Arc<Outgoing>>,
    /// Commands already written, by (participant, client id): a resend
    /// after a lost acknowledgement gets the same number, not a second event.
    written: HashMap<(ParticipantNo, String), i64>,
}

pub struct Room {
    pub session: SessionRow,
    pub rules: Rules,
    inner: Mutex<Inner>,
    seq: AtomicI64,
    feed: broadcast::Sender<Arc<Outgoing>>,
}

impl Room {
    fn apply_row(inner: &mut Inner, row: &store::EventRow) -> anyhow::Result<Arc<Outgoing>> {
        let event: Event = serde_json::from_str(&row.body)?;
        inner.live.apply(row.seq, &event);
        if let (Some(p), Some(id)) = (row.participant, &row.client_id) {
            inner.written.insert((p as ParticipantNo, id.clone()), row.seq);
        }
        let out = Arc::new(Outgoing::new(row.seq, &event));
        inner.log.push(out.clone());
        Ok(out)
    }

    /// Reads what other servers appended since this room's last event and
    /// passes it on to this server's connections.
    pub async fn catch_up(&self, db: &Db) -> anyhow::Result<()> {
        let mut inner = self.inner.lock().await;
        self.catch_up_locked(db, &mut inner).await
    }

    async fn catch_up_locked(&self, db: &Db, inner: &mut Inner) -> anyhow::Result<()> {
        for row in store::events_after(db, &self.session.id, inner.live.seq).await? {
            let out = Self::apply_row(inner, &row)?;
            self.seq.store(row.seq, Ordering::Release);
            let _ = self.feed.send(out);
        }
        Ok(())
    }

    /// Folds the room again from its log, after a deleted person's name was
    /// taken out of it: whoever connects or catches up from now on gets the
    /// log as stored. Connections keep what they were already sent.
    pub async fn refold(&self, db: &Db) -> anyhow::Result<()> {
        let mut inner = self.inner.lock().await;
        let mut fresh = Inner { live: Live::new(self.session.procedure()), log: Vec::new(), written: HashMap::new() };
        for row in store::events_after(db, &self.session.id, 0).await? {
            Self::apply_row(&mut fresh, &row)?;
        }
        // What other servers appended meanwhile still goes out here.
        for out in fresh.log.iter().filter(|o| o.seq > inner.live.seq) {
            let _ = self.feed.send(out.clone());
        }
        self.seq.store(fresh.live.seq, Ordering::Release);
        *inner = fresh;
        Ok(())
    }

    /// The events after `since`, the number of the last one, and a receiver
    /// for what follows, taken together under the lock so nothing falls
    /// between them.
    pub async fn subscribe(&self, since: i64) -> (Vec<Arc<Outgoing>>, i64, broadcast::Receiver<Arc<Outgoing>>) {
        let inner = self.inner.lock().await;
        (Self::after(&inner, since), inner.live.seq, self.feed.subscribe())
    }

    /// The events after `since`, for a connection that fell behind its feed.
    pub async fn since(&self, since: i64) -> Vec<Arc<Outgoing>> {
        Self::after(&*self.inner.lock().await, since)
    }

    fn after(inner: &Inner, since: i64) -> Vec<Arc<Outgoing>> {
        // The log is in order: find the first event after `since`.
        let from = inner.log.partition_point(|o| o.seq <= since);
        inner.log[from..].to_vec()
    }

    /// Connections following the room on this server.
    pub fn listeners(&self) -> usize {
        self.feed.receiver_count()
    }

    /// The last event this server has, without waiting for the room's lock.
    pub fn last_seq(&self) -> i64 {
        self.seq.load(Ordering::Acquire)
    }

    pub async fn state(&self) -> Live {
        self.inner.lock().await.live.clone()
    }

    /// Decides `who`'s command and writes the event; answers its number.
    pub async fn command(&self, hub: &Hub, who: ParticipantNo, client_id: &str, command: Command) -> Result<i64, Rejected> {
        let mut inner = self.inner.lock().await;
        // Another server may have written the number we were about to use,
        // or this very command (a resend after a lost acknowledgement):
        // read the log and look again, once.
        for attempt in 0..2 {
            if let Some(seq) = inner.written.get(&(who, client_id.to_string())) {
                return Ok(*seq);
            }
            let event = inner.live.decide(who, command.clone(), &self.rules, now_ms()).map_err(Rejected::Refused)?;
            let ends = matches!(event, Event::Ended);
            if let Some(seq) = self.append(hub, &mut inner, event, Some((who, client_id)), None, ends).await? {
                return Ok(seq);
            }
            if attempt == 0 {
                self.catch_up_locked(&hub.db, &mut inner).await?;
            }
        }
        Err(Rejected::Failed(anyhow::anyhow!("session {}: the event number stayed taken", self.session.id)))
    }

    /// Adds a participant (a signed-in person or a guest) and answers their number.
    pub async fn join(&self, hub: &Hub, person: Option<String>, name: &str, guest_hash: Option<String>) -> Result<ParticipantNo, Rejected> {
        let mut inner = self.inner.lock().await;
        for attempt in 0..2 {
            let no = inner.live.participants.keys().max().copied().unwrap_or(0) + 1;
            let event = inner.live.join(no, name, false).map_err(Rejected::Refused)?;
            let joining = Joining { no, person: person.clone(), name: name.to_string(), guest_hash: guest_hash.clone() };
            if self.append(hub, &mut inner, event, None, Some(joining), false).await?.is_some() {
                return Ok(no);
            }
            if attempt == 0 {
                self.catch_up_locked(&hub.db, &mut inner).await?;
            }
        }
        Err(Rejected::Failed(anyhow::anyhow!("session {}: the event number stayed taken", self.session.id)))
    }

    /// Writes and applies the event; `None` when its number was taken.
    async fn append(&self, hub: &Hub, inner: &mut Inner, event: Event, from: Option<(ParticipantNo, &str)>, joining: Option<Joining>, ends: bool) -> anyhow::Result<Option<i64>> {
        let seq = inner.live.seq + 1;
        let body = serde_json::to_string(&event)?;
        let written = hub.writer
            .write(Append {
                backend: hub.db.backend,
                session: self.session.id.clone(),
                seq,
                participant: from.map(|(p, _)| p),
                client_id: from.map(|(_, id)| id.to_string()),
                body: body.clone(),
                joining,
                ends,
            })
            .await?;
        if !written {
            return Ok(None);
        }
        let row = store::EventRow { seq, participant: from.map(|(p, _)| i64::from(p)), client_id: from.map(|(_, id)| id.to_string()), body };
        let out = Self::apply_row(inner, &row)?;
        self.seq.store(seq, Ordering::Release);
        let _ = self.feed.send(out);
        Ok(Some(seq))
    }
}

/// Milliseconds since the Unix epoch on the server's clock, which timers count from.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// How many events a slow connection may fall behind before it re-reads
/// the room's log instead.
const FEED_CAPACITY: usize = 256;

/// The rooms this server holds, and how it writes.
pub struct Hub {
    pub db: Db,
    pub writer: AppendWriter,
    rooms: StdMutex<HashMap<String, Arc<Room>>>,
    /// Loads one room at a time, so two first connections do not fold it twice.
    loading: Mutex<()>,
}

impl Hub {
    pub fn start(db: Db) -> Arc<Hub> {
        // A room waits for its own append before the next, so appends of
        // different sessions may commit side by side where the database
        // lets them (PostgreSQL); SQLite has one writer anyway.
        let writers = if db.backend == crate::storage::Backend::Postgres { 4 } else { 1 };
        let writer = AppendWriter::start_with(db.clone(), writers);
        Arc::new(Hub { db, writer, rooms: StdMutex::new(HashMap::new()), loading: Mutex::new(()) })
    }

    /// A room this server already holds.
    pub fn loaded(&self, session: &str) -> Option<Arc<Room>> {
        self.rooms.lock().expect("rooms lock").get(session).cloned()
    }

    /// Lets go of a room nobody on this server follows any more; the log
    /// stays, and the room is folded again if someone comes back.
    pub fn release_if_idle(&self, session: &str) {
        let mut rooms = self.rooms.lock().expect("rooms lock");
        if rooms.get(session).is_some_and(|r| r.listeners() == 0) {
            rooms.remove(session);
        }
    }

    /// Folds again, from its log, every room held here that still shows a
    /// name deleted since (`store::forget_names`, which tells the other
    /// servers too). One query finds them; the rest are left alone. Rooms
    /// are not loaded meanwhile, so none is folded from a log read before
    /// the deletion and missed here.
    pub async fn refold_forgotten(&self) -> anyhow::Result<()> {
        let _one_at_a_time = self.loading.lock().await;
        let forgotten = store::forgotten(&self.db).await?;
        for id in self.loaded_ids() {
            let Some(room) = self.loaded(&id) else { continue };
            let stale = {
                let inner = room.inner.lock().await;
                forgotten.iter().any(|(session, no)| {
                    *session == id && inner.live.participants.get(no).is_some_and(|p| p.name != store::FORGOTTEN_NAME)
                })
            };
            if stale {
                if let Err(e) = room.refold(&self.db).await {
                    tracing::warn!(error = %e, session = %id, "a live room could not fold again");
                }
            }
        }
        Ok(())
    }

    pub fn loaded_ids(&self) -> Vec<String> {
        self.rooms.lock().expect("rooms lock").keys().cloned().collect()
    }

    /// The session's room, folded from its log on first use. `rules` comes
    /// from the deck the session was started with (`live::rules`).
    pub async fn room(&self, session: SessionRow, rules: Rules) -> anyhow::Result<Arc<Room>> {
        if let Some(room) = self.loaded(&session.id) {
            return Ok(room);
        }
        let _one_at_a_time = self.loading.lock().await;
        if let Some(room) = self.loaded(&session.id) {
            return Ok(room);
        }
        let mut inner = Inner { live: Live::new(session.procedure()), log: Vec::new(), written: HashMap::new() };
        for row in store::events_after(&self.db, &session.id, 0).await? {
            Room::apply_row(&mut inner, &row)?;
        }
        let (feed, _) = broadcast::channel(FEED_CAPACITY);
        let seq = AtomicI64::new(inner.live.seq);
        let room = Arc::new(Room { session, rules, inner: Mutex::new(inner), seq, feed });
        self.rooms.lock().expect("rooms lock").insert(room.session.id.clone(), room.clone());
        // Another server's event written between reading the log and
        // holding the room here sent its notification to no room.
        if self.db.backend == crate::storage::Backend::Postgres {
            room.catch_up(&self.db).await?;
        }
        Ok(room)
    }
}
