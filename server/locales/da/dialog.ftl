## Værktøj 1: lederens dialog med nærmeste leder og lederaftalen

dialog-private-note = Dine noter er kun dine. Punkter i din aftale ser andre kun, hvis du selv deler dem.
dialog-back-to-tool = Tilbage til værktøjet
dialog-back-to-agreement = Tilbage til din aftale
dialog-why-heading = Hvorfor dette værktøj?
dialog-how-heading = Sådan gør du
dialog-steps-heading = Dine tre trin
dialog-step-guide = 1. Gå interviewguiden igennem
dialog-step-guide-lead = Tag noter til støttespørgsmålene i dit eget tempo. Noterne gemmes, mens du skriver.
dialog-step-guide-status = Du har skrevet noter til { $notes } af { $prompts } spørgsmål.
dialog-step-agreement = 2. Skriv din lederaftale
dialog-step-agreement-lead = Mål, de to vigtigste punkter for din trivsel og dine aftaler – med opfølgning.
dialog-step-dialog = 3. Del og aftal med din nærmeste leder
dialog-step-dialog-lead = Vælg, hvad du deler, og tag en dialog på 45 minutter. I markerer begge aftalen som aftalt.
dialog-see-sample = Se et udfyldt eksempel
dialog-period = Periode: { $period }.
dialog-period-ended = Perioden er slut.
dialog-days-left = { $days ->
    [one] Én dag tilbage.
   *[other] { $days } dage tilbage.
}
dialog-point-count = { $count ->
    [0] Ingen punkter endnu.
    [one] Ét punkt.
   *[other] { $count } punkter.
}
dialog-no-agreement = Du har ikke skrevet en aftale endnu.
dialog-no-nearest = Der er ikke angivet en nærmeste leder for dig. Bed HR om at angive den, så du kan dele din aftale.
dialog-shared-status = { $count ->
    [0] Du har ikke delt noget med { $name }.
    [one] Du har delt ét punkt med { $name }.
   *[other] Du har delt { $count } punkter med { $name }.
}
dialog-agreed-both = I har begge markeret aftalen som aftalt.
dialog-today-heading = Har du holdt det i dag?
dialog-follow-heading = Opfølgning
dialog-next-period = Start en ny periode ud fra denne
dialog-earlier-heading = Tidligere perioder

dialog-guide-title = Interviewguide
dialog-guide-lead = Svar for dig selv – eller bed en, du har tillid til, om at stille dig spørgsmålene. Skriv så meget eller så lidt, du vil.
dialog-guide-autosave = Dine noter gemmes automatisk, mens du skriver. Du kan også gemme med knappen.
dialog-guide-save = Gem noter
dialog-guide-to-agreement = Gå til din aftale
dialog-note-asked-before = Du skrev noten til en tidligere formulering: »{ $text }«
dialog-autosave-saving = Gemmer …
dialog-autosave-saved = Gemt
dialog-autosave-failed = Kunne ikke gemme. Tjek forbindelsen, og prøv igen med knappen nederst.

dialog-agreement-title = Din lederaftale
dialog-agreement-lead = Skriv, hvad du vil lykkes med, og hvad du aftaler med dig selv og din nærmeste leder de næste tre måneder. For hver aftale skriver du, hvordan og hvornår du følger op.
dialog-kind-goal = Mål for din ledelsesopgave
dialog-kind-wellbeing = De to vigtigste punkter for din trivsel
dialog-kind-self = Aftaler med dig selv
dialog-kind-manager = Aftaler med din nærmeste leder
dialog-point-label = { $part }, punkt { $n }
dialog-follow-label = Sådan følger du op
dialog-follow-hint = Hvordan og hvornår – fx »Jeg krydser af hver eftermiddag«.
dialog-rhythm-label = Opfølgningsrytme
dialog-rhythm-daily = Et flueben hver dag
dialog-rhythm-weekly = En linje hver uge
dialog-rhythm-at_dialog = Ved næste dialog med nærmeste leder
dialog-rhythm-none = Ingen opfølgning
dialog-agreement-remove-hint = Vil du fjerne et punkt, så tøm feltet og gem.
dialog-agreement-save = Gem aftalen
dialog-sample-offer = Er du i tvivl om, hvordan en aftale kan se ud?
dialog-use-sample = Start ud fra eksemplet
dialog-share-heading = Del med din nærmeste leder
dialog-share-lead = Vælg de punkter, { $name } må se. Dine noter og alt, du ikke vælger, forbliver dine. Du kan trække delingen tilbage når som helst.
dialog-share-legend = Punkter, { $name } må se
dialog-share-submit = Gem deling
dialog-share-withdraw = Træk al deling tilbage
dialog-shared-with-other = Aftalen er delt med { $name }, som ikke længere er din nærmeste leder. Træk delingen tilbage, eller del den på ny.
dialog-agreed-heading = Aftalt
dialog-agreed-by-nearest = Din nærmeste leder har markeret aftalen som aftalt.
dialog-not-agreed-by-nearest = Din nærmeste leder har ikke markeret aftalen som aftalt endnu.
dialog-agreed-by-you = Du har markeret aftalen som aftalt.
dialog-agree = Markér som aftalt
dialog-unagree = Fjern min markering
dialog-notice-saved = Din aftale er gemt.
dialog-notice-sample-used = Eksemplet er lagt ind. Ret det til, så det passer til dig.
dialog-notice-shared = Delingen er gemt.
dialog-notice-unshared = Delingen er trukket tilbage. Din nærmeste leder kan ikke længere se aftalen.
dialog-notice-agreed = Du har markeret aftalen som aftalt.
dialog-notice-unagreed = Din markering er fjernet.
dialog-notice-next-period = En ny periode er startet med punkterne fra den forrige.
dialog-notice-notes-saved = Dine noter er gemt.
dialog-notice-week-saved = Ugens linje er gemt.
dialog-sample-title = Eksempel på en lederaftale
dialog-sample-lead = Sådan kan en udfyldt aftale se ud. Brug den som inspiration – din egen skal handle om det, der er vigtigt for dig.
dialog-sample-not-empty-note = Din aftale har allerede punkter, så eksemplet kan ikke lægges ind. Brug det som inspiration.

