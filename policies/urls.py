from django.urls import path

from policies import views

urlpatterns = [
    path("positions/", views.position_list, name="position_list"),
    path("positions/new/", views.position_create, name="position_create"),
    path("positions/<id:pk>/", views.position_detail, name="position_detail"),
    path("positions/<id:pk>/edit/", views.position_edit, name="position_edit"),
    path("positions/<id:pk>/adopt/", views.position_adopt, name="position_adopt"),
    path("positions/<id:pk>/publish/", views.position_publish, name="position_publish"),
    path("model-clauses/", views.modelclause_list, name="modelclause_list"),
    path("model-clauses/<id:pk>/", views.modelclause_detail, name="modelclause_detail"),
    path("principles/", views.principle_list, name="principle_list"),
    path("principles/<id:pk>/", views.principle_detail, name="principle_detail"),
]
