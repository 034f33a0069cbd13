# Fælles tekster: ramme, fejl, login. Dansk er referencesproget.
skip-to-content = Gå til sidens indhold
nav-main = Hovedmenu
nav-start = Forside
nav-admin = Administration
nav-account = Min konto
nav-sign-out = Log ud
footer-text = Ledertrivsel – styrk lederes trivsel og resultater. Det, du skriver, er dit, indtil du selv deler det.
form-has-errors = Der er fejl i formularen. Ret venligst følgende:

error-not-found-title = Siden findes ikke
error-not-found = Vi kan ikke finde siden. Den kan være slettet, eller linket kan være forkert.
error-forbidden-title = Ingen adgang
error-forbidden = Du har ikke adgang til denne side. Kontakt HR i din organisation, hvis du mener, det er en fejl.
error-csrf-title = Formularen er udløbet
error-csrf = Formularen er for gammel eller blev sendt fra en anden side. Gå tilbage, genindlæs siden, og prøv igen.
error-rate-limited-title = For mange forsøg
error-rate-limited = Der er lavet for mange forsøg på kort tid. Vent et par minutter, og prøv igen.
error-bad-request-title = Forespørgslen kunne ikke behandles
error-internal-title = Der opstod en fejl
error-internal = Der skete en fejl hos os. Prøv igen om lidt. Intet af det, du sendte, er gemt.
error-back-to-start = Gå til forsiden
error-go-to-sign-in = Gå til log ind
error-form-too-large = Det sendte er for stort. Forkort teksten, og prøv igen.
error-form-invalid = Formularen indeholdt ugyldige værdier. Genindlæs siden, og prøv igen.
error-form-incomplete = Formularen kom ikke helt frem, så intet blev gemt eller slettet. Genindlæs siden, og prøv igen.
error-language-unknown = Det valgte sprog findes ikke.

error-email-missing = Skriv en e-mailadresse.
error-email-too-long = E-mailadressen er for lang (højst 254 tegn).
error-email-invalid = Skriv en gyldig e-mailadresse, fx navn@kommune.dk.
error-text-control-chars = Teksten indeholder usynlige kontroltegn. Skriv den igen uden at kopiere.
error-name-missing = Skriv et navn.
error-name-too-long = Navnet er for langt (højst 120 tegn).
error-org-name-missing = Skriv organisationens navn.
error-org-name-too-long = Organisationens navn er for langt (højst 160 tegn).
error-unit-name-missing = Skriv enhedens navn.
error-unit-name-too-long = Enhedens navn er for langt (højst 160 tegn).
error-group-name-missing = Skriv ledergruppens navn.
error-group-name-too-long = Ledergruppens navn er for langt (højst 160 tegn).
error-text-missing = Skriv en tekst.
error-text-too-long = Teksten er for lang (højst 4.000 tegn).
error-password-too-short = Adgangskoden skal være på mindst 10 tegn.
error-password-too-long = Adgangskoden er for lang (højst 512 tegn).
error-password-mismatch = De to adgangskoder er ikke ens.
error-date-invalid = Skriv en gyldig dato.
error-threshold-too-low = Anonymitetsgrænsen kan ikke være lavere end 3.
error-free-text-threshold-below-k = Grænsen for fritekst kan ikke være lavere end grænsen for tal.
error-threshold-too-high = Grænsen er for høj (højst 1.000).
error-scale-invalid = Vælg et svar på skalaen.
error-next-tool-invalid = Vælg et af værktøjerne på listen.

role-leader = Leder
role-hr-admin = HR-administrator
role-top-management = Topledelse
role-works-council = MED/SU
role-safety-org = Arbejdsmiljøorganisation (AMO)
role-facilitator = Facilitator/konsulent

tool-leader-dialog = Værktøj 1: Lederens dialog med nærmeste leder
tool-group-collaboration = Værktøj 2: Skærp ledergruppens samarbejde
tool-organisation-plan = Værktøj 3: Samlet plan for ledertrivsel
tool-leader-apv = Leder-APV
tool-dialog-cards = Dialogkort
tool-network = Ledernetværk

signin-title = Log ind
signin-notice-password-changed = Din adgangskode er ændret. Log ind med den nye.
signin-notice-account-deleted = Din konto og dine data er slettet.
signin-error-wrong = E-mail eller adgangskode er forkert.
signin-submit = Log ind
signin-forgot = Har du glemt din adgangskode?
field-email = E-mail
field-password = Adgangskode

setup-title = Opret jeres organisation
setup-intro = Du er ved at oprette den første organisation på denne server. Du bliver selv HR-administrator og kan derefter oprette enheder, ledere og ledergrupper.
field-org-name = Organisationens navn
field-org-name-hint = Fx Aarhus Kommune eller Sparekassen Nord.
field-your-name = Dit navn
setup-submit = Opret organisation
field-new-password = Ny adgangskode
field-new-password-hint = Mindst 10 tegn. En sætning er lettere at huske end tegnkoder.
field-password-repeat = Gentag adgangskoden

reset-heading = Vælg en ny adgangskode
password-save = Gem adgangskode
forgot-title = Glemt adgangskode
forgot-intro = Skriv din e-mailadresse, så sender vi et link, hvor du kan vælge en ny adgangskode.
forgot-submit = Send link
forgot-sent = Hvis adressen har en konto, har vi sendt et link. Det virker i to timer. Husk at tjekke uønsket post.
forgot-back = Tilbage til log ind
mail-reset-subject = Vælg en ny adgangskode til Ledertrivsel
mail-reset-body =
    Hej

    Nogen (forhåbentlig dig) har bedt om at nulstille adgangskoden til din konto i Ledertrivsel.
    Brug linket herunder til at vælge en ny. Linket virker i to timer og kun én gang.

    { $link }

    Har du ikke bedt om det, kan du se bort fra denne mail. Din adgangskode er uændret.

orgs-title = Vælg organisation
orgs-intro = Du er tilknyttet flere organisationer. Vælg den, du vil arbejde i nu.
orgs-none = Din konto er ikke længere tilknyttet en organisation. Kontakt HR, hvis det er en fejl.

start-title = Forside
start-greeting = Hej { $name }
start-lead = Her er dine værktøjer, dine ledergrupper og det, der venter på dig.
start-due-heading = Det venter på dig
start-nothing-due = Intet lige nu.
start-groups-heading = Dine ledergrupper
start-no-groups = Du er ikke med i en ledergruppe endnu. HR opretter ledergrupperne.
start-you-lead = Du er gruppens leder.
start-tools-heading = Værktøjer
start-go-admin = Gå til administration
