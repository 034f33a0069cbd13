## The group sees its picture together (tools::promise, domain::promise::Stage).

reveal-heading = Gruppens billede vises for alle på én gang
reveal-why = Billedet vises, når gruppens leder åbner det på mødet, så I ser det sammen. Indtil da kan I kun se, hvor mange der har svaret – ikke hvad. Derfor kan ingen læse et enkelt svar ud af, at billedet ændrer sig.
reveal-wait = Gruppens leder viser billedet, når I mødes.
reveal-too-few = Billedet kan først vises, når mindst { $needed } har svaret.
reveal-ready = Gruppen er klar. Jeg ved, at ingen kan svare eller rette svar, når billedet er vist.
reveal-submit = Vis gruppens billede
reveal-done = Billedet er vist for gruppen. Der kan ikke længere svares.
reveal-error-already = Billedet er allerede vist for gruppen.
reveal-error-too-few = Billedet kan ikke vises endnu: der er for få svar.
reveal-error-confirm = Sæt flueben, når gruppen er klar. Når billedet er vist, kan ingen svare længere.
reveal-error-answers-ended = Gruppen har set sit billede, så der kan ikke længere svares eller rettes svar. Det, du har skrevet herunder, er ikke gemt.
reveal-ended-note = Gruppen har set sit billede; der kan ikke længere svares.
audit-round-revealed = Viste en ledergruppe dens billede