dialog-tick-question = Har du holdt det i dag?
dialog-tick-yes = Ja
dialog-tick-no = Nej
dialog-tick-state-yes = I dag: holdt.
dialog-tick-state-no = I dag: ikke holdt.
dialog-tick-history = Se historik
dialog-point-title = Opfølgning
dialog-recent-heading = De seneste dage
dialog-kept-yes = Holdt
dialog-kept-no = Ikke holdt
dialog-unanswered = Ikke besvaret
dialog-history-heading = Periodens historik
dialog-history-summary = Holdt: { $kept ->
    [one] 1 dag
   *[other] { $kept } dage
}. Ikke holdt: { $notkept ->
    [one] 1 dag
   *[other] { $notkept } dage
}. Ubesvaret: { $unanswered ->
    [one] 1 dag
   *[other] { $unanswered } dage
}.
dialog-history-legend = Grøn med flueben: holdt. Rød ramme med kryds: ikke holdt. Stiplet ramme: ikke besvaret. Grå: dage, der ikke er kommet endnu.
dialog-weekday-0 = M
dialog-weekday-1 = T
dialog-weekday-2 = O
dialog-weekday-3 = T
dialog-weekday-4 = F
dialog-weekday-5 = L
dialog-weekday-6 = S
dialog-week-heading = Denne uge
dialog-week-kept = Har du holdt aftalen i denne uge?
dialog-week-note = Hvordan gik det? (valgfrit)
dialog-week-save = Gem ugens linje
dialog-at-dialog-note = Dette punkt følger I op på ved næste dialog med din nærmeste leder.
dialog-table-show = Vis { $count ->
    [one] svaret
   *[other] alle { $count } svar
  } som tabel
dialog-table-heading = Alle svar i perioden
dialog-table-caption = Dine svar på dette punkt, nyeste først
dialog-table-date = Dato
dialog-table-answer = Svar
dialog-table-note = Bemærkning

dialog-error-kept-missing = Vælg, om du har holdt aftalen.
dialog-error-no-nearest = Du har ingen nærmeste leder at dele med. Bed HR om at angive din nærmeste leder.
dialog-error-period-just-started = Perioden startede i dag. En ny periode kan tidligst starte i morgen.
dialog-error-sample-not-empty = Din aftale har allerede punkter. Eksemplet lægges kun ind i en tom aftale.
dialog-error-too-many = Der er for mange punkter i denne del. Fjern et, før du tilføjer et nyt.
error-point-missing = Skriv punktet.
error-point-too-long = Punktet må højst være 500 tegn.
error-follow-up-too-long = Opfølgningen må højst være 300 tegn.
error-rhythm-missing = Vælg, hvordan du følger op på aftalen.
error-tick-future = Du kan ikke krydse af for en dag, der ikke er kommet endnu.
error-tick-too-old = Du kan kun krydse af for de seneste syv dage.
error-tick-outside-period = Dagen ligger uden for aftalens periode.
error-dialog-in-past = Vælg et tidspunkt, der ikke er passeret.
error-dialog-too-far = Vælg et tidspunkt inden for det næste år.

dialog-doc-title = Lederaftale – { $name }
dialog-doc-file = lederaftale
dialog-doc-footer = Hentet fra Ledertrivsel { $date }
dialog-doc-empty = (intet skrevet)
dialog-doc-agreement = Aftale
dialog-doc-agreed-by-leader = Markeret som aftalt af lederen { $date }.
dialog-doc-agreed-by-nearest = Markeret som aftalt af nærmeste leder { $date }.
dialog-doc-download = Hent som Word-dokument
dialog-doc-print = Udskriv
dialog-doc-show = Vis og udskriv aftalen
start-due-weekly = Skriv ugens linje om din aftale
dialog-agreement-edit-unmarks = Aftalen er markeret som aftalt. Gemmer du ændringer i punkterne, er det en ny aftale, og så skal I begge markere den som aftalt igen.
