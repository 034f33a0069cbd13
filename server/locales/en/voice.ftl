# An agreement's parts as the nearest leader reads them (the leader reads dialog-kind-*).
team-kind-goal = The leader's goals for their leadership task
team-kind-wellbeing = The leader's two most important points for their wellbeing
team-kind-self = The leader's agreements with themselves
team-kind-manager = The leader's agreements with you
