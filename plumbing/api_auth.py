"""Token sign-in for scripts: POST a username and password, get a token for `Authorization: Token ...`."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import ScopedRateThrottle

from plumbing.api import ERROR


class ObtainTokenView(ObtainAuthToken):
    # Password guessing is slowed per client address; see REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token"].
    # On top of that, django-axes locks out a client that keeps failing (the right password then fails too).
    throttle_classes = [ScopedRateThrottle]
    # Signing in needs no credentials: a stale token in the header must not turn the request into a 401.
    authentication_classes = []
    throttle_scope = "token"

    @extend_schema(
        summary="Exchange a username and password for an API token",
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: OpenApiResponse(
                description="Wrong username or password, a field missing, or sign-in locked after repeated failures."
            ),
            429: OpenApiResponse(ERROR, description="Too many attempts: wait before trying again."),
        },
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
