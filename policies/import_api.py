"""Imports through the API: the same kinds, files, dry run and all-or-nothing apply as the import page.

`GET /api/v1/imports/` lists the kinds with their columns and example row; `POST /api/v1/imports/<kind>/`
takes a multipart upload (`file`, `dry_run`) and answers with the report, row by row.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from bargaining.models import Union
from plumbing.api.schema import ERROR
from plumbing.api.throttles import UserRateThrottle
from plumbing.imports import MAX_BYTES, BadFile, check_size
from policies.import_views import EVERYTHING, ONLY_OFFICERS, import_file
from policies.imports import KINDS

STATUSES = ["new", "changed", "unchanged", "refused"]


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text=(
            f"A .csv (UTF-8, with or without BOM, or Windows-1252) or .xlsx file of at most "
            f"{MAX_BYTES // (1024 * 1024)} MB, with the kind's columns; for `everything`, a union's workbook."
        )
    )
    dry_run = serializers.BooleanField(
        default=True, help_text="Only say what would happen (the default); false applies the file, all or nothing."
    )


class ChangeSerializer(serializers.Serializer):
    column = serializers.CharField()
    old = serializers.CharField(allow_blank=True)
    new = serializers.CharField(allow_blank=True)


class RowErrorSerializer(serializers.Serializer):
    column = serializers.CharField(allow_blank=True, help_text="The column at fault; empty for the row as a whole.")
    message = serializers.CharField()


class RowSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="The row's number as the spreadsheet shows it (the header is 1).")
    status = serializers.ChoiceField(choices=STATUSES)
    label = serializers.CharField(allow_blank=True, help_text="The record the row is, once checked.")
    changes = ChangeSerializer(many=True, help_text="Old → new per column (and what comes with the row).")
    errors = RowErrorSerializer(many=True, help_text="Why a refused row is refused.")

    def to_representation(self, row):
        return {
            "number": row.number,
            "status": row.status,
            "label": row.label,
            "changes": [{"column": c, "old": str(old), "new": str(new)} for c, old, new in row.changes],
            "errors": [{"column": column, "message": str(message)} for column, message in row.errors],
        }


class ReportSerializer(serializers.Serializer):
    kind = serializers.CharField()
    applied = serializers.BooleanField()
    counts = inline_serializer("ImportCounts", {name: serializers.IntegerField() for name in STATUSES})
    rows = RowSerializer(many=True)

    def to_representation(self, report):
        return {
            "kind": report.kind,
            "applied": report.applied,
            "counts": {name: report.count(name) for name in STATUSES},
            "rows": [RowSerializer().to_representation(row) for row in report.rows],
        }


class ImportAnswerSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    applied = serializers.BooleanField(help_text="Whether the file was applied (never when a row is refused).")
    reports = ReportSerializer(many=True, help_text="One per kind: a union's workbook has a report per sheet.")


class ImportKindSerializer(serializers.Serializer):
    name = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    example = serializers.DictField(child=serializers.CharField(allow_blank=True))


def _refuse_unless_officer(user) -> None:
    if not Union.objects.editable_by(user).exists():
        raise PermissionDenied(ONLY_OFFICERS)


class ImportKindsView(APIView):
    """The kinds that can be imported, each with its columns (the template's header) and example row."""

    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [UserRateThrottle]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="imports_list",
        summary="The kinds of records that can be imported, with their columns",
        responses={
            200: ImportKindSerializer(many=True),
            401: OpenApiResponse(ERROR, description="No valid credentials."),
            403: OpenApiResponse(ERROR, description="Only union officers may import records."),
            429: OpenApiResponse(ERROR, description="Too many requests: wait and try again."),
        },
    )
    def get(self, request):
        _refuse_unless_officer(request.user)
        kinds = [
            {"name": name, "columns": kind.headers, "example": {h: str(kind.example.get(h, "")) for h in kind.headers}}
            for name, kind in KINDS.items()
        ]
        return Response(ImportKindSerializer(kinds, many=True).data)


class ImportView(APIView):
    """Upload a file of one kind: a dry run says what would happen row by row; an apply writes it all or nothing."""

    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [UserRateThrottle]
    parser_classes = [MultiPartParser]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="imports_create",
        summary="Import a CSV or XLSX file (dry run or apply)",
        description=(
            "Every row goes through the same form, service and access rules as the import page. The answer is "
            "200 when no row is refused (applied unless `dry_run`), 400 with the same report when a row is "
            "refused (nothing is written), and 400 with `file` when the file itself cannot be read. `kind` is "
            f"one of: {', '.join(KINDS)}, or `{EVERYTHING}` for a union's whole workbook."
        ),
        request={"multipart/form-data": ImportUploadSerializer},
        responses={
            200: ImportAnswerSerializer,
            400: OpenApiResponse(
                ImportAnswerSerializer, description="A row is refused (the report says why), or the file is bad."
            ),
            401: OpenApiResponse(ERROR, description="No valid credentials."),
            403: OpenApiResponse(ERROR, description="Only union officers may import records."),
            404: OpenApiResponse(ERROR, description="No such kind of record."),
            413: OpenApiResponse(ERROR, description="The request is too large."),
            415: OpenApiResponse(ERROR, description="Send the file as multipart/form-data."),
            429: OpenApiResponse(ERROR, description="Too many requests: wait and try again."),
        },
    )
    def post(self, request, kind):
        if kind not in KINDS and kind != EVERYTHING:
            raise NotFound(_("No such kind of record."))
        _refuse_unless_officer(request.user)
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file, dry_run = upload.validated_data["file"], upload.validated_data["dry_run"]
        try:
            check_size(file.size)  # before a byte of it is read
            reports = import_file(kind, file.name, file.read(), user=request.user, dry_run=dry_run)
        except BadFile as error:
            raise serializers.ValidationError({"file": [str(error)]}) from None
        refused = any(report.refused for report in reports)
        answer = {
            "dry_run": dry_run,
            "applied": not dry_run and all(report.applied for report in reports),
            "reports": [ReportSerializer().to_representation(report) for report in reports],
        }
        return Response(answer, status=status.HTTP_400_BAD_REQUEST if refused else status.HTTP_200_OK)
