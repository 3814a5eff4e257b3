from django.urls import path

from policies.overview import views

urlpatterns = [
    path("", views.home, name="home"),
    path("units/<id:pk>/", views.unit_detail, name="unit_detail"),
    path("coverage/", views.coverage, name="coverage"),
    path("search/", views.search, name="search"),
    path("tools/<id:pk>/", views.tool_detail, name="tool_detail"),
    path("employers/<id:pk>/", views.employer_detail, name="employer_detail"),
    path("proposals/<id:pk>/", views.proposal_detail, name="proposal_detail"),
    path("consultations/<id:pk>/", views.consultation_detail, name="consultation_detail"),
]
