# Enheder, personer og invitationer (HR's administration), og siden hvor en inviteret tager imod.

## Enheder

units-title = Enheder
units-intro = Enhederne er organisationens afdelinger, institutioner og centre. Læg en enhed under en anden for at vise, hvordan de hænger sammen.
units-none = Der er ingen enheder endnu. Opret den første herunder.
units-table-caption = Organisationens enheder. Underenheder står lige under den enhed, de hører til.
units-col-name = Enhed
units-col-parent = Hører under
units-col-people = Personer
units-top-level = Øverste niveau
units-new-heading = Opret enhed
units-create = Opret enhed
units-field-name = Enhedens navn
units-field-parent = Hører under
units-field-parent-hint = Vælg den enhed, den ligger under, eller lad den stå på øverste niveau.
units-parent-none = Ingen (øverste niveau)
units-people-in-unit = { $count ->
    [0] Der er ingen personer i enheden.
    [one] Der er 1 person i enheden.
   *[other] Der er { $count } personer i enheden.
}
units-see-people = Se personerne
units-edit-heading = Ret enheden
units-save = Gem ændringer
units-back = Tilbage til enhederne
units-delete-heading = Slet enheden
units-delete-link = Slet { $name }
units-delete-title = Vil du slette { $name }?
units-delete-people = { $count ->
    [0] Der er ingen personer i enheden.
    [one] Den ene person i enheden bliver i organisationen, men står derefter uden enhed.
   *[other] De { $count } personer i enheden bliver i organisationen, men står derefter uden enhed.
}
units-delete-sub-units = { $count ->
    [one] Enhedens underenhed flyttes op, så den hører under det, enheden selv hører under.
   *[other] Enhedens { $count } underenheder flyttes op, så de hører under det, enheden selv hører under.
}
units-delete-confirm = Ja, slet enheden
units-delete-cancel = Nej, behold enheden
units-error-name-taken = Der findes allerede en enhed med det navn. Vælg et andet navn.
units-error-parent-unknown = Vælg en af organisationens enheder på listen.
units-error-parent-self = En enhed kan ikke ligge under sig selv.
units-error-parent-cycle = Enheden kan ikke ligge under en af sine egne underenheder. Vælg en anden enhed.

## Personer

people-title = Personer
people-new = Opret person
people-new-title = Opret person
people-filter-heading = Find personer
people-filter-q = Søg på navn eller e-mail
people-filter-unit = Enhed (med underenheder)
people-filter-all-units = Alle enheder
people-filter-role = Rolle
people-filter-all-roles = Alle roller
people-filter-submit = Vis
people-filter-reset = Ryd filtre
people-matching = { $count ->
    [0] Ingen personer passer til søgningen
    [one] 1 person passer til søgningen
   *[other] { $count } personer passer til søgningen
}
people-none = Der er ingen personer endnu.
people-none-matching = Prøv at søge på noget andet, eller ryd filtrene.
people-col-name = Navn
people-col-email = E-mail
people-col-unit = Enhed
people-col-leader = Nærmeste leder
people-col-roles = Roller
people-col-status = Status
people-no-unit = Ingen enhed
people-no-leader = Ingen nærmeste leder
people-pages = Sider i listen
people-showing = Viser { $first }–{ $last } af { $total }
people-previous = Forrige side
people-next = Næste side
people-status-not-invited = Ikke inviteret
people-status-invited = Inviteret { $date }
people-status-active = Aktiv
people-access-heading = Adgang
people-details-heading = Oplysninger
people-field-name = Navn
people-field-email = E-mail
people-field-email-hint = Personen logger ind med denne adresse og får invitationen hertil.
people-field-unit = Enhed
people-field-leader = Nærmeste leder
people-field-leader-hint = Den leder, personen refererer til. Personen selv og dem, der refererer til personen, kan ikke vælges.
people-field-roles = Roller
people-field-roles-hint = Vælg mindst én rolle.
people-save = Gem ændringer
people-create = Opret person
people-back = Tilbage til personerne
people-notice-created = Personen er oprettet. Send en invitation, når personen skal have adgang.
people-notice-saved = Ændringerne er gemt.
people-error-unit-unknown = Vælg en af organisationens enheder på listen.
people-error-leader-unknown = Vælg nærmeste leder blandt organisationens personer på listen.
people-error-leader-self = En person kan ikke være sin egen nærmeste leder.
people-error-leader-cycle = Ledelseslinjen vil gå i ring: den valgte leder refererer selv til personen, direkte eller gennem andre. Vælg en anden nærmeste leder.
people-error-role-unknown = En af de valgte roller findes ikke. Genindlæs siden, og vælg rollerne igen.
people-error-roles-missing = Vælg mindst én rolle.
people-error-email-taken = Der er allerede en person i organisationen med denne e-mailadresse.
people-error-last-hr-admin = Organisationen skal have mindst én HR-administrator. Giv en anden person rollen, før du fjerner den her.
people-error-last-hr-admin-remove = Personen er organisationens eneste HR-administrator og kan ikke fjernes. Giv en anden person rollen som HR-administrator først.
people-remove-heading = Fjern fra organisationen
people-remove-link = Fjern { $name } fra organisationen
people-remove-title = Vil du fjerne { $name }?
people-remove-consequence = Personen fjernes fra { $org }, og alt, hvad personen har skrevet og delt her, slettes. Det kan ikke fortrydes.
people-remove-reports = { $count ->
    [one] 1 person har personen som nærmeste leder og står derefter uden nærmeste leder.
   *[other] { $count } personer har personen som nærmeste leder og står derefter uden nærmeste leder.
}
people-remove-account = Bruges kontoen ikke i andre organisationer, slettes den også.
people-remove-confirm = Ja, fjern { $name }
people-remove-cancel = Nej, gå tilbage

