# Import af personer fra en CSV-fil.
# Serveren viser en fejl som "Linje {line}: {besked} ({værdi})", så beskederne har ingen pladsholdere.

## Fejl i filen som helhed

import-error-encoding = Filen er ikke gemt som UTF-8, så bogstaver som æ, ø og å kan ikke læses korrekt. Åbn filen i Excel, vælg Filer > Gem som, og vælg filtypen "CSV UTF-8 (kommasepareret)". Upload derefter den nye fil.
import-error-empty = Filen er tom eller indeholder kun overskriftslinjen. Tilføj én række pr. person under overskrifterne, og upload filen igen.
import-error-too-many-rows = Filen indeholder mere end 20.000 personer, og det er flere, end der kan importeres på én gang. Del filen op i flere mindre filer, og importér dem én ad gangen.
import-error-unreadable = Filen kan ikke læses som en CSV-fil. Gem den igen fra Excel som "CSV UTF-8 (kommasepareret)", og upload den på ny.

## Fejl i overskriftslinjen

import-error-missing-column = Filen mangler en kolonne, som skal være med. Tilføj en kolonne med overskriften i parentes.
import-error-unknown-column = Kolonneoverskriften kendes ikke. Brug overskrifterne navn, e-mail, enhed, nærmeste leder og roller, eller slet kolonnen.
import-error-duplicate-column = Kolonnen findes allerede i filen, måske under et andet navn som "mail" og "e-mail". Slet den ene, så hver oplysning kun står i én kolonne.

## Fejl i en række

import-error-value-without-column = Der står en værdi i en kolonne uden overskrift. Giv kolonnen en overskrift, eller slet værdien.
import-error-field-count = Rækken har ikke samme antal felter som overskriftslinjen. Tallene i parentes er felter i rækken og i overskriften. Indeholder en værdi semikolon eller komma, skal den stå i anførselstegn.
import-error-duplicate-email = E-mailadressen står allerede på en tidligere linje i filen. Hver person må kun stå én gang, så slet eller ret den ene række.
import-error-leader-email-invalid = Nærmeste leders e-mailadresse er ikke gyldig. Ret adressen i kolonnen for nærmeste leder, eller lad feltet stå tomt.
import-error-role-unknown = Rollen kendes ikke. Brug leder, HR, topledelse, direktion, MED, SU, AMO eller konsulent, og adskil flere roller med + eller |, fx leder+AMO. Er feltet tomt, bliver personen leder.

## Fejl i ledelseslinjerne

import-error-leader-unknown = Nærmeste leder findes hverken i filen eller blandt organisationens personer. Tilføj lederen som en række i filen, eller ret e-mailadressen.
import-error-leader-self = En person kan ikke være sin egen nærmeste leder. Ret e-mailadressen i kolonnen for nærmeste leder, eller lad feltet stå tomt.
import-error-leader-cycle = Ledelseslinjen går i ring: personerne i parentes er hinandens nærmeste ledere, så ingen af dem står øverst. Ret nærmeste leder for mindst én af dem.
