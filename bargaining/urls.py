from django.urls import path

from bargaining import views

urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:unit_pk>/sessions/new/", views.session_create, name="session_create"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:session_pk>/table/", views.version_create, name="version_create"),
    path("clauses/compare/", views.clause_compare, name="clause_compare"),
]
