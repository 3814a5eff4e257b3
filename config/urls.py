from django.contrib import admin
from django.urls import include, path

from bargaining import views as bargaining_views

urlpatterns = [
    path("", bargaining_views.home, name="home"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
