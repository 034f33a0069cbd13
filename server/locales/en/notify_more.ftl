# More news (notify): lifts that reach the organisation (read by HR), and "agreed" marks taken back.
notify-lift-arrived-org = { $group } has lifted a point to the organisation
notify-lift-arrived-org-named = { $name } from { $group } has lifted a point to the organisation
notify-agreement-unagreed-yours = { $name } has taken back their "agreed" mark on your leader agreement
notify-agreement-unagreed-theirs = { $name } has taken back their "agreed" mark on their leader agreement
notify-agreement-changed = { $name } has changed their leader agreement, so it is no longer marked as agreed. Look at the changes, and mark it again if you agree.
