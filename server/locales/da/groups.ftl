# HR: ledergrupper, import af personer, log over handlinger og indstillinger.

## Ledergrupper

groups-intro = En ledergruppe er de ledere, der arbejder sammen i værktøjerne, og gruppens leder, som indkalder og leder møderne.
groups-new = Opret ledergruppe
groups-none = Der er ingen ledergrupper endnu.
groups-col-name = Navn
groups-col-leader = Gruppens leder
groups-col-members = Medlemmer
groups-col-openness = Svar vises
groups-col-actions = Handlinger
groups-no-leader = Ingen valgt
groups-delete = Slet
groups-delete-group = Slet ledergruppen
groups-delete-title = Slet ledergruppen { $name }?
groups-delete-explain = Personerne i gruppen bliver ikke slettet. Men alt, hvad gruppen har lavet i værktøjerne, fx svar og beslutninger, bliver slettet sammen med gruppen og kan ikke gendannes.
groups-delete-confirm = Ja, slet ledergruppen
groups-cancel = Annuller
groups-new-title = Opret ledergruppe
groups-edit-title = Ret ledergruppe
groups-field-name = Gruppens navn
groups-field-name-hint = Fx Ledergruppen i Børn og Unge. To grupper kan ikke have samme navn.
groups-field-leader = Gruppens leder
groups-field-leader-hint = Den person, der indkalder gruppen og leder møderne. Gruppens leder har altid adgang til gruppen.
groups-field-leader-choose = Vælg gruppens leder
groups-no-unit = Uden enhed
groups-no-people = Der er ingen personer i organisationen endnu. Opret eller importér personer først.
groups-field-members = Medlemmer
groups-field-members-hint = Sæt kryds ved de ledere, der er med i gruppen. Personerne står under deres enhed.
groups-field-openness = Hvordan vises svarene i gruppen?
groups-openness-anonymous = Anonymt
groups-openness-anonymous-hint = Medlemmerne ser kun gruppens samlede billede, uden navne. Ingen kan se, hvad den enkelte har svaret. Det er standard.
groups-openness-named = Åben dialog med navne
groups-openness-named-hint = Medlemmerne ser hinandens svar med navn, men kun inde i gruppen. Alle medlemmer får det at vide, før de svarer.
groups-save = Gem ændringer
groups-create = Opret ledergruppe
groups-notice-created = Ledergruppen er oprettet.
groups-notice-updated = Ændringerne er gemt.
groups-notice-deleted = Ledergruppen er slettet.
groups-error-name-taken = Der findes allerede en ledergruppe med det navn. Vælg et andet navn.
groups-error-leader-missing = Vælg gruppens leder.
groups-error-leader-unknown = Den valgte leder findes ikke i organisationen. Genindlæs siden, og vælg igen.
groups-error-member-unknown = Et af de valgte medlemmer findes ikke i organisationen. Genindlæs siden, og vælg igen.
groups-error-openness-invalid = Vælg, om svarene skal vises anonymt eller med navne.

## Import af personer

