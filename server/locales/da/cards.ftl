# Dialogkort: dækkene at læse og printe

cards-title = Dialogkort
cards-lead = Kortene sætter ord på ledertrivsel og får dialogen i gang – i organisationen, i ledergruppen, mellem chef og leder, to og to eller alene. Hvert kortsæt har sin fremgangsmåde, og alle kan printes som klippeark.
cards-count = { $count ->
    [one] ét kort
   *[other] { $count } kort
}
cards-back = Til alle kortsæt
cards-back-to-deck = Tilbage til kortsættet
cards-run-live = Kør live: { $procedure }
cards-print-link = Print kortene som klippeark
cards-procedures-heading = Sådan bruger I kortene
cards-cards-heading = Kortene
cards-kind-theme = Tema
cards-kind-question = Spørgsmål
cards-kind-start = Start
cards-kind-end = Slut
cards-minutes = { $from }–{ $to } minutter
cards-themes = I prioriterer { $from }–{ $to } temaer
cards-seconds = Omkring { $seconds } sekunder til hver person
cards-rounds = { $from }–{ $to } runder med nye par
cards-lands-plan = De næste skridt hører hjemme i organisationens plan for ledertrivsel
cards-lands-group = De næste skridt hører hjemme i ledergruppens aftale
cards-lands-leader = De næste skridt hører hjemme i lederaftalen
cards-print-title = Klippeark
cards-print-lead = Seks kort på hver side af A4, printet enkeltsidet. Klip langs de stiplede linjer.
cards-sheet-label = Ark { $n } af { $total }
cards-start-summary = Kortsæt, der får dialogen om ledertrivsel i gang – at læse på skærmen og printe som klippeark.
cards-reflect-link = Brug kortene alene eller på en gåtur
cards-reflect-title = Dine noter
cards-reflect-lead = Gå kortene igennem i dit eget tempo – alene, med en sparringspartner eller på en gåtur med en kollega – og skriv det ned, du vil huske. Noterne er dine egne: Ingen andre kan se dem, og de gemmes, mens du skriver.
cards-note-label = Din note
cards-reflect-save = Gem noterne
cards-reflect-saved = Dine noter er gemt.

# Organisationens egne kortsæt
cards-own-new-link = Lav jeres eget kortsæt
cards-own-new-title = Nyt kortsæt
cards-own-edit-title = Ret kortsættet
cards-own-lead = Et eget kortsæt har jeres egne kort og bruges på samme måde som et af metodens kortsæt: med den samme fremgangsmåde og med de næste skridt samme sted hen. Giv det et navn og en kort beskrivelse på dansk og engelsk; kortene tilføjer du bagefter fra kortsættets side.
cards-own-field-template = Bruges som
cards-own-template-hint = Vælg det af metodens kortsæt, jeres kort skal bruges som. Det kan ikke ændres bagefter, fordi sessioner kørt med kortsættet bygger på det.
cards-own-template-option = { $deck }: { $procedures }
cards-own-template-fixed = Bruges som { $template }
cards-own-field-title-da = Navn på dansk
cards-own-field-title-en = Navn på engelsk
cards-own-field-summary-da = Beskrivelse på dansk
cards-own-field-summary-en = Beskrivelse på engelsk
cards-own-save = Gem kortsættet
cards-own-badge = Jeres eget kortsæt
cards-own-add-card = Tilføj et kort
cards-own-edit-link = Ret navn og beskrivelse
cards-own-hide = Skjul kortsættet
cards-own-show = Vis kortsættet igen
cards-own-hidden-notice = Kortsættet er skjult: Det vises ikke i listen over kortsæt og kan ikke startes live. Sessioner, der allerede er kørt med det, kan stadig læses.
cards-own-no-cards = Kortsættet har endnu ingen kort.
cards-own-error-template = Vælg, hvordan kortsættet skal bruges.
cards-error-deck-title-missing = Giv kortsættet et navn.
cards-error-deck-title-too-long = Navnet må højst være 120 tegn.
audit-own-deck-added = Lavede et eget kortsæt
audit-own-deck-edited = Rettede et eget kortsæt
audit-own-deck-hidden = Skjulte et eget kortsæt
audit-own-deck-shown = Viste et eget kortsæt igen
