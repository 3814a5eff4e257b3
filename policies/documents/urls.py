"""Printed documents on the web, mounted under /print/."""

from django.urls import path

from policies.documents import views

urlpatterns = [
    path("positions/<id:pk>/paper.pdf", views.position_paper, name="position_paper"),
    path("packs/new/", views.pack_new, name="pack_new"),
    path("packs/<id:pk>/", views.pack_detail, name="pack_detail"),
    path("packs/<id:pk>/download/", views.pack_download, name="pack_download"),
    path("packs/<id:pk>/retry/", views.pack_retry, name="pack_retry"),
]
