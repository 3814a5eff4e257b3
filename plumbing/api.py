"""What every Caucus API endpoint shares: scoping, the write rule, ETags, pagination, errors, schema.

Reads start from `Model.objects.visible_to(user)`, so a record the caller may not see is a 404 on every
method. Writes are allowed where `editable_by(user)` allows: the rule is declared on each viewset as data
(`owner_field`, the field whose target must be editable to create or move a record; without one, the
model's `may_add(user)`) and checked here only.
"""

import hashlib
import json
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import exceptions, permissions, serializers, status, viewsets
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from plumbing.records import clean_links, may_edit, with_hidden_links

# The scheme and host of an absolute link, as written by HyperlinkedIdentityField.
_ORIGIN = re.compile(r'"https?://[^/"]+(?=/)')
# The largest value an integer column holds on every supported database.
MAX_INTEGER = 2_147_483_647


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record has changed since you read it. Fetch it again, then repeat your change."
    default_code = "precondition_failed"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Other records depend on this one, so it cannot be deleted."
    default_code = "conflict"


def as_drf_error(error: DjangoValidationError) -> serializers.ValidationError:
    """A model or service ValidationError as a DRF 400 with field errors."""
    if hasattr(error, "error_dict"):
        detail = {
            (api_settings.NON_FIELD_ERRORS_KEY if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
        return serializers.ValidationError(detail)
    return serializers.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages})


# The schema: every response code an endpoint can really give, and only those.

ERROR = inline_serializer("Error", {"detail": serializers.CharField()})
VALIDATION_ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT, description="Invalid input: each field (or `non_field_errors`) with its messages."
)
ETAG_HEADER = OpenApiParameter(
    "ETag", OpenApiTypes.STR, OpenApiParameter.HEADER, response=[200, 201], description="The record's version tag."
)
IF_MATCH_HEADER = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag you read; the change is refused with 412 if the record has changed since.",
)


class CaucusAutoSchema(AutoSchema):
    """Adds the error answers that the shared machinery above really gives."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self.error_codes():
            if str(code) not in responses:
                schema = VALIDATION_ERROR if code == 400 else ERROR
                responses[str(code)] = self._get_response_for_code(schema, str(code), direction=direction)
        return responses

    def error_codes(self) -> list[int]:
        codes = [401, 429]  # a bad token, too many requests
        action = getattr(self.view, "action", None)
        if self.method == "GET":
            codes.append(404)  # no such record, or no such page
            if self._is_list_view() and getattr(self.view, "filterset_class", None) is not None:
                codes.append(400)  # an invalid filter value
            elif action not in ("list", "retrieve") and not self._is_list_view():
                codes.append(400)  # an invalid parameter of a read-only action
        else:
            codes += [403]
            if self.method != "DELETE":
                codes += [400, 415]  # invalid input, a body that is not JSON
            if action != "create":
                codes.append(404)
        if self.honours_if_match():
            codes.append(412)
        if self.method == "DELETE":
            codes.append(409)
        return codes

    def honours_if_match(self) -> bool:
        action = getattr(self.view, "action", None)
        return self.method in ("PUT", "PATCH", "DELETE") or action in getattr(self.view, "precondition_actions", ())

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        action = getattr(self.view, "action", None)
        if self.honours_if_match():
            parameters.append(IF_MATCH_HEADER)
        if action in ("retrieve", "create", "update", "partial_update", *getattr(self.view, "etag_actions", ())):
            parameters.append(ETAG_HEADER)
        return parameters


class JSONAnswers(DefaultContentNegotiation):
    """The API speaks JSON only: it answers in JSON whatever the Accept header asks for, never 406."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class CaucusPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class VisibleRelatedField(serializers.PrimaryKeyRelatedField):
    """A reference to another record, looked up only among the records the caller may see.

    An id the caller may not see is refused exactly like an id that does not exist.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        if hasattr(queryset, "visible_to"):
            user = request.user if request is not None else None
            return queryset.visible_to(user) if user is not None else queryset.none()
        return queryset

    def to_internal_value(self, data):
        if isinstance(data, bool) or (isinstance(data, int) and not 0 < data <= MAX_INTEGER):
            self.fail("does_not_exist", pk_value=data)
        if isinstance(data, str) and data.isdigit() and int(data) > MAX_INTEGER:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class CaucusSerializer(serializers.HyperlinkedModelSerializer):
    """A model serializer that links to its record, scopes references and validates like the model."""

    serializer_related_field = VisibleRelatedField
    serializer_url_field = serializers.HyperlinkedIdentityField
    # False where a service validates the record itself (and fills in what the caller leaves out).
    validate_with_model = True

    def build_url_field(self, field_name, model_class):
        return self.serializer_url_field, {"view_name": f"api-{self.Meta.api_name}-detail"}

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, serializers.IntegerField) and "max_value" not in kwargs:
            kwargs["max_value"] = MAX_INTEGER
        return field_class, kwargs

    def validate(self, attrs):
        """Run the model's own validation (clean, constraints) on the record as it would be saved."""
        attrs = super().validate(attrs)
        if not self.validate_with_model:
            return attrs
        model = self.Meta.model
        instance = model()
        if self.instance is not None:
            for field in model._meta.concrete_fields:
                setattr(instance, field.attname, getattr(self.instance, field.attname))
            instance._state.adding = False
        for name, value in attrs.items():
            if not model._meta.get_field(name).many_to_many:
                setattr(instance, name, value)
        # Fields the caller cannot write are the server's to fill in (a version's number, an author).
        exclude = [
            field.name
            for field in model._meta.concrete_fields
            if field.name not in self.fields or self.fields[field.name].read_only
        ]
        try:
            instance.full_clean(exclude=exclude)
        except DjangoValidationError as error:
            raise as_drf_error(error) from error
        links = {name: value for name, value in attrs.items() if model._meta.get_field(name).many_to_many}
        errors = clean_links(instance, links)
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def update(self, instance, validated_data):
        for name, value in list(validated_data.items()):
            if self.Meta.model._meta.get_field(name).many_to_many:
                validated_data[name] = with_hidden_links(instance, name, value, self.context["request"].user)
        return super().update(instance, validated_data)


