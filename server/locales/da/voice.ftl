# An agreement's parts as the nearest leader reads them (the leader reads dialog-kind-*).
team-kind-goal = Lederens mål for ledelsesopgaven
team-kind-wellbeing = Lederens to vigtigste punkter for sin trivsel
team-kind-self = Lederens aftaler med sig selv
team-kind-manager = Lederens aftaler med dig
# HR's own start page, before HR is in a leader group.
start-no-groups-hr = Du er ikke med i en ledergruppe. Som HR opretter du ledergrupperne under Administration.
start-no-groups-hr-link = Gå til ledergrupperne
