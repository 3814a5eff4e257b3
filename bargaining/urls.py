from django.urls import path

from bargaining import views

urlpatterns = [
    path("", views.home, name="home"),
]
