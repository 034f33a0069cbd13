# Nyt til dig (notify): start siden, mails og valget på Min konto.
notify-heading = Nyt til dig
notify-mark-read = Markér som læst
notify-mark-all-read = Markér alle som læst
notify-choose-mail = Vælg, hvor tit du får mail om nyt
notify-someone = En person
notify-a-group = din ledergruppe
notify-lift-arrived = Et punkt er løftet til { $group }
notify-lift-arrived-named = { $name } har løftet et punkt til { $group }
notify-lift-answered-group = { $group } har svaret på det punkt, du løftede
notify-lift-answered-org = Organisationen har svaret på det punkt, du løftede
notify-agreement-shared = { $name } har delt sin lederaftale med dig
notify-agreement-commented-yours = { $name } har skrevet en kommentar til din lederaftale
notify-agreement-commented-theirs = { $name } har skrevet en kommentar til sin lederaftale
notify-agreement-agreed-yours = { $name } har markeret din lederaftale som aftalt
notify-agreement-agreed-theirs = { $name } har markeret sin lederaftale som aftalt
notify-picture-revealed = Billedet for { $group } er klar
notify-mail-greeting = Kære { $name }
notify-mail-footer = Du får denne mail, fordi du har valgt at få mail om nyt i Ledertrivsel. Du kan ændre det under Min konto: { $link }
notify-digest-subject = { $count ->
    [one] Nyt til dig i Ledertrivsel: 1 ting
   *[other] Nyt til dig i Ledertrivsel: { $count } ting
}
notify-digest-lead = { $count ->
    [one] Der er sket noget nyt, siden du sidst hørte fra os:
   *[other] Der er sket { $count } nye ting, siden du sidst hørte fra os:
}

account-notify-heading = Mail om nyt
account-notify-text = Når nogen svarer på et punkt, du har løftet, deler eller kommenterer en lederaftale med dig, markerer den som aftalt, løfter et punkt til din gruppe, eller når et gruppebillede er klar, står det under "Nyt til dig" på din startside. Her vælger du, om du også vil have det på mail.
account-notify-legend = Hvor tit vil du have mail om nyt?
account-notify-immediate = Hver gang
account-notify-immediate-hint = En mail, så snart der sker noget.
account-notify-daily = Dagligt samlet
account-notify-daily-hint = Én mail om morgenen kl. 7 med alt det nye, du ikke har set.
account-notify-never = Aldrig
account-notify-never-hint = Du ser det nye på din startside.
account-notify-save = Gem valget
account-notify-saved = Dit valg af mail om nyt er gemt.
account-notify-error = Vælg hver gang, dagligt samlet eller aldrig.
