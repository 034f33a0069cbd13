//! Whose sign-in address it is, and when someone belongs to an organisation.
//!
//! The address a person signs in with belongs to them (PRODUCT.md): an
//! organisation may propose a new one, which takes effect only when the
//! owner confirms it, and an existing account joins an organisation only
//! when its owner accepts. What HR sees of a person it added never depends
//! on whether the address had an account elsewhere, so adding an address
//! cannot be used to find out who uses the product.
//!
//! Time is passed in; nothing here reads the clock.

use time::{Duration, OffsetDateTime};

/// What the rules need to know about a person's account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    /// The person has accepted this organisation (signed in here).
    pub joined_here: bool,
    /// Someone has signed in with the account (it has a password).
    pub claimed: bool,
    /// The account is a person who has joined another organisation too.
    pub joined_elsewhere: bool,
}

/// What HR's new address for a person does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressEdit {
    /// The same address: nothing to do.
    Keep,
    /// Nobody has signed in here with the old address, so this organisation
    /// only sends its invitation elsewhere: the person points at the new
    /// address, not invited and not joined, and no account is changed.
    Redirect,
    /// The owner must confirm from a link mailed to the new address, while
    /// signed in as the account or with its password; the old address is
    /// told at once. Until then nothing changes.
    Propose,
    /// Refused with this translation key.
    Refuse(&'static str),
}

/// Decides what HR's edit of a person's address does. An account used in
/// several organisations is never changed by one of them, not even by a
/// proposal: each could otherwise move the others' person to its own mailbox.
pub fn address_edit(same_address: bool, holder: Holder) -> AddressEdit {
    if same_address {
        return AddressEdit::Keep;
    }
    if !holder.joined_here || !holder.claimed {
        return AddressEdit::Redirect;
    }
    if holder.joined_elsewhere {
        return AddressEdit::Refuse("address-error-several-orgs");
    }
    AddressEdit::Propose
}

/// Where a person stands with signing in, as HR sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing<T> {
    NotInvited,
    /// Invited at this time, not yet joined.
    Invited(T),
    /// Joined and able to sign in.
    Active,
}

/// The status HR sees. Only this organisation's own facts count (did it
/// invite, did the owner accept here): whether the address already had an
/// account or a password elsewhere must not show.
pub fn standing<T>(joined_here: bool, claimed: bool, invited_at: Option<T>) -> Standing<T> {
    match (joined_here && claimed, invited_at) {
        (true, _) => Standing::Active,
        (false, Some(at)) => Standing::Invited(at),
        (false, None) => Standing::NotInvited,
    }
}

/// How long a person waits between two invitations from one organisation,
/// so a mistake or a grudge cannot flood their inbox.
pub const INVITATION_COOLING: Duration = Duration::minutes(15);

/// `Err(when)` with the earliest time a new invitation may go, when the last
/// one went within the cooling period.
pub fn may_invite(last: Option<OffsetDateTime>, now: OffsetDateTime) -> Result<(), OffsetDateTime> {
    match last {
        Some(last) if now < last + INVITATION_COOLING => Err(last + INVITATION_COOLING),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const fn holder(joined_here: bool, claimed: bool, joined_elsewhere: bool) -> Holder {
        Holder { joined_here, claimed, joined_elsewhere }
    }

    #[test]
    fn who_may_change_an_address() {
        use AddressEdit::*;
        let cases = [
            ("same address", true, holder(true, true, true), Keep),
            ("a leader who signs in here", false, holder(true, true, false), Propose),
            ("a leader in two organisations", false, holder(true, true, true), Refuse("address-error-several-orgs")),
            ("added here, never accepted, account used elsewhere", false, holder(false, true, true), Redirect),
            ("added here, never signed in", false, holder(false, false, false), Redirect),
            ("provisioned without a password", false, holder(true, false, false), Redirect),
        ];
        for (name, same, h, expected) in cases {
            assert_eq!(address_edit(same, h), expected, "{name}");
        }
    }

    #[test]
    fn an_account_elsewhere_never_shows() {
        // A brand-new address and one with an account and password elsewhere,
        // both added here: the same status before and after the invitation.
        for claimed in [false, true] {
            assert_eq!(standing::<&str>(false, claimed, None), Standing::NotInvited);
            assert_eq!(standing(false, claimed, Some("3. marts")), Standing::Invited("3. marts"));
        }
        assert_eq!(standing(true, true, Some("3. marts")), Standing::Active);
        assert_eq!(standing::<&str>(true, false, None), Standing::NotInvited, "provisioned, no password yet");
    }

    #[test]
    fn invitations_cool_down() {
        let sent = datetime!(2026-03-03 10:00 UTC);
        assert_eq!(may_invite(None, sent), Ok(()));
        assert_eq!(may_invite(Some(sent), sent + Duration::minutes(14)), Err(datetime!(2026-03-03 10:15 UTC)));
        assert_eq!(may_invite(Some(sent), sent + Duration::minutes(15)), Ok(()));
    }
}
