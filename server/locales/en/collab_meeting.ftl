# Tool 2's meeting: the agenda's clock kept by the server, settling the
# agreement (asked first) and opening it again (issue 17, items 3 and 4).

collab-timer-step = Item { $n } of { $count }: { $title }
collab-timer-running = The timer is running.
collab-timer-paused = The timer is paused.
collab-timer-not-started = The timer has not been started.
collab-timer-resume = Resume the timer
collab-timer-failed = The timer was not changed. Check your connection and try again.
collab-error-timer-button = The timer does not know that button. Reload the page and try again.

collab-settle-ask-title = Make the group agreement?
collab-settle-ask-text = The points as saved become the group's agreement, and the round ends: the meeting page can then only be read, and the points are ready to be followed up at your next meeting. For the first day you can reopen the agreement, as long as it is not shared with HR and no point has been lifted to the organisation.
collab-settle-ask-confirm = Yes, make the agreement

collab-reopen-lead = Was the agreement made too early, or is there a mistake in it? You can reopen it until { $until }, as long as it is not shared with HR and no point has been lifted to the organisation.
collab-reopen-button = Reopen the agreement
collab-notice-reopened = The agreement is open again. Correct the points, and make the agreement again when you are ready.
collab-reopen-kept-followed-up = The agreement cannot be reopened: the group has started its next round, which follows it up.
collab-reopen-kept-lifted = The agreement cannot be reopened: one of its points has been lifted to the organisation, which answers the point as it stands.
collab-reopen-kept-shared = The agreement cannot be reopened while it is shared with HR: HR may have used it as it stands.
collab-reopen-kept-window = The agreement can no longer be reopened: that is only possible during the first day after it was made.
collab-error-reopen-open = The agreement has not been made, so there is nothing to reopen.
