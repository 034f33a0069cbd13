## What a round promised, fixed when it started (tools::promise).

promise-anonymous-heading = How your answers are used
promise-named-heading = Open dialog: your answers are shown with your name in the group
promise-anonymous = Your answers are anonymous. The group sees only the overall picture, and only when the group's leader shows it to everyone at once at the meeting – and only if at least { $count } have answered. After that nobody can answer or change an answer.
promise-named = The group chose open dialog before this round started: when the group's leader shows the picture at the meeting, the round's readers can see who answered what. After that nobody can answer or change an answer. Your comment is shown without your name.
promise-readers = The round's readers are the group's members and leader when the round started: { $names }.
promise-outside = Outside the group, figures are shown only once at least { $k } have answered, and comments and keywords only from { $free } answers.
promise-fixed = This holds for the whole round. If HR later changes the group's members, its openness or the thresholds, that applies to new rounds only.

promise-group-form-note = A change of openness, leader or members applies only to rounds started afterwards. Rounds under way keep what they promised when they started.
promise-change-name = Name
promise-change-leader = Leader
promise-change-openness = Openness
promise-change-joined = Joined
promise-change-left = Left
