"""Printed documents on the web, mounted under /print/."""

from django.urls import path

from policies.documents import letters, reports, views

urlpatterns = [
    path("positions/<id:pk>/paper.pdf", views.position_paper, name="position_paper"),
    path("packs/new/", views.pack_new, name="pack_new"),
    path("reports/members/", reports.members_report, name="members_report"),
    path("clauses/compare.pdf", reports.comparison_pdf, name="clause_compare_pdf"),
    path("coverage.pdf", reports.coverage_pdf, name="coverage_pdf"),
    path("packs/<id:pk>/", views.pack_detail, name="pack_detail"),
    path("packs/<id:pk>/download/", views.pack_download, name="pack_download"),
    path("packs/<id:pk>/retry/", views.pack_retry, name="pack_retry"),
    path("consultations/<id:pk>/information-request/", letters.information_request, name="information_request"),
    path(
        "proposals/<id:pk>/information-request/",
        letters.proposal_information_request,
        name="proposal_information_request",
    ),
    path("events/<id:event_pk>/letter.pdf", letters.sent_letter, name="information_request_letter"),
    path(
        "unions/<id:union_pk>/information-request-questions/",
        letters.question_template,
        name="information_request_questions",
    ),
]
