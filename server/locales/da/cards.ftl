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
