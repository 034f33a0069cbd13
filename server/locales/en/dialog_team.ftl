## Tool 1, the nearest leader's side: My leaders, shared agreements and the conversation about them

team-title = My leaders
team-lead = The leaders you are the nearest leader for, and the agreements they have shared with you for the current period.
team-privacy-note = You only see the points each leader has chosen to share with you. Their notes and everything they do not share stay theirs. Opening a shared agreement is recorded in the organisation's log.
team-none = No leaders have you as their nearest leader, and nobody has shared an agreement with you.
team-not-reporting = Has shared their agreement with you, but no longer has you as their nearest leader.
team-next-dialog = Next dialog: { $when }
team-not-shared = Has not shared an agreement for the current period with you.
team-shared-period = Period: { $period }.
team-shared-points = { $count ->
    [0] No points shared right now.
    [one] One point shared with you.
   *[other] { $count } points shared with you.
}
team-leader-agreed-at = { $name } marked the agreement as agreed on { $date }.
team-leader-not-agreed = { $name } has not marked the agreement as agreed yet.
team-you-agreed-at = You marked the agreement as agreed on { $date }.
team-you-not-agreed = You have not marked the agreement as agreed yet.
team-comment-count = { $count ->
    [0] No comments yet.
    [one] One comment.
   *[other] { $count } comments.
}
team-awaits-answer = Waiting for your reply.
team-due-heading = Follow-up missing
team-due-daily-missing = { $count ->
    [one] the tick for 1 of the last 7 days
   *[other] the ticks for { $count } of the last 7 days
}
team-due-weekly = this week's line
team-due-weekly-overdue = this week's and last week's lines
team-due-missing = Missing: { $due }.
team-open-agreement = Open { $name }'s agreement

team-agreement-title = Leader agreement: { $name }
team-agreement-lead = These are the points { $name } has shared with you, with the follow-up so far. Write your comments at the bottom, and mark the agreement as agreed once you have talked it through.
team-back = Back to My leaders
team-no-shared-points = { $name } shares no points with you right now.
team-follow-up = Follow-up: { $text }
team-history-table = Show every answer in the period as a table
team-history-caption = Answers to “{ $point }”, newest first

team-comments-heading = Comments
team-comments-none = There are no comments yet.
team-comment-you = You
team-comment-deleted-author = Deleted user
team-comment-about = About { $point }
team-comment-about-label = The comment is about
team-comment-about-all = The whole agreement
team-comment-label = Your comment
team-comment-hint = At most 2000 characters. Only the two of you can see the comments.
team-comment-submit = Send comment
team-notice-commented = Your comment has been sent.
team-notice-agreed = You have marked the agreement as agreed.
team-notice-unagreed = Your mark has been removed.

start-team-lead = Agreements your leaders have shared with you.
start-team-to-agree = { $count ->
    [0] No agreements are waiting for you to mark them as agreed.
    [one] One agreement is waiting for you to mark it as agreed.
   *[other] { $count } agreements are waiting for you to mark them as agreed.
}
start-team-to-answer = { $count ->
    [0] No comments are waiting for your reply.
    [one] One agreement has a comment waiting for your reply.
   *[other] { $count } agreements have a comment waiting for your reply.
}
start-team-link = Go to My leaders
start-due-comment = Reply to a comment on your leader agreement

dialog-notice-commented = Your comment has been sent.
dialog-error-comment-not-shared = Share the agreement with your nearest leader before you can comment on it.
error-comment-missing = Write a comment.
error-comment-too-long = The comment can be at most 2000 characters.

audit-dialog-team-read = Viewed shared leader agreements on My leaders
audit-dialog-shared-agreement-read = Read a shared leader agreement
