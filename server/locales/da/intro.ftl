# Introduktionsværktøjet »Sæt spot på lederes trivsel«, gruppesiden,
# forsidens »Det venter på dig« og HR's redigering af værktøjernes indhold.

## Værktøjets side
intro-jump-to-groups = Gå til dine ledergrupper og deres runder
intro-why-heading = Hvorfor sætte spot på lederes trivsel?
intro-how-heading = Sådan gør I
intro-my-groups-heading = Dine ledergrupper
intro-no-groups = Du er ikke med i en ledergruppe endnu. Når HR har oprettet jeres ledergruppe, kan gruppens leder starte en runde her.
intro-other-groups-heading = Organisationens øvrige ledergrupper
intro-other-groups-lead = Som HR kan du starte en runde for alle ledergrupper. Du ser kun gruppernes resultater, når mindst så mange har svaret, som organisationens anonymitetsgrænse kræver.
intro-no-other-groups = Der er ingen andre ledergrupper.

## Runder i en liste
intro-no-rounds = Gruppen har ikke haft en runde endnu.
intro-round-started = Runde startet { $date }
intro-round-open = Åben
intro-round-closed = Afsluttet
intro-answered-of = { $total ->
    [one] { $count } af 1 har svaret
   *[other] { $count } af { $total } har svaret
}
intro-you-answered = Du har svaret.
intro-change-answers = Ret dine svar
intro-answer-now = Svar nu
intro-decision-line-tool = Næste skridt: { $tool }.
intro-decision-line-owner = Ansvarlig: { $name }.
intro-decision-line-due = Senest { $date }.
intro-start-round = Start en runde for { $group }
intro-start-wait = Gruppen har en åben runde. Næste runde kan startes, når gruppen har besluttet sit næste skridt.
intro-owner-gone = (personen er ikke længere i organisationen)

## Gruppens side
intro-group-kicker = Ledergruppe
intro-group-people-heading = Gruppen
intro-group-leader = Gruppens leder
intro-group-no-leader = Gruppen har ingen leder endnu.
intro-group-members = Medlemmer
intro-group-no-members = Gruppen har ingen medlemmer endnu.
intro-group-openness = Åbenhed
intro-group-openness-named = Åben dialog: medlemmerne kan se, hvem der har svaret hvad.
intro-group-openness-anonymous = Anonym: medlemmerne ser kun gruppens samlede billede.
intro-group-outside-note = Du er ikke med i gruppen. Du ser kun gruppens resultater, når mindst så mange har svaret, som organisationens anonymitetsgrænse kræver.
intro-group-intro-heading = Sæt spot på lederes trivsel
intro-group-intro-about = Læs om værktøjet

## En runde: resultat og beslutning
intro-run-title = Fælles billede af ledertrivslen
intro-saved = Dine svar er gemt. Du kan rette dem, indtil gruppens leder viser gruppens billede på mødet.
intro-results-heading = Resultat
intro-results-lead = Søjlerne viser, hvor mange der har valgt hvert svar. Ingen kan se, hvem der har svaret hvad.
intro-withheld-heading = Resultatet vises ikke endnu
intro-withheld-inside = Gruppens resultat vises, når mindst { $needed } har svaret, så ingen enkeltpersons svar kan genkendes.
intro-withheld-outside = Personer uden for gruppen kan først se resultatet, når mindst { $needed } har svaret (organisationens anonymitetsgrænse).
intro-withheld-until-closed = Personer uden for gruppen kan først se resultatet, når runden er afsluttet med en beslutning. Så kan ingen se billedet ændre sig, mens de sidste svarer, og regne ud, hvad den enkelte har svaret.
intro-withheld-so-far = { $count ->
    [0] Ingen har svaret endnu.
    [one] Indtil nu har 1 svaret.
   *[other] Indtil nu har { $count } svaret.
}
intro-table-answer = Svar
intro-table-count = Antal
intro-mean = Gennemsnit: { $mean } på en skala fra 1 (helt uenig) til 5 (helt enig).
intro-mean-none = Ingen har taget stilling til udsagnet.
intro-named-heading = Hvem svarede hvad
intro-named-lead = Gruppen har valgt åben dialog, så I kan se hinandens svar: 1 = helt uenig, 5 = helt enig, – = ved ikke.
intro-named-statement = Udsagn
intro-comments-heading = Kommentarer
intro-comments-lead = Kommentarerne vises uden navn og i tilfældig rækkefølge.
intro-comments-none = Ingen har skrevet en kommentar.
intro-comments-withheld-inside = Kommentarerne vises, når mindst { $needed } har svaret.
intro-comments-withheld-outside = Personer uden for gruppen kan først se kommentarerne, når mindst { $needed } har svaret.
intro-decision-heading = Næste skridt
intro-decision-lead = Når I har talt om billedet, beslutter I jeres næste skridt: hvilket værktøj I vil bruge, hvem der har ansvaret, og hvornår det skal ske. Beslutningen afslutter runden.
intro-decision-tool = Værktøj
intro-decision-owner = Ansvarlig
intro-decision-owner-choose = Vælg en person
intro-decision-due = Senest
intro-decision-due-hint = Datoen skal være i dag eller senere.
intro-decision-note = Note
intro-decision-note-hint = Valgfrit. Fx hvad I vil starte med. Noten kan kun ses af gruppen.
intro-decision-submit = Gem beslutningen
intro-decision-pending = Gruppen har endnu ikke besluttet sit næste skridt. Det gør gruppens leder, når I har talt om billedet.
intro-next-purpose-leader-dialog = Den enkelte leder forbereder sig og aftaler mål og trivsel med sin nærmeste leder.
intro-next-purpose-group-collaboration = Ledergruppen ser på sit samarbejde og indgår en gruppeaftale.
intro-next-purpose-organisation-plan = HR, topledelse, MED og ledere laver en samlet plan for ledertrivsel i hele organisationen.
intro-next-purpose-leader-apv = Ledernes egen arbejdspladsvurdering, i gruppen eller på tværs af grupper.
intro-next-purpose-dialog-cards = Dialogkort til en snak om trivsel alene, to og to eller i gruppen.
intro-next-purpose-network = Ledere mødes i et netværk for at sparre med hinanden.

