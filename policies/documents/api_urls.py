"""Printed documents in the API, mounted under /api/v1/."""

from django.urls import path

from policies.documents import api

urlpatterns = [
    path("positions/<id:pk>/paper.pdf", api.PositionPaperView.as_view(), name="api-position-paper"),
    path("packs/", api.PackListView.as_view(), name="api-pack-list"),
    path("packs/<id:pk>/", api.PackDetailView.as_view(), name="api-pack-detail"),
    path("packs/<id:pk>/download/", api.PackDownloadView.as_view(), name="api-pack-download"),
    path(
        "consultations/<id:pk>/information-request.pdf",
        api.InformationRequestView.as_view(),
        name="api-information-request",
    ),
    path("packs/<id:pk>/retry/", api.PackRetryView.as_view(), name="api-pack-retry"),
]
