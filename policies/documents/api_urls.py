"""Printed documents in the API, mounted under /api/v1/."""

from django.urls import path

from policies.documents import api

urlpatterns = [
    path("positions/<int:pk>/paper.pdf", api.PositionPaperView.as_view(), name="api-position-paper"),
    path("packs/", api.PackListView.as_view(), name="api-pack-list"),
    path("packs/<int:pk>/", api.PackDetailView.as_view(), name="api-pack-detail"),
    path("packs/<int:pk>/download/", api.PackDownloadView.as_view(), name="api-pack-download"),
]
