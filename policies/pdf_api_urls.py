"""Printed documents in the API, mounted under /api/v1/."""

from django.urls import path

from policies import pdf_api

urlpatterns = [
    path("positions/<int:pk>/paper.pdf", pdf_api.PositionPaperView.as_view(), name="api-position-paper"),
    path("packs/", pdf_api.PackListView.as_view(), name="api-pack-list"),
    path("packs/<int:pk>/", pdf_api.PackDetailView.as_view(), name="api-pack-detail"),
    path("packs/<int:pk>/download/", pdf_api.PackDownloadView.as_view(), name="api-pack-download"),
]
