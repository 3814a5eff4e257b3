from django.urls import path

from consultations import views

urlpatterns = [
    path("tools/", views.tool_list, name="tool_list"),
    path("tools/<int:pk>/", views.tool_detail, name="tool_detail"),
    path("proposals/", views.proposal_list, name="proposal_list"),
    path("proposals/new/", views.proposal_create, name="proposal_create"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/new/", views.consultation_create, name="consultation_create"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("consultations/<int:pk>/events/", views.event_create, name="event_create"),
    path("consultations/<int:pk>/stage/", views.stage_move, name="stage_move"),
]
