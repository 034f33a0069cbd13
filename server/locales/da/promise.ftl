## What a round promised, fixed when it started (tools::promise).

promise-anonymous-heading = Sådan bruges dine svar
promise-named-heading = Åben dialog: dine svar vises med navn i gruppen
promise-anonymous = Dine svar er anonyme. Gruppen ser kun det samlede billede, og først når gruppens leder viser det for alle på én gang på mødet – og kun hvis mindst { $count } har svaret. Derefter kan ingen svare eller rette svar.
promise-named = Gruppen valgte åben dialog, før runden startede: når gruppens leder viser billedet på mødet, kan rundens læsere se, hvem der har svaret hvad. Derefter kan ingen svare eller rette svar. Din kommentar vises uden navn.
promise-readers = Rundens læsere er gruppens medlemmer og leder, da runden startede: { $names }.
promise-outside = Uden for gruppen vises tal først, når mindst { $k } har svaret, og kommentarer og stikord først ved mindst { $free } svar.
promise-fixed = Det her gælder hele runden. Ændrer HR senere gruppens medlemmer, åbenhed eller grænserne, gælder det kun nye runder.

promise-group-form-note = En ændring af åbenhed, leder eller medlemmer gælder kun runder, der starter bagefter. Runder i gang beholder det, de lovede, da de startede.
promise-change-name = Navn
promise-change-leader = Leder
promise-change-openness = Åbenhed
promise-change-joined = Kom med
promise-change-left = Gik ud
