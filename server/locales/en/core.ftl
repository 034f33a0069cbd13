# Shared texts: frame, errors, sign-in.
skip-to-content = Skip to content
nav-main = Main menu
nav-start = Home
nav-admin = Administration
nav-account = My account
nav-sign-out = Sign out
footer-text = Ledertrivsel – strengthen leaders' wellbeing and results. What you write is yours until you choose to share it.
form-has-errors = There are errors in the form. Please correct the following:

error-not-found-title = Page not found
error-not-found = We cannot find the page. It may have been deleted, or the link may be wrong.
error-forbidden-title = No access
error-forbidden = You do not have access to this page. Contact HR in your organisation if you think this is a mistake.
error-csrf-title = The form has expired
error-csrf = The form is too old or was sent from another page. Go back, reload the page and try again.
error-rate-limited-title = Too many attempts
error-rate-limited = There have been too many attempts in a short time. Wait a few minutes and try again.
error-bad-request-title = The request could not be handled
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Try again shortly. Nothing you sent has been saved.
error-back-to-start = Go to the home page
error-go-to-sign-in = Go to sign in
error-form-too-large = What you sent is too large. Shorten the text and try again.
error-form-invalid = The form contained invalid values. Reload the page and try again.
error-form-incomplete = The form did not arrive whole, so nothing was saved or deleted. Reload the page and try again.
error-language-unknown = The chosen language does not exist.

error-email-missing = Enter an e-mail address.
error-email-too-long = The e-mail address is too long (at most 254 characters).
error-email-invalid = Enter a valid e-mail address, e.g. name@company.com.
error-text-control-chars = The text contains invisible control characters. Type it again without copying.
error-name-missing = Enter a name.
error-name-too-long = The name is too long (at most 120 characters).
error-org-name-missing = Enter the organisation's name.
error-org-name-too-long = The organisation's name is too long (at most 160 characters).
error-unit-name-missing = Enter the unit's name.
error-unit-name-too-long = The unit's name is too long (at most 160 characters).
error-group-name-missing = Enter the leader group's name.
error-group-name-too-long = The leader group's name is too long (at most 160 characters).
error-text-missing = Enter a text.
error-text-too-long = The text is too long (at most 4,000 characters).
error-password-too-short = The password must be at least 10 characters.
error-password-too-long = The password is too long (at most 512 characters).
error-password-mismatch = The two passwords are not the same.
error-date-invalid = Enter a valid date.
error-threshold-too-low = The anonymity threshold cannot be lower than 3.
error-free-text-threshold-below-k = The threshold for free text cannot be lower than the threshold for counts.
error-threshold-too-high = The threshold is too high (at most 1,000).
error-scale-invalid = Choose an answer on the scale.
error-next-tool-invalid = Choose one of the tools in the list.

role-leader = Leader
role-hr-admin = HR administrator
role-top-management = Top management
role-works-council = Works council (MED/SU)
role-safety-org = Safety organisation (AMO)
role-facilitator = Facilitator/consultant

tool-leader-dialog = Tool 1: The leader's dialog with the nearest leader
tool-group-collaboration = Tool 2: Sharpen the leader group's collaboration
tool-organisation-plan = Tool 3: An overall plan for leader wellbeing
tool-leader-apv = Leader APV
tool-dialog-cards = Dialog cards
tool-network = Leader networks

signin-title = Sign in
signin-notice-password-changed = Your password has been changed. Sign in with the new one.
signin-notice-account-deleted = Your account and your data have been deleted.
signin-error-wrong = The e-mail or password is wrong.
signin-submit = Sign in
signin-forgot = Forgotten your password?
field-email = E-mail
field-password = Password

setup-title = Create your organisation
setup-intro = You are creating the first organisation on this server. You become its HR administrator and can then create units, leaders and leader groups.
field-org-name = Organisation name
field-org-name-hint = E.g. Aarhus Municipality or Northern Savings Bank.
field-your-name = Your name
setup-submit = Create organisation
field-new-password = New password
field-new-password-hint = At least 10 characters. A sentence is easier to remember than symbols.
field-password-repeat = Repeat the password

reset-heading = Choose a new password
password-save = Save password
forgot-title = Forgotten password
forgot-intro = Enter your e-mail address and we will send a link where you can choose a new password.
forgot-submit = Send link
forgot-sent = If the address has an account, we have sent a link. It works for two hours. Remember to check your spam folder.
forgot-back = Back to sign in
mail-reset-subject = Choose a new password for Ledertrivsel
mail-reset-body =
    Hello

    Someone (hopefully you) asked to reset the password of your Ledertrivsel account.
    Use the link below to choose a new one. It works for two hours and only once.

    { $link }

    If you did not ask for this, ignore this mail. Your password is unchanged.

orgs-title = Choose organisation
orgs-intro = You belong to several organisations. Choose the one you want to work in now.
orgs-none = Your account no longer belongs to an organisation. Contact HR if this is a mistake.

start-title = Home
start-greeting = Hello { $name }
start-lead = Here are your tools, your leader groups and what is waiting for you.
start-due-heading = Waiting for you
start-nothing-due = Nothing right now.
start-groups-heading = Your leader groups
start-no-groups = You are not in a leader group yet. HR creates the leader groups.
start-you-lead = You are the group's leader.
start-tools-heading = Tools
start-go-admin = Go to administration
