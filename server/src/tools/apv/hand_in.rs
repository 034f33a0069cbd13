//! Saving and handing in a whole Skema 1 goes through a group-commit writer
//! (`storage::group_commit`): submissions that arrive together share one
//! transaction, and each is answered only after the commit that holds it,
//! so an acknowledged Skema 1 survives a crash.

use super::store::{self, Refused};
use crate::storage::group_commit::{GroupCommit, Job};
use domain::apv::Mark;
use domain::ids::{ApvRoundId, OrgId, PersonId};
use sqlx::AnyConnection;
use std::future::Future;
use std::pin::Pin;

/// One leader's whole Skema 1, by theme revision; handed in when `submit`.
pub struct Skema1 {
    pub org: OrgId,
    pub round: ApvRoundId,
    pub person: PersonId,
    pub marks: Vec<(String, Mark)>,
    pub submit: bool,
    /// When the leader pressed the button.
    pub at: time::OffsetDateTime,
}

impl Job for Skema1 {
    /// Refused when the round has closed in the meantime.
    type Out = Result<(), Refused>;

    fn write<'a>(&'a self, conn: &'a mut AnyConnection) -> Pin<Box<dyn Future<Output = anyhow::Result<Self::Out>> + Send + 'a>> {
        Box::pin(store::write_answers(conn, &self.org, &self.round, &self.person, &self.marks, self.submit, self.at))
    }
}

pub type Skema1Writer = GroupCommit<Skema1>;
