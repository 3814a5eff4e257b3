from django.urls import path

from policies import import_views, views

# Every record: /<collection>/new/, /<collection>/<id>/edit/, /<collection>/<id>/history/, /<collection>/<id>/delete/.
urlpatterns = [
    path("positions/", views.position_list, name="position_list"),
    path("positions/new/", views.position_create, name="position_create"),
    path("positions/<id:pk>/", views.position_detail, name="position_detail"),
    path("positions/<id:pk>/edit/", views.position_edit, name="position_edit"),
    path("positions/<id:pk>/history/", views.position_history, name="position_history"),
    path("positions/<id:pk>/delete/", views.position_delete, name="position_delete"),
    path("positions/<id:pk>/adopt/", views.position_adopt, name="position_adopt"),
    path("positions/<id:pk>/publish/", views.position_publish, name="position_publish"),
    path("model-clauses/", views.modelclause_list, name="modelclause_list"),
    path("model-clauses/new/", views.modelclause_create, name="modelclause_create"),
    path("model-clauses/<id:pk>/", views.modelclause_detail, name="modelclause_detail"),
    path("model-clauses/<id:pk>/edit/", views.modelclause_edit, name="modelclause_edit"),
    path("model-clauses/<id:pk>/history/", views.modelclause_history, name="modelclause_history"),
    path("model-clauses/<id:pk>/delete/", views.modelclause_delete, name="modelclause_delete"),
    path("principles/", views.principle_list, name="principle_list"),
    path("principles/new/", views.principle_create, name="principle_create"),
    path("principles/<id:pk>/", views.principle_detail, name="principle_detail"),
    path("principles/<id:pk>/edit/", views.principle_edit, name="principle_edit"),
    path("principles/<id:pk>/history/", views.principle_history, name="principle_history"),
    path("principles/<id:pk>/delete/", views.principle_delete, name="principle_delete"),
    # Importing spreadsheets of every kind of record (the kinds of all three apps, so policies serves it).
    path("import/", import_views.import_page, name="import"),
    path("import/templates/<slug:kind>.csv", import_views.import_template, name="import_template"),
    path("export/<slug:slug>.xlsx", import_views.union_export, name="union_export"),
    # Rating a negotiated clause shows the model clause beside it, so it is policies' page.
    path("clauses/<id:pk>/rate/", views.clause_rate, name="clause_rate"),
]
