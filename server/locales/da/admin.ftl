admin-title = Administration
admin-nav = Administration
admin-overview = Overblik
admin-people = Personer
admin-units = Enheder
admin-groups = Ledergrupper
admin-import = Importér fra CSV
admin-catalogue = Værktøjernes indhold
admin-settings = Indstillinger
admin-audit = Log over handlinger
admin-people-count = { $count ->
    [one] 1 person
   *[other] { $count } personer
}
admin-units-count = { $count ->
    [one] 1 enhed
   *[other] { $count } enheder
}
admin-groups-count = { $count ->
    [one] 1 ledergruppe
   *[other] { $count } ledergrupper
}
