from django.urls import path

from consultations import clause_library, views

urlpatterns = [
    path("tools/", views.tool_list, name="tool_list"),
    path("proposals/", views.proposal_list, name="proposal_list"),
    path("proposals/new/", views.proposal_create, name="proposal_create"),
    path("proposals/<id:pk>/", views.proposal_detail, name="proposal_detail"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/new/", views.consultation_create, name="consultation_create"),
    path("consultations/<id:pk>/", views.consultation_detail, name="consultation_detail"),
    path("consultations/<id:pk>/events/", views.event_create, name="event_create"),
    path("consultations/<id:pk>/stage/", views.stage_move, name="stage_move"),
    # The clause library: clauses with the tools and consultations that produced them.
    path("clauses/", clause_library.clause_list, name="clause_list"),
    path("clauses/export.csv", clause_library.clause_export, name="clause_export"),
    path("clauses/<id:pk>/", clause_library.clause_detail, name="clause_detail"),
]
