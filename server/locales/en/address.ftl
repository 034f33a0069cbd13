## The sign-in address is the person's own (docs/decisions/0010-addresses-belong-to-people.md)

address-error-several-orgs = This person also signs in with this address in another organisation, so no organisation can change it. Only the person can change the address.
address-notice-proposed = The changes have been saved. The new e-mail address has been sent for confirmation: it takes effect only when the person confirms it from the mail to the new address. The old address has been told.
address-proposed-pending = New address proposed: { $email }. The person signs in with the current address until they confirm the new one.
address-invitation-cooling = An invitation was just sent to { $name }. Out of consideration for the recipient, the next one can be sent at { $time } at the earliest. Nothing has been sent now.

address-mail-confirm-subject = Confirm your new sign-in address for Ledertrivsel
address-mail-confirm-body =
    Hello { $name }

    { $proposer } at { $org } has proposed that you sign in to Ledertrivsel with this address, { $new }, instead of { $old }.

    The address changes only if you confirm it yourself. Open the link and confirm with the password you sign in with today. The link works for 2 days and only once.

    { $link }

    If you do not know about this change, do nothing. You will keep signing in with { $old }.
address-mail-notice-subject = Someone wants to change your sign-in address for Ledertrivsel
address-mail-notice-body =
    Hello { $name }

    { $proposer } at { $org } has proposed changing the address you sign in to Ledertrivsel with from { $old } to { $new }.

    Nothing has changed yet. The address changes only if you confirm it yourself from the link in the mail to the new address, with your password.

    If you do not know about this change, do nothing, and consider talking to HR at { $org }.

address-confirm-title = Confirm new sign-in address
address-confirm-intro = { $org } has proposed a new address for you to sign in with.
address-confirm-old = Current address
address-confirm-new = New address
address-confirm-why = The address is yours. It changes only when you confirm it here.
address-confirm-signed-in = You are signed in with the account this change is for.
address-confirm-password = Your password (the one you sign in with today)
address-confirm-button = Confirm the new address
address-confirm-ignore = If you do not want to change your address, close this page. You will keep signing in with { $old }.
address-error-wrong-password = The password is wrong. The address has not been changed.
address-error-taken = There is already an account in Ledertrivsel with the new address, so it cannot also be your sign-in address. The address has not been changed.
account-address-changed = Your sign-in address has been changed. From now on you sign in with the new address.

address-chooser-invited-by = Invited by { $name } ({ $email }).
address-chooser-joined = Member since { $date }.
address-chooser-invited = Invited { $date }.
address-chooser-invitations = Invitations
address-chooser-invitations-intro = These organisations have invited you. You become part of an organisation only when you accept. Check that you know who invited you: anyone can choose an organisation's name, but the sender's sign-in address cannot be forged.
address-chooser-accept = Accept the invitation from { $org }

audit-address-change-proposed = Proposed a new sign-in address
audit-address-changed = Confirmed a new sign-in address

setup-error-email-taken = This address already has an account. Use another address for the new organisation's HR admin; the account's owner can be invited afterwards.
