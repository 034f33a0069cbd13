//! A session in memory: its folded state, its log as clients receive it,
//! and the broadcast its connections listen to. `Hub` keeps one `Room` per
//! session a connection on this server uses, loaded from the database on
//! first use, so a restarted server resumes every session where its log ends.
//!
//! Every change goes through `Room::decide_and_write`, which holds the
//! room's lock while the event is decided, written and applied: events of a
//! session get gapless numbers, and a command is answered only once it is on
//! disk. With several servers on PostgreSQL the session's row lock orders
//! their appends (`Room::write_in_turn`).

use super::store::{self, Append, AppendWriter, Joining, SessionRow};
use crate::storage::group_commit::Job;
use crate::storage::{Backend, Db};
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
        self.decide_and_write(hub, &mut inner, Some((who, client_id)), |inner| {
            // This very command written before (a resend after a lost
            // acknowledgement): answered with its number, not written twice.
            if let Some(seq) = inner.written.get(&(who, client_id.to_string())) {
                return Ok(Decision::Written(*seq));
            }
            let event = inner.live.decide(who, command.clone(), &self.rules, now_ms(&hub.clock)).map_err(Rejected::Refused)?;
            Ok(Decision::Append { event, joining: None })
        })
        .await
    }

    /// Adds a participant (a signed-in person or a guest) and answers their number.
    pub async fn join(&self, hub: &Hub, person: Option<String>, name: &str, guest_hash: Option<String>) -> Result<ParticipantNo, Rejected> {
        let mut inner = self.inner.lock().await;
        let mut no = 0;
        self.decide_and_write(hub, &mut inner, None, |inner| {
            no = inner.live.participants.keys().max().copied().unwrap_or(0) + 1;
            let event = inner.live.join(no, name, false).map_err(Rejected::Refused)?;
            let joining = Joining { no, person: person.clone(), name: name.to_string(), guest_hash: guest_hash.clone() };
            Ok(Decision::Append { event, joining: Some(joining) })
        })
        .await?;
        Ok(no)
    }

    /// Decides on the room's state as the log has it and writes the event
    /// under the next number; answers that number.
    async fn decide_and_write(
        &self,
        hub: &Hub,
        inner: &mut Inner,
        from: Option<(ParticipantNo, &str)>,
        mut decide: impl FnMut(&mut Inner) -> Result<Decision, Rejected>,
    ) -> Result<i64, Rejected> {
        if hub.db.backend == Backend::Postgres {
            return self.write_in_turn(hub, inner, from, decide).await;
        }
        // SQLite: one server has the database and this room's lock orders
        // its appends, so the number is free (a second process on the same
        // file would be caught by the key: read the log, decide again once).
        // Appends share commits through the group-commit writer.
        for attempt in 0..2 {
            let (event, joining) = match decide(inner)? {
                Decision::Written(seq) => return Ok(seq),
                Decision::Append { event, joining } => (event, joining),
            };
            let append = Self::append_of(&self.session.id, hub, inner, &event, from, joining)?;
            let (seq, body) = (append.seq, append.body.clone());
            if hub.writer.write(append).await? {
                return Ok(self.applied(inner, seq, from, body)?);
            }
            if attempt == 0 {
                self.catch_up_locked(&hub.db, inner).await?;
            }
        }
        Err(Rejected::Failed(anyhow::anyhow!("session {}: the event number stayed taken", self.session.id)))
    }

    /// PostgreSQL, where servers share sessions: the session's row is locked
    /// (`FOR UPDATE`) for the turn, so servers append to one log one after
    /// another. Under the lock the room reads what the others wrote, decides
    /// on that, and writes the next number, which nobody else can take.
    /// Sessions do not wait for each other; a turn is one transaction of its
    /// own, not a shared group commit, since a row lock held in a shared
    /// transaction would make every session in it wait for the slowest.
    async fn write_in_turn(
        &self,
        hub: &Hub,
        inner: &mut Inner,
        from: Option<(ParticipantNo, &str)>,
        mut decide: impl FnMut(&mut Inner) -> Result<Decision, Rejected>,
    ) -> Result<i64, Rejected> {
        let mut tx = hub.db.pool.begin().await.map_err(anyhow::Error::from)?;
        store::lock_session(&mut tx, &self.session.id).await?;
        for row in store::events_after_in(&mut tx, &self.session.id, inner.live.seq).await? {
            let out = Self::apply_row(inner, &row)?;
            self.seq.store(row.seq, Ordering::Release);
            let _ = self.feed.send(out);
        }
        let (event, joining) = match decide(inner)? {
            Decision::Written(seq) => return Ok(seq),
            Decision::Append { event, joining } => (event, joining),
        };
        let append = Self::append_of(&self.session.id, hub, inner, &event, from, joining)?;
        let (seq, body) = (append.seq, append.body.clone());
        if !Job::write(&append, &mut tx).await? {
            return Err(Rejected::Failed(anyhow::anyhow!("session {}: event {seq} was taken under the session's lock", self.session.id)));
        }
        tx.commit().await.map_err(anyhow::Error::from)?;
        Ok(self.applied(inner, seq, from, body)?)
    }

    /// The write of `event` as the room's next event.
    fn append_of(session: &str, hub: &Hub, inner: &Inner, event: &Event, from: Option<(ParticipantNo, &str)>, joining: Option<Joining>) -> anyhow::Result<Append> {
        Ok(Append {
            backend: hub.db.backend,
            session: session.to_string(),
            seq: inner.live.seq + 1,
            participant: from.map(|(p, _)| p),
            client_id: from.map(|(_, id)| id.to_string()),
            body: serde_json::to_string(event)?,
            joining,
            ends: matches!(event, Event::Ended),
            at: hub.clock.now(),
        })
    }

    /// Applies a written event and passes it on; answers its number.
    fn applied(&self, inner: &mut Inner, seq: i64, from: Option<(ParticipantNo, &str)>, body: String) -> anyhow::Result<i64> {
        let row = store::EventRow { seq, participant: from.map(|(p, _)| i64::from(p)), client_id: from.map(|(_, id)| id.to_string()), body };
        let out = Self::apply_row(inner, &row)?;
        self.seq.store(seq, Ordering::Release);
        let _ = self.feed.send(out);
        Ok(seq)
    }
}

