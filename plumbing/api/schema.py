"""The OpenAPI schema of the API: every answer an endpoint can really give, and only those."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

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
    required=True,
    description=(
        "The ETag you read. Without it the change is refused with 428; if the record has changed since, with 412."
    ),
)


EXPORT_FORMAT = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=["csv", "xlsx"],
    description=(
        "Answer with the whole filtered list as a spreadsheet file (text/csv, UTF-8 with a BOM; or XLSX) instead "
        "of a page of JSON: one field per column with human headers, as the web list's download."
    ),
)
SPREADSHEETS = {
    "text/csv": {"schema": {"type": "string"}},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        "schema": {"type": "string", "format": "binary"}
    },
}


class CaucusAutoSchema(AutoSchema):
    """Adds the error answers that the shared machinery (plumbing.api) really gives."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        if self.exports() and "200" in responses:
            responses["200"].setdefault("content", {}).update(SPREADSHEETS)
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
            if self._is_list_view():
                codes.append(400)  # an invalid filter value, cursor or page size
            elif action not in ("list", "retrieve") and not self._is_list_view():
                codes.append(400)  # an invalid parameter of a read-only action
        else:
            codes += [403]
            if self.method != "DELETE":
                codes += [400, 413, 415]  # invalid input, a body too large, a body that is not JSON
            if action != "create":
                codes.append(404)
        if self.honours_if_match():
            codes += [412, 428]
        if self.method == "DELETE":
            codes.append(409)
        return codes

    def exports(self) -> bool:
        """A list that answers ?format=csv|xlsx (CaucusViewSet.export_columns)."""
        return getattr(self.view, "action", None) == "list" and getattr(self.view, "export_columns", None) is not None

    def honours_if_match(self) -> bool:
        action = getattr(self.view, "action", None)
        return self.method in ("PUT", "PATCH", "DELETE") or action in getattr(self.view, "precondition_actions", ())

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        action = getattr(self.view, "action", None)
        if self.honours_if_match():
            parameters.append(IF_MATCH_HEADER)
        if self.exports():
            parameters.append(EXPORT_FORMAT)
        if action in ("retrieve", "create", "update", "partial_update", *getattr(self.view, "etag_actions", ())):
            parameters.append(ETAG_HEADER)
        return parameters
