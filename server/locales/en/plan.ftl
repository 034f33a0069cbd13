# Tool 3: Create an overall plan for leader wellbeing

plan-plans-heading = The organisation's plan
plan-none-yet = No plan has been started yet.
plan-started = started { $date }
plan-signed-off = signed off by top management { $date }
plan-not-signed-off = Top management has not signed off the plan yet.
plan-replaced = replaced by a newer plan
plan-replaced-note = The plan has been replaced by a newer one and can only be read.
plan-title-label = The plan's name
plan-title-hint = For example "Plan for leader wellbeing 2027". A new plan replaces the current one, which is kept for reference.
plan-start = Start a new plan
plan-error-title = Write a name of at most 200 characters.
plan-error-closed = The plan has been replaced by a newer one and cannot be changed.
plan-error-theme-unknown = The theme is not on the theme sheet or not chosen in the plan.
plan-error-deadline-before-start = The deadline cannot be before the start.
plan-error-top-twice = Choose two different themes as the two most important points.
plan-error-signoff-both = Give both who signed off the plan and when – or neither.

plan-overview-heading = The anonymous overview
plan-overview-lead = The figures show how much work goes into leader wellbeing across the organisation. No figure singles out a person: numbers of leaders are shown only when they rest on at least as many as the organisation's anonymity threshold.
plan-overview-leaders = Leaders in the organisation
plan-overview-with-agreement = Leaders with an active leader agreement
plan-overview-of = { $count } of { $total }
plan-overview-under-k = fewer than { $k } (not shown)
plan-overview-groups = Leader groups
plan-overview-groups-agreed = Leader groups with a group agreement in the last year
plan-overview-groups-following-up = Leader groups that followed up their agreement in the last year
plan-overview-inbox = Themes from leader groups and leaders waiting for an answer
plan-overview-figure = Figure
plan-overview-value = Value
plan-overview-file = leader-wellbeing-overview
plan-overview-xlsx = Download as Excel (.xlsx)
plan-overview-csv = Download as CSV
plan-overview-apv = See the leader APV's colour map
plan-inbox-heading = Themes lifted to the organisation
plan-inbox-lead = { $count ->
    [one] One theme is waiting for the organisation's answer.
   *[other] { $count } themes are waiting for the organisation's answer.
}
plan-inbox-link = Go to the inbox and answer
plan-process-heading = Playbook for the process

plan-back-to-tool = To the plan for leader wellbeing
plan-back-to-plan = Back to the plan
plan-steps-label = The plan's steps
plan-print-link = The plan for printing and Word
plan-meeting-playbook = Playbook for the meeting ({ $minutes } min)
plan-notice-saved = Saved.
plan-notice-placed = The theme has moved in the matrix.
plan-notice-decided = The two most important points and top management's sign-off are saved.
plan-theme-gone = (a theme no longer on the theme sheet)
plan-choose-first = First choose the themes on the theme sheet.

plan-sheet-heading = The theme sheet
plan-sheet-lead = Choose the themes that are relevant for you. Better a few themes you can act on than many. The leader APV's themes are your organisation's own, which HR can edit in the catalogue.
plan-sheet-legend = Relevant themes for leader wellbeing here
plan-sheet-save = Save the choice of themes
plan-from-apv = from the leader APV
plan-mapping-heading = What do we know – and what do we still need to know?
plan-save = Save
plan-known-short = What we know:
plan-unfold-short = How we will work with it:
plan-cards-heading = Action cards
plan-decision-heading = The plan's two most important points and top management's sign-off
plan-top-label = Most important point { $n }
plan-top-none = Not chosen
plan-signed-off-on = Signed off on
plan-decision-save = Save the points and the sign-off

plan-doc-top = The two most important points
plan-doc-top-none = The two most important points have not been chosen yet.
plan-doc-cards = Action cards
plan-doc-no-themes = No themes have been chosen yet.
plan-doc-signoff = Top management's sign-off
plan-doc-footer = Plan for leader wellbeing from Ledertrivsel, downloaded { $date }
plan-doc-file = plan-for-leader-wellbeing
plan-lifted-heading = Themes from leader groups and leaders
plan-lifted-lead = What leader groups and leaders have lifted to the organisation is also knowledge about leader wellbeing here. Answer each theme in the inbox: taken into the plan, handled elsewhere, or declined with a reason.
plan-lifted-none = No themes have been lifted to the organisation yet.
plan-overview-apv-participation = Leaders who handed in Skema 1 in the newest APV campaign
plan-overview-no-campaign = no campaign yet
plan-why-heading = Why an overall plan for leader wellbeing?
plan-apv-heading = The leader APV: { $title }
plan-apv-lead = Share of the { $count } leaders who handed in Skema 1 who put the theme in each colour. Themes with the most red come first.
plan-apv-link = See the colour map and the change since last time
plan-apv-too-few = The picture is shown once at least { $k } leaders have handed in (the organisation's anonymity threshold).
plan-apv-too-few-plain = The picture is not shown, because together with another view it could single out a leader.
