## Tool 1: the leader's dialog with the nearest leader and the leader agreement

dialog-private-note = Your notes are yours alone. Others see points in your agreement only if you share them yourself.
dialog-back-to-tool = Back to the tool
dialog-back-to-agreement = Back to your agreement
dialog-why-heading = Why this tool?
dialog-how-heading = How it works
dialog-steps-heading = Your three steps
dialog-step-guide = 1. Go through the interview guide
dialog-step-guide-lead = Take notes on the support questions at your own pace. Notes are saved as you type.
dialog-step-guide-status = You have written notes on { $notes } of { $prompts } questions.
dialog-step-agreement = 2. Write your leader agreement
dialog-step-agreement-lead = Goals, the two most important points for your wellbeing and your agreements – with follow-up.
dialog-step-dialog = 3. Share and agree with your nearest leader
dialog-step-dialog-lead = Choose what you share and hold a 45-minute dialog. You both mark the agreement as agreed.
dialog-see-sample = See a filled-in sample
dialog-period = Period: { $period }.
dialog-period-ended = The period has ended.
dialog-days-left = { $days ->
    [one] One day left.
   *[other] { $days } days left.
}
dialog-point-count = { $count ->
    [0] No points yet.
    [one] One point.
   *[other] { $count } points.
}
dialog-no-agreement = You have not written an agreement yet.
dialog-no-nearest = No nearest leader is set for you. Ask HR to set one so you can share your agreement.
dialog-shared-status = { $count ->
    [0] You have not shared anything with { $name }.
    [one] You have shared one point with { $name }.
   *[other] You have shared { $count } points with { $name }.
}
dialog-agreed-both = You have both marked the agreement as agreed.
dialog-today-heading = Did you keep it today?
dialog-follow-heading = Follow-up
dialog-next-period = Start a new period from this one
dialog-earlier-heading = Earlier periods

dialog-guide-title = Interview guide
dialog-guide-lead = Answer for yourself – or ask someone you trust to ask you the questions. Write as much or as little as you like.
dialog-guide-autosave = Your notes are saved automatically as you type. You can also save with the button.
dialog-guide-save = Save notes
dialog-guide-to-agreement = Go to your agreement
dialog-note-asked-before = You wrote this note to an earlier wording: "{ $text }"
dialog-autosave-saving = Saving …
dialog-autosave-saved = Saved
dialog-autosave-failed = Could not save. Check your connection and try again with the button at the bottom.

dialog-agreement-title = Your leader agreement
dialog-agreement-lead = Write what you want to succeed with, and what you agree with yourself and your nearest leader for the next three months. For each agreement, write how and when you follow it up.
dialog-kind-goal = Goals for your leadership task
dialog-kind-wellbeing = The two most important points for your wellbeing
dialog-kind-self = Agreements with yourself
dialog-kind-manager = Agreements with your nearest leader
dialog-point-label = { $part }, point { $n }
dialog-follow-label = How you follow up
dialog-follow-hint = How and when – for example "I tick it off every afternoon".
dialog-rhythm-label = Follow-up rhythm
dialog-rhythm-daily = A tick every day
dialog-rhythm-weekly = A line every week
dialog-rhythm-at_dialog = At the next dialog with the nearest leader
dialog-rhythm-none = No follow-up
dialog-agreement-remove-hint = To remove a point, empty its field and save.
dialog-agreement-save = Save the agreement
dialog-sample-offer = Not sure what an agreement can look like?
dialog-use-sample = Start from the sample
dialog-share-heading = Share with your nearest leader
dialog-share-lead = Choose the points { $name } may see. Your notes and anything you do not choose stay yours. You can withdraw sharing at any time.
dialog-share-legend = Points { $name } may see
dialog-share-submit = Save sharing
dialog-share-withdraw = Withdraw all sharing
dialog-shared-with-other = The agreement is shared with { $name }, who is no longer your nearest leader. Withdraw the sharing, or share again.
dialog-agreed-heading = Agreed
dialog-agreed-by-nearest = Your nearest leader has marked the agreement as agreed.
dialog-not-agreed-by-nearest = Your nearest leader has not marked the agreement as agreed yet.
dialog-agreed-by-you = You have marked the agreement as agreed.
dialog-agree = Mark as agreed
dialog-unagree = Remove my mark
dialog-notice-saved = Your agreement has been saved.
dialog-notice-sample-used = The sample has been filled in. Adjust it so it fits you.
dialog-notice-shared = Sharing has been saved.
dialog-notice-unshared = Sharing has been withdrawn. Your nearest leader can no longer see the agreement.
dialog-notice-agreed = You have marked the agreement as agreed.
dialog-notice-unagreed = Your mark has been removed.
dialog-notice-next-period = A new period has started with the points from the previous one.
dialog-notice-notes-saved = Your notes have been saved.
dialog-notice-week-saved = This week's line has been saved.
dialog-sample-title = Sample leader agreement
dialog-sample-lead = This is what a filled-in agreement can look like. Use it for inspiration – yours should be about what matters to you.
dialog-sample-not-empty-note = Your agreement already has points, so the sample cannot be filled in. Use it for inspiration.

