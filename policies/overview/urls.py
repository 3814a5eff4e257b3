from django.urls import path

from policies.overview import views

urlpatterns = [
    path("", views.home, name="home"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("coverage/", views.coverage, name="coverage"),
    path("tools/<int:pk>/", views.tool_detail, name="tool_detail"),
]
