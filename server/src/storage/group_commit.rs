//! Group commit: many small writes share one transaction.
//!
//! SQLite has one writer at a time and every commit waits for the disk
//! (`synchronous = FULL`), so one transaction per request tops out near
//! 1,500 commits per second on the CI machine, with requests queueing on the
//! write lock. A `GroupCommit` sends every write to one task, which writes all
//! writes that arrived together in one transaction and answers each only
//! after the commit that holds it, so an acknowledged write is on disk. On
//! PostgreSQL the same batching simply saves commits. Used by the daily tick
//! (`tools::dialog::ticks`) and handing in Skema 1 (`tools::apv::hand_in`).

use super::Db;
use sqlx::AnyConnection;
use std::future::Future;
use std::pin::Pin;
use tokio::sync::{mpsc, oneshot};

/// Most writes in one transaction; more wait for the next one.
const MOST_PER_COMMIT: usize = 512;

/// One write that can share a transaction with others. Its first statement
/// must write (see `write_together`).
pub trait Job: Send + Sync + 'static {
    type Out: Send + 'static;
    fn write<'a>(&'a self, conn: &'a mut AnyConnection) -> Pin<Box<dyn Future<Output = anyhow::Result<Self::Out>> + Send + 'a>>;
}

type Reply<J> = oneshot::Sender<anyhow::Result<<J as Job>::Out>>;

/// A handle on the writer task; cheap to clone into every request.
pub struct GroupCommit<J: Job> {
    queue: mpsc::Sender<(J, Reply<J>)>,
}

impl<J: Job> Clone for GroupCommit<J> {
    fn clone(&self) -> Self {
        Self { queue: self.queue.clone() }
    }
}

impl<J: Job> GroupCommit<J> {
    /// Starts the writer task on the current runtime.
    pub fn start(db: Db) -> Self {
        Self::start_with(db, 1)
    }

    /// Starts `writers` tasks that take turns collecting a batch: while one
    /// waits for its commit to reach the disk, the next collects and writes
    /// the following batch. Only for writes whose order across batches does
    /// not matter (each caller waits for its own write before the next),
    /// and only worth it where commits can overlap: PostgreSQL, not SQLite,
    /// which has one writer at a time.
    pub fn start_with(db: Db, writers: usize) -> Self {
        let (queue, jobs) = mpsc::channel(4 * MOST_PER_COMMIT);
        let jobs = std::sync::Arc::new(tokio::sync::Mutex::new(jobs));
        for _ in 0..writers.max(1) {
            tokio::spawn(run(db.clone(), jobs.clone()));
        }
        Self { queue }
    }

    /// Writes the job and answers once it is committed.
    pub async fn write(&self, job: J) -> anyhow::Result<J::Out> {
        let (reply, answer) = oneshot::channel();
        self.queue.send((job, reply)).await.map_err(|_| anyhow::anyhow!("the group-commit writer has stopped"))?;
        answer.await.map_err(|_| anyhow::anyhow!("the group-commit writer has stopped"))?
    }
}

async fn run<J: Job>(db: Db, jobs: std::sync::Arc<tokio::sync::Mutex<mpsc::Receiver<(J, Reply<J>)>>>) {
    let mut batch = Vec::with_capacity(MOST_PER_COMMIT);
    // The queue's lock is held only while collecting, not while writing.
    while jobs.lock().await.recv_many(&mut batch, MOST_PER_COMMIT).await > 0 {
        let together: Vec<&J> = batch.iter().map(|(j, _)| j).collect();
        match write_together(&db, &together).await {
            Ok(outs) => {
                for ((_, reply), out) in batch.drain(..).zip(outs) {
                    let _ = reply.send(Ok(out));
                }
            }
            // One bad write must not fail the others: write each on its own.
            Err(e) => {
                tracing::warn!(error = %e, writes = batch.len(), "a group commit failed; writing one by one");
                for (job, reply) in batch.drain(..) {
                    let _ = reply.send(write_together(&db, &[&job]).await.map(|mut outs| outs.remove(0)));
                }
            }
        }
    }
}

async fn write_together<J: Job>(db: &Db, jobs: &[&J]) -> anyhow::Result<Vec<J::Out>> {
    // A plain BEGIN, so the writer waits for SQLite's write lock like every
    // other connection (BEGIN IMMEDIATE back to back starves sign-ins). A
    // job must therefore write before it reads: a transaction that reads
    // first cannot later take the lock once another connection committed.
    let mut tx = db.pool.begin().await?;
    let mut outs = Vec::with_capacity(jobs.len());
    for job in jobs {
        outs.push(job.write(&mut tx).await?);
    }
    tx.commit().await?;
    Ok(outs)
}
