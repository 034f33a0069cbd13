# Leder-APV (seed 001): runder, Skema 1–3 og rapporten.
apv-variant-now = APV af i dag (Stop op, Vent, Kør)
apv-variant-future = Fremtids-APV (Læg bag os, Tænk nyt, Tag med)
apv-part-short-big = rammer og vilkår
apv-part-short-small = din egen lederrolle
apv-variant-label = Hvilken slags APV?

start-due-apv = Udfyld Skema 1 i leder-APV for { $group }
apv-jump-to-groups = Gå til dine ledergrupper og runder
apv-why-heading = Hvorfor en leder-APV?
apv-how-heading = Sådan gør I
apv-law-heading = Hvad loven kræver
apv-groups-heading = Ledergrupper og runder
apv-no-groups = Du er ikke med i en ledergruppe endnu. HR opretter grupperne.
apv-no-rounds = Gruppen har ikke lavet en leder-APV her endnu.
apv-round-started = Startet { $date }
apv-round-open = I gang
apv-round-closed = Afsluttet
apv-deadline-is = Skema 1 senest { $date }
apv-handed-in-count = { $count ->
    [one] 1 har afleveret
   *[other] { $count } har afleveret
}
apv-handed-in-of = { $count } af { $total } i gruppen har afleveret Skema 1.
apv-you-handed-in = Du har afleveret
apv-you-not-handed-in = Du har ikke afleveret endnu
apv-fill-in-now = Udfyld Skema 1
apv-start-summary = Start en leder-APV for gruppen
apv-deadline-label = Frist for Skema 1 (valgfri)
apv-deadline-hint = Gruppen får en påmindelse, før fristen udløber. Læg gerne fristen et par dage før jeres møde.
apv-start-button = Start runden

apv-round-title = Leder-APV
apv-back-to-tool = Leder-APV
apv-back-to-round = Tilbage til runden
apv-back-to-meeting = Tilbage til mødet
apv-steps-heading = Trinene
apv-step-prepare = Forbered dig: refleksion eller walk-and-talk
apv-step-prepare-hint = Valgfrit, alene eller to og to.
apv-step-map = Skema 1: Kortlægning
apv-step-map-outside = Lederne i gruppen udfylder hver for sig.
apv-step-meeting = Skema 2: Mødet – gruppens billede og prioritering
apv-step-meeting-hint = Vis det på skærmen i mødelokalet.
apv-step-plans = Skema 3: Handlingsplaner
apv-no-plans = Gruppen har ikke valgt temaer endnu.
apv-action-count = { $count ->
    [one] 1 handling
   *[other] { $count } handlinger
}
apv-step-report = APV-rapport: sygefravær, AMO og næste APV
apv-absence-note-label = Begrundelse
apv-amo-on-label = Dato for AMO's deltagelse
apv-report-save = Gem rapporten
apv-close-lead = Når handlingsplanerne er på plads, og rapporten svarer på spørgsmålet om sygefravær og næste APV, afslutter I runden. Derefter kan Skema 1 ikke ændres.
apv-close-button = Afslut runden
apv-not-answered = Ikke udfyldt endnu

apv-prepare-minutes = To og to: { $min }–{ $max } minutters taletid til hver.
apv-go-to-map = Gå til Skema 1

apv-map-title = Skema 1: Kortlægning
apv-map-lead = Leder-APV i { $group }
apv-map-privacy = Dine svar er dine egne. Gruppen ser kun, hvor mange der har valgt hver farve, og stikordene samlet uden navne – og først når mindst tre har afleveret.
apv-map-handed-in-note = Du har afleveret. Du kan stadig rette, indtil gruppens leder viser gruppens billede på mødet; rettelser tæller med, når du afleverer igen.
apv-autosave-saving = Gemmer …
apv-autosave-saved = Gemt
apv-autosave-failed = Kunne ikke gemme. Tryk på »Gem kladde« nederst.
apv-keywords-label = Stikord til { $theme }: { $colour }
apv-keywords-placeholder = Stikord (valgfrit)
apv-map-buttons-hint = Dine svar gemmes, mens du skriver. »Aflever« lader dem tælle med i gruppens billede.
apv-map-save = Gem kladde
apv-map-hand-in = Aflever
apv-map-hand-in-again = Aflever igen

