# More news (notify): lifts that reach the organisation (read by HR), and "aftalt" marks taken back.
notify-lift-arrived-org = { $group } har løftet et punkt til organisationen
notify-lift-arrived-org-named = { $name } fra { $group } har løftet et punkt til organisationen
notify-agreement-unagreed-yours = { $name } har trukket sin markering »aftalt« af din lederaftale tilbage
notify-agreement-unagreed-theirs = { $name } har trukket sin markering »aftalt« af sin lederaftale tilbage
notify-agreement-changed = { $name } har ændret sin lederaftale, så den ikke længere er markeret som aftalt. Se ændringerne, og markér den igen, hvis I er enige.
