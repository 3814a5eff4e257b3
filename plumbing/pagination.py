"""The API's pagination: keyset cursors (plumbing.keyset), so that a deep page costs what the first costs.

Lists answer `{"next": ..., "previous": ..., "results": [...]}` without a count (counting every row is what
made deep lists slow). `?ordering=` keeps working: any ordering is paged by its own values and then the id.
A cursor tampered with, or kept while the ordering changed, is a 400 naming `cursor`.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from plumbing.keyset import CURSOR_PARAM, InvalidCursor, keyset_page, sequence_page


class CaucusPagination(BasePagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    cursor_query_param = CURSOR_PARAM

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = self.get_page_size(request)
        cursor = request.query_params.get(self.cursor_query_param)
        try:
            if isinstance(queryset, QuerySet):
                self.page = keyset_page(queryset, cursor, per_page=size)
            else:
                self.page = sequence_page(queryset, cursor, per_page=size)
        except InvalidCursor as refused:
            raise exceptions.ValidationError({self.cursor_query_param: [str(refused)]}) from refused
        return self.page.rows

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        if not raw.isdigit() or int(raw) < 1:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [_("A whole number from 1 to %(most)s.") % {"most": self.max_page_size}]}
            )
        return min(int(raw), self.max_page_size)

    def link(self, cursor):
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        url = remove_query_param(url, "page")
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self.link(self.page.next_cursor),
                "previous": self.link(self.page.previous_cursor),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The next page (null on the last): follow it as given.",
                },
                "previous": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The previous page (null on the first).",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": (
                    "The page to read, as the `next` or `previous` link of the page before gave it: opaque and "
                    "signed. A cursor made up, altered or kept across a change of `ordering` is refused with 400."
                ),
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, 1 to {self.max_page_size} (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
