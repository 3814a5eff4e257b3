"""Printed documents through the API: the position paper, and briefing packs (request, status, download)."""

import datetime

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, permissions, status
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from bargaining.models import DocumentLanguage
from consultations.models import Consultation
from plumbing.api import ERROR, VALIDATION_ERROR, CaucusPagination, as_drf_error
from plumbing.api.throttles import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from policies.documents.common import reader_label
from policies.documents.information_request import (
    Letter,
    information_request_html,
    letter_consultations,
    letter_filename,
)
from policies.documents.language import document_language, in_each_language
from policies.documents.limits import RenderRateLimited, count_render, render_for_request
from policies.documents.packs import (
    PACK_GONE,
    fail_stuck_packs,
    may_still_serve,
    request_briefing_pack,
    retry_briefing_pack,
)
from policies.documents.position_paper import paper_filename, position_paper_html
from policies.documents.render import PdfRenderError
from policies.documents.serializers import BriefingPackRequestSerializer, BriefingPackSerializer
from policies.documents.tasks import SUBJECT_RELATED
from policies.documents.views import pdf_response
from policies.models import Audience, BriefingPack, PackSection, PackStatus, Position

AUDIENCE = OpenApiParameter(
    "audience",
    str,
    enum=Audience.values,
    description="Who to print for; by default the widest audience the record allows.",
)
LANG = OpenApiParameter(
    "lang",
    str,
    enum=DocumentLanguage.values,
    description="The document's language: English, Welsh, or both (Welsh first); by default the union's usual one.",
)
PDF = OpenApiResponse(OpenApiTypes.BINARY, description="The PDF document.")
NOT_FOUND = OpenApiResponse(ERROR, description="No such record, or not one you may see.")
UNAUTHENTICATED = OpenApiResponse(ERROR, description="Credentials were given but are not valid, or are missing.")
THROTTLED = OpenApiResponse(ERROR, description="Too many requests: wait and try again.")