## Invitationer

invitations-send = Send invitation
invitations-send-again = Send invitationen igen
invitations-invite-all = { $count ->
    [one] Invitér den ene person, der ikke er inviteret
   *[other] Invitér alle { $count }, der ikke er inviteret
}
invitations-sent-count = { $count ->
    [0] Der er ikke sendt nogen invitationer. Alle er allerede inviteret eller har adgang.
    [one] Der er sendt 1 invitation.
   *[other] Der er sendt { $count } invitationer.
}
invitations-notice-sent = Invitationen er sendt til { $email }. Linket virker i 14 dage.
invitations-limited = { $sent ->
    [0] Der er ikke sendt nogen invitationer.
    [one] Der er sendt 1 invitation, men ikke flere.
   *[other] Der er sendt { $sent } invitationer, men ikke flere.
}
invitations-mail-subject = Du er inviteret til Ledertrivsel hos { $org }
invitations-mail-body =
    Hej { $name }

    { $inviter } har inviteret dig til Ledertrivsel hos { $org }. Her arbejder I med ledernes trivsel og resultater: dine egne refleksioner, dialogen med din nærmeste leder og ledergruppens arbejde. Det, du skriver, er dit, indtil du selv deler det.

    Brug linket herunder for at komme i gang. Linket virker i 14 dage og kun én gang.

    { $link }

    Har du spørgsmål, så kontakt HR hos { $org }.

## Siden hvor man tager imod en invitation

invitation-title = Velkommen til Ledertrivsel
invitation-intro = Du er inviteret til at bruge Ledertrivsel hos { $org }.
invitation-who = Invitationen er til { $name }
invitation-choose-password = Vælg en adgangskode. Du logger ind med din e-mailadresse og adgangskoden.
invitation-accept-with-password = Gem adgangskode og log ind
invitation-has-account = Du har allerede en konto i Ledertrivsel med denne e-mailadresse. Log ind med din adgangskode for at tage imod invitationen.
invitation-accept-sign-in = Log ind og tag imod
invitation-signed-in = Du er logget ind med den konto, invitationen er til.
invitation-accept = Tag imod invitationen
invitation-error-wrong-password = Adgangskoden er forkert. Prøv igen, eller vælg en ny adgangskode via linket herunder.

## Loggen over handlinger

audit-unit-created = Oprettede enhed
audit-unit-updated = Rettede enhed
audit-unit-deleted = Slettede enhed
audit-person-created = Oprettede person
audit-person-updated = Rettede person
audit-person-removed = Fjernede person fra organisationen
audit-person-invited = Sendte invitation
audit-invitation-accepted = Tog imod invitation
invitation-used-title = Invitationen er allerede brugt
invitation-used-text = Du har taget imod invitationen, så linket kan ikke bruges igen. Log ind med din e-mailadresse og din adgangskode.
invitation-expired-title = Invitationen er udløbet
invitation-expired-text = Linket i invitationen gælder kun i en periode. Bed HR i din organisation om at sende en ny invitation.
invitation-spent-sign-in = Log ind
