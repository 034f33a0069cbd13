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