apv-meeting-title = Skema 2: Mødet
apv-picture-heading = Gruppens billede
apv-withheld-heading = Billedet vises ikke endnu
apv-withheld-inside = Gruppens billede vises, når mindst { $needed } har afleveret Skema 1, så ingen enkeltpersons svar kan genkendes.
apv-withheld-outside = Personer uden for gruppen kan først se billedet, når mindst { $needed } har afleveret (organisationens anonymitetsgrænse).
apv-withheld-so-far = { $count ->
    [one] Indtil nu har 1 afleveret.
   *[other] Indtil nu har { $count } afleveret.
}
apv-withheld-until-closed = Personer uden for gruppen kan først se billedet, når runden er afsluttet. Så kan ingen se billedet ændre sig, mens de sidste afleverer, og regne ud, hvad den enkelte har svaret.
apv-picture-lead = { $count } ledere har afleveret. Temaerne står med flest røde først.
apv-table-caption = Antal ledere, der har valgt hver farve, pr. tema
apv-table-theme = Tema
apv-keywords-heading = Stikord og placering
apv-keywords-withheld = Stikord vises uden for gruppen først, når mindst { $needed } har afleveret.
apv-sorting-lead = Placér temaerne i hver farve: hvem kan gøre noget ved det – den enkelte, ledergruppen eller organisationen?
apv-chosen = valgt
apv-marked-by = { $count ->
    [one] 1 leder
   *[other] { $count } ledere
}
apv-sort-label = Placering, { $colour }
apv-sort-none = Ikke placeret
apv-sorted-as = Placeret: { $level }
apv-sorting-save = Gem placeringen
apv-priority-heading = Fælles prioritering
apv-plan-for = Handlingsplan: { $theme }
apv-choose-legend = Vælg det eller de temaer (højst to), I vil arbejde videre med
apv-choose-button = Vælg og lav handlingsplan

apv-follow-up-on-label = Dato for opfølgningsmødet
apv-law-fields-heading = Problemets karakter
apv-law-fields-lead = APV'en skal beskrive hvert problem: hvor alvorligt det er, hvor udbredt, og hvad der forårsager det.
apv-plan-save = Gem handlingsplanen
apv-actions-heading = Handlinger
apv-no-actions = Ingen handlinger endnu.
apv-action-no-owner = Ingen ansvarlig
apv-action-done = udført
apv-action-due = senest { $date }
apv-action-overdue = Overskredet
apv-action-undo = Marker som ikke udført
apv-action-mark-done = Marker som udført
apv-action-delete = Slet
apv-action-add-heading = Tilføj en handling
apv-action-text-label = Hvad skal gøres?
apv-action-owner-label = Hvem er ansvarlig?
apv-action-owner-none = Vælg senere
apv-action-due-label = Hvornår skal det være gjort?
apv-action-add = Tilføj handlingen
apv-plan-remove-lead = Har gruppen ombestemt sig? Fjern temaet og dets handlingsplan.
apv-plan-remove = Fjern temaet
apv-plan-remove-title = Fjern temaet { $theme }?
apv-plan-remove-what = Handlingsplanen slettes med alt, hvad der står i den: { $fields ->
    [one] ét udfyldt felt
   *[other] { $fields } udfyldte felter
} og { $actions ->
    [one] én handling
   *[other] { $actions } handlinger
}.
apv-plan-remove-final = Det kan ikke fortrydes. Vælger gruppen temaet igen, starter planen forfra.
apv-plan-remove-confirm = Ja, fjern temaet og planen
apv-plan-remove-cancel = Nej, tilbage til planen

apv-notice-started = Runden er startet. Gruppens ledere får en mail med et link til Skema 1 og ser runden på deres forside, indtil de har afleveret.
apv-notice-saved = Din kladde er gemt.
apv-notice-handed-in = Tak – dit Skema 1 er afleveret og tæller med i gruppens billede.
apv-notice-report-saved = Rapporten er gemt.
apv-notice-closed = Runden er afsluttet.
apv-notice-sorted = Placeringen er gemt.
apv-notice-chosen = Temaet er valgt. Udfyld handlingsplanen.
apv-notice-removed = Temaet og dets handlingsplan er fjernet.
apv-notice-plan-saved = Handlingsplanen er gemt.
apv-notice-action-added = Handlingen er tilføjet.
apv-notice-action-updated = Handlingen er opdateret.
apv-notice-action-deleted = Handlingen er slettet.

apv-error-variant = Vælg en slags APV.
apv-error-keywords-too-long = Stikordene må højst være 600 tegn.
apv-error-theme-unknown = Temaet findes ikke i denne runde.
apv-error-choose-none = Vælg mindst ét tema.
apv-error-choose-too-many = Vælg højst to temaer i alt. Fjern et valgt tema først, hvis I vil vælge et andet.
apv-error-next-due-past = Næste APV skal ligge efter denne.
apv-error-next-due-too-late = Næste APV skal ligge højst tre år efter denne.
apv-error-level = Vælg den enkelte, ledergruppen eller organisationen.
apv-error-deadline-past = Fristen kan ikke ligge før i dag.
apv-error-already-open = { $group } har allerede en leder-APV i gang. Afslut den, før I starter en ny.
apv-error-round-closed = Runden er afsluttet og kan ikke ændres.
apv-error-absence = Vælg ja, delvist eller nej.
apv-error-close-absence = Svar på, om arbejdsmiljøet bidrager til sygefravær, før runden afsluttes. Loven kræver det i enhver APV.
apv-error-close-next-due = Sæt en dato for næste APV, før runden afsluttes.
apv-error-close-plan-issue = Beskriv problemet i handlingsplanen for { $theme }, før runden afsluttes. APV'ens dokumentation skal sige, hvad problemet er.
apv-error-close-plan-action = Tilføj mindst én handling med en ansvarlig og en frist til handlingsplanen for { $theme }, før runden afsluttes.
apv-error-owner = Den ansvarlige skal være med i gruppen.

audit-apv-picture-read = Så en ledergruppes APV-billede
