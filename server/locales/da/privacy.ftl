## The privacy page (privacy::page): what each reader sees, and when.

privacy-title = Sådan beskyttes dine svar
privacy-lead = Det, du skriver, er dit. Her står, hvem der kan se hvad, hvornår, og ud fra hvor mange svar. Tallene er jeres organisations egne.
privacy-readers-heading = Hvem kan se hvad
privacy-reader-you = Dig selv
privacy-sees-you = Alt, hvad du skriver: noter, svar, refleksioner og din lederaftale. Intet forlader dit eget rum, før du selv deler det.
privacy-reader-nearest = Din nærmeste leder
privacy-sees-nearest = Kun de punkter i lederaftalen, du selv deler, ét ad gangen. Du kan trække en deling tilbage.
privacy-reader-group = Din ledergruppe
privacy-sees-group = Gruppens samlede billede uden navne, når mindst { $count } har svaret – og først når gruppens leder viser det for alle på én gang på mødet. Derefter kan ingen svare eller rette svar, så billedet ændrer sig aldrig med ét svar ad gangen. Kun de medlemmer, der var med, da runden startede. Er gruppen i åben dialog, før runden starter, ser de også, hvem der svarede hvad – det står på skemaet, før du svarer.
privacy-reader-outside = HR, direktion, MED/SU og AMO
privacy-sees-outside = Kun tal fra afsluttede runder, og kun når mindst { $k } har svaret. Kommentarer og nøgleord først ved mindst { $free } svar, uden navne og i tilfældig rækkefølge. Aldrig den enkeltes svar.
privacy-reader-nobody = Ingen
privacy-sees-nobody = Ingen andre kan se dine noter fra interviewguiden, dine egne refleksioner eller punkter, du ikke har delt. Heller ikke HR.
privacy-promise-heading = En runde holder, hvad den lovede
privacy-promise-text = Når en runde starter, ligger det fast, om den er anonym eller åben, hvem der læser den, og hvor mange svar der skal til. Ændrer HR senere grænserne, gruppens åbenhed eller medlemmer, gælder det kun nye runder. Den, der kommer med i gruppen bagefter, ser tidligere runder som en udenforstående.
privacy-overlap-text = Oversigter på tværs af grupper og enheder tjekkes samlet: kan man ved at trække to oversigter fra hinanden finde færre end grænsen, vises de ikke.
privacy-yours-text = Du kan hente alt, hvad vi har om dig, og slette din konto.
privacy-account-link = Gå til din konto
privacy-changes-heading = Ændringer, der gælder for nye runder
privacy-changes-lead = Ændringer af grænserne og af gruppernes åbenhed og medlemmer, nyeste først. HR, MED/SU og AMO kan selv læse loggen.
privacy-changes-empty = Ingen ændringer endnu.
footer-privacy = Sådan beskyttes dine svar
