//! Notifications: people hear back. The one place where "who should hear
//! what, about which item, in which organisation" is recorded (`store::record`),
//! called by the actions it tells about, in their transaction:
//! - a point lifted to a group: the group's leader, who answers it;
//! - a lift answered (by the group or the organisation): its sender;
//! - an agreement shared, commented on or marked "aftalt": the other of the
//!   two, i.e. the nearest leader it is shared with, or the leader;
//! - a group round's picture revealed: the round's readers.
//!
//! Each person reads their unread news under "Nyt til dig" on the start page
//! and gets mail as they chose on the account page: every time (`mail`'s
//! worker, woken by `wake`), a daily digest (the default, sent by the
//! reminder scheduler at `mail::DIGEST_HOUR` Copenhagen time) or never.
//!
//! A row holds ids and a link, never words: the text is written when shown,
//! in the reader's language, and names only what the linked page shows the
//! reader (never the sender of an unattributed lift). It must never tell a
//! person about something they may not open.

pub mod mail;
pub mod pages;
pub mod store;
pub mod view;

use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;
use domain::ids::{AgreementId, OrgId, PersonId};
use time::OffsetDateTime;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/notifications/{id}/open", get(pages::open))
        .route("/notifications/{id}/read", post(pages::read))
        .route("/notifications/read", post(pages::read_all))
}

/// Wakes the mail worker after an action recorded news, so a person who
/// wants mail every time gets it within seconds.
pub fn wake(state: &AppState) {
    state.notify_mail.notify_one();
}

/// The two people of a leader's agreement: the leader, and the person it
/// is shared with (the nearest leader), if anyone.
pub struct AgreementPair<'a> {
    pub id: &'a AgreementId,
    pub leader: &'a PersonId,
    pub shared_with: Option<&'a PersonId>,
}

/// Tells the other of the two that `by` acted on the agreement. The leader's
/// agreement is news only for the person it is shared with: not shared, no
/// one hears anything, and no one else ever does.
pub async fn about_agreement(
    conn: &mut sqlx::AnyConnection,
    org: &OrgId,
    pair: AgreementPair<'_>,
    by: &PersonId,
    kind: Kind,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let Some(nearest) = pair.shared_with else { return Ok(()) };
    let anchor = match kind {
        Kind::AgreementCommented => "#comments",
        Kind::AgreementAgreed | Kind::AgreementUnagreed | Kind::AgreementChanged => "#agreed",
        _ => "",
    };
    let (to, link) = if by == pair.leader {
        (nearest, format!("/team/agreements/{}{anchor}", pair.id))
    } else if by == nearest {
        (pair.leader, format!("/dialog/agreement{anchor}"))
    } else {
        return Ok(());
    };
    store::record(conn, org, store::Event { to, kind, actor: Some(by), group: None, link: &link }, now).await
}

/// Takes back the nearest leader's unread news about an agreement that is
/// no longer shared with them (or now shared with someone else).
pub async fn agreement_unshared(conn: &mut sqlx::AnyConnection, org: &OrgId, agreement: &AgreementId) -> anyhow::Result<()> {
    let kinds = [Kind::AgreementShared, Kind::AgreementCommented, Kind::AgreementAgreed, Kind::AgreementUnagreed, Kind::AgreementChanged];
    store::forget(conn, org, &kinds, store::Link::StartsWith(&format!("/team/agreements/{agreement}"))).await
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A point arrived in the inbox of the group the reader leads.
    LiftArrived,
    /// The reader's lift was answered.
    LiftAnswered,
    /// An agreement was shared with the reader.
    AgreementShared,
    /// The other person commented on the agreement.
    AgreementCommented,
    /// The other person marked the agreement "aftalt".
    AgreementAgreed,
    /// The other person took their "aftalt" mark back.
    AgreementUnagreed,
    /// The leader changed an agreement that was marked "aftalt", which
    /// withdrew the marks.
    AgreementChanged,
    /// The picture of a group round the reader reads was revealed.
    PictureRevealed,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::LiftArrived,
        Kind::LiftAnswered,
        Kind::AgreementShared,
        Kind::AgreementCommented,
        Kind::AgreementAgreed,
        Kind::AgreementUnagreed,
        Kind::AgreementChanged,
        Kind::PictureRevealed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::LiftArrived => "lift-arrived",
            Kind::LiftAnswered => "lift-answered",
            Kind::AgreementShared => "agreement-shared",
            Kind::AgreementCommented => "agreement-commented",
            Kind::AgreementAgreed => "agreement-agreed",
            Kind::AgreementUnagreed => "agreement-unagreed",
            Kind::AgreementChanged => "agreement-changed",
            Kind::PictureRevealed => "picture-revealed",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// How often a person wants mail about their news.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MailChoice {
    /// A mail for every piece of news, right away.
    Immediate,
    /// One mail a day with everything new (the default).
    #[default]
    Daily,
    /// Only the start page.
    Never,
}

impl MailChoice {
    pub const ALL: [MailChoice; 3] = [MailChoice::Immediate, MailChoice::Daily, MailChoice::Never];

    pub fn code(self) -> &'static str {
        match self {
            MailChoice::Immediate => "immediate",
            MailChoice::Daily => "daily",
            MailChoice::Never => "never",
        }
    }

    pub fn parse(s: &str) -> Option<MailChoice> {
        MailChoice::ALL.into_iter().find(|c| c.code() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.code()), Some(k));
        }
        for c in MailChoice::ALL {
            assert_eq!(MailChoice::parse(c.code()), Some(c));
        }
        assert_eq!(MailChoice::parse("weekly"), None);
        assert_eq!(MailChoice::default(), MailChoice::Daily);
    }
}
