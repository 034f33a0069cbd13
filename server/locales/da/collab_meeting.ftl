# Tool 2's meeting: the agenda's clock kept by the server, settling the
# agreement (asked first) and opening it again (issue 17, items 3 and 4).

collab-timer-step = Punkt { $n } af { $count }: { $title }
collab-timer-running = Uret kører.
collab-timer-paused = Uret står på pause.
collab-timer-not-started = Uret er ikke startet.
collab-timer-resume = Fortsæt uret
collab-timer-failed = Uret blev ikke ændret. Tjek forbindelsen, og prøv igen.
collab-error-timer-button = Uret kender ikke den knap. Indlæs siden igen, og prøv igen.

collab-settle-ask-title = Indgå gruppeaftalen?
collab-settle-ask-text = Punkterne, som de er gemt, bliver gruppens aftale, og forløbet afsluttes: Mødesiden kan derefter kun læses, og punkterne står klar til opfølgning på jeres næste møde. Det første døgn kan du genåbne aftalen, så længe den ikke er delt med HR, og intet punkt er løftet til organisationen.
collab-settle-ask-confirm = Ja, indgå aftalen

collab-reopen-lead = Blev aftalen indgået for tidligt, eller er der en fejl i den? Du kan genåbne den indtil { $until }, så længe den ikke er delt med HR, og intet punkt er løftet til organisationen.
collab-reopen-button = Genåbn aftalen
collab-notice-reopened = Aftalen er genåbnet. Ret punkterne, og indgå aftalen igen, når I er klar.
collab-reopen-kept-followed-up = Aftalen kan ikke genåbnes: Gruppen er gået i gang med næste forløb, som følger op på den.
collab-reopen-kept-lifted = Aftalen kan ikke genåbnes: Et af punkterne er løftet til organisationen, som svarer på punktet, som det står.
collab-reopen-kept-shared = Aftalen kan ikke genåbnes, mens den er delt med HR: HR kan have brugt den, som den står.
collab-reopen-kept-window = Aftalen kan ikke længere genåbnes: Det kan kun ske det første døgn, efter den er indgået.
collab-error-reopen-open = Aftalen er ikke indgået, så der er intet at genåbne.
