# Tool 2: Sharpen the leader group's collaboration

collab-back-to-tool = To the leader group's collaboration
collab-back-to-round = Back to the round
collab-other-groups-lead = As HR you can start a round for any leader group. The group's answers and agreement are the group's own: you see only the group's overall picture, once the round has ended and only when enough have answered.
collab-no-rounds = The group has not had a round yet.
collab-round-link = Meeting { $when }
collab-round-open = under way
collab-round-settled = agreement made
collab-fill-checklist = Fill in the checklist
collab-start = Plan a meeting on the collaboration

collab-new-title = Plan the meeting on the collaboration
collab-new-lead = Propose a time and place for { $group }'s meeting. Everyone in the group gets a calendar invitation with the checklist to fill in before the meeting.
collab-minutes-hint = Set aside two hours if you can. The meeting's agenda takes 1 hour and 50 minutes.
collab-message-hint = Optional. Your note is included in the invitation to everyone in the group.
collab-prepare-heading = Preparing for the meeting
collab-prepare-lead = The invitation asks everyone to prepare like this:
collab-send-invitations = Send the invitations

collab-round-title = The leader group's collaboration
collab-notice-invited = The meeting is planned, and everyone in the group has an invitation.
collab-notice-moved = The meeting has moved, and everyone in the group has the new invitation.
collab-notice-saved = Your answers are saved.
collab-notice-settled = The group agreement is made. You follow it up at your next meeting.
collab-notice-placed = The theme has moved in the matrix.
collab-step-1 = Step 1: Time and place are agreed
collab-download-ics = Add the meeting to your calendar (.ics)
collab-step-checklist = Before the meeting: the checklist
collab-step-2 = Step 2: The dialogue at the meeting
collab-meeting-lead = Open the meeting page on a shared screen. It brings together the agenda, the group's picture, the prioritisation matrix and the group agreement.
collab-open-meeting = Open the meeting page
collab-step-3 = Step 3: The group agreement
collab-agreement-none = The group has not written its agreement yet.
collab-outside-note = You are not in the group. The meeting and the group agreement are the group's own.
collab-picture-heading = The group's picture
collab-move-heading = Move the meeting
collab-move-submit = Move the meeting and send a new invitation

collab-checklist-title = Checklist
collab-checklist-lead = Answer for yourself about the collaboration in { $group }. It takes about ten minutes.

collab-meeting-title = The meeting
collab-meeting-settled-note = The agreement is made, so the meeting page is read-only.
collab-agenda-heading = Agenda
collab-agenda-lead = The agenda takes { $minutes } minutes in all. The timer helps you keep to the time for each item.
collab-timer-start = Start the timer
collab-timer-pause = Pause the timer
collab-timer-next = Next item
collab-timer-over = The time for this item is up.
collab-minutes = { $minutes } min
collab-followup-heading = Following up the last agreement
collab-followup-none = This is the group's first agreement, so there is nothing to follow up yet.
collab-matrix-heading = Prioritisation matrix
collab-matrix-keyboard = Drag the themes into place, or choose a place under each theme and press "Move".
collab-move-card = Move
collab-agreement-heading = The group agreement
collab-sample-heading = See a filled-in example
collab-point-legend = Point { $n }
collab-point-actions = Actions
collab-point-measure = How we will notice that it works
collab-point-owner = Owner
collab-point-follow-up = Follow-up
collab-choose-owner = Choose someone in the group
collab-agreement-save = Save the agreement
collab-agreement-settle = Make the agreement
collab-agreement-settle-hint = Once the agreement is made, the round ends and its points are ready to be followed up at your next meeting.

collab-meeting-summary = The leader group's collaboration: { $group }
collab-mail-invite-subject = Invitation: meeting on the collaboration in { $group }
collab-mail-invite-lead = { $by } invites you to a meeting on the collaboration in { $group }. The invitation is attached so you can add the meeting to your calendar.
collab-mail-moved-subject = New time: meeting on the collaboration in { $group }
collab-mail-moved-lead = { $by } has moved the meeting on the collaboration in { $group }. The new invitation is attached.
collab-mail-checklist = Fill in the checklist before the meeting:
collab-mail-privacy = Your answers are your own. The group sees only the overall picture without names, and only once at least three have answered – unless the group has chosen open dialogue.

collab-error-already-open = { $group } already has a round under way. End it with a group agreement before you plan the next one.
collab-error-closed = The agreement is made, so the round can no longer be changed.
error-collab-minutes = Give the meeting's length in minutes, between 30 and 480.
error-collab-owner = Choose an owner from the group.
error-collab-follow-up-past = The follow-up must be today or later.
error-collab-follow-up-far = The follow-up must be within a year.
error-collab-settle-empty = Write at least one point before you make the agreement.
error-collab-theme-unknown = The theme is not in the checklist.
error-collab-quadrant-unknown = Choose one of the matrix's four fields.
audit-collab-picture-read = Viewed a leader group's picture of its collaboration
