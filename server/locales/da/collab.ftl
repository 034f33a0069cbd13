# Værktøj 2: Skærp ledergruppens samarbejde

collab-back-to-tool = Til ledergruppens samarbejde
collab-back-to-round = Tilbage til forløbet
collab-other-groups-lead = Som HR kan du starte et forløb for enhver ledergruppe. Gruppens svar og aftale er gruppens egne: Du ser kun gruppens samlede billede, når forløbet er afsluttet, og kun når nok har svaret.
collab-no-rounds = Gruppen har ikke haft et forløb endnu.
collab-round-link = Møde { $when }
collab-round-open = i gang
collab-round-settled = aftalen er indgået
collab-fill-checklist = Udfyld afkrydsningsskemaet
collab-start = Planlæg et møde om samarbejdet

collab-new-title = Planlæg mødet om samarbejdet
collab-new-lead = Foreslå tid og sted for { $group }s møde. Alle i gruppen får en kalenderinvitation med afkrydsningsskemaet, som de udfylder før mødet.
collab-minutes-hint = Sæt gerne to timer af. Drejebogen til mødet varer 1 time og 50 minutter.
collab-message-hint = Valgfrit. Din hilsen står i invitationen til alle i gruppen.
collab-prepare-heading = Forberedelse før mødet
collab-prepare-lead = Invitationen beder alle om at forberede sig sådan:
collab-send-invitations = Send invitationerne

collab-round-title = Ledergruppens samarbejde
collab-notice-invited = Mødet er planlagt, og alle i gruppen har fået en invitation.
collab-notice-moved = Mødet er flyttet, og alle i gruppen har fået den nye invitation.
collab-notice-saved = Dine svar er gemt.
collab-notice-settled = Gruppeaftalen er indgået. I følger op på den ved jeres næste møde.
collab-notice-placed = Temaet er flyttet i matrixen.
collab-step-1 = Trin 1: Tid og sted er aftalt
collab-download-ics = Hent mødet til din kalender (.ics)
collab-step-checklist = Før mødet: afkrydsningsskemaet
collab-step-2 = Trin 2: Dialogen på mødet
collab-meeting-lead = Åbn mødesiden på en fælles skærm. Den samler drejebogen, gruppens billede, prioriteringsmatrixen og gruppeaftalen.
collab-open-meeting = Åbn mødesiden
collab-step-3 = Trin 3: Gruppeaftalen
collab-agreement-none = Gruppen har ikke skrevet sin aftale endnu.
collab-outside-note = Du er ikke med i gruppen. Mødet og gruppeaftalen er gruppens egne.
collab-picture-heading = Gruppens billede
collab-move-heading = Flyt mødet
collab-move-submit = Flyt mødet og send ny invitation

collab-checklist-title = Afkrydsningsskema
collab-checklist-lead = Svar for dig selv om samarbejdet i { $group }. Det tager omkring ti minutter.

collab-meeting-title = Mødet
collab-meeting-settled-note = Aftalen er indgået, og mødesiden kan kun læses.
collab-agenda-heading = Drejebog
collab-agenda-lead = Dagsordenen varer i alt { $minutes } minutter. Uret hjælper jer med at holde tiden for hvert punkt.
collab-timer-start = Start uret
collab-timer-pause = Sæt uret på pause
collab-timer-next = Næste punkt
collab-timer-over = Tiden for punktet er gået.
collab-minutes = { $minutes } min.
collab-followup-heading = Opfølgning på sidste aftale
collab-followup-none = Det er gruppens første aftale, så der er intet at følge op på endnu.
collab-matrix-heading = Prioriteringsmatrix
collab-matrix-keyboard = Træk temaerne på plads, eller vælg en placering under hvert tema og tryk »Flyt«.
collab-move-card = Flyt
collab-agreement-heading = Gruppeaftalen
collab-sample-heading = Se et udfyldt eksempel
collab-point-legend = Punkt { $n }
collab-point-actions = Handlinger
collab-point-measure = Sådan mærker vi, at det virker
collab-point-owner = Ansvarlig
collab-point-follow-up = Opfølgning
collab-choose-owner = Vælg en fra gruppen
collab-agreement-save = Gem aftalen
collab-agreement-settle = Indgå aftalen
collab-agreement-settle-hint = Når aftalen er indgået, afsluttes forløbet, og punkterne står klar til opfølgning på jeres næste møde.

collab-meeting-summary = Ledergruppens samarbejde: { $group }
collab-mail-invite-subject = Invitation: møde om samarbejdet i { $group }
collab-mail-invite-lead = { $by } inviterer dig til et møde om samarbejdet i { $group }. Invitationen er vedhæftet, så du kan lægge mødet i din kalender.
collab-mail-moved-subject = Nyt tidspunkt: møde om samarbejdet i { $group }
collab-mail-moved-lead = { $by } har flyttet mødet om samarbejdet i { $group }. Den nye invitation er vedhæftet.
collab-mail-checklist = Udfyld afkrydsningsskemaet før mødet:
collab-mail-privacy = Dine svar er dine egne. Gruppen ser kun det samlede billede uden navne, og først når mindst tre har svaret – medmindre gruppen har valgt åben dialog.

collab-error-already-open = { $group } har allerede et forløb i gang. Afslut det med en gruppeaftale, før I planlægger det næste.
collab-error-closed = Aftalen er indgået, så forløbet kan ikke længere ændres.
error-collab-minutes = Skriv mødets længde i minutter, mellem 30 og 480.
error-collab-owner = Vælg en ansvarlig fra gruppen.
error-collab-follow-up-past = Opfølgningen skal ligge i dag eller senere.
error-collab-follow-up-far = Opfølgningen skal ligge inden for et år.
error-collab-settle-empty = Skriv mindst ét punkt, før I indgår aftalen.
error-collab-theme-unknown = Temaet findes ikke i afkrydsningsskemaet.
error-collab-quadrant-unknown = Vælg en af matrixens fire felter.
audit-collab-picture-read = Så en ledergruppes billede af samarbejdet
