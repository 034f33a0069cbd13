# HR's first run (issue 17, item 9): the first steps on /admin, the import
# that keeps the good rows and the file, and invitations to a list or a group.

## The first steps on /admin

first-run-heading = Getting started
first-run-lead = Five steps make the organisation ready. The list ticks itself off as each step is done.
first-run-progress = { $done } of { $total } steps done
first-run-status-done = Done
first-run-status-todo = To do
first-run-step-units = Create the units
first-run-step-units-hint = Departments, institutions and centres, as a tree if you like.
first-run-step-people = Add the leaders
first-run-step-people-hint = One at a time, or many at once from a CSV file.
first-run-step-people-import = Import from a CSV file
first-run-step-groups = Put the leader groups together
first-run-step-groups-hint = A leader group has a group leader and its members.
first-run-step-invitations = Invite the leaders
first-run-step-invitations-hint = Each leader gets an e-mail with a link to set up their access.
first-run-step-tool = Start the first tool
first-run-step-tool-hint = For example a workplace assessment campaign, or a group leader starts the introduction or a collaboration round.
first-run-all-done = All five first steps are done, and the organisation is up and running.

## The import: good rows are imported, bad ones listed, the file kept

import-error-leader-set-aside = The nearest leader is on a line with a problem and will not be imported. Fix that line, and this row comes along when you import again.
import-error-parent-without-unit = There is a parent unit but no unit. Write the person's unit in the Unit column, or delete the parent unit.
import-error-parent-self = A unit cannot be under itself. Correct the parent unit, or leave the field empty.
import-error-parent-unknown = The parent unit is neither in the organisation nor a unit on a row of the file. Correct the spelling, or add a row with a person in that unit.
import-error-parent-conflict = The unit was given another parent unit on an earlier line. A unit can only be in one place, so correct one of them.
import-error-parent-cycle = The units go round in a ring: the units in brackets are under each other, so none of them is at the top. Correct the parent unit of at least one of them.
import-howto-parent = To build the unit tree from the file, add the column Parent unit with the name of the unit the person's unit belongs under. The order of the rows does not matter, but the parent unit must exist in the organisation or be a unit on another row.
import-howto-separator = Fields may be separated by semicolons (as in the example file and from Danish Excel), commas or tabs (when you copy from Excel). A field that itself holds the separator must be in quotation marks.
import-bad-heading = { $count ->
    [one] 1 row cannot be imported
   *[other] { $count } rows cannot be imported
}
import-bad-lead = The rows below will not be imported. You can import the others now, then correct the lines and import again: people already imported are recognised by their e-mail address and are not created twice.
import-confirm-good = { $count ->
    [one] Import the one valid row
   *[other] Import the { $count } valid rows
}
import-none-good = No rows can be imported yet. Correct the problems in the text below, and show the overview again.
import-fix-heading = Correct the content here
import-fix-hint = The file's content is below, with the same line numbers as in the list of problems. Correct the lines, and show the overview again.
import-left-heading = { $count ->
    [one] 1 row is still missing
   *[other] { $count } rows are still missing
}
import-left-lead = Correct the lines in the text below, and show the overview again. People already imported show as unchanged and are not created again.
import-hr-warning = Becomes HR administrator and can see and change all people, units and groups.
import-hr-warning-heading = { $count ->
    [one] 1 person becomes HR administrator
   *[other] { $count } people become HR administrators
}
import-hr-warning-lead = The role HR in the file gives access to all of the administration. Check the rows marked below, and remove HR from anyone who should not have that access.
import-col-parent = Parent unit
import-unit-moves = The unit tree
import-unit-under = { $unit } goes under { $parent }

## Invitations to a filtered list or a leader group

invite-filtered = { $count ->
    [one] Invite the one on the list who is not invited
   *[other] Invite the { $count } on the list who are not invited
}
ask-invite-filtered-text = { $count ->
    [one] The one person on the list who is not invited now gets an e-mail with a link to set up their access. A sent e-mail cannot be called back.
   *[other] The { $count } people on the list who are not invited now each get an e-mail with a link to set up their access. A sent e-mail cannot be called back.
}
group-acceptance-heading = Who has accepted the invitation
group-acceptance-caption = The group's leader and members, and whether they have signed in at least once
group-acceptance-col-name = Name
group-acceptance-col-status = Status
group-accepted = Has signed in
group-not-accepted = Invited, has not signed in yet
group-not-invited = Not invited
group-acceptance-summary = { $accepted } of { $total } have signed in
group-invite = { $count ->
    [one] Invite the one who has not signed in
   *[other] Invite the { $count } who have not signed in
}
ask-invite-group-title = Send the invitations to the group now?
ask-invite-group-text = { $count ->
    [one] The one in the group who has not signed in now gets an e-mail with a link to set up their access. If they were invited within the last quarter of an hour, their mail waits. A sent e-mail cannot be called back.
   *[other] The { $count } in the group who have not signed in now each get an e-mail with a link to set up their access. Anyone invited within the last quarter of an hour waits for theirs. A sent e-mail cannot be called back.
}
