//! Who reaches a level's inbox. The rules are `domain::thread::Level`'s;
//! this resolves the viewer's seat from the database and turns a refusal
//! into the right status: a group the viewer is outside of does not exist
//! for them (404), except for HR, who knows the group and gets 403.

use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::group::store::{self as groups, Group};
use domain::ids::GroupId;
use domain::thread::{Destination, Level, Seat};

/// A group's inbox, reached by someone who may see it.
pub struct GroupInbox {
    pub group: Group,
    pub seat: Seat,
    pub to: Destination,
}

impl GroupInbox {
    pub fn may_answer(&self) -> bool {
        Level::Group.may_answer(self.seat)
    }
    pub fn may_lift_on(&self) -> bool {
        Level::Group.may_lift_on(self.seat)
    }
}

pub async fn group_inbox(state: &AppState, me: &Member, id: &str) -> AppResult<GroupInbox> {
    let id = GroupId::parse(id).ok_or(AppError::NotFound)?;
    let group = groups::find(&state.db, me.org(), &id, me.person()).await?.ok_or(AppError::NotFound)?;
    let is_hr = me.m.roles.may_administer();
    let seat = Seat { in_group: group.viewer_is_member, leads_group: group.viewer_is_leader, is_hr };
    if !Level::Group.may_see(seat) {
        return Err(if is_hr { AppError::Forbidden } else { AppError::NotFound });
    }
    Ok(GroupInbox { to: Destination::Group(group.id.clone()), group, seat })
}

/// The group's inbox for its leader, who answers and lifts on; members get 403.
pub async fn group_inbox_to_answer(state: &AppState, me: &Member, id: &str) -> AppResult<GroupInbox> {
    let inbox = group_inbox(state, me, id).await?;
    if !inbox.may_answer() {
        return Err(AppError::Forbidden);
    }
    Ok(inbox)
}

/// The organisation's seat for a viewer: HR answers there.
pub fn org_seat(me: &Member) -> Seat {
    Seat { is_hr: me.m.roles.may_administer(), ..Seat::default() }
}
