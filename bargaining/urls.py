from django.urls import path

from bargaining import views

urlpatterns = [
    path("", views.home, name="home"),
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:unit_pk>/sessions/new/", views.session_create, name="session_create"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:session_pk>/table/", views.version_create, name="version_create"),
    path("clauses/", views.clause_list, name="clause_list"),
    path("clauses/export.csv", views.clause_export, name="clause_export"),
    path("clauses/compare/", views.clause_compare, name="clause_compare"),
    path("clauses/<int:pk>/", views.clause_detail, name="clause_detail"),
    path("coverage/", views.coverage, name="coverage"),
]