## Besvarelse
intro-answer-title = Dit svar
intro-answer-lead = Svar for dig selv på udsagnene om ledertrivslen i { $group }. Det tager omkring fem minutter.
intro-answer-change-note = Du har allerede svaret. Du kan rette dine svar, indtil gruppens leder viser gruppens billede på mødet.
intro-answer-skip-hint = Springer du et udsagn over, tæller det som »Ved ikke«.
intro-comment-label = Kommentar
intro-answer-submit = Gem mine svar

## Fejl
intro-error-already-open = { $group } har allerede en åben runde. Gruppen skal beslutte sit næste skridt, før en ny runde kan startes.
intro-error-item-unknown = Svaret nævner et udsagn, som ikke er med i denne runde. Genindlæs siden, og svar igen.
intro-error-value-invalid = Svaret på »{ $statement }« er ikke et af valgene på skalaen.
intro-error-value-twice = »{ $statement }« er besvaret to gange. Vælg ét svar.
intro-error-run-closed = Runden er afsluttet, så svarene kan ikke længere ændres.
intro-error-owner-invalid = Vælg en ansvarlig blandt gruppens medlemmer.
intro-error-due-past = Datoen skal være i dag eller senere.

## Forsiden: det venter på dig
start-due-answer = Svar på runden i { $group }
start-due-answer-since = (startet { $date })
start-due-step = Næste skridt: { $tool }
start-due-step-group = ({ $group })
start-due-step-date = – senest { $date }
start-due-step-overdue = – fristen var { $date }

## HR: værktøjernes indhold
catalogue-lead = Her er det indhold, organisationen kan tilpasse: udsagnene i introduktionsværktøjet, støttespørgsmålene i interviewguiden til værktøj 1, temaerne i leder-APV’en, tjeklisten til ledergruppens samarbejde og jeres egne dialogkort. Når du retter et punkt, bruges den nye formulering fremover, mens tidligere svar og noter viser den formulering, der blev svaret på. Et skjult punkt kommer ikke med i nye runder, guider og kortsæt.
catalogue-tools-nav = Værktøjer i kataloget
catalogue-section-empty = Afsnittet er tomt.
catalogue-danish = Dansk
catalogue-english = Engelsk
catalogue-state-shown = Vises
catalogue-state-hidden = Skjult
catalogue-origin-own = Tilføjet af jer
catalogue-revision = Rettet (version { $revision })
catalogue-edit = Ret
catalogue-hide = Skjul
catalogue-show = Vis igen
catalogue-add-to = Tilføj et punkt til »{ $section }«
catalogue-edit-title = Ret punkt
catalogue-edit-lead = Skriv teksten på både dansk og engelsk. Det, der allerede er svaret eller skrevet, beholder den formulering, der blev brugt.
catalogue-add-title = Tilføj punkt
catalogue-cards-hint = Et dialogkort skrives sådan: første linje er kortets titel, derefter en kort forklaring, og linjer, der begynder med »- «, er kortets spørgsmål. Kortet kommer med i kortsættet, på klipparket og i de live sessioner, der startes fra nu af.
catalogue-add-lead = Skriv jeres eget punkt på både dansk og engelsk. Det kommer med i det, der startes fra nu af.
catalogue-field-section = Afsnit
catalogue-field-section-choose = Vælg et afsnit
catalogue-field-da = Tekst på dansk
catalogue-field-en = Tekst på engelsk
catalogue-save = Gem
catalogue-cancel = Annullér
catalogue-error-section = Vælg det afsnit, punktet hører til.

## Log over handlinger
audit-intro-results-read = Så en ledergruppes resultat
audit-catalogue-item-added = Tilføjede et punkt i indholdskataloget
audit-catalogue-item-edited = Rettede et punkt i indholdskataloget
audit-catalogue-item-hidden = Skjulte et punkt i indholdskataloget
audit-catalogue-item-shown = Viste et punkt i indholdskataloget igen
intro-item-withheld = For få har taget stilling til netop dette udsagn til, at svarene kan vises.
catalogue-add-card-to = Tilføj et kort til »{ $section }«
catalogue-edit-card-title = Ret dialogkort
catalogue-add-card-title = Tilføj dialogkort
catalogue-field-card-da = Kortet på dansk
catalogue-field-card-en = Kortet på engelsk
