from django.contrib import admin
from django.urls import include, path

from plumbing.health import healthz
from plumbing.lookups import lookup

# Errors: the API answers in JSON, web pages with templates/400.html and 500.html.
handler400 = "plumbing.http.bad_request"
handler500 = "plumbing.http.server_error"

urlpatterns = [
    # Web pages, each app's own; the pages that join the three apps (the dashboard at "/") are policies'.
    path("", include("bargaining.urls")),
    path("", include("consultations.urls")),
    path("", include("policies.urls")),
    path("", include("policies.overview.urls")),
    path("", include("policies.deadlines.urls")),
    path("", include("policies.following.urls")),
    # Printed documents: position papers and briefing packs.
    path("print/", include("policies.documents.urls")),
    # Search-as-you-type for the filters over records (plumbing.lookups): JSON, scoped to the reader.
    path("lookup/<slug:kind>/", lookup, name="lookup"),
    # REST API.
    path("api/v1/", include("config.api_urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    # For the monitor: no sign-in, no cookie, never cached (README, "Running it in production").
    path("healthz", healthz, name="healthz"),
]
