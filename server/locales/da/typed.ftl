# Asking before an action that cannot be undone (web/ask.rs).
ask-cancel = Fortryd
ask-invite-all-title = Send invitationerne nu?
ask-invite-all-text = { $count ->
    [one] Den ene person, der ikke er inviteret, får nu en e-mail med et link til at oprette sin adgang. En sendt e-mail kan ikke kaldes tilbage.
   *[other] De { $count } personer, der ikke er inviteret, får nu hver en e-mail med et link til at oprette deres adgang. En sendt e-mail kan ikke kaldes tilbage.
}
ask-invite-all-confirm = { $count ->
    [one] Ja, send invitationen
   *[other] Ja, send { $count } invitationer
}
