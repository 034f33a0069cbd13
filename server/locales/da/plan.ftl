# Værktøj 3: Skab en samlet plan for ledertrivsel

plan-plans-heading = Organisationens plan
plan-none-yet = Der er ikke startet en plan endnu.
plan-started = startet { $date }
plan-signed-off = godkendt af topledelsen { $date }
plan-not-signed-off = Topledelsen har endnu ikke godkendt planen.
plan-replaced = afløst af en nyere plan
plan-replaced-note = Planen er afløst af en nyere og kan kun læses.
plan-title-label = Planens navn
plan-title-hint = Fx »Plan for ledertrivsel 2027«. En ny plan afløser den nuværende, som gemmes til opslag.
plan-start = Start en ny plan
plan-error-title = Skriv et navn på højst 200 tegn.
plan-error-closed = Planen er afløst af en nyere og kan ikke ændres.
plan-error-theme-unknown = Temaet findes ikke på temaarket eller er ikke valgt i planen.
plan-error-deadline-before-start = Deadline kan ikke ligge før start.
plan-error-top-twice = Vælg to forskellige temaer som de to vigtigste punkter.
plan-error-signoff-both = Skriv både, hvem der har godkendt planen, og hvornår – eller ingen af delene.

plan-overview-heading = Det anonyme overblik
plan-overview-lead = Tallene viser, hvor meget der arbejdes med ledertrivsel i organisationen. Ingen tal udpeger en person: Antal ledere vises kun, når de bygger på mindst så mange, som organisationens anonymitetsgrænse siger.
plan-overview-leaders = Ledere i organisationen
plan-overview-with-agreement = Ledere med en aktiv lederaftale
plan-overview-of = { $count } af { $total }
plan-overview-under-k = færre end { $k } (vises ikke)
plan-overview-groups = Ledergrupper
plan-overview-groups-agreed = Ledergrupper med en gruppeaftale det seneste år
plan-overview-groups-following-up = Ledergrupper, der har fulgt op på deres aftale det seneste år
plan-overview-inbox = Temaer fra ledergrupper og ledere, der venter på svar
plan-overview-figure = Tal
plan-overview-value = Værdi
plan-overview-file = overblik-ledertrivsel
plan-overview-xlsx = Hent som Excel (.xlsx)
plan-overview-csv = Hent som CSV
plan-overview-apv = Se leder-APV'ens farvekort
plan-inbox-heading = Temaer løftet til organisationen
plan-inbox-lead = { $count ->
    [one] Ét tema venter på svar fra organisationen.
   *[other] { $count } temaer venter på svar fra organisationen.
}
plan-inbox-link = Gå til indbakken og svar
plan-process-heading = Drejebog for forløbet

plan-back-to-tool = Til planen for ledertrivsel
plan-back-to-plan = Tilbage til planen
plan-steps-label = Planens trin
plan-print-link = Planen til udskrift og Word
plan-meeting-playbook = Drejebog for mødet ({ $minutes } min.)
plan-notice-saved = Gemt.
plan-notice-placed = Temaet er flyttet i matrixen.
plan-notice-decided = De to vigtigste punkter og topledelsens godkendelse er gemt.
plan-theme-gone = (et tema, der ikke længere står på temaarket)
plan-choose-first = Vælg først temaerne på temaarket.

plan-sheet-heading = Temaarket
plan-sheet-lead = Vælg de temaer, der er relevante hos jer. Hellere få temaer, I kan gøre noget ved, end mange. Temaerne fra leder-APV'en er organisationens egne, som HR kan redigere i kataloget.
plan-sheet-legend = Relevante temaer for ledertrivsel hos os
plan-sheet-save = Gem valget af temaer
plan-from-apv = fra leder-APV'en
plan-mapping-heading = Hvad ved vi – og hvad mangler vi at vide?
plan-save = Gem
plan-known-short = Det ved vi:
plan-unfold-short = Sådan vil vi arbejde med det:
plan-cards-heading = Action cards
plan-decision-heading = Planens to vigtigste punkter og topledelsens godkendelse
plan-top-label = Vigtigste punkt { $n }
plan-top-none = Ikke valgt
plan-signed-off-on = Godkendt den
plan-decision-save = Gem punkterne og godkendelsen

plan-doc-top = De to vigtigste punkter
plan-doc-top-none = De to vigtigste punkter er ikke valgt endnu.
plan-doc-cards = Action cards
plan-doc-no-themes = Der er ikke valgt temaer endnu.
plan-doc-signoff = Topledelsens godkendelse
plan-doc-footer = Plan for ledertrivsel fra Ledertrivsel, hentet { $date }
plan-doc-file = plan-for-ledertrivsel
plan-lifted-heading = Temaer fra ledergrupper og ledere
plan-lifted-lead = Det, ledergrupper og ledere har løftet til organisationen, er også viden om ledertrivslen hos jer. Svar på hvert tema i indbakken: tages med i planen, håndteres et andet sted eller afvises med en begrundelse.
plan-lifted-none = Der er ikke løftet temaer til organisationen endnu.
plan-overview-apv-participation = Ledere, der har afleveret Skema 1 i den seneste APV-kampagne
plan-overview-no-campaign = ingen kampagne endnu
plan-why-heading = Hvorfor en samlet plan for ledertrivsel?
plan-apv-heading = Leder-APV'en: { $title }
plan-apv-lead = Andel af de { $count } ledere, der har afleveret Skema 1, som har sat temaet i hver farve. Temaer med flest røde står øverst.
plan-apv-link = Se farvekortet og udviklingen siden sidst
plan-apv-too-few = Billedet vises, når mindst { $k } ledere har afleveret (organisationens anonymitetsgrænse).
plan-apv-too-few-plain = Billedet vises ikke, fordi det sammen med et andet udsnit kunne udpege en leder.
