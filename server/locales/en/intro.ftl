# The introduction tool "Shine a light on leader wellbeing", the group page,
# the start page's "waiting for you" and HR's editing of the tools' content.

## The tool's page
intro-jump-to-groups = Go to your leader groups and their rounds
intro-why-heading = Why shine a light on leader wellbeing?
intro-how-heading = How you do it
intro-my-groups-heading = Your leader groups
intro-no-groups = You are not in a leader group yet. When HR has created your leader group, the group's leader can start a round here.
intro-other-groups-heading = The organisation's other leader groups
intro-other-groups-lead = As HR you can start a round for any leader group. You only see a group's results when at least as many have answered as the organisation's anonymity threshold requires.
intro-no-other-groups = There are no other leader groups.

## Rounds in a list
intro-no-rounds = The group has not had a round yet.
intro-round-started = Round started { $date }
intro-round-open = Open
intro-round-closed = Closed
intro-answered-of = { $total ->
    [one] { $count } of 1 has answered
   *[other] { $count } of { $total } have answered
}
intro-you-answered = You have answered.
intro-change-answers = Change your answers
intro-answer-now = Answer now
intro-decision-line-tool = Next step: { $tool }.
intro-decision-line-owner = Responsible: { $name }.
intro-decision-line-due = By { $date }.
intro-start-round = Start a round for { $group }
intro-start-wait = The group has an open round. The next round can start when the group has decided its next step.
intro-owner-gone = (no longer in the organisation)

## The group's page
intro-group-kicker = Leader group
intro-group-people-heading = The group
intro-group-leader = The group's leader
intro-group-no-leader = The group has no leader yet.
intro-group-members = Members
intro-group-no-members = The group has no members yet.
intro-group-openness = Openness
intro-group-openness-named = Open dialog: members can see who answered what.
intro-group-openness-anonymous = Anonymous: members see only the group's overall picture.
intro-group-outside-note = You are not in this group. You only see the group's results when at least as many have answered as the organisation's anonymity threshold requires.
intro-group-intro-heading = Shine a light on leader wellbeing
intro-group-intro-about = About the tool

