"""The caller's follows (a collection) and notifications (read-only), through the API."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.renderers import JSONRenderer

from plumbing.api import ERROR, VALIDATION_ERROR, CaucusPagination, CaucusViewSet, JSONAnswers
from plumbing.api.throttles import AnonRateThrottle, UserRateThrottle
from policies.following.models import Follow
from policies.following.notifications import notifications_for
from policies.following.serializers import FollowSerializer, NotificationSerializer


class FollowViewSet(CaucusViewSet):
    """What the caller follows: give one of tool, consultation, agreement or position (a record they may see)."""

    model = Follow
    serializer_class = FollowSerializer
    http_method_names = ["get", "post", "delete", "head", "options"]
    add_refusal = _("Sign in to follow records.")


class NotificationViewSet(viewsets.ViewSet):
    """What happened on what the caller follows, newest first (the last 90 days, at most 50)."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONAnswers
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    pagination_class = CaucusPagination

    @extend_schema(responses={200: NotificationSerializer(many=True), 400: VALIDATION_ERROR, 401: ERROR})
    def list(self, request):
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(notifications_for(request.user), request, view=self)
        data = NotificationSerializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)
