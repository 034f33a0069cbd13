# An agreement's parts as the nearest leader reads them (the leader reads dialog-kind-*).
team-kind-goal = The leader's goals for their leadership task
team-kind-wellbeing = The leader's two most important points for their wellbeing
team-kind-self = The leader's agreements with themselves
team-kind-manager = The leader's agreements with you
# HR's own start page, before HR is in a leader group.
start-no-groups-hr = You are not in a leader group. As HR, you create the leader groups under Administration.
start-no-groups-hr-link = Go to the leader groups
# Tool 3: the two points changed after top management approved the old two.
plan-notice-signoff-withdrawn = The two most important points are saved. Top management's approval was removed, because it was for the two points that were there before. Record the approval again once top management has approved the new ones.
# A leader's start page before any leader agreement, with nothing due.
start-first-step-text = Nothing is waiting for you right now. A good place to begin is your own leader agreement: what you want to succeed with, and what you agree with yourself and your nearest leader for the next three months. You can start on it on your own.
start-first-step-button = Start your leader agreement
