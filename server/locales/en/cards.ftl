# Dialog cards: the decks to read and print

cards-title = Dialog cards
cards-lead = The cards put words to leader wellbeing and get the dialogue going – in the organisation, in the leader group, between a chief and a leader, in pairs or alone. Each deck has its own way of working, and every deck prints as cut-out sheets.
cards-count = { $count ->
    [one] one card
   *[other] { $count } cards
}
cards-back = To all decks
cards-back-to-deck = Back to the deck
cards-run-live = Run live: { $procedure }
cards-print-link = Print the cards as cut-out sheets
cards-procedures-heading = How you use the cards
cards-cards-heading = The cards
cards-kind-theme = Theme
cards-kind-question = Question
cards-kind-start = Start
cards-kind-end = End
cards-minutes = { $from }–{ $to } minutes
cards-themes = You prioritise { $from }–{ $to } themes
cards-seconds = About { $seconds } seconds for each person
cards-rounds = { $from }–{ $to } rounds of new pairs
cards-lands-plan = The next steps belong in the organisation's plan for leader wellbeing
cards-lands-group = The next steps belong in the leader group's agreement
cards-lands-leader = The next steps belong in the leader agreement
cards-print-title = Cut-out sheets
cards-print-lead = Six cards on each side of A4, printed one-sided. Cut along the dashed lines.
cards-sheet-label = Sheet { $n } of { $total }
cards-start-summary = Decks that get the dialogue on leader wellbeing going – to read on screen and print as cut-out sheets.
cards-reflect-link = Use the cards alone or on a walk
cards-reflect-title = Your notes
cards-reflect-lead = Go through the cards at your own pace – alone, with a sparring partner or on a walk with a colleague – and write down what you want to remember. The notes are your own: nobody else can see them, and they are saved as you type.
cards-note-label = Your note
cards-reflect-save = Save the notes
cards-reflect-saved = Your notes are saved.

# The organisation's own decks
cards-own-new-link = Make your own deck
cards-own-new-title = New deck
cards-own-edit-title = Edit the deck
cards-own-lead = An own deck has your own cards and is used like one of the method's decks: with the same procedure and with its next steps going to the same place. Give it a name and a short description in Danish and English; you add the cards afterwards from the deck's page.
cards-own-field-template = Used as
cards-own-template-hint = Choose the method's deck your cards are to be used as. It cannot be changed afterwards, because sessions run with the deck rely on it.
cards-own-template-option = { $deck }: { $procedures }
cards-own-template-fixed = Used as { $template }
cards-own-field-title-da = Name in Danish
cards-own-field-title-en = Name in English
cards-own-field-summary-da = Description in Danish
cards-own-field-summary-en = Description in English
cards-own-save = Save the deck
cards-own-badge = Your own deck
cards-own-add-card = Add a card
cards-own-edit-link = Edit name and description
cards-own-hide = Hide the deck
cards-own-show = Show the deck again
cards-own-hidden-notice = The deck is hidden: it is not in the list of decks and cannot be run live. Sessions already run with it can still be read.
cards-own-no-cards = The deck has no cards yet.
cards-own-error-template = Choose how the deck is to be used.
cards-error-deck-title-missing = Give the deck a name.
cards-error-deck-title-too-long = The name can be at most 120 characters.
audit-own-deck-added = Made an own deck
audit-own-deck-edited = Edited an own deck
audit-own-deck-hidden = Hid an own deck
audit-own-deck-shown = Showed an own deck again
