//! The personal data register: every column of every table, classified, and
//! for each table the columns that tie a row to a person. The export of "my
//! data" and the erasure of an account are driven by it, and a test compares
//! it with the live schema, so a new column cannot slip past either. Each
//! table also says how long its rows are kept (`Retention`), which drives
//! the retention purge (`privacy::retention`); a table cannot be added
//! without deciding it.

/// How sensitive a column is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Structure, content and settings that say nothing about a person.
    NotPersonal,
    /// Identifies or describes a person (name, e-mail, roles, who did what).
    Personal,
    /// A person's wellbeing answers and free text: health-adjacent, shown
    /// outside the person's own space only aggregated under the thresholds.
    Sensitive,
    /// Credentials (password hashes, link and session secrets): never
    /// exported, not even to the person themself.
    Secret,
}

/// Whom an owner column points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    /// `accounts.id`: the sign-in identity, across organisations.
    Account,
    /// `persons.id`: the account's person in one organisation.
    Person,
}

/// How a row relates to the person its owner column points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// The row is about the person: exported, and deleted with them.
    Subject,
    /// The row is shared work that names the person in a role (who leads,
    /// who decided, who did it): exported, and the reference is cleared
    /// when they are deleted; the row stays for the others.
    Names,
    /// The row is someone else's and points at the person (another
    /// person's nearest leader): not exported; cleared on deletion.
    PointsAt,
}

#[derive(Clone, Copy, Debug)]
pub struct Owner {
    pub column: &'static str,
    pub of: Of,
    pub link: Link,
    /// Columns left out of this person's export of the row: what the row
    /// keeps from them (who sent a lift they answered without a name).
    pub withholds: &'static [&'static str],
}

/// How long a table's rows are kept under the organisation's retention
/// period (`domain::retention`, docs/decisions/0012-retention.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retention {
    /// About no one: kept as long as the organisation.
    NotPersonal,
    /// The person's identity and own space (notes, agreements): theirs for
    /// as long as they are in the organisation, however old, and deleted
    /// when HR removes them or they delete their account (`erasure`).
    WhileMember,
    /// Shared work of a group or the organisation (decisions, plans,
    /// points, the thread) that names people in a role: the others keep
    /// it; erasure clears the names.
    SharedWork,
    /// Deleted within hours by its own worker (sign-ins, the reset queue).
    ShortLived,
    /// Counts the purge keeps in place of deleted answers; about no one.
    Tally,
    /// Deleted once the row's own date column is older than the period.
    Own(&'static str),
    /// Deleted once the parent row it belongs to (`key` -> `parent.id`)
    /// ended (`parent.ended`, e.g. a round's `closed_at`) longer ago than
    /// the period; a parent that has not ended keeps it.
    Parent { key: &'static str, parent: &'static str, ended: &'static str },
    /// A leader's Skema 1: deleted by `round_id` with the rest of its
    /// campaign (`domain::retention::campaign_ended`), after the campaign's
    /// counts are kept as `Tally` rows.
    ApvCampaign,
}

#[derive(Debug)]
pub struct TableEntry {
    pub table: &'static str,
    pub retention: Retention,
    pub columns: &'static [(&'static str, Class)],
    /// Columns that tie a row to a person; empty for tables about no one.
    pub owners: &'static [Owner],
}

impl TableEntry {
    /// Columns a person's export may show.
    pub fn exportable(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().filter(|(_, c)| *c != Class::Secret).map(|(n, _)| *n)
    }
}

mod tables;

pub use tables::REGISTER;

pub fn entry(table: &str) -> Option<&'static TableEntry> {
    REGISTER.iter().find(|e| e.table == table)
}

#[cfg(test)]
mod tests;