## A round: results and decision
intro-run-title = Shared picture of leader wellbeing
intro-saved = Your answers are saved. You can change them until the group's leader shows the group's picture at the meeting.
intro-results-heading = Results
intro-results-lead = The bars show how many chose each answer. Nobody can see who answered what.
intro-withheld-heading = The results are not shown yet
intro-withheld-inside = The group's results are shown when at least { $needed } have answered, so that no one's answers can be recognised.
intro-withheld-outside = People outside the group can see the results only when at least { $needed } have answered (the organisation's anonymity threshold).
intro-withheld-until-closed = People outside the group can see the results only when the round is closed with a decision. That way nobody can watch the picture change as the last people answer and work out what one person said.
intro-withheld-so-far = { $count ->
    [0] Nobody has answered yet.
    [one] So far 1 has answered.
   *[other] So far { $count } have answered.
}
intro-table-answer = Answer
intro-table-count = Number
intro-mean = Average: { $mean } on a scale from 1 (strongly disagree) to 5 (strongly agree).
intro-mean-none = Nobody took a position on this statement.
intro-named-heading = Who answered what
intro-named-lead = The group chose open dialog, so you can see each other's answers: 1 = strongly disagree, 5 = strongly agree, – = don't know.
intro-named-statement = Statement
intro-comments-heading = Comments
intro-comments-lead = Comments are shown without names and in random order.
intro-comments-none = Nobody wrote a comment.
intro-comments-withheld-inside = Comments are shown when at least { $needed } have answered.
intro-comments-withheld-outside = People outside the group can see the comments only when at least { $needed } have answered.
intro-decision-heading = Next step
intro-decision-lead = When you have talked about the picture, decide your next step: which tool you will use, who is responsible, and by when. The decision closes the round.
intro-decision-tool = Tool
intro-decision-owner = Responsible
intro-decision-owner-choose = Choose a person
intro-decision-due = By
intro-decision-due-hint = The date must be today or later.
intro-decision-note = Note
intro-decision-note-hint = Optional. For example what you will start with. Only the group can see the note.
intro-decision-submit = Save the decision
intro-decision-pending = The group has not decided its next step yet. The group's leader records it when you have talked about the picture.
intro-next-purpose-leader-dialog = Each leader prepares and agrees goals and wellbeing with their nearest leader.
intro-next-purpose-group-collaboration = The leader group looks at its collaboration and makes a group agreement.
intro-next-purpose-organisation-plan = HR, top management, the works council and leaders make an overall plan for leader wellbeing across the organisation.
intro-next-purpose-leader-apv = The leaders' own workplace assessment, in the group or across groups.
intro-next-purpose-dialog-cards = Dialog cards for a conversation about wellbeing alone, in pairs or in the group.
intro-next-purpose-network = Leaders meet in a network to spar with each other.

## Answering
intro-answer-title = Your answers
intro-answer-lead = Answer for yourself on the statements about leader wellbeing in { $group }. It takes about five minutes.
intro-answer-change-note = You have already answered. You can change your answers until the group's leader shows the group's picture at the meeting.
intro-answer-skip-hint = If you skip a statement, it counts as "Don't know".
intro-comment-label = Comment
intro-answer-submit = Save my answers

## Errors
intro-error-already-open = { $group } already has an open round. The group must decide its next step before a new round can start.
intro-error-item-unknown = The answer names a statement that is not part of this round. Reload the page and answer again.
intro-error-value-invalid = The answer to "{ $statement }" is not one of the choices on the scale.
intro-error-value-twice = "{ $statement }" was answered twice. Choose one answer.
intro-error-run-closed = The round is closed, so the answers can no longer be changed.
intro-error-owner-invalid = Choose a responsible person among the group's members.
intro-error-due-past = The date must be today or later.

## The start page: waiting for you
start-due-answer = Answer the round in { $group }
start-due-answer-since = (started { $date })
start-due-step = Next step: { $tool }
start-due-step-group = ({ $group })
start-due-step-date = – by { $date }
start-due-step-overdue = – the deadline was { $date }

## HR: the tools' content
catalogue-lead = This is the content the organisation can adapt: the statements of the introduction tool, the support questions of Tool 1’s interview guide, the themes of the leader APV, the checklist of the leader group’s collaboration and your own dialog cards. When you edit an item, the new wording is used from then on, while earlier answers and notes show the wording that was answered. A hidden item is left out of new rounds, guides and decks.
catalogue-tools-nav = Tools in the catalogue
catalogue-section-empty = The section is empty.
catalogue-danish = Danish
catalogue-english = English
catalogue-state-shown = Shown
catalogue-state-hidden = Hidden
catalogue-origin-own = Added by you
catalogue-revision = Edited (version { $revision })
catalogue-edit = Edit
catalogue-hide = Hide
catalogue-show = Show again
catalogue-add-to = Add an item to "{ $section }"
catalogue-edit-title = Edit item
catalogue-edit-lead = Write the text in both Danish and English. What has already been answered or written keeps the wording that was used.
catalogue-add-title = Add item
catalogue-cards-hint = A dialog card is written like this: the first line is the card's title, then a short explanation, and lines that begin with "- " are the card's questions. The card joins the deck, its cut-out sheet and live sessions started from now on.
catalogue-add-lead = Write your own item in both Danish and English. It is included in what is started from now on.
catalogue-field-section = Section
catalogue-field-section-choose = Choose a section
catalogue-field-da = Text in Danish
catalogue-field-en = Text in English
catalogue-save = Save
catalogue-cancel = Cancel
catalogue-error-section = Choose the section the item belongs to.

## Audit log
audit-intro-results-read = Viewed a leader group's results
audit-catalogue-item-added = Added an item to the content catalogue
audit-catalogue-item-edited = Edited an item in the content catalogue
audit-catalogue-item-hidden = Hid an item in the content catalogue
audit-catalogue-item-shown = Showed an item in the content catalogue again
intro-item-withheld = Too few took a stand on this statement for its answers to be shown.
catalogue-add-card-to = Add a card to "{ $section }"
catalogue-edit-card-title = Edit dialog card
catalogue-add-card-title = Add dialog card
catalogue-field-card-da = The card in Danish
catalogue-field-card-en = The card in English
