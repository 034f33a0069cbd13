## Loginadressen er personens egen (docs/decisions/0010-addresses-belong-to-people.md)

address-error-several-orgs = Personen logger også ind med denne adresse i en anden organisation, så ingen organisation kan ændre den. Adressen kan kun ændres af personen selv.
address-notice-proposed = Ændringerne er gemt. Den nye e-mailadresse er sendt til bekræftelse: den træder først i kraft, når personen selv bekræfter den fra mailen til den nye adresse. Den gamle adresse har fået besked.
address-proposed-pending = Ny adresse foreslået: { $email }. Personen logger ind med den nuværende adresse, indtil de selv bekræfter den nye.
address-invitation-cooling = Der er lige sendt en invitation til { $name }. Af hensyn til modtageren kan den næste tidligst sendes { $time }. Der er ikke sendt noget nu.

address-mail-confirm-subject = Bekræft din nye loginadresse til Ledertrivsel
address-mail-confirm-body =
    Hej { $name }

    { $proposer } hos { $org } har foreslået, at du fremover logger ind i Ledertrivsel med denne adresse, { $new }, i stedet for { $old }.

    Adressen ændres kun, hvis du selv bekræfter det. Åbn linket, og bekræft med den adgangskode, du logger ind med i dag. Linket virker i 2 dage og kun én gang.

    { $link }

    Kender du ikke til ændringen, så gør ingenting. Så logger du fortsat ind med { $old }.
address-mail-notice-subject = Nogen vil ændre din loginadresse til Ledertrivsel
address-mail-notice-body =
    Hej { $name }

    { $proposer } hos { $org } har foreslået at ændre den adresse, du logger ind i Ledertrivsel med, fra { $old } til { $new }.

    Intet er ændret endnu. Adressen skifter kun, hvis du selv bekræfter det fra linket i mailen til den nye adresse, med din adgangskode.

    Kender du ikke til ændringen, så gør ingenting, og tal gerne med HR hos { $org }.

address-confirm-title = Bekræft ny loginadresse
address-confirm-intro = { $org } har foreslået en ny adresse, som du skal logge ind med.
address-confirm-old = Nuværende adresse
address-confirm-new = Ny adresse
address-confirm-why = Adressen er din. Den ændres kun, når du selv bekræfter det her.
address-confirm-signed-in = Du er logget ind med den konto, ændringen gælder.
address-confirm-password = Din adgangskode (den du logger ind med i dag)
address-confirm-button = Bekræft den nye adresse
address-confirm-ignore = Vil du ikke skifte adresse, så luk siden. Så logger du fortsat ind med { $old }.
address-error-wrong-password = Adgangskoden er forkert. Adressen er ikke ændret.
address-error-taken = Der er allerede en konto i Ledertrivsel med den nye adresse, så den kan ikke også være din loginadresse. Adressen er ikke ændret.
account-address-changed = Din loginadresse er ændret. Du logger ind med den nye adresse fra nu af.

address-chooser-invited-by = Inviteret af { $name } ({ $email }).
address-chooser-joined = Med siden { $date }.
address-chooser-invited = Inviteret { $date }.
address-chooser-invitations = Invitationer
address-chooser-invitations-intro = Disse organisationer har inviteret dig. Du bliver først en del af en organisation, når du tager imod. Tjek, at du kender den, der har inviteret dig: organisationens navn kan alle vælge, men afsenderens loginadresse kan ikke forfalskes.
address-chooser-accept = Tag imod invitationen fra { $org }

audit-address-change-proposed = Foreslog ny loginadresse
audit-address-changed = Bekræftede ny loginadresse

setup-error-email-taken = Adressen har allerede en konto. Brug en anden adresse til den nye organisations HR-administrator; den, der ejer kontoen, kan blive inviteret bagefter.
