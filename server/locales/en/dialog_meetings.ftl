## Tool 1, step 3: the dialog with the nearest leader, calendar invitations and reminders

dialog-meeting-invite = Invite to dialog
dialog-meeting-next-heading = Next dialog
dialog-meeting-next = Dialog with { $name }, { $when }
dialog-meeting-later-heading = Later dialogs
dialog-meeting-new-title = Invite your nearest leader to a dialog
dialog-meeting-new-lead = Choose a time for a 45-minute dialog with { $name }. You will both get an e-mail with a calendar invitation.
dialog-meeting-date = Date
dialog-meeting-time = Time
dialog-meeting-time-hint = Danish time, e.g. 09:30.
dialog-meeting-minutes = Duration in minutes
dialog-meeting-minutes-hint = The method sets 45 minutes aside. At least 15 and at most 180.
dialog-meeting-place = Place
dialog-meeting-message = Personal message (optional)
dialog-meeting-message-hint = Included in the e-mail to { $name }.
dialog-meeting-prepare-heading = Prepare for these questions
dialog-meeting-prepare-lead = The questions are in the invitation, so you can both prepare.
dialog-meeting-send = Send the invitation
dialog-meeting-title = Dialog with the nearest leader
dialog-meeting-with = Dialog with { $name }
dialog-meeting-when = Time
dialog-meeting-minutes-value = { $minutes } minutes
dialog-meeting-no-place = The place has not been agreed yet
dialog-meeting-download-ics = Download the calendar invitation (.ics)
dialog-meeting-share-link = Choose what you share of your agreement before the dialog
dialog-meeting-is-cancelled = The dialog is cancelled.
dialog-meeting-move-heading = Move the dialog
dialog-meeting-move = Move and send a new invitation
dialog-meeting-cancel-heading = Cancel the dialog
dialog-meeting-cancel-lead = { $name } is told, and the dialog is removed from your calendars.
dialog-meeting-cancel = Cancel the dialog
dialog-meeting-notice-invited = The invitation is sent. You have both received an e-mail with the calendar invitation.
dialog-meeting-notice-moved = The dialog is moved. You have both received a new calendar invitation.
dialog-meeting-notice-cancelled = The dialog is cancelled. You have both been told.
dialog-meeting-summary = Dialog: { $leader } and { $nearest }
dialog-meeting-message-from = Message from { $name }:
dialog-meeting-error-no-nearest = No nearest leader is set for you, so you cannot invite to a dialog yet. Ask HR to set your nearest leader.
dialog-meeting-error-cancelled = The dialog is cancelled and cannot be moved. Invite to a new dialog instead.
error-dialog-minutes = Enter a duration between 15 and 180 minutes.
error-dialog-place-too-long = The place can be at most 200 characters.
error-dialog-time-skipped = That time does not exist: the clocks go forward that night. Choose another.
error-time-invalid = Enter a valid time, e.g. 09:30.

dialog-meeting-mail-greeting = Dear { $name }
dialog-meeting-mail-when = Time: { $time } ({ $minutes } minutes). Place: { $place }.
dialog-meeting-mail-attached = The calendar invitation is attached. You can also see the dialog here:
dialog-meeting-mail-invited-subject = { $other } invites you to a dialog, { $time }
dialog-meeting-mail-invited-lead = { $other } invites you, as nearest leader, to a { $minutes }-minute dialog about their goals, their room to lead and their wellbeing as a leader.
dialog-meeting-mail-booked-subject = Your dialog with { $other }, { $time }
dialog-meeting-mail-booked-lead = Your invitation to a { $minutes }-minute dialog has been sent to { $other }.
dialog-meeting-mail-moved-subject = The dialog with { $other } is moved to { $time }
dialog-meeting-mail-moved-lead = { $by } has moved your dialog. The new time is below, and the calendar invitation is updated.
dialog-meeting-mail-cancelled-subject = The dialog with { $other }, { $time }, is cancelled
dialog-meeting-mail-cancelled-lead = { $by } has cancelled your dialog. The attached file removes it from your calendar.

reminder-dialog-subject = Reminder: dialog with { $other }, { $time }
reminder-dialog-lead = You soon have a dialog with { $other }: { $time }. Take a moment to prepare for the questions below.
reminder-weekly-subject = Write this week's line on your leader agreement
reminder-weekly-lead = { $count ->
    [one] The week is nearly over, and you have not yet written this week's line on this agreement:
   *[other] The week is nearly over, and you have not yet written this week's line on these agreements:
}
reminder-period-end-subject = Your leader agreement ends on { $date }
reminder-period-end-lead = The period of your leader agreement ends on { $date }. Look back at how it went, and start the next period from this one, so your agreements carry over.
