from django.urls import path

from bargaining import views

urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/<id:unit_pk>/sessions/new/", views.session_create, name="session_create"),
    path("agreements/<id:pk>/", views.agreement_detail, name="agreement_detail"),
    path("sessions/<id:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<id:session_pk>/table/", views.version_create, name="version_create"),
    path("clauses/compare/", views.clause_compare, name="clause_compare"),
]
