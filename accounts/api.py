"""Token sign-in for scripts: POST a username and password for a token; DELETE it to revoke it."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import ApiToken
from accounts.services import issue_api_token
from plumbing.api import ERROR
from plumbing.api.throttles import ScopedRateThrottle, UserRateThrottle
from plumbing.clientip import client_ip

TOKEN = inline_serializer(
    "Token",
    {
        "token": serializers.CharField(),
        "expiry": serializers.DateTimeField(allow_null=True, help_text="When the token stops working."),
    },
)


class TokenThrottle(ScopedRateThrottle):
    """Sign-ins, successful or not, per client address: slows password guessing."""

    def allow_request(self, request, view):
        if request.method != "POST":
            return True
        return super().allow_request(request, view)


class RevokeThrottle(UserRateThrottle):
    def allow_request(self, request, view):
        return request.method != "DELETE" or super().allow_request(request, view)


class TokenView(APIView):
    # On top of the throttle, django-axes locks out a client that keeps failing (the right password then fails too).
    throttle_classes = [TokenThrottle, RevokeThrottle]
    throttle_scope = "token"

    def initialize_request(self, request, *args, **kwargs):
        # Signing in needs no credentials: a stale token in the header must not turn the POST into a 401.
        self.signing_in = request.method == "POST"
        return super().initialize_request(request, *args, **kwargs)

    def get_authenticators(self):
        return [] if getattr(self, "signing_in", False) else super().get_authenticators()

    @extend_schema(
        summary="Exchange a username and password for an API token",
        request=AuthTokenSerializer,
        responses={
            200: TOKEN,
            400: OpenApiResponse(
                description="Wrong username or password, a field missing, or sign-in locked after repeated failures."
            ),
            429: OpenApiResponse(ERROR, description="Too many attempts: wait before trying again."),
        },
        auth=[],
    )
    def post(self, request):
        # django-axes reads the Django request (it marks a locked-out client on it).
        serializer = AuthTokenSerializer(data=request.data, context={"request": request._request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        token, plain = issue_api_token(user=user, name=f"API sign-in from {client_ip(request) or 'unknown'}")
        return Response({"token": plain, "expiry": token.expiry})

    @extend_schema(
        summary="Revoke the token this request is signed with",
        responses={
            204: OpenApiResponse(description="Revoked: the token no longer works."),
            400: OpenApiResponse(ERROR, description="The request was not signed with a token."),
            401: OpenApiResponse(ERROR, description="Credentials were given but are not valid, or are missing."),
            429: OpenApiResponse(ERROR, description="Too many requests: wait and try again."),
        },
    )
    def delete(self, request):
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        if not isinstance(request.auth, ApiToken):
            return Response(
                {"detail": _("Sign this request with the token to revoke (Authorization: Token ...).")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        request.auth.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