dialog-tick-question = Did you keep it today?
dialog-tick-yes = Yes
dialog-tick-no = No
dialog-tick-state-yes = Today: kept.
dialog-tick-state-no = Today: not kept.
dialog-tick-history = See history
dialog-point-title = Follow-up
dialog-recent-heading = The last few days
dialog-kept-yes = Kept
dialog-kept-no = Not kept
dialog-unanswered = Not answered
dialog-history-heading = The period's history
dialog-history-summary = Kept: { $kept ->
    [one] 1 day
   *[other] { $kept } days
}. Not kept: { $notkept ->
    [one] 1 day
   *[other] { $notkept } days
}. Unanswered: { $unanswered ->
    [one] 1 day
   *[other] { $unanswered } days
}.
dialog-history-legend = Green with a tick: kept. Red frame with a cross: not kept. Dashed frame: not answered. Grey: days still to come.
dialog-weekday-0 = M
dialog-weekday-1 = T
dialog-weekday-2 = W
dialog-weekday-3 = T
dialog-weekday-4 = F
dialog-weekday-5 = S
dialog-weekday-6 = S
dialog-week-heading = This week
dialog-week-kept = Did you keep the agreement this week?
dialog-week-note = How did it go? (optional)
dialog-week-save = Save this week's line
dialog-at-dialog-note = You follow up on this point at the next dialog with your nearest leader.
dialog-table-show = Show { $count ->
    [one] the answer
   *[other] all { $count } answers
  } as a table
dialog-table-heading = All answers in the period
dialog-table-caption = Your answers on this point, newest first
dialog-table-date = Date
dialog-table-answer = Answer
dialog-table-note = Remark

dialog-error-kept-missing = Choose whether you kept the agreement.
dialog-error-no-nearest = You have no nearest leader to share with. Ask HR to set your nearest leader.
dialog-error-period-just-started = The period started today. A new period can start tomorrow at the earliest.
dialog-error-sample-not-empty = Your agreement already has points. The sample is only filled into an empty agreement.
dialog-error-too-many = There are too many points in this part. Remove one before you add a new one.
error-point-missing = Write the point.
error-point-too-long = A point can be at most 500 characters.
error-follow-up-too-long = The follow-up can be at most 300 characters.
error-rhythm-missing = Choose how you follow up on the agreement.
error-tick-future = You cannot tick off a day that has not come yet.
error-tick-too-old = You can only tick off the last seven days.
error-tick-outside-period = That day is outside the agreement's period.
error-dialog-in-past = Choose a time that has not passed.
error-dialog-too-far = Choose a time within the next year.

dialog-doc-title = Leader agreement – { $name }
dialog-doc-file = leader-agreement
dialog-doc-footer = Downloaded from Ledertrivsel { $date }
dialog-doc-empty = (nothing written)
dialog-doc-agreement = Agreement
dialog-doc-agreed-by-leader = Marked as agreed by the leader { $date }.
dialog-doc-agreed-by-nearest = Marked as agreed by the nearest leader { $date }.
dialog-doc-download = Download as a Word document
dialog-doc-print = Print
dialog-doc-show = Show and print the agreement
start-due-weekly = Write this week's line on your agreement
dialog-agreement-edit-unmarks = The agreement is marked as agreed. If you save changes to its points, it is a new agreement, and you will both need to mark it as agreed again.
