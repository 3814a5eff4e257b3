"""The REST API under /api/v1/: the collections, token sign-in, the schema and its documentation."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from accounts.api import TokenView
from bargaining import api as bargaining_api
from consultations import api as consultations_api
from consultations import attachment_api
from policies import api as policies_api
from policies import import_api
from policies.deadlines import api as deadlines_api
from policies.following import api as following_api
from policies.overview import api as overview_api


@csrf_exempt  # it changes nothing, whatever the method: a missing CSRF token must not turn the 404 into a 403
def not_found(request):
    return JsonResponse({"detail": _("Not found.")}, status=404)


router = DefaultRouter()
router.include_root_view = False
for prefix, viewset, name in [
    ("unions", bargaining_api.UnionViewSet, "union"),
    ("employers", bargaining_api.EmployerViewSet, "employer"),
    ("training-budgets", bargaining_api.TrainingBudgetViewSet, "training-budget"),
    ("budget-support", bargaining_api.BudgetSupportViewSet, "budget-support"),
    ("bargaining-units", bargaining_api.BargainingUnitViewSet, "bargaining-unit"),
    ("agreements", bargaining_api.AgreementViewSet, "agreement"),
    ("topics", bargaining_api.TopicViewSet, "topic"),
    ("clauses", consultations_api.ClauseViewSet, "clause"),
    ("clause-versions", bargaining_api.ClauseVersionViewSet, "clause-version"),
    ("sessions", bargaining_api.NegotiationSessionViewSet, "session"),
    ("vendors", consultations_api.VendorViewSet, "vendor"),
    ("tools", overview_api.ToolViewSet, "tool"),
    ("proposals", consultations_api.ProcurementProposalViewSet, "proposal"),
    ("consultations", consultations_api.ConsultationViewSet, "consultation"),
    ("consultation-events", consultations_api.ConsultationEventViewSet, "consultation-event"),
    ("attachments", attachment_api.AttachmentViewSet, "attachment"),
    ("principles", policies_api.PrincipleViewSet, "principle"),
    ("model-clauses", policies_api.ModelClauseViewSet, "model-clause"),
    ("positions", policies_api.PositionViewSet, "position"),
    ("tasks", deadlines_api.TaskViewSet, "task"),
    ("deadlines", deadlines_api.DeadlineViewSet, "deadline"),
    ("follows", following_api.FollowViewSet, "follow"),
    ("notifications", following_api.NotificationViewSet, "notification"),
]:
    # URL names are "api-<name>-list" and "api-<name>-detail" (and "api-tool-history", ...).
    router.register(prefix, viewset, basename=f"api-{name}")

urlpatterns = [
    path("", include(router.urls)),
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("search/", overview_api.SearchView.as_view(), name="api-search"),
    path("imports/", import_api.ImportKindsView.as_view(), name="api-imports"),
    path("imports/<slug:kind>/", import_api.ImportView.as_view(), name="api-import"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view loads its start-up script from a URL, as the Content-Security-Policy demands.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
    path(
        "redoc/", SpectacularRedocView.as_view(url_name="api-schema", template_name="api/redoc.html"), name="api-redoc"
    ),
    # Printed documents through the API (position papers, briefing packs).
    path("", include("policies.documents.api_urls")),
    # Last: any other address under /api/v1/ answers in JSON, as API clients expect, not with an HTML page.
    re_path(r"^[\s\S]*$", not_found, name="api-not-found"),
]
