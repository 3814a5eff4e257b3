"""Printed documents on the web, mounted under /print/."""

from django.urls import path

from policies import pdf_views

urlpatterns = [
    path("positions/<int:pk>/paper.pdf", pdf_views.position_paper, name="position_paper"),
    path("packs/new/", pdf_views.pack_new, name="pack_new"),
    path("packs/<int:pk>/", pdf_views.pack_detail, name="pack_detail"),
    path("packs/<int:pk>/download/", pdf_views.pack_download, name="pack_download"),
]
