# Asking before an action that cannot be undone (web/ask.rs).
ask-cancel = Cancel
ask-invite-all-title = Send the invitations now?
ask-invite-all-text = { $count ->
    [one] The one person not yet invited now gets an e-mail with a link to set up their access. A sent e-mail cannot be called back.
   *[other] The { $count } people not yet invited now each get an e-mail with a link to set up their access. A sent e-mail cannot be called back.
}
ask-invite-all-confirm = { $count ->
    [one] Yes, send the invitation
   *[other] Yes, send { $count } invitations
}
