"""The viewset every collection shares: scoped reads, the write rule, ETags with If-Match, JSON only.

Reads start from `Model.objects.visible_to(user)`, so a record the caller may not see is a 404 on every
method. Writes are allowed where `editable_by(user)` allows: the rule is declared on each viewset as data
(`owner_field`, the field whose target must be editable to create or move a record; without one, the
model's `may_add(user)`) and checked here only, before any costly validation. The order of answers is
fixed: 401 for an anonymous writer, 404 for a record the caller may not see, 403 for one they may see but
not change, and only then 428 (no If-Match), 412 (a stale one) or 400 (invalid input).
"""

import hashlib
import json
import re

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, permissions, serializers, status, viewsets
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from plumbing.api.errors import Conflict, PreconditionFailed, PreconditionRequired
from plumbing.api.schema import CaucusAutoSchema
from plumbing.api.throttles import AnonRateThrottle, UserRateThrottle
from plumbing.export import FORMATS, export_response
from plumbing.pagination import CaucusPagination
from plumbing.records import DeletionRefused, delete_record, may_edit
from plumbing.text import unclean_fields

# The scheme and host of an absolute link, as written by HyperlinkedIdentityField.
_ORIGIN = re.compile(r'"https?://[^/"]+(?=/)')


class JSONAnswers(DefaultContentNegotiation):
    """The API speaks JSON only: it answers in JSON whatever the Accept header asks for, never 406."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class CleanJSONParser(JSONParser):
    """JSON whose text holds control characters or lone surrogates is refused, naming the field."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        errors = unclean_fields(data)
        if errors:
            raise serializers.ValidationError(errors)
        return data


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
    # Why a caller may not add a record at all (the model's `may_add` said no).
    add_refusal = gettext_lazy("Only union officers may add shared reference records.")
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()
    permission_classes = [CaucusPermission]
    pagination_class = CaucusPagination
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    parser_classes = [CleanJSONParser]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONAnswers
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    schema = CaucusAutoSchema()
    # Ids beyond what the database holds never reach it: such an address is simply not found.
    lookup_value_regex = "[0-9]{1,18}"
    # The collection's spreadsheet columns (plumbing.export.Columns): its list then answers ?format=csv|xlsx.
    export_columns = None

    def filter_queryset(self, queryset):
        # Filters narrow lists; a record is fetched by its id alone, whatever the query string holds.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def list(self, request, *args, **kwargs):
        fmt = request.query_params.get("format")
        if self.export_columns is None or fmt not in FORMATS:
            return super().list(request, *args, **kwargs)
        # The whole filtered list as a file, not a page of it: the same columns as the web list's download.
        queryset = self.filter_queryset(self.export_columns.queryset(request.user))
        return export_response(self.export_columns, queryset, fmt, link=request.build_absolute_uri)

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

    def refuse_unless_may_add(self):
        """403 before reading the body, for a caller who may add no record of this kind at all."""
        if not self.model.objects.may_add(self.request.user):
            raise exceptions.PermissionDenied(self.add_refusal)

    def check_owner(self, validated_data):
        """Creating or moving a record needs the right to change its owner (its union or its parent)."""
        if self.owner_field is None:
            self.refuse_unless_may_add()
            return
        owner = validated_data.get(self.owner_field)
        if owner is not None and not may_edit(self.request.user, owner):
            # Translators: %(owner)s names a kind of record, such as "union" or "bargaining unit".
            message = _("You may not add records to this %(owner)s.") % {"owner": self.owner_name()}
            raise exceptions.PermissionDenied(message)

    def owner_name(self) -> str:
        """The kind of record `owner_field` points to, as people say it: "union", "bargaining unit"."""
        related = getattr(self.model._meta.get_field(self.owner_field), "related_model", None)
        return str(related._meta.verbose_name) if related is not None else self.owner_field.replace("_", " ")

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
        # The one rule for deletes (plumbing.records.delete_record): what was tabled, adopted or published stays,
        # and a record others depend on is refused naming them.
        try:
            delete_record(instance, user=self.request.user)
        except DeletionRefused as refused:
            raise Conflict(str(refused)) from refused

    # ETags: a detail response carries one; PUT, PATCH, DELETE and the workflow steps require If-Match.

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
            raise PreconditionRequired()
        offered = {tag.strip().removeprefix("W/") for tag in expected.split(",")}
        if "*" not in offered and self.etag_for(instance) not in offered:
            raise PreconditionFailed()

    def lock_and_get_object(self):
        """Lock the row first, so that two writers holding one ETag cannot both pass the check."""
        instance = self.get_object()  # 404 (or 403) before anything is locked
        self.model.objects.select_for_update().filter(pk=instance.pk).first()
        return self.get_object()

    def writable_object(self):
        """For a change inside transaction.atomic(): the record, locked, after 404/403, 428 and 412."""
        instance = self.lock_and_get_object()
        self.check_precondition(instance)
        return instance

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response["ETag"] = self.etag_for(instance)
        return response

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.writable_object()
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            self.perform_update(serializer)
        return self.with_etag(instance)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.writable_object()
            self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def create(self, request, *args, **kwargs):
        self.refuse_unless_may_add()
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
