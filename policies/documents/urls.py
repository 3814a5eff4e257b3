"""Printed documents on the web, mounted under /print/."""

from django.urls import path

from policies.documents import views

urlpatterns = [
    path("positions/<int:pk>/paper.pdf", views.position_paper, name="position_paper"),
    path("packs/new/", views.pack_new, name="pack_new"),
    path("packs/<int:pk>/", views.pack_detail, name="pack_detail"),
    path("packs/<int:pk>/download/", views.pack_download, name="pack_download"),
]
