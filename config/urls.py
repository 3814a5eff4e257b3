from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # Web pages (each app's urls.py); the landing page is bargaining's "home".
    path("", include("bargaining.urls")),
    path("", include("consultations.urls")),
    path("", include("policies.urls")),
    # Printed documents: position papers and briefing packs.
    path("print/", include("policies.pdf_urls")),
    # REST API.
    path("api/v1/", include("config.api_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
