# An agreement's parts as the nearest leader reads them (the leader reads dialog-kind-*).
team-kind-goal = Lederens mål for ledelsesopgaven
team-kind-wellbeing = Lederens to vigtigste punkter for sin trivsel
team-kind-self = Lederens aftaler med sig selv
team-kind-manager = Lederens aftaler med dig
# HR's own start page, before HR is in a leader group.
start-no-groups-hr = Du er ikke med i en ledergruppe. Som HR opretter du ledergrupperne under Administration.
start-no-groups-hr-link = Gå til ledergrupperne
# Tool 3: the two points changed after top management approved the old two.
plan-notice-signoff-withdrawn = De to vigtigste punkter er gemt. Topledelsens godkendelse er fjernet, fordi den gjaldt de to punkter, der stod der før. Registrér godkendelsen igen, når topledelsen har godkendt de nye.
# A leader's start page before any leader agreement, with nothing due.
start-first-step-text = Intet venter på dig lige nu. Et godt sted at begynde er din egen lederaftale: hvad du vil lykkes med, og hvad du aftaler med dig selv og din nærmeste leder de næste tre måneder. Den kan du gå i gang med alene.
start-first-step-button = Begynd på din lederaftale
