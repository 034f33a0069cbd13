## The privacy page (privacy::page): what each reader sees, and when.

privacy-title = How your answers are protected
privacy-lead = What you write is yours. This page says who can see what, when, and from how many answers. The numbers are your organisation's own.
privacy-readers-heading = Who sees what
privacy-reader-you = You
privacy-sees-you = Everything you write: notes, answers, reflections and your leader agreement. Nothing leaves your own space until you share it.
privacy-reader-nearest = Your line manager
privacy-sees-nearest = Only the points of your leader agreement you share yourself, one at a time. You can withdraw a share.
privacy-reader-group = Your leader group
privacy-sees-group = The group's overall picture without names, once at least { $count } have answered – and only when the group's leader shows it to everyone at once at the meeting. After that nobody can answer or change an answer, so the picture never changes one answer at a time. Only the members who were in the group when the round started. If the group is in open dialog before the round starts, they also see who answered what – the form says so before you answer.
privacy-reader-outside = HR, top management, the works council and the safety organisation
privacy-sees-outside = Only figures from closed rounds, and only once at least { $k } have answered. Comments and keywords only from { $free } answers, without names and in random order. Never one person's answers.
privacy-reader-nobody = Nobody
privacy-sees-nobody = Nobody else can see your interview guide notes, your own reflections or points you have not shared. Not HR either.
privacy-promise-heading = A round keeps what it promised
privacy-promise-text = When a round starts, it is fixed whether it is anonymous or open, who reads it, and how many answers it takes. If HR later changes the thresholds, the group's openness or its members, that applies to new rounds only. Someone who joins the group afterwards sees earlier rounds as an outsider would.
privacy-overlap-text = Overviews across groups and units are checked together: if subtracting one overview from another would reveal fewer than the threshold, they are not shown.
privacy-yours-text = You can download everything we hold about you, and delete your account.
privacy-account-link = Go to your account
privacy-changes-heading = Changes that apply to new rounds
privacy-changes-lead = Changes to the thresholds and to groups' openness and members, newest first. HR, the works council and the safety organisation can read this log themselves.
privacy-changes-empty = No changes yet.
footer-privacy = How your answers are protected
