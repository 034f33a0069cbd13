admin-title = Administration
admin-nav = Administration
admin-overview = Overview
admin-people = People
admin-units = Units
admin-groups = Leader groups
admin-import = Import from CSV
admin-catalogue = Tool content
admin-settings = Settings
admin-audit = Audit log
admin-people-count = { $count ->
    [one] 1 person
   *[other] { $count } people
}
admin-units-count = { $count ->
    [one] 1 unit
   *[other] { $count } units
}
admin-groups-count = { $count ->
    [one] 1 leader group
   *[other] { $count } leader groups
}
