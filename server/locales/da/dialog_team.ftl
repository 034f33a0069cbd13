## Værktøj 1, nærmeste leders side: Mine ledere, delte aftaler og samtalen om dem

team-title = Mine ledere
team-lead = De ledere, du er nærmeste leder for, og de aftaler, de har delt med dig i den aktuelle periode.
team-privacy-note = Du ser kun de punkter, hver leder selv har valgt at dele med dig. Deres noter og alt, de ikke deler, forbliver deres. Når du åbner en delt aftale, bliver det skrevet i organisationens log.
team-none = Der er ingen ledere, der har dig som nærmeste leder, og ingen har delt en aftale med dig.
team-not-reporting = Har delt sin aftale med dig, men har ikke længere dig som nærmeste leder.
team-next-dialog = Næste dialog: { $when }
team-not-shared = Har ikke delt en aftale for den aktuelle periode med dig.
team-shared-period = Periode: { $period }.
team-shared-points = { $count ->
    [0] Ingen punkter delt lige nu.
    [one] Ét punkt delt med dig.
   *[other] { $count } punkter delt med dig.
}
team-leader-agreed-at = { $name } markerede aftalen som aftalt { $date }.
team-leader-not-agreed = { $name } har ikke markeret aftalen som aftalt endnu.
team-you-agreed-at = Du markerede aftalen som aftalt { $date }.
team-you-not-agreed = Du har ikke markeret aftalen som aftalt endnu.
team-comment-count = { $count ->
    [0] Ingen kommentarer endnu.
    [one] Én kommentar.
   *[other] { $count } kommentarer.
}
team-awaits-answer = Venter på dit svar.
team-due-heading = Opfølgning, der mangler
team-due-daily-missing = { $count ->
    [one] flueben for 1 af de seneste 7 dage
   *[other] flueben for { $count } af de seneste 7 dage
}
team-due-weekly = ugens linje
team-due-weekly-overdue = ugens og sidste uges linje
team-due-missing = Mangler: { $due }.
team-open-agreement = Åbn { $name }s aftale

team-agreement-title = Lederaftale: { $name }
team-agreement-lead = Her er de punkter, { $name } har delt med dig, med opfølgningen indtil nu. Skriv jeres kommentarer nederst, og markér aftalen som aftalt, når I har talt den igennem.
team-back = Tilbage til Mine ledere
team-no-shared-points = { $name } deler ingen punkter med dig lige nu.
team-follow-up = Opfølgning: { $text }
team-history-table = Vis alle svar i perioden som tabel
team-history-caption = Svar på »{ $point }«, nyeste først

team-comments-heading = Kommentarer
team-comments-none = Der er ingen kommentarer endnu.
team-comment-you = Dig
team-comment-deleted-author = Slettet bruger
team-comment-about = Om { $point }
team-comment-about-label = Kommentaren handler om
team-comment-about-all = Hele aftalen
team-comment-label = Din kommentar
team-comment-hint = Højst 2000 tegn. Kun I to kan se kommentarerne.
team-comment-submit = Send kommentar
team-notice-commented = Din kommentar er sendt.
team-notice-agreed = Du har markeret aftalen som aftalt.
team-notice-unagreed = Din markering er fjernet.

start-team-lead = Aftaler, som dine ledere har delt med dig.
start-team-to-agree = { $count ->
    [0] Ingen aftaler venter på, at du markerer dem som aftalt.
    [one] Én aftale venter på, at du markerer den som aftalt.
   *[other] { $count } aftaler venter på, at du markerer dem som aftalt.
}
start-team-to-answer = { $count ->
    [0] Ingen kommentarer venter på dit svar.
    [one] Én aftale har en kommentar, der venter på dit svar.
   *[other] { $count } aftaler har en kommentar, der venter på dit svar.
}
start-team-link = Gå til Mine ledere
start-due-comment = Svar på en kommentar til din lederaftale

dialog-notice-commented = Din kommentar er sendt.
dialog-error-comment-not-shared = Del aftalen med din nærmeste leder, før I kan skrive kommentarer til den.
error-comment-missing = Skriv en kommentar.
error-comment-too-long = Kommentaren må højst være 2000 tegn.

audit-dialog-team-read = Så delte lederaftaler på Mine ledere
audit-dialog-shared-agreement-read = Læste en delt lederaftale
