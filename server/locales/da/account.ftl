# Min konto: oplysninger, sprog, hent mine data, slet min konto.
account-title = Min konto
account-language-saved = Dit sprogvalg er gemt.
account-you-heading = Dine oplysninger
account-name = Navn
account-roles = Roller
account-no-roles = Ingen roller
account-unit = Enhed
account-nearest-leader = Nærmeste leder
account-not-set = Ikke angivet
account-you-hint = Er noget forkert, kan HR i din organisation rette det.

account-language-heading = Sprog
account-language-legend = Hvilket sprog vil du bruge Ledertrivsel på?
account-language-save = Gem sprogvalg
account-error-language = Vælg dansk eller engelsk.

account-export-heading = Dine data
account-export-text = Du kan hente alt, hvad Ledertrivsel har gemt om dig: dine oplysninger i hver organisation, dine roller og ledergrupper, dine svar sammen med de udsagn, du svarede på, dine kommentarer, de beslutninger, du er ansvarlig for, og de handlinger, du har udført. Filen er i JSON-format.
account-export-link = Hent mine data (JSON)

account-delete-heading = Slet din konto
account-delete-text = Når du sletter din konto, bliver dine oplysninger og dine svar slettet i alle organisationer. Det kan ikke fortrydes.
account-delete-link = Slet min konto
account-delete-title = Slet din konto
account-delete-blocked-heading = Du kan ikke slette din konto lige nu
account-delete-error-last-admin = Du er den eneste HR-administrator i { $orgs }. Giv en anden person rollen som HR-administrator, før du sletter din konto, så organisationen ikke står uden administrator.
account-back = Tilbage til Min konto
account-delete-intro =
    { $count ->
        [0] Din konto bliver slettet med det samme. Det kan ikke fortrydes.
        [one] Din konto og alt om dig i din organisation bliver slettet med det samme. Det kan ikke fortrydes.
       *[other] Din konto og alt om dig i dine { $count } organisationer bliver slettet med det samme. Det kan ikke fortrydes.
    }
account-delete-gone-heading = Det bliver slettet
account-delete-gone-account = Din konto, din e-mailadresse og din adgangskode
account-delete-gone-answers = Dine svar og kommentarer i værktøjerne
account-delete-gone-groups = Dine roller, din plads i ledergrupperne og oplysningerne om din enhed og nærmeste leder
account-delete-kept-heading = Det bliver gemt
account-delete-kept-audit = Organisationens log over handlinger beholder dit navn ved de handlinger, du selv har udført, og noterer, at din konto er slettet.
account-delete-kept-shared = Fælles beslutninger og runder i ledergrupperne bliver stående, men uden dit navn.
account-delete-export-first = Vil du gemme en kopi af dine data først?
account-delete-password = Din adgangskode
account-delete-password-hint = Skriv din adgangskode for at bekræfte, at du vil slette din konto.
account-delete-submit = Slet min konto permanent
account-delete-cancel = Fortryd
account-delete-error-password = Adgangskoden er forkert. Din konto er ikke slettet.
account-delete-error-password-missing = Skriv din adgangskode for at bekræfte, at du vil slette din konto.

audit-account-deleted = Slettede sin konto
