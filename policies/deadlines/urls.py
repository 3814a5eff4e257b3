from django.urls import path, re_path

from policies.deadlines import feeds, views

urlpatterns = [
    path("tasks/", views.task_list, name="task_list"),
    path("tasks/new/", views.task_create, name="task_create"),
    path("tasks/<id:pk>/edit/", views.task_edit, name="task_edit"),
    path("tasks/<id:pk>/done/", views.task_done, name="task_done"),
    path("tasks/<id:pk>/history/", views.task_history, name="task_history"),
    # The token is 43 URL-safe characters (accounts.models.new_feed_token); anything else is a plain 404.
    re_path(r"^calendar/(?P<token>[A-Za-z0-9_-]{20,64})\.ics$", feeds.calendar_feed, name="calendar_feed"),
]
