"""Documents attached to records through the API: list, upload, read, download and remove."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from bargaining.access import Visibility
from bargaining.models import Union
from consultations.attachment_views import download
from consultations.attachments import MAX_BYTES, OWNERS, Attachment, attach_document, owner_model, remove_document
from plumbing.api.errors import as_drf_error
from plumbing.api.schema import ERROR, VALIDATION_ERROR
from plumbing.records import may_edit


class AttachmentSerializer(serializers.ModelSerializer):
    record_kind = serializers.SerializerMethodField(help_text=f"What it is attached to: one of {', '.join(OWNERS)}.")
    record = serializers.SerializerMethodField(help_text="The id of the record it is attached to.")

    class Meta:
        model = Attachment
        fields = ["id", "name", "content_type", "size", "visibility", "union", "record_kind", "record", "uploaded_at"]
        read_only_fields = fields

    def get_record_kind(self, attachment) -> str:
        return next(name for name in OWNERS if getattr(attachment, f"{name}_id") is not None)

    def get_record(self, attachment) -> int:
        return getattr(attachment, f"{self.get_record_kind(attachment)}_id")


class AttachmentUploadSerializer(serializers.Serializer):
    record_kind = serializers.ChoiceField(choices=list(OWNERS))
    record = serializers.IntegerField(help_text="The id of the record to attach the document to.")
    file = serializers.FileField(
        help_text=f"PDF, DOCX, XLSX, ODT, PNG or JPEG (checked by content), at most {MAX_BYTES // (1024 * 1024)} MB."
    )
    visibility = serializers.ChoiceField(choices=Visibility.choices, default=Visibility.INTERNAL)
    union = serializers.PrimaryKeyRelatedField(
        queryset=Union.objects.all(), required=False, help_text="For a tool or a proposal: a union you lead."
    )


RECORD_FILTERS = [
    OpenApiParameter(name, OpenApiTypes.INT, OpenApiParameter.QUERY, description=f"Only those on this {name}.")
    for name in OWNERS
]


@extend_schema_view(
    list=extend_schema(
        parameters=RECORD_FILTERS,
        responses={200: AttachmentSerializer(many=True), 400: VALIDATION_ERROR, 401: ERROR},
    ),
    retrieve=extend_schema(responses={200: AttachmentSerializer, 401: ERROR, 404: ERROR}),
    destroy=extend_schema(
        responses={
            204: None,
            401: ERROR,
            403: OpenApiResponse(ERROR, description="Not an officer of its union."),
            404: ERROR,
        }
    ),
)
class AttachmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Documents attached to agreements, sessions, proposals, timeline events and tools: only those the caller
    may see, on records the caller may see."""

    serializer_class = AttachmentSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = None

    def get_queryset(self):
        attachments = Attachment.objects.visible_to(self.request.user)
        for name in OWNERS:
            value = self.request.query_params.get(name)
            if value is not None:
                if not value.isdigit():
                    raise serializers.ValidationError({name: [_("Give a record's id.")]})
                attachments = attachments.filter(**{f"{name}_id": int(value)})
        return attachments.defer("text")

    @extend_schema(
        request={"multipart/form-data": AttachmentUploadSerializer},
        responses={
            201: AttachmentSerializer,
            400: OpenApiResponse(OpenApiTypes.OBJECT, description="A bad file or field, named."),
            401: ERROR,
            403: OpenApiResponse(ERROR, description="You may read the record but not change it."),
            404: OpenApiResponse(ERROR, description="No such record that you may see."),
        },
    )
    def create(self, request):
        upload = AttachmentUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        data = upload.validated_data
        model = owner_model(data["record_kind"])
        record = model.objects.visible_to(request.user).filter(pk=data["record"]).first()
        if record is None:
            raise NotFound(_("No such record that you may see."))
        if not may_edit(request.user, record):
            raise PermissionDenied(_("Only those who may change the record may attach documents to it."))
        try:
            attachment = attach_document(
                record=record,
                upload=data["file"],
                visibility=data["visibility"],
                union=data.get("union"),
                user=request.user,
            )
        except DjangoValidationError as error:
            raise as_drf_error(error) from error
        return Response(AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)

    def get_parsers(self):
        if getattr(self, "action", None) == "create" or (self.request is not None and self.request.method == "POST"):
            return [MultiPartParser()]
        return super().get_parsers()

    def destroy(self, request, pk=None):
        attachment = self.get_object()
        if not may_edit(request.user, attachment):
            raise PermissionDenied(_("Only the officers of the union the document belongs to may remove it."))
        remove_document(attachment=attachment, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="The file."),
            401: ERROR,
            404: ERROR,
        }
    )
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        """The file itself, as an attachment."""
        return download(self.get_object())
