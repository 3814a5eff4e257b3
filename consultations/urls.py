from django.urls import path

from consultations import attachment_views, clause_library, views

# Every record: /<collection>/new/ (or /<parent collection>/<id>/<collection>/new/ when it is made in the
# context of another), /<collection>/<id>/edit/, /<collection>/<id>/history/, /<collection>/<id>/delete/;
# /<collection>/<id>/archive/ for records retired by archiving. The pages of a tool, a proposal and a
# consultation are policies.overview's.
urlpatterns = [
    # Documents attached to an agreement, a session, a proposal, a timeline event or a tool.
    path("attachments/new/<slug:owner>/<id:pk>/", attachment_views.attachment_create, name="attachment_create"),
    path("attachments/<id:pk>/", attachment_views.attachment_download, name="attachment_download"),
    path("attachments/<id:pk>/remove/", attachment_views.attachment_remove, name="attachment_remove"),
    path("vendors/", views.vendor_list, name="vendor_list"),
    path("vendors/new/", views.vendor_create, name="vendor_create"),
    path("vendors/<id:pk>/", views.vendor_detail, name="vendor_detail"),
    path("vendors/<id:pk>/edit/", views.vendor_edit, name="vendor_edit"),
    path("vendors/<id:pk>/history/", views.vendor_history, name="vendor_history"),
    path("vendors/<id:pk>/archive/", views.vendor_archive, name="vendor_archive"),
    path("vendors/<id:pk>/delete/", views.vendor_delete, name="vendor_delete"),
    path("tools/", views.tool_list, name="tool_list"),
    path("tools/new/", views.tool_create, name="tool_create"),
    path("tools/<id:pk>/edit/", views.tool_edit, name="tool_edit"),
    path("tools/<id:pk>/history/", views.tool_history, name="tool_history"),
    path("tools/<id:pk>/archive/", views.tool_archive, name="tool_archive"),
    path("tools/<id:pk>/delete/", views.tool_delete, name="tool_delete"),
    path("proposals/", views.proposal_list, name="proposal_list"),
    path("proposals/new/", views.proposal_create, name="proposal_create"),
    path("proposals/<id:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("proposals/<id:pk>/history/", views.proposal_history, name="proposal_history"),
    path("proposals/<id:pk>/delete/", views.proposal_delete, name="proposal_delete"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/new/", views.consultation_create, name="consultation_create"),
    path("consultations/<id:pk>/edit/", views.consultation_edit, name="consultation_edit"),
    path("consultations/<id:pk>/history/", views.consultation_history, name="consultation_history"),
    path("consultations/<id:pk>/delete/", views.consultation_delete, name="consultation_delete"),
    path("consultations/<id:pk>/stage/", views.stage_move, name="stage_move"),
    path("consultations/<id:pk>/events/new/", views.event_create, name="event_create"),
    path("events/<id:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<id:pk>/history/", views.event_history, name="event_history"),
    path("events/<id:pk>/delete/", views.event_delete, name="event_delete"),
    # The clause library: clauses with the tools and consultations that produced them.
    path("clauses/", clause_library.clause_list, name="clause_list"),
    path("clauses/export.csv", clause_library.clause_export, name="clause_export"),
    path("clauses/<id:pk>/", clause_library.clause_detail, name="clause_detail"),
]
