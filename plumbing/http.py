"""HTTP plumbing for every response: cache policy, body limits for the API, errors the API answers in JSON."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import defaults

API_PREFIX = "/api/"


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


class PrivateResponsesMiddleware:
    """A response that depends on who asks is kept by no shared cache, and not on disk by the browser.

    That is every response to a signed-in user (by session or by API token). Pages for anonymous readers
    show only public records and may be cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # DRF puts the user it authenticated by token on the Django request too.
        user = getattr(request, "user", None)
        signed_in = bool(user is not None and user.is_authenticated)
        if signed_in or "Authorization" in request.headers:
            response["Cache-Control"] = "private, no-store"
        if is_api(request):
            patch_vary_headers(response, ["Authorization"])
        return response


class ApiBodyLimitMiddleware:
    """An API body over API_MAX_BODY_BYTES is refused with 413 in JSON before it is read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api(request):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.API_MAX_BODY_BYTES:
                return too_large()
        return self.get_response(request)


def too_large() -> JsonResponse:
    limit = settings.API_MAX_BODY_BYTES
    detail = ngettext(
        "The request body is larger than the limit of %(limit)s byte.",
        "The request body is larger than the limit of %(limit)s bytes.",
        limit,
    ) % {"limit": f"{limit:,}"}
    return JsonResponse({"detail": detail}, status=413)


def server_error(request):
    """500: the API answers in JSON, the web pages with their own page."""
    if is_api(request):
        return JsonResponse(
            {"detail": _("Something went wrong in Caucus. It has been logged; try again later.")}, status=500
        )
    return defaults.server_error(request)


def bad_request(request, exception):
    if is_api(request):
        return JsonResponse({"detail": _("Bad request.")}, status=400)
    return defaults.bad_request(request, exception)
