# HR's first run (issue 17, item 9): the first steps on /admin, the import
# that keeps the good rows and the file, and invitations to a list or a group.

## De første skridt på /admin

first-run-heading = Kom i gang
first-run-lead = Fem skridt gør organisationen klar. Listen krydser selv af, når et skridt er gjort.
first-run-progress = { $done } af { $total } skridt er gjort
first-run-status-done = Gjort
first-run-status-todo = Mangler
first-run-step-units = Opret enhederne
first-run-step-units-hint = Afdelinger, institutioner og centre, gerne som et træ.
first-run-step-people = Tilføj lederne
first-run-step-people-hint = Én ad gangen, eller mange på én gang fra en CSV-fil.
first-run-step-people-import = Importér fra en CSV-fil
first-run-step-groups = Sammensæt ledergrupperne
first-run-step-groups-hint = En ledergruppe har en gruppeleder og sine medlemmer.
first-run-step-invitations = Invitér lederne
first-run-step-invitations-hint = Hver leder får en e-mail med et link til at oprette sin adgang.
first-run-step-tool = Start det første værktøj
first-run-step-tool-hint = Fx en APV-kampagne, eller en gruppeleder starter introforløbet eller en samarbejdsrunde.
first-run-all-done = Alle fem første skridt er gjort, og organisationen er i gang.

## Importen: de gode rækker importeres, de dårlige listes, filen bevares

import-error-leader-set-aside = Nærmeste leder står på en linje med fejl og bliver ikke importeret. Ret den linje, så kommer denne række med, når du importerer igen.
import-error-parent-without-unit = Der står en overordnet enhed, men ingen enhed. Skriv personens enhed i kolonnen Enhed, eller slet den overordnede enhed.
import-error-parent-self = En enhed kan ikke ligge under sig selv. Ret den overordnede enhed, eller lad feltet stå tomt.
import-error-parent-unknown = Den overordnede enhed findes hverken i organisationen eller som enhed på en række i filen. Ret stavningen, eller tilføj en række med en person i den enhed.
import-error-parent-conflict = Enheden har fået en anden overordnet enhed på en tidligere linje. En enhed kan kun ligge ét sted, så ret den ene.
import-error-parent-cycle = Enhederne går i ring: enhederne i parentes ligger under hinanden, så ingen af dem står øverst. Ret den overordnede enhed for mindst én af dem.
import-howto-parent = Vil du bygge enhedstræet fra filen, så tilføj kolonnen Overordnet enhed med navnet på den enhed, personens enhed hører under. Rækkefølgen er ligegyldig, men den overordnede enhed skal findes i organisationen eller stå som enhed på en anden række.
import-howto-separator = Felterne må være adskilt af semikolon (som i eksempelfilen og fra dansk Excel), komma eller tabulator (når du kopierer fra Excel). Indeholder et felt selv skilletegnet, skal det stå i anførselstegn.
import-bad-heading = { $count ->
    [one] 1 række kan ikke importeres
   *[other] { $count } rækker kan ikke importeres
}
import-bad-lead = Rækkerne herunder bliver ikke importeret. De andre kan du importere nu, og bagefter rette linjerne og importere igen: personer, der allerede er importeret, genkendes på e-mailadressen og bliver ikke oprettet to gange.
import-confirm-good = { $count ->
    [one] Importér den ene gyldige række
   *[other] Importér de { $count } gyldige rækker
}
import-none-good = Ingen rækker kan importeres endnu. Ret fejlene i teksten herunder, og vis oversigten igen.
import-fix-heading = Ret indholdet her
import-fix-hint = Filens indhold står herunder, med de samme linjenumre som i listen over fejl. Ret linjerne, og vis oversigten igen.
import-left-heading = { $count ->
    [one] 1 række mangler stadig
   *[other] { $count } rækker mangler stadig
}
import-left-lead = Ret linjerne i teksten herunder, og vis oversigten igen. Personer, der allerede er importeret, står som uændrede og bliver ikke oprettet igen.
import-hr-warning = Bliver HR-administrator og kan se og ændre alle personer, enheder og grupper.
import-hr-warning-heading = { $count ->
    [one] 1 person bliver HR-administrator
   *[other] { $count } personer bliver HR-administratorer
}
import-hr-warning-lead = Rollen HR i filen giver adgang til hele administrationen. Tjek rækkerne markeret herunder, og fjern HR fra dem, der ikke skal have den adgang.
import-col-parent = Overordnet enhed
import-unit-moves = Enhedstræet
import-unit-under = { $unit } kommer under { $parent }

## Invitationer til en filtreret liste eller en ledergruppe

invite-filtered = { $count ->
    [one] Invitér den ene på listen, der ikke er inviteret
   *[other] Invitér de { $count } på listen, der ikke er inviteret
}
ask-invite-filtered-text = { $count ->
    [one] Den ene person på listen, der ikke er inviteret, får nu en e-mail med et link til at oprette sin adgang. En sendt e-mail kan ikke kaldes tilbage.
   *[other] De { $count } personer på listen, der ikke er inviteret, får nu hver en e-mail med et link til at oprette deres adgang. En sendt e-mail kan ikke kaldes tilbage.
}
group-acceptance-heading = Hvem har taget imod invitationen
group-acceptance-caption = Gruppens leder og medlemmer, og om de har logget ind mindst én gang
group-acceptance-col-name = Navn
group-acceptance-col-status = Status
group-accepted = Har logget ind
group-not-accepted = Inviteret, har ikke logget ind endnu
group-not-invited = Ikke inviteret
group-acceptance-summary = { $accepted } af { $total } har logget ind
group-invite = { $count ->
    [one] Invitér den ene, der ikke har logget ind
   *[other] Invitér de { $count }, der ikke har logget ind
}
ask-invite-group-title = Send invitationerne til gruppen nu?
ask-invite-group-text = { $count ->
    [one] Den ene i gruppen, der ikke har logget ind, får nu en e-mail med et link til at oprette sin adgang. Er personen inviteret inden for det seneste kvarter, venter mailen. En sendt e-mail kan ikke kaldes tilbage.
   *[other] De { $count } i gruppen, der ikke har logget ind, får nu hver en e-mail med et link til at oprette deres adgang. Er nogen inviteret inden for det seneste kvarter, venter deres mail. En sendt e-mail kan ikke kaldes tilbage.
}
