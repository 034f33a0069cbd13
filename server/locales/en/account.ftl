# My account: details, language, download my data, delete my account.
account-title = My account
account-language-saved = Your language choice has been saved.
account-you-heading = Your details
account-name = Name
account-roles = Roles
account-no-roles = No roles
account-unit = Unit
account-nearest-leader = Nearest leader
account-not-set = Not set
account-you-hint = If anything is wrong, HR in your organisation can correct it.

account-language-heading = Language
account-language-legend = Which language do you want to use Ledertrivsel in?
account-language-save = Save language
account-error-language = Choose Danish or English.

account-export-heading = Your data
account-export-text = You can download everything Ledertrivsel holds about you: your details in each organisation, your roles and leader groups, your answers together with the statements you answered, your comments, the decisions you are responsible for, and the actions you have taken. The file is in JSON format.
account-export-link = Download my data (JSON)

account-delete-heading = Delete your account
account-delete-text = When you delete your account, your details and your answers are deleted in every organisation. This cannot be undone.
account-delete-link = Delete my account
account-delete-title = Delete your account
account-delete-blocked-heading = You cannot delete your account right now
account-delete-error-last-admin = You are the only HR admin of { $orgs }. Give someone else the HR admin role before you delete your account, so the organisation is not left without an admin.
account-back = Back to My account
account-delete-intro =
    { $count ->
        [0] Your account is deleted straight away. This cannot be undone.
        [one] Your account and everything about you in your organisation are deleted straight away. This cannot be undone.
       *[other] Your account and everything about you in your { $count } organisations are deleted straight away. This cannot be undone.
    }
account-delete-gone-heading = What is deleted
account-delete-gone-account = Your account, your e-mail address and your password
account-delete-gone-answers = Your answers and comments in the tools
account-delete-gone-groups = Your roles, your place in leader groups, and your unit and nearest leader
account-delete-kept-heading = What is kept
account-delete-kept-audit = The organisation's log of actions keeps your name on the actions you took yourself, and records that your account was deleted.
account-delete-kept-shared = Shared decisions and rounds in leader groups stay, but without your name.
account-delete-export-first = Do you want to keep a copy of your data first?
account-delete-password = Your password
account-delete-password-hint = Enter your password to confirm that you want to delete your account.
account-delete-submit = Delete my account permanently
account-delete-cancel = Cancel
account-delete-error-password = The password is wrong. Your account has not been deleted.
account-delete-error-password-missing = Enter your password to confirm that you want to delete your account.

audit-account-deleted = Deleted their account
