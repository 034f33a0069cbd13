# Leader APV (seed 001): rounds, Forms 1–3 and the report.
apv-variant-now = APV of today (Stop, Wait, Go)
apv-variant-future = Future APV (Leave behind, Think anew, Keep)
apv-part-short-big = frame and conditions
apv-part-short-small = your own leader role
apv-variant-label = Which kind of APV?

start-due-apv = Fill in Form 1 of the leader APV for { $group }
apv-jump-to-groups = Go to your leader groups and rounds
apv-why-heading = Why a leader APV?
apv-how-heading = How it works
apv-law-heading = What the law requires
apv-groups-heading = Leader groups and rounds
apv-no-groups = You are not in a leader group yet. HR sets up the groups.
apv-no-rounds = The group has not done a leader APV here yet.
apv-round-started = Started { $date }
apv-round-open = In progress
apv-round-closed = Closed
apv-deadline-is = Form 1 by { $date }
apv-handed-in-count = { $count ->
    [one] 1 has handed in
   *[other] { $count } have handed in
}
apv-handed-in-of = { $count } of { $total } in the group have handed in Form 1.
apv-you-handed-in = You have handed in
apv-you-not-handed-in = You have not handed in yet
apv-fill-in-now = Fill in Form 1
apv-start-summary = Start a leader APV for the group
apv-deadline-label = Deadline for Form 1 (optional)
apv-deadline-hint = The group gets a reminder before the deadline. A few days before your meeting works well.
apv-start-button = Start the round

apv-round-title = Leader APV
apv-back-to-tool = Leader APV
apv-back-to-round = Back to the round
apv-back-to-meeting = Back to the meeting
apv-steps-heading = The steps
apv-step-prepare = Prepare: reflection or walk-and-talk
apv-step-prepare-hint = Optional, alone or in pairs.
apv-step-map = Form 1: Mapping
apv-step-map-outside = The leaders in the group fill it in one by one.
apv-step-meeting = Form 2: The meeting – the group's picture and priorities
apv-step-meeting-hint = Show it on the screen in the meeting room.
apv-step-plans = Form 3: Action plans
apv-no-plans = The group has not chosen themes yet.
apv-action-count = { $count ->
    [one] 1 action
   *[other] { $count } actions
}
apv-step-report = APV report: sickness absence, safety organisation and next APV
apv-absence-note-label = Reasons
apv-amo-on-label = Date the safety organisation took part
apv-report-save = Save the report
apv-close-lead = When the action plans are in place and the report answers the questions on sickness absence and the next APV, close the round. After that Form 1 cannot change.
apv-close-button = Close the round
apv-not-answered = Not filled in yet

apv-prepare-minutes = In pairs: { $min }–{ $max } minutes of talking time each.
apv-go-to-map = Go to Form 1

apv-map-title = Form 1: Mapping
apv-map-lead = Leader APV in { $group }
apv-map-privacy = Your answers are your own. The group sees only how many chose each colour and the keywords pooled without names – and only once at least three have handed in.
apv-map-handed-in-note = You have handed in. You can still make changes until the group's leader shows the group's picture at the meeting; changes count once you hand in again.
apv-autosave-saving = Saving …
apv-autosave-saved = Saved
apv-autosave-failed = Could not save. Press "Save draft" at the bottom.
apv-keywords-label = Keywords for { $theme }: { $colour }
apv-keywords-placeholder = Keywords (optional)
apv-map-buttons-hint = Your answers are saved as you type. "Hand in" makes them count in the group's picture.
apv-map-save = Save draft
apv-map-hand-in = Hand in
apv-map-hand-in-again = Hand in again

