from django.urls import path

from policies.following import views

urlpatterns = [
    path("notifications/", views.notifications, name="notifications"),
    path("follow/<slug:kind>/<id:pk>/", views.follow, name="follow"),
]
