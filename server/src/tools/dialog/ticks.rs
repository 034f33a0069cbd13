//! The daily tick's write path: group commit.
//!
//! SQLite has one writer at a time and every commit waits for the disk
//! (`synchronous = FULL`), so one transaction per tap tops out near 1,500
//! ticks per second on the CI machine, with taps queueing on the write lock.
//! Here every tap goes to one writer task, which writes all taps that arrived
//! together in one transaction. Each tap gets its answer only after the
//! commit that holds it, so an acknowledged tick is on disk. On PostgreSQL
//! the same batching simply saves commits.

use super::store;
use crate::storage::Db;
use domain::ids::{OrgId, PersonId, PointId};
use time::Date;
use tokio::sync::{mpsc, oneshot};

/// Most taps in one transaction; more wait for the next one.
const MOST_PER_COMMIT: usize = 512;

/// One tap on "kept it today?".
pub struct Tick {
    pub org: OrgId,
    pub person: PersonId,
    pub point: PointId,
    pub day: Date,
    pub kept: bool,
}

type Reply = oneshot::Sender<anyhow::Result<bool>>;

/// A handle on the writer task; cheap to clone into every request.
#[derive(Clone)]
pub struct TickWriter {
    queue: mpsc::Sender<(Tick, Reply)>,
}

impl TickWriter {
    /// Starts the writer task on the current runtime.
    pub fn start(db: Db) -> Self {
        let (queue, taps) = mpsc::channel(4 * MOST_PER_COMMIT);
        tokio::spawn(run(db, taps));
        Self { queue }
    }

    /// Writes the tick and answers once it is committed: true when it was
    /// the person's own daily point in a period that holds the day (see
    /// `store::tick`), false when nothing was written.
    pub async fn write(&self, tick: Tick) -> anyhow::Result<bool> {
        let (reply, answer) = oneshot::channel();
        self.queue.send((tick, reply)).await.map_err(|_| anyhow::anyhow!("the tick writer has stopped"))?;
        answer.await.map_err(|_| anyhow::anyhow!("the tick writer has stopped"))?
    }
}

async fn run(db: Db, mut taps: mpsc::Receiver<(Tick, Reply)>) {
    let mut batch = Vec::with_capacity(MOST_PER_COMMIT);
    while taps.recv_many(&mut batch, MOST_PER_COMMIT).await > 0 {
        let ticks: Vec<&Tick> = batch.iter().map(|(t, _)| t).collect();
        match write_together(&db, &ticks).await {
            Ok(written) => {
                for ((_, reply), done) in batch.drain(..).zip(written) {
                    let _ = reply.send(Ok(done));
                }
            }
            // One bad tap must not fail the others: write each on its own.
            Err(e) => {
                tracing::warn!(error = %e, taps = batch.len(), "a tick batch failed; writing one by one");
                for (tick, reply) in batch.drain(..) {
                    let _ = reply.send(write_together(&db, &[&tick]).await.map(|w| w[0]));
                }
            }
        }
    }
}

async fn write_together(db: &Db, ticks: &[&Tick]) -> anyhow::Result<Vec<bool>> {
    let mut tx = db.pool.begin().await?;
    let mut written = Vec::with_capacity(ticks.len());
    for t in ticks {
        written.push(store::tick(&mut tx, &t.org, &t.person, &t.point, t.day, t.kept).await?);
    }
    tx.commit().await?;
    Ok(written)
}
