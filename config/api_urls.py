from django.urls import include, path

urlpatterns = [
    # Printed documents through the API (position papers, briefing packs).
    path("", include("policies.pdf_api_urls")),
]
