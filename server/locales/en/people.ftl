# Units, people and invitations (HR's administration), and the page where an invited person accepts.

## Units

units-title = Units
units-intro = Units are the organisation's departments, institutions and centres. Place a unit under another to show how they fit together.
units-none = There are no units yet. Create the first one below.
units-table-caption = The organisation's units. Sub-units are listed right below the unit they belong to.
units-col-name = Unit
units-col-parent = Belongs to
units-col-people = People
units-top-level = Top level
units-new-heading = Create unit
units-create = Create unit
units-field-name = Name of the unit
units-field-parent = Belongs to
units-field-parent-hint = Choose the unit it sits under, or leave it at the top level.
units-parent-none = None (top level)
units-people-in-unit = { $count ->
    [0] There are no people in this unit.
    [one] There is 1 person in this unit.
   *[other] There are { $count } people in this unit.
}
units-see-people = See the people
units-edit-heading = Edit the unit
units-save = Save changes
units-back = Back to units
units-delete-heading = Delete the unit
units-delete-link = Delete { $name }
units-delete-title = Delete { $name }?
units-delete-people = { $count ->
    [0] There are no people in this unit.
    [one] The one person in this unit stays in the organisation, without a unit.
   *[other] The { $count } people in this unit stay in the organisation, without a unit.
}
units-delete-sub-units = { $count ->
    [one] The unit's sub-unit moves up to belong where the unit itself belongs.
   *[other] The unit's { $count } sub-units move up to belong where the unit itself belongs.
}
units-delete-confirm = Yes, delete the unit
units-delete-cancel = No, keep the unit
units-error-name-taken = A unit with that name already exists. Choose another name.
units-error-parent-unknown = Choose one of the organisation's units from the list.
units-error-parent-self = A unit cannot sit under itself.
units-error-parent-cycle = A unit cannot sit under one of its own sub-units. Choose another unit.

## People

people-title = People
people-new = Create person
people-new-title = Create person
people-filter-heading = Find people
people-filter-q = Search by name or e-mail
people-filter-unit = Unit (including sub-units)
people-filter-all-units = All units
people-filter-role = Role
people-filter-all-roles = All roles
people-filter-submit = Show
people-filter-reset = Clear filters
people-matching = { $count ->
    [0] No people match the search
    [one] 1 person matches the search
   *[other] { $count } people match the search
}
people-none = There are no people yet.
people-none-matching = Try searching for something else, or clear the filters.
people-col-name = Name
people-col-email = E-mail
people-col-unit = Unit
people-col-leader = Nearest leader
people-col-roles = Roles
people-col-status = Status
people-no-unit = No unit
people-no-leader = No nearest leader
people-pages = Pages of the list
people-showing = Showing { $first }–{ $last } of { $total }
people-previous = Previous page
people-next = Next page
people-status-not-invited = Not invited
people-status-invited = Invited { $date }
people-status-active = Active
people-access-heading = Access
people-details-heading = Details
people-field-name = Name
people-field-email = E-mail
people-field-email-hint = The person signs in with this address and gets the invitation here.
people-field-unit = Unit
people-field-leader = Nearest leader
people-field-leader-hint = The leader this person reports to. The person and those who report to them cannot be chosen.
people-field-roles = Roles
people-field-roles-hint = Choose at least one role.
people-save = Save changes
people-create = Create person
people-back = Back to people
people-notice-created = The person has been created. Send an invitation when they should have access.
people-notice-saved = The changes have been saved.
people-error-unit-unknown = Choose one of the organisation's units from the list.
people-error-leader-unknown = Choose the nearest leader from the organisation's people in the list.
people-error-leader-self = A person cannot be their own nearest leader.
people-error-leader-cycle = The reporting line would go in a circle: the chosen leader reports to this person, directly or through others. Choose another nearest leader.
people-error-role-unknown = One of the chosen roles does not exist. Reload the page and choose the roles again.
people-error-roles-missing = Choose at least one role.
people-error-email-taken = Someone in the organisation already has this e-mail address.
people-error-last-hr-admin = The organisation needs at least one HR administrator. Give the role to someone else before removing it here.
people-error-last-hr-admin-remove = This person is the organisation's only HR administrator and cannot be removed. Give someone else the HR administrator role first.
people-remove-heading = Remove from the organisation
people-remove-link = Remove { $name } from the organisation
people-remove-title = Remove { $name }?
people-remove-consequence = The person is removed from { $org }, and everything they have written and shared here is deleted. This cannot be undone.
people-remove-reports = { $count ->
    [one] 1 person has them as nearest leader and will then have no nearest leader.
   *[other] { $count } people have them as nearest leader and will then have no nearest leader.
}
people-remove-account = If the account is not used in any other organisation, it is deleted too.
people-remove-confirm = Yes, remove { $name }
people-remove-cancel = No, go back

## Invitations

invitations-send = Send invitation
invitations-send-again = Send the invitation again
invitations-invite-all = { $count ->
    [one] Invite the one person not yet invited
   *[other] Invite all { $count } people not yet invited
}
invitations-sent-count = { $count ->
    [0] No invitations were sent. Everyone is already invited or has access.
    [one] 1 invitation has been sent.
   *[other] { $count } invitations have been sent.
}
invitations-notice-sent = The invitation has been sent to { $email }. The link works for 14 days.
invitations-limited = { $sent ->
    [0] No invitations were sent.
    [one] 1 invitation was sent, but no more.
   *[other] { $sent } invitations were sent, but no more.
}
invitations-mail-subject = You are invited to Ledertrivsel at { $org }
invitations-mail-body =
    Hello { $name }

    { $inviter } has invited you to Ledertrivsel at { $org }. This is where you work on leaders' wellbeing and results: your own reflections, the dialog with your nearest leader and the leader group's work. What you write is yours until you choose to share it.

    Use the link below to get started. The link works for 14 days and only once.

    { $link }

    If you have questions, contact HR at { $org }.

## The page where an invitation is accepted

invitation-title = Welcome to Ledertrivsel
invitation-intro = You are invited to use Ledertrivsel at { $org }.
invitation-who = The invitation is for { $name }
invitation-choose-password = Choose a password. You sign in with your e-mail address and the password.
invitation-accept-with-password = Save password and sign in
invitation-has-account = You already have a Ledertrivsel account with this e-mail address. Sign in with your password to accept the invitation.
invitation-accept-sign-in = Sign in and accept
invitation-signed-in = You are signed in with the account the invitation is for.
invitation-accept = Accept the invitation
invitation-error-wrong-password = The password is wrong. Try again, or choose a new password with the link below.

## The audit log

audit-unit-created = Created unit
audit-unit-updated = Edited unit
audit-unit-deleted = Deleted unit
audit-person-created = Created person
audit-person-updated = Edited person
audit-person-removed = Removed person from the organisation
audit-person-invited = Sent invitation
audit-invitation-accepted = Accepted invitation
invitation-used-title = The invitation has been used
invitation-used-text = You have accepted the invitation, so the link cannot be used again. Sign in with your e-mail address and your password.
invitation-expired-title = The invitation has expired
invitation-expired-text = The link in an invitation is valid for a limited time only. Ask HR in your organisation to send you a new invitation.
invitation-spent-sign-in = Sign in
