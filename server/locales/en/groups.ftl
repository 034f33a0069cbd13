# HR: leader groups, importing people, the audit log and settings.

## Leader groups

groups-intro = A leader group is the leaders who work together in the tools, plus the group leader, who convenes and chairs the meetings.
groups-new = Create leader group
groups-none = There are no leader groups yet.
groups-col-name = Name
groups-col-leader = Group leader
groups-col-members = Members
groups-col-openness = Answers shown
groups-col-actions = Actions
groups-no-leader = None chosen
groups-delete = Delete
groups-delete-group = Delete the leader group
groups-delete-title = Delete the leader group { $name }?
groups-delete-explain = The people in the group are not deleted. But everything the group has done in the tools, such as answers and decisions, is deleted with the group and cannot be restored.
groups-delete-confirm = Yes, delete the leader group
groups-cancel = Cancel
groups-new-title = Create leader group
groups-edit-title = Edit leader group
groups-field-name = Name of the group
groups-field-name-hint = E.g. Children and Youth leader group. Two groups cannot have the same name.
groups-field-leader = Group leader
groups-field-leader-hint = The person who convenes the group and chairs the meetings. The group leader always has access to the group.
groups-field-leader-choose = Choose the group leader
groups-no-unit = No unit
groups-no-people = There are no people in the organisation yet. Create or import people first.
groups-field-members = Members
groups-field-members-hint = Tick the leaders who are in the group. People are listed under their unit.
groups-field-openness = How are answers shown in the group?
groups-openness-anonymous = Anonymous
groups-openness-anonymous-hint = Members only see the group's overall picture, without names. Nobody can see what an individual answered. This is the default.
groups-openness-named = Open mode with names
groups-openness-named-hint = Members see each other's answers with names, but only inside the group. Every member is told this before they answer.
groups-save = Save changes
groups-create = Create leader group
groups-notice-created = The leader group has been created.
groups-notice-updated = Your changes have been saved.
groups-notice-deleted = The leader group has been deleted.
groups-error-name-taken = There is already a leader group with that name. Choose another name.
groups-error-leader-missing = Choose the group leader.
groups-error-leader-unknown = The chosen leader is not in the organisation. Reload the page and choose again.
groups-error-member-unknown = One of the chosen members is not in the organisation. Reload the page and choose again.
groups-error-openness-invalid = Choose whether answers are shown anonymously or with names.

## Importing people

import-lead = Here you can create and update many people at once from a CSV file, such as an export from your HR system.
import-howto-heading = How to do it
import-howto-columns = Make one row per person with the columns Name, E-mail, Unit, Nearest leader (the leader's e-mail address) and Roles. Only name and e-mail are required.
import-howto-roles = Roles can be leader, HR, top_management, works_council, safety_org or facilitator, or their Danish names. Separate several with +, e.g. leader+hr. An empty field makes the person a leader. The role HR makes the person HR administrator with access to all of the administration, and the overview warns about it.
import-howto-excel = In Excel: choose File > Save As and pick the file type "CSV UTF-8 (Comma delimited)". Then æ, ø and å come through correctly. Despite the name, Danish Excel puts semicolons between the fields, and that is fine.
import-howto-update = People are matched by their e-mail address. If a person is already in the organisation, they are updated instead of created again. Empty fields are cleared for that person.
import-example = Download an example file (CSV)
import-field-file = Choose a CSV file
import-field-file-hint = At most { $mb } MB.
import-field-text = Or paste the content here
import-field-text-hint = You can copy the rows straight from Excel, with the header row at the top.
import-preview-submit = Show what will happen
import-nothing-saved-yet = Nothing is saved until you have seen the overview and confirmed.
import-nothing-chosen = Choose a file or paste the content into the text field.
import-too-large = The file is too large. It may be at most { $mb } MB. Split it into several files and import them one at a time.
import-problems-heading = The file cannot be imported
import-problems-lead = Correct the errors below in the file and try again. Nothing has been saved.
import-line = Line { $line }
import-preview-title = Check the import before you confirm
import-preview-lead = Nothing has been saved yet. Look through the list and confirm if it is right.
import-summary = { $new ->
        [one] 1 new person
       *[other] { $new } new people
    }, { $updated ->
        [one] 1 will be updated
       *[other] { $updated } will be updated
    }, { $unchanged ->
        [one] 1 unchanged
       *[other] { $unchanged } unchanged
    } and { $units ->
        [one] 1 new unit
       *[other] { $units } new units
    }.
import-new-units = These units will be created
import-confirm = Confirm and import
import-cancel = Cancel
import-preview-caption = What happens to each row of the file
import-col-line = Line
import-col-name = Name
import-col-email = E-mail
import-col-unit = Unit
import-col-leader = Nearest leader
import-col-roles = Roles
import-col-action = What happens
import-unit-new = new unit
import-none = None
import-action-new = New person
import-action-unchanged = Unchanged
import-action-update = Updated: { $what }
import-change-name = name
import-change-unit = unit
import-change-leader = nearest leader
import-change-roles = roles
import-done-heading = The import is complete
import-done = New people: { $new }. Updated: { $updated }. Unchanged: { $unchanged }. New units: { $units }.
import-audit-target = New people: { $new }, updated: { $updated }, unchanged: { $unchanged }, new units: { $units }

## Audit log

audit-intro = Here you can see who did what in the administration, and when. The newest are at the top.
audit-empty = There are no actions in the log yet.
audit-caption = Actions, page { $page }
audit-col-when = When
audit-col-actor = Who
audit-col-action = Action
audit-col-target = What
audit-pages = Pages of the log
audit-newer = Newer actions
audit-older = Older actions
audit-org-created = Created the organisation
audit-group-created = Created leader group
audit-group-updated = Edited leader group
audit-group-deleted = Deleted leader group
audit-people-imported = Imported people
audit-settings-updated = Changed settings

## Settings

settings-saved = The settings have been saved.
settings-org-name = Name of the organisation
settings-org-name-hint = The name is shown at the top of the pages for everyone in the organisation.
settings-k = Anonymity threshold for figures
settings-k-hint = Figures and overviews are shown to anyone outside the group only when at least this many have answered, so that nobody can be recognised. The lowest threshold is 3. A change applies only to rounds and campaigns started afterwards.
settings-free-text-k = Anonymity threshold for free text
settings-free-text-k-hint = Comments and keywords are shown to anyone outside the group only when at least this many have answered. It cannot be lower than the threshold for figures.
settings-retention-days = Retention period in days
settings-retention-days-hint = Completed rounds and answers are kept this many days before they are deleted. At least { $min } days.
settings-save = Save settings
settings-error-number = Write a whole number, e.g. 5.
settings-error-retention-range = The retention period must be between { $min } and { $max } days.