class PdfRenderer(BaseRenderer):
    """Lets a client ask for `Accept: application/pdf`; errors still go out as JSON."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Type"] = "application/json"
        return JSONRenderer().render(data)


class PdfThrottle(ScopedRateThrottle):
    # Rendering costs far more than reading a record.
    scope_attr = "throttle_scope"


class PdfEndpoint(APIView):
    renderer_classes = [JSONRenderer, PdfRenderer]
    throttle_classes = [AnonRateThrottle, UserRateThrottle, PdfThrottle]
    throttle_scope = "pdf"


class PositionPaperView(PdfEndpoint):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="positions_paper_retrieve",
        summary="A position's paper as PDF",
        description=(
            "The position paper for an audience: `?audience=public|members|leadership`, by default the widest the "
            "position allows. It holds what that audience may see, within what the caller may see. Public papers "
            "need no sign-in."
        ),
        parameters=[AUDIENCE, LANG],
        responses={
            (200, "application/pdf"): PDF,
            400: VALIDATION_ERROR,
            401: UNAUTHENTICATED,
            404: NOT_FOUND,
            429: THROTTLED,
            503: OpenApiResponse(ERROR, description="The paper could not be rendered (too long or too slow)."),
        },
    )
    def get(self, request, pk):
        position = get_object_or_404(Position.objects.visible_to(request.user).select_related("union"), pk=pk)
        audience = request.query_params.get("audience") or None
        try:
            language = document_language(request.query_params.get("lang"), position.union)
            html = in_each_language(
                language, lambda: position_paper_html(position=position, reader=request.user, audience=audience)
            )
            rendered = render_for_request(
                request, html, kind="paper", audience=audience or "", printer_label=reader_label(request.user)
            )
        except DjangoValidationError as error:  # an audience refused, or a language unknown
            raise as_drf_error(error) from error
        except RenderRateLimited as error:
            raise exceptions.Throttled(wait=error.retry_after) from error
        except PdfRenderError as error:
            return Response({"detail": str(error)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        return pdf_response(rendered.content, paper_filename(position))


# Briefing packs


def _packs(user):
    return (
        BriefingPack.objects.visible_to(user)
        .without_pdf()
        .select_related("union", "bargaining_unit", "employer", "tool")
    )


class PackListView(generics.ListCreateAPIView):
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = CaucusPagination
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    renderer_classes = [JSONRenderer]
    serializer_class = BriefingPackSerializer

    def get_queryset(self):
        return _packs(self.request.user)

    def get_serializer_class(self):
        return BriefingPackRequestSerializer if self.request.method == "POST" else BriefingPackSerializer

    @extend_schema(
        operation_id="packs_list",
        summary="Your briefing packs",
        responses={
            200: BriefingPackSerializer(many=True),
            400: VALIDATION_ERROR,  # a cursor or page size refused
            401: UNAUTHENTICATED,
            404: NOT_FOUND,
            429: THROTTLED,
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="packs_create",
        summary="Ask for a briefing pack",
        description=(
            "The pack renders in the background: poll its `url` until `status` is ready or failed. It is printed "
            "for `audience` (in the body or as `?audience=`); 400 for an audience you may not print for."
        ),
        parameters=[AUDIENCE],
        request=BriefingPackRequestSerializer,
        responses={
            202: BriefingPackSerializer,
            400: VALIDATION_ERROR,
            401: UNAUTHENTICATED,
            403: OpenApiResponse(ERROR, description="Only a union's officers and organisers build packs."),
            429: THROTTLED,
        },
    )
    def post(self, request, *args, **kwargs):
        if not isinstance(request.data, dict):
            raise exceptions.ValidationError({"non_field_errors": [_("Send the pack's choices as a JSON object.")]})
        data = request.data.copy()
        if "audience" in request.query_params and "audience" not in data:
            data["audience"] = request.query_params["audience"]
        serializer = BriefingPackRequestSerializer(data=data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            count_render(request)
        except RenderRateLimited as error:
            raise exceptions.Throttled(wait=error.retry_after) from error
        try:
            pack = request_briefing_pack(
                requester=request.user,
                subject=data["subject"],
                sections=list(data.get("sections") or PackSection.values),
                union=data.get("union"),
                audience=data.get("audience"),
                paper_size=data.get("paper_size"),
                language=data.get("language"),
                topics=data.get("topics", []),
                units=data.get("units", []),
            )
        except DjangoPermissionDenied as error:
            raise exceptions.PermissionDenied(str(error)) from error
        except DjangoValidationError as error:
            raise as_drf_error(error) from error
        body = BriefingPackSerializer(pack, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})


class PackDetailView(generics.RetrieveAPIView):
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    renderer_classes = [JSONRenderer]
    serializer_class = BriefingPackSerializer

    def get_queryset(self):
        return _packs(self.request.user)

    def get_object(self):
        pack = super().get_object()
        if fail_stuck_packs(packs=[pack]):
            pack.refresh_from_db()
        return pack

    @extend_schema(
        operation_id="packs_retrieve",
        summary="A briefing pack's status",
        description="A pack left running by a worker that died is reported failed, with the reason, after a timeout.",
        responses={200: BriefingPackSerializer, 401: UNAUTHENTICATED, 404: NOT_FOUND, 429: THROTTLED},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PackRetryView(APIView):
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="packs_retry",
        summary="Try a failed briefing pack again",
        request=None,
        responses={
            202: BriefingPackSerializer,
            400: VALIDATION_ERROR,
            401: UNAUTHENTICATED,
            404: NOT_FOUND,
            429: THROTTLED,
        },
    )
    def post(self, request, pk):
        pack = get_object_or_404(_packs(request.user), pk=pk)
        fail_stuck_packs(packs=[pack])
        try:
            pack = retry_briefing_pack(requester=request.user, pack=pack)
        except DjangoValidationError as error:
            raise as_drf_error(error) from error
        body = BriefingPackSerializer(pack, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})


class PackDownloadView(PdfEndpoint):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="packs_download",
        summary="Download a ready briefing pack",
        responses={
            (200, "application/pdf"): PDF,
            401: UNAUTHENTICATED,
            404: OpenApiResponse(
                ERROR,
                description="No such pack, or its requester may no longer print it for its audience: ask again.",
            ),
            409: OpenApiResponse(ERROR, description="The pack is not ready (still queued or rendering, or failed)."),
            429: THROTTLED,
        },
    )
    def get(self, request, pk):
        pack = get_object_or_404(
            BriefingPack.objects.visible_to(request.user).select_related("requester", *SUBJECT_RELATED), pk=pk
        )
        fail_stuck_packs(packs=[pack])
        pack.refresh_from_db(fields=["status", "error"])
        if pack.status == PackStatus.READY and not may_still_serve(pack):
            # Access is checked when the pack is fetched, not only when it was printed.
            return Response({"detail": PACK_GONE}, status=status.HTTP_404_NOT_FOUND)
        if pack.status != PackStatus.READY:
            if pack.status == PackStatus.FAILED:
                detail = _("The pack failed: %(reason)s") % {"reason": pack.error}
            elif pack.status == PackStatus.QUEUED:
                detail = _("The pack is queued, not ready.")
            else:
                detail = _("The pack is rendering, not ready.")
            return Response({"detail": detail}, status=status.HTTP_409_CONFLICT)
        return pdf_response(bytes(pack.pdf), pack.filename())


class InformationRequestView(PdfEndpoint):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="consultations_information_request_retrieve",
        summary="The union's information request on a consultation, as PDF",
        description=(
            "The letter as the union's question template writes it (a draft: nothing is recorded). "
            "`?answer_due_on=YYYY-MM-DD` sets the date the answer is due (by default after the union's "
            "`information_request_days`, 14 unless changed). To record a letter as sent, print it from the "
            "consultation's page."
        ),
        parameters=[OpenApiParameter("answer_due_on", OpenApiTypes.DATE, required=False), LANG],
        responses={
            (200, "application/pdf"): PDF,
            400: VALIDATION_ERROR,
            401: UNAUTHENTICATED,
            403: OpenApiResponse(ERROR, description="Only the union's officers write its information requests."),
            404: NOT_FOUND,
            429: THROTTLED,
        },
    )
    def get(self, request, pk):
        get_object_or_404(Consultation.objects.visible_to(request.user), pk=pk)
        consultation = letter_consultations(request.user).filter(pk=pk).first()
        if consultation is None:
            raise exceptions.PermissionDenied(_("Only the union's officers write its information requests."))
        due = request.query_params.get("answer_due_on")
        try:
            answer_due_on = datetime.date.fromisoformat(due) if due else None
        except ValueError as error:
            raise exceptions.ValidationError({"answer_due_on": [_("Give a date as YYYY-MM-DD.")]}) from error

        def letter_html():
            # The union's standard letter, written in the language it is printed in.
            letter = Letter.for_consultation(consultation)
            letter.answer_due_on = answer_due_on or letter.answer_due_on
            letter.clean()
            return information_request_html(consultation=consultation, letter=letter, printer=request.user)

        try:
            language = document_language(request.query_params.get("lang"), consultation.union)
            html = in_each_language(language, letter_html)
            rendered = render_for_request(request, html, kind="paper", printer_label=reader_label(request.user))
        except RenderRateLimited as error:
            raise exceptions.Throttled(wait=error.retry_after) from error
        except DjangoValidationError as error:
            raise as_drf_error(error) from error
        except PdfRenderError as error:
            return Response({"detail": str(error)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        return pdf_response(rendered.content, "DRAFT-" + letter_filename(consultation, datetime.date.today()))
