## Tråden på tværs af niveauer: løft et punkt op, indbakker og svar

thread-lift-heading = Løft til ledergruppen
thread-lift-intro = Er punktet noget, ledergruppen skal kende til eller arbejde med? Du kan løfte det til en ledergruppe, du er med i. Du skriver selv, hvad gruppen ser, og vælger, om dit navn følger med. Gruppens leder svarer, og svaret kommer tilbage hertil.
thread-lift-no-groups = Du er ikke med i en ledergruppe, så der er ingen gruppe at løfte punktet til.
thread-lift-all-sent = Du har allerede løftet punktet til hver af de ledergrupper, du er med i. Ovenfor kan du se, hvad der er sket med det.
thread-field-group = Ledergruppe
thread-field-text = Det, der sendes
thread-field-text-hint = En kopi af punktet med dine egne ord. Ret den, så den kun siger det, du vil dele. Højst 500 tegn.
thread-field-attributed = Skal ledergruppen se, at det er dig, der har sendt punktet?
thread-attributed-no = Nej, send det uden mit navn
thread-attributed-yes = Ja, vis mit navn
thread-field-consent = Jeg giver samtykke til, at teksten ovenfor sendes til ledergruppen. Gruppens leder kan løfte den videre til organisationen, men aldrig med mit navn.
thread-lift-submit = Løft til ledergruppen
thread-withdraw = Træk tilbage

thread-notice-lifted = Punktet er løftet til ledergruppen.
thread-notice-withdrawn = Punktet er trukket tilbage.
thread-notice-answered = Svaret er gemt.
thread-notice-lifted-on = Punktet er løftet videre til organisationen.

thread-field-sender = Sendt af
thread-field-to = Sendt til
thread-field-status = Status
thread-field-answer = Svar
thread-field-answered = Besvaret
thread-field-onward = Løftet videre til { $level }
thread-sender-you = Dig, med dit navn
thread-sender-you-unnamed = Dig, sendt uden dit navn
thread-sender-unnamed = Sendt uden navn
thread-source-agreement-point = Fra en lederaftale
thread-source-lift = Fra en ledergruppe
thread-from-group = Fra { $group }
thread-answered-by = { $name }, { $date }
thread-answered-at = { $date }
thread-level-group = ledergruppen
thread-level-organisation = organisationen

thread-status-open = Venter på svar
thread-status-taken = Taget med i arbejdet
thread-status-handled-elsewhere = Håndteres et andet sted
thread-status-declined = Ikke taget op

thread-group-inbox-heading = Indbakke
thread-group-inbox-about = Punkter, som gruppens ledere har løftet til gruppen. Gruppens leder svarer på dem.
thread-group-inbox-link = Se gruppens indbakke
thread-back-to-group = Tilbage til { $group }
thread-inbox-group-title = Indbakke for { $group }
thread-inbox-group-lead = Her er de punkter, gruppens ledere har løftet til gruppen. Et punkt sendt uden navn viser aldrig, hvem der sendte det – heller ikke for gruppens leder.
thread-inbox-org-title = Organisationens indbakke
thread-inbox-org-lead = Her er de punkter, ledergrupperne har løftet videre til organisationen og planen for ledertrivsel. Et punkt sendt uden navn viser kun, hvilken gruppe det kommer fra.
thread-inbox-open-count = { $count ->
    [0] Ingen punkter venter på svar.
    [one] Ét punkt venter på svar.
   *[other] { $count } punkter venter på svar.
}
thread-inbox-empty = Der er ikke løftet nogen punkter hertil endnu.
thread-answer-status = Hvad gør I med punktet?
thread-answer-text = Svar til afsenderen
thread-answer-text-hint = Højst 1000 tegn. Skriv en begrundelse, hvis I ikke tager punktet op.
thread-answer-submit = Gem svar
thread-lift-on-heading = Løft videre til organisationen
thread-lift-on-intro = Organisationen ser teksten nedenfor og gruppens navn. Afsenderens navn følger aldrig med.
thread-field-attributed-group-leader = Skal organisationen se dit navn?
thread-attributed-group-only = Nej, kun gruppens navn
thread-attributed-group-and-me = Ja, gruppens navn og mit navn
thread-lift-on-submit = Løft videre til organisationen

thread-error-text-missing = Skriv, hvad der skal sendes.
thread-error-text-too-long = Teksten må højst være 500 tegn.
thread-error-group-invalid = Vælg en ledergruppe, du er med i.
thread-error-attributed-missing = Vælg, om dit navn skal følge med.
thread-error-consent-missing = Sæt kryds for at give samtykke, før punktet sendes.
thread-error-already-lifted = Punktet er allerede løftet dertil.
thread-error-status-invalid = Vælg, hvad I gør med punktet.
thread-error-reason-missing = Skriv en begrundelse, når I ikke tager punktet op.
thread-error-answer-too-long = Svaret må højst være 1000 tegn.
thread-error-not-open = Punktet er allerede besvaret eller løftet videre, så det kan ikke trækkes tilbage.

start-due-lifts-group = { $count ->
    [one] Ét løftet punkt venter på dit svar i { $group }
   *[other] { $count } løftede punkter venter på dit svar i { $group }
}
start-due-lifts-org = { $count ->
    [one] Ét løftet punkt venter på svar i organisationens indbakke
   *[other] { $count } løftede punkter venter på svar i organisationens indbakke
}
admin-inbox = Indbakke
audit-lift-answered = Svarede på et løftet punkt
thread-source-apv-theme = Fra en ledergruppes leder-APV
thread-from-group-apv = Fra leder-APV'en i { $group }
thread-source-live-step = Fra en dialogsession med kortene
thread-source-collab-point = Fra en ledergruppes gruppeaftale
thread-from-group-collab = Fra gruppeaftalen i { $group }
