# New for you (notify): the start page, mails and the choice on My account.
notify-heading = New for you
notify-mark-read = Mark as read
notify-mark-all-read = Mark all as read
notify-choose-mail = Choose how often you get mail about news
notify-someone = Someone
notify-a-group = your leader group
notify-lift-arrived = A point was lifted to { $group }
notify-lift-arrived-named = { $name } lifted a point to { $group }
notify-lift-answered-group = { $group } answered the point you lifted
notify-lift-answered-org = The organisation answered the point you lifted
notify-agreement-shared = { $name } shared their leader agreement with you
notify-agreement-commented-yours = { $name } commented on your leader agreement
notify-agreement-commented-theirs = { $name } commented on their leader agreement
notify-agreement-agreed-yours = { $name } marked your leader agreement as agreed
notify-agreement-agreed-theirs = { $name } marked their leader agreement as agreed
notify-picture-revealed = The picture for { $group } is ready
notify-mail-greeting = Dear { $name }
notify-mail-footer = You get this mail because you chose to get mail about news in Ledertrivsel. You can change that under My account: { $link }
notify-digest-subject = { $count ->
    [one] New for you in Ledertrivsel: 1 thing
   *[other] New for you in Ledertrivsel: { $count } things
}
notify-digest-lead = { $count ->
    [one] Something new happened since you last heard from us:
   *[other] { $count } new things happened since you last heard from us:
}

account-notify-heading = Mail about news
account-notify-text = When someone answers a point you lifted, shares or comments on a leader agreement with you, marks it as agreed, lifts a point to your group, or when a group picture is ready, it shows under "New for you" on your start page. Here you choose whether you also want it by mail.
account-notify-legend = How often do you want mail about news?
account-notify-immediate = Every time
account-notify-immediate-hint = A mail as soon as something happens.
account-notify-daily = Daily summary
account-notify-daily-hint = One mail in the morning at 7 with everything new you have not seen.
account-notify-never = Never
account-notify-never-hint = You see the news on your start page.
account-notify-save = Save the choice
account-notify-saved = Your choice of mail about news is saved.
account-notify-error = Choose every time, daily summary or never.