class CaucusPermission(permissions.BasePermission):
    """The one place where the write rule is checked: reads are scoped by the queryset already."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if not (request.user and request.user.is_authenticated):
            raise exceptions.NotAuthenticated()
        return True

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return view.get_editable_queryset().filter(pk=obj.pk).exists()


class CaucusViewSet(viewsets.ModelViewSet):
    # A viewset over `model`, scoped to the caller, with ETags and the write rule. (Comments, not a
    # docstring: the schema would repeat a docstring on every operation of every subclass.)
    # `owner_field` names the field whose target must be editable by the caller to create (or move) a
    # record: "union" for records a union owns, a parent for children, None for shared reference records,
    # which any union officer may create.

    model = None
    owner_field: str | None = None
    # Why a caller may not add a record that has no owner_field (the model's `may_add` said no).
    add_refusal = "Only union officers may add shared reference records."
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()
    permission_classes = [CaucusPermission]
    pagination_class = CaucusPagination
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONAnswers
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    schema = CaucusAutoSchema()

    def filter_queryset(self, queryset):
        # Filters narrow lists; a record is fetched by its id alone, whatever the query string holds.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def get_queryset(self):
        queryset = self.model.objects.visible_to(self.request.user)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.get_prefetches())
        return queryset

    def get_prefetches(self):
        return self.prefetch_related

    def get_editable_queryset(self):
        return self.model.objects.editable_by(self.request.user)

    # Writes

    def check_owner(self, validated_data):
        """Creating or moving a record needs the right to change its owner (its union or its parent)."""
        user = self.request.user
        if self.owner_field is None:
            if not self.model.objects.may_add(user):
                raise exceptions.PermissionDenied(self.add_refusal)
            return
        owner = validated_data.get(self.owner_field)
        if owner is None:
            return
        if not may_edit(user, owner):
            raise exceptions.PermissionDenied(f"You may not add records to this {self.owner_field.replace('_', ' ')}.")

    def perform_create(self, serializer):
        self.check_owner(serializer.validated_data)
        with transaction.atomic():
            serializer.save()

    def perform_update(self, serializer):
        if self.owner_field and self.owner_field in serializer.validated_data:
            current = getattr(serializer.instance, self.owner_field)
            if serializer.validated_data[self.owner_field] != current:
                self.check_owner(serializer.validated_data)
        serializer.save()

    def perform_destroy(self, instance):
        try:
            with transaction.atomic():
                instance.delete()
        except (ProtectedError, RestrictedError) as error:
            raise Conflict() from error

    # ETags: a detail response carries one; PUT, PATCH and DELETE honour If-Match.

    def etag_for(self, instance) -> str:
        # The record's own serializer, also inside a workflow action that reads a different payload.
        representation = type(self).serializer_class(instance, context=self.get_serializer_context()).data
        text = json.dumps(representation, sort_keys=True, default=str)
        # Links are hashed without scheme and host: one record has one ETag whichever address a client used.
        text = _ORIGIN.sub('"', text)
        return f'"{hashlib.sha256(text.encode()).hexdigest()[:32]}"'

    def check_precondition(self, instance):
        expected = self.request.headers.get("If-Match")
        if not expected:
            return
        offered = {tag.strip().removeprefix("W/") for tag in expected.split(",")}
        if "*" not in offered and self.etag_for(instance) not in offered:
            raise PreconditionFailed()

    def lock_and_get_object(self):
        """Lock the row first, so that two writers holding one ETag cannot both pass the check."""
        instance = self.get_object()  # 404 (or 403) before anything is locked
        self.model.objects.select_for_update().filter(pk=instance.pk).first()
        return self.get_object()

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response["ETag"] = self.etag_for(instance)
        return response

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.lock_and_get_object()
            self.check_precondition(instance)
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            self.perform_update(serializer)
        return self.with_etag(instance)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.lock_and_get_object()
            self.check_precondition(instance)
            self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return self.created(serializer.instance)

    def created(self, instance) -> Response:
        """The 201 answer: the new record as the caller may now read it, with its ETag."""
        return self.with_etag(instance, status.HTTP_201_CREATED)

    def with_etag(self, instance, status_code=status.HTTP_200_OK) -> Response:
        # Read the record again through the scoped queryset, with its annotations and prefetches.
        instance = self.get_queryset().filter(pk=instance.pk).first() or instance
        data = type(self).serializer_class(instance, context=self.get_serializer_context()).data
        response = Response(data, status=status_code)
        response["ETag"] = self.etag_for(instance)
        return response


def service_call(function, **kwargs):
    """Call a workflow service, turning its ValidationError into a DRF 400 naming the fields."""
    try:
        return function(**kwargs)
    except DjangoValidationError as error:
        raise as_drf_error(error) from error
