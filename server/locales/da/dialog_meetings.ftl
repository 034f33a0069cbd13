## Værktøj 1, trin 3: dialogen med nærmeste leder, kalenderinvitationer og påmindelser

dialog-meeting-invite = Inviter til dialog
dialog-meeting-next-heading = Næste dialog
dialog-meeting-next = Dialog med { $name } { $when }
dialog-meeting-later-heading = Senere dialoger
dialog-meeting-new-title = Inviter din nærmeste leder til en dialog
dialog-meeting-new-lead = Vælg et tidspunkt til en dialog på 45 minutter med { $name }. I får begge en mail med en kalenderinvitation.
dialog-meeting-date = Dato
dialog-meeting-time = Tidspunkt
dialog-meeting-time-hint = Dansk tid, fx 09:30.
dialog-meeting-minutes = Varighed i minutter
dialog-meeting-minutes-hint = Metoden afsætter 45 minutter. Mindst 15 og højst 180.
dialog-meeting-place = Sted
dialog-meeting-message = Personlig besked (valgfri)
dialog-meeting-message-hint = Kommer med i mailen til { $name }.
dialog-meeting-prepare-heading = Forbered jer på disse spørgsmål
dialog-meeting-prepare-lead = Spørgsmålene står i invitationen, så I begge kan forberede jer.
dialog-meeting-send = Send invitationen
dialog-meeting-title = Dialog med nærmeste leder
dialog-meeting-with = Dialog med { $name }
dialog-meeting-when = Tidspunkt
dialog-meeting-minutes-value = { $minutes } minutter
dialog-meeting-no-place = Stedet er ikke aftalt endnu
dialog-meeting-download-ics = Hent kalenderinvitationen (.ics)
dialog-meeting-share-link = Vælg, hvad du deler af din aftale før dialogen
dialog-meeting-is-cancelled = Dialogen er aflyst.
dialog-meeting-move-heading = Flyt dialogen
dialog-meeting-move = Flyt og send ny invitation
dialog-meeting-cancel-heading = Aflys dialogen
dialog-meeting-cancel-lead = { $name } får besked, og dialogen fjernes fra jeres kalendere.
dialog-meeting-cancel = Aflys dialogen
dialog-meeting-notice-invited = Invitationen er sendt. I har begge fået en mail med kalenderinvitationen.
dialog-meeting-notice-moved = Dialogen er flyttet. I har begge fået en ny kalenderinvitation.
dialog-meeting-notice-cancelled = Dialogen er aflyst. I har begge fået besked.
dialog-meeting-summary = Dialog: { $leader } og { $nearest }
dialog-meeting-message-from = Besked fra { $name }:
dialog-meeting-error-no-nearest = Der er ikke angivet en nærmeste leder for dig, så du kan ikke invitere til en dialog endnu. Bed HR om at angive din nærmeste leder.
dialog-meeting-error-cancelled = Dialogen er aflyst og kan ikke flyttes. Inviter til en ny dialog i stedet.
error-dialog-minutes = Skriv en varighed mellem 15 og 180 minutter.
error-dialog-place-too-long = Stedet må højst være 200 tegn.
error-dialog-time-skipped = Det tidspunkt findes ikke, fordi uret stilles frem den nat. Vælg et andet.
error-time-invalid = Skriv et gyldigt tidspunkt, fx 09:30.

dialog-meeting-mail-greeting = Hej { $name }
dialog-meeting-mail-when = Tidspunkt: { $time } ({ $minutes } minutter). Sted: { $place }.
dialog-meeting-mail-attached = Kalenderinvitationen er vedhæftet. Du kan også se dialogen her:
dialog-meeting-mail-invited-subject = { $other } inviterer dig til en dialog { $time }
dialog-meeting-mail-invited-lead = { $other } inviterer dig som nærmeste leder til en dialog på { $minutes } minutter om sine mål, sit ledelsesrum og sin trivsel som leder.
dialog-meeting-mail-booked-subject = Din dialog med { $other } { $time }
dialog-meeting-mail-booked-lead = Din invitation til en dialog på { $minutes } minutter er sendt til { $other }.
dialog-meeting-mail-moved-subject = Dialogen med { $other } er flyttet til { $time }
dialog-meeting-mail-moved-lead = { $by } har flyttet jeres dialog. Det nye tidspunkt står herunder, og kalenderinvitationen er opdateret.
dialog-meeting-mail-cancelled-subject = Dialogen med { $other } { $time } er aflyst
dialog-meeting-mail-cancelled-lead = { $by } har aflyst jeres dialog. Den vedhæftede fil fjerner den fra kalenderen.

reminder-dialog-subject = Påmindelse: dialog med { $other } { $time }
reminder-dialog-lead = Du har snart en dialog med { $other }: { $time }. Tag et øjeblik til at forberede dig på spørgsmålene herunder.
reminder-weekly-subject = Skriv ugens linje om din lederaftale
reminder-weekly-lead = { $count ->
    [one] Ugen er ved at være slut, og du har endnu ikke skrevet ugens linje om denne aftale:
   *[other] Ugen er ved at være slut, og du har endnu ikke skrevet ugens linje om disse aftaler:
}
reminder-period-end-subject = Din lederaftale slutter { $date }
reminder-period-end-lead = Perioden for din lederaftale slutter { $date }. Se tilbage på, hvordan det er gået, og start den næste periode ud fra den gamle, så dine aftaler følger med.