/// What a room decided for a command or a join.
enum Decision {
    /// Already in the log under this number.
    Written(i64),
    /// To be written as the next event.
    Append { event: Event, joining: Option<Joining> },
}

/// Milliseconds since the Unix epoch on `clock`, which timers count from.
pub fn now_ms(clock: &crate::clock::Clock) -> i64 {
    (clock.now().unix_timestamp_nanos() / 1_000_000) as i64
}

/// How many events a slow connection may fall behind before it re-reads
/// the room's log instead.
const FEED_CAPACITY: usize = 256;

/// The rooms this server holds, and how it writes.
pub struct Hub {
    pub db: Db,
    pub clock: crate::clock::Clock,
    pub writer: AppendWriter,
    rooms: StdMutex<HashMap<String, Arc<Room>>>,
    /// Loads one room at a time, so two first connections do not fold it twice.
    loading: Mutex<()>,
}

impl Hub {
    pub fn start(db: Db, clock: crate::clock::Clock) -> Arc<Hub> {
        // SQLite's appends share commits; PostgreSQL's take the session's
        // turn each (`Room::write_in_turn`) and do not use the writer.
        let writer = AppendWriter::start(db.clone());
        Arc::new(Hub { db, clock, writer, rooms: StdMutex::new(HashMap::new()), loading: Mutex::new(()) })
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
        if self.db.backend == Backend::Postgres {
            room.catch_up(&self.db).await?;
        }
        Ok(room)
    }
}
