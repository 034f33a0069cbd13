## The thread across levels: lifting a point up, inboxes and answers

thread-lift-heading = Lift to the leader group
thread-lift-intro = Is this point something the leader group should know about or work on? You can lift it to a leader group you are in. You write what the group sees and choose whether your name goes with it. The group's leader answers, and the answer comes back here.
thread-lift-no-groups = You are not in a leader group, so there is no group to lift the point to.
thread-lift-all-sent = You have already lifted this point to each leader group you are in. Above you can see what has become of it.
thread-field-group = Leader group
thread-field-text = What is sent
thread-field-text-hint = A copy of the point in your own words. Edit it so it says only what you want to share. At most 500 characters.
thread-field-attributed = Should the leader group see that you sent the point?
thread-attributed-no = No, send it without my name
thread-attributed-yes = Yes, show my name
thread-field-consent = I consent to the text above being sent to the leader group. The group's leader may lift it on to the organisation, but never with my name.
thread-lift-submit = Lift to the leader group
thread-withdraw = Withdraw

thread-notice-lifted = The point has been lifted to the leader group.
thread-notice-withdrawn = The point has been withdrawn.
thread-notice-answered = The answer has been saved.
thread-notice-lifted-on = The point has been lifted on to the organisation.

thread-field-sender = Sent by
thread-field-to = Sent to
thread-field-status = Status
thread-field-answer = Answer
thread-field-answered = Answered
thread-field-onward = Lifted on to { $level }
thread-sender-you = You, with your name
thread-sender-you-unnamed = You, sent without your name
thread-sender-unnamed = Sent without a name
thread-source-agreement-point = From a leader agreement
thread-source-lift = From a leader group
thread-from-group = From { $group }
thread-answered-by = { $name }, { $date }
thread-answered-at = { $date }
thread-level-group = the leader group
thread-level-organisation = the organisation

thread-status-open = Waiting for an answer
thread-status-taken = Taken into the work
thread-status-handled-elsewhere = Handled elsewhere
thread-status-declined = Not taken up

thread-group-inbox-heading = Inbox
thread-group-inbox-about = Points the group's leaders have lifted to the group. The group's leader answers them.
thread-group-inbox-link = See the group's inbox
thread-back-to-group = Back to { $group }
thread-inbox-group-title = Inbox of { $group }
thread-inbox-group-lead = These are the points the group's leaders have lifted to the group. A point sent without a name never shows who sent it – not even to the group's leader.
thread-inbox-org-title = The organisation's inbox
thread-inbox-org-lead = These are the points the leader groups have lifted on to the organisation and its plan for leader wellbeing. A point sent without a name shows only which group it comes from.
thread-inbox-open-count = { $count ->
    [0] No points are waiting for an answer.
    [one] One point is waiting for an answer.
   *[other] { $count } points are waiting for an answer.
}
thread-inbox-empty = No points have been lifted here yet.
thread-answer-status = What do you do with the point?
thread-answer-text = Answer to the sender
thread-answer-text-hint = At most 1000 characters. Give a reason if you do not take the point up.
thread-answer-submit = Save answer
thread-lift-on-heading = Lift on to the organisation
thread-lift-on-intro = The organisation sees the text below and the group's name. The sender's name never goes along.
thread-field-attributed-group-leader = Should the organisation see your name?
thread-attributed-group-only = No, only the group's name
thread-attributed-group-and-me = Yes, the group's name and mine
thread-lift-on-submit = Lift on to the organisation

thread-error-text-missing = Write what is to be sent.
thread-error-text-too-long = The text can be at most 500 characters.
thread-error-group-invalid = Choose a leader group you are in.
thread-error-attributed-missing = Choose whether your name goes with it.
thread-error-consent-missing = Tick the box to give your consent before the point is sent.
thread-error-already-lifted = The point has already been lifted there.
thread-error-status-invalid = Choose what you do with the point.
thread-error-reason-missing = Give a reason when you do not take the point up.
thread-error-answer-too-long = The answer can be at most 1000 characters.
thread-error-not-open = The point has already been answered or lifted on, so it cannot be withdrawn.

start-due-lifts-group = { $count ->
    [one] One lifted point is waiting for your answer in { $group }
   *[other] { $count } lifted points are waiting for your answer in { $group }
}
start-due-lifts-org = { $count ->
    [one] One lifted point is waiting for an answer in the organisation's inbox
   *[other] { $count } lifted points are waiting for an answer in the organisation's inbox
}
admin-inbox = Inbox
audit-lift-answered = Answered a lifted point
thread-source-apv-theme = From a leader group's APV
thread-from-group-apv = From the leader APV of { $group }
thread-source-live-step = From a live session with the cards
thread-source-collab-point = From a leader group's group agreement
thread-from-group-collab = From the group agreement of { $group }
