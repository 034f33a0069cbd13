//! The daily tick's write path: every tap goes through one group-commit
//! writer (`storage::group_commit`), so taps that arrive together share a
//! transaction and each is answered only after its commit.

use super::store;
use crate::storage::group_commit::{GroupCommit, Job};
use domain::ids::{OrgId, PersonId, PointId};
use sqlx::AnyConnection;
use std::future::Future;
use std::pin::Pin;
use time::Date;

/// One tap on "kept it today?".
pub struct Tick {
    pub org: OrgId,
    pub person: PersonId,
    pub point: PointId,
    pub day: Date,
    pub kept: bool,
    /// When the leader tapped.
    pub at: time::OffsetDateTime,
}

impl Job for Tick {
    /// True when it was the person's own daily point in a period that holds
    /// the day (see `store::tick`), false when nothing was written.
    type Out = bool;

    fn write<'a>(&'a self, conn: &'a mut AnyConnection) -> Pin<Box<dyn Future<Output = anyhow::Result<bool>> + Send + 'a>> {
        Box::pin(store::tick(conn, &self.org, &self.person, &self.point, self.day, self.kept, self.at))
    }
}

pub type TickWriter = GroupCommit<Tick>;
