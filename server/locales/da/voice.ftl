# An agreement's parts as the nearest leader reads them (the leader reads dialog-kind-*).
team-kind-goal = Lederens mål for ledelsesopgaven
team-kind-wellbeing = Lederens to vigtigste punkter for sin trivsel
team-kind-self = Lederens aftaler med sig selv
team-kind-manager = Lederens aftaler med dig