import-lead = Her kan du oprette og opdatere mange personer på én gang fra en CSV-fil, fx et udtræk fra jeres HR-system.
import-howto-heading = Sådan gør du
import-howto-columns = Lav én række pr. person med kolonnerne Navn, E-mail, Enhed, Nærmeste leder (lederens e-mailadresse) og Roller. Kun navn og e-mail skal udfyldes.
import-howto-roles = Roller kan være leder, HR, topledelse, MED, SU, AMO eller konsulent. Skriv flere med + imellem, fx leder+AMO. Står feltet tomt, bliver personen leder. Rollen HR gør personen til HR-administrator med adgang til hele administrationen, og oversigten advarer om det.
import-howto-excel = I Excel: vælg Filer > Gem som, og vælg filtypen "CSV UTF-8 (kommasepareret)". Så kommer æ, ø og å korrekt med. Trods navnet sætter dansk Excel semikolon mellem felterne, og det er helt i orden.
import-howto-update = Personer genkendes på deres e-mailadresse. Står en person allerede i organisationen, bliver vedkommende opdateret i stedet for oprettet igen. Tomme felter bliver tomme hos personen.
import-example = Hent en eksempelfil (CSV)
import-field-file = Vælg en CSV-fil
import-field-file-hint = Højst { $mb } MB.
import-field-text = Eller indsæt indholdet her
import-field-text-hint = Du kan kopiere rækkerne direkte fra Excel, med overskriftslinjen øverst.
import-preview-submit = Vis, hvad der vil ske
import-nothing-saved-yet = Intet bliver gemt, før du har set oversigten og bekræftet.
import-nothing-chosen = Vælg en fil, eller indsæt indholdet i tekstfeltet.
import-too-large = Filen er for stor. Den må højst fylde { $mb } MB. Del den op i flere filer, og importér dem én ad gangen.
import-problems-heading = Filen kan ikke importeres
import-problems-lead = Ret fejlene herunder i filen, og prøv igen. Intet er gemt.
import-line = Linje { $line }
import-preview-title = Tjek importen, før du bekræfter
import-preview-lead = Intet er gemt endnu. Se listen igennem, og bekræft, hvis den er rigtig.
import-summary = { $new ->
        [one] 1 ny person
       *[other] { $new } nye personer
    }, { $updated ->
        [one] 1 bliver opdateret
       *[other] { $updated } bliver opdateret
    }, { $unchanged ->
        [one] 1 er uændret
       *[other] { $unchanged } er uændrede
    } og { $units ->
        [one] 1 ny enhed
       *[other] { $units } nye enheder
    }.
import-new-units = Disse enheder bliver oprettet
import-confirm = Bekræft og importér
import-cancel = Annuller
import-preview-caption = Hvad der sker med hver række i filen
import-col-line = Linje
import-col-name = Navn
import-col-email = E-mail
import-col-unit = Enhed
import-col-leader = Nærmeste leder
import-col-roles = Roller
import-col-action = Hvad sker der
import-unit-new = ny enhed
import-none = Ingen
import-action-new = Ny person
import-action-unchanged = Uændret
import-action-update = Opdateres: { $what }
import-change-name = navn
import-change-unit = enhed
import-change-leader = nærmeste leder
import-change-roles = roller
import-done-heading = Importen er gennemført
import-done = Nye personer: { $new }. Opdaterede: { $updated }. Uændrede: { $unchanged }. Nye enheder: { $units }.
import-audit-target = Nye personer: { $new }, opdaterede: { $updated }, uændrede: { $unchanged }, nye enheder: { $units }

## Log over handlinger

audit-intro = Her kan du se, hvem der har gjort hvad i administrationen, og hvornår. De nyeste står øverst.
audit-empty = Der er ingen handlinger i loggen endnu.
audit-caption = Handlinger, side { $page }
audit-col-when = Tidspunkt
audit-col-actor = Hvem
audit-col-action = Handling
audit-col-target = Hvad
audit-pages = Sider i loggen
audit-newer = Nyere handlinger
audit-older = Ældre handlinger
audit-org-created = Oprettede organisationen
audit-group-created = Oprettede ledergruppe
audit-group-updated = Rettede ledergruppe
audit-group-deleted = Slettede ledergruppe
audit-people-imported = Importerede personer
audit-settings-updated = Ændrede indstillinger

## Indstillinger

settings-saved = Indstillingerne er gemt.
settings-org-name = Organisationens navn
settings-org-name-hint = Navnet vises øverst på siderne for alle i organisationen.
settings-k = Anonymitetsgrænse for tal
settings-k-hint = Tal og oversigter vises kun for andre end gruppen selv, når mindst så mange har svaret, så ingen kan genkendes. Den laveste grænse er 3. En ændring gælder kun runder og kampagner, der starter bagefter.
settings-free-text-k = Anonymitetsgrænse for fritekst
settings-free-text-k-hint = Kommentarer og nøgleord vises kun for andre end gruppen selv, når mindst så mange har svaret. Grænsen kan ikke være lavere end grænsen for tal.
settings-retention-days = Opbevaringstid i dage
settings-retention-days-hint = Så mange dage gemmes afsluttede forløb og svar, før de slettes. Mindst { $min } dage.
settings-save = Gem indstillinger
settings-error-number = Skriv et helt tal, fx 5.
settings-error-retention-range = Opbevaringstiden skal være mellem { $min } og { $max } dage.