apv-meeting-title = Form 2: The meeting
apv-picture-heading = The group's picture
apv-withheld-heading = The picture is not shown yet
apv-withheld-inside = The group's picture is shown once at least { $needed } have handed in Form 1, so no one's answers can be recognised.
apv-withheld-outside = People outside the group see the picture only once at least { $needed } have handed in (the organisation's anonymity threshold).
apv-withheld-so-far = { $count ->
    [one] So far 1 has handed in.
   *[other] So far { $count } have handed in.
}
apv-withheld-until-closed = People outside the group see the picture only once the round is closed. That way nobody can watch the picture change as the last answers come in and work out what one person answered.
apv-picture-lead = { $count } leaders have handed in. Themes with the most red come first.
apv-table-caption = Number of leaders who chose each colour, per theme
apv-table-theme = Theme
apv-keywords-heading = Keywords and placement
apv-keywords-withheld = Outside the group, keywords are shown only once at least { $needed } have handed in.
apv-sorting-lead = Place the themes in each colour: who can act on it – the individual, the leader group or the organisation?
apv-chosen = chosen
apv-marked-by = { $count ->
    [one] 1 leader
   *[other] { $count } leaders
}
apv-sort-label = Placement, { $colour }
apv-sort-none = Not placed
apv-sorted-as = Placed: { $level }
apv-sorting-save = Save the placement
apv-priority-heading = Shared priorities
apv-plan-for = Action plan: { $theme }
apv-choose-legend = Choose the theme or themes (two at most) you will work on
apv-choose-button = Choose and make an action plan

apv-follow-up-on-label = Date of the follow-up meeting
apv-law-fields-heading = The nature of the problem
apv-law-fields-lead = The APV must describe each problem: how serious it is, how widespread, and what causes it.
apv-plan-save = Save the action plan
apv-actions-heading = Actions
apv-no-actions = No actions yet.
apv-action-no-owner = No one responsible
apv-action-done = done
apv-action-due = by { $date }
apv-action-overdue = Overdue
apv-action-undo = Mark as not done
apv-action-mark-done = Mark as done
apv-action-delete = Delete
apv-action-add-heading = Add an action
apv-action-text-label = What needs doing?
apv-action-owner-label = Who is responsible?
apv-action-owner-none = Choose later
apv-action-due-label = When should it be done?
apv-action-add = Add the action
apv-plan-remove-lead = Has the group changed its mind? Remove the theme and its action plan.
apv-plan-remove = Remove the theme
apv-plan-remove-title = Remove the theme { $theme }?
apv-plan-remove-what = The action plan is deleted with everything in it: { $fields ->
    [one] one filled-in field
   *[other] { $fields } filled-in fields
} and { $actions ->
    [one] one action
   *[other] { $actions } actions
}.
apv-plan-remove-final = This cannot be undone. If the group chooses the theme again, the plan starts from scratch.
apv-plan-remove-confirm = Yes, remove the theme and its plan
apv-plan-remove-cancel = No, back to the plan

apv-notice-started = The round has started. The leaders of the group get a mail with a link to Form 1 and see the round on their start page until they have handed in.
apv-notice-saved = Your draft is saved.
apv-notice-handed-in = Thank you – your Form 1 is handed in and counts in the group's picture.
apv-notice-report-saved = The report is saved.
apv-notice-closed = The round is closed.
apv-notice-sorted = The placement is saved.
apv-notice-chosen = The theme is chosen. Fill in the action plan.
apv-notice-removed = The theme and its action plan are removed.
apv-notice-plan-saved = The action plan is saved.
apv-notice-action-added = The action is added.
apv-notice-action-updated = The action is updated.
apv-notice-action-deleted = The action is deleted.

apv-error-variant = Choose a kind of APV.
apv-error-keywords-too-long = Keywords can be at most 600 characters.
apv-error-theme-unknown = The theme is not part of this round.
apv-error-choose-none = Choose at least one theme.
apv-error-choose-too-many = Choose two themes at most in all. Remove a chosen theme first if you want another.
apv-error-next-due-past = The next APV must come after this one.
apv-error-next-due-too-late = The next APV must be at most three years after this one.
apv-error-level = Choose the individual, the leader group or the organisation.
apv-error-deadline-past = The deadline cannot be before today.
apv-error-already-open = { $group } already has a leader APV in progress. Close it before starting a new one.
apv-error-round-closed = The round is closed and cannot change.
apv-error-absence = Choose yes, partly or no.
apv-error-close-absence = Answer whether the work environment contributes to sickness absence before closing the round. The law requires it in every APV.
apv-error-close-next-due = Set a date for the next APV before closing the round.
apv-error-close-plan-issue = Describe the problem in the action plan for { $theme } before the round is closed. The APV's documentation has to say what the problem is.
apv-error-close-plan-action = Add at least one action with someone responsible and a deadline to the action plan for { $theme } before the round is closed.
apv-error-owner = The person responsible must be in the group.

audit-apv-picture-read = Viewed a leader group's APV picture
