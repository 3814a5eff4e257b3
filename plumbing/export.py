"""Lists as spreadsheets: one column spec per collection, written as CSV or XLSX, streamed.

A collection declares its columns once (`Columns`, beside its filters) and the web list, the API list and the
import templates all use them. Rows come from the caller's queryset, already scoped with `visible_to` and
filtered; `Columns.prepare` adds the joins and per-field annotations the cells read, so that the number of
queries does not grow with the rows. Text a spreadsheet would run as a formula is neutralised in both formats.
"""

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from openpyxl import Workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_TYPE}
# How many rows each query fetches while streaming: memory stays flat, and queries grow only per chunk.
CHUNK_SIZE = 2000
# Several values in one cell (personal data, principles cited, ...) are joined with this, and split on it.
MULTI_SEPARATOR = " | "

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A spreadsheet-safe cell: text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


@dataclass(frozen=True)
class Column:
    """One field of a record as one spreadsheet column.

    `get(record)` gives the cell: text, a number, a date, or a list (joined with MULTI_SEPARATOR). `field` names
    the form field an import fills from the column (None: export only); `key` the natural key a column naming
    another record is matched on (`name`, `slug`, ...). `link`: the cell is the record's address. `optional`: an
    import file may leave the column out, and the records keep what they have (a Welsh version, added later).
    """

    header: str
    get: Callable
    field: str | None = None
    key: str | None = None
    link: bool = False
    optional: bool = False


@dataclass(frozen=True)
class Columns:
    """A collection's columns, and how to fetch what they read for `user` (joins, per-field annotations)."""

    name: str
    model: type
    columns: list[Column]
    prepare: Callable = field(default=lambda queryset, user: queryset)

    def queryset(self, user):
        """What `user` may see of the collection, with what the cells read joined or annotated."""
        return self.prepare(self.model.objects.visible_to(user), user)

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def rows(self, queryset, *, link: Callable[[str], str] = str) -> Iterable[list]:
        """Each record of `queryset` (from `self.queryset(user)`, filtered) as a list of cells, fetched in chunks."""
        for record in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield [link(record.get_absolute_url()) if column.link else column.get(record) for column in self.columns]


def attr(path: str) -> Callable:
    """A getter following `path` ("vendor__name"), None when a link on the way is empty."""

    def get(record):
        value = record
        for part in path.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

    return get


def display(name: str) -> Callable:
    """The label of a choice field, as people read it."""
    return lambda record: getattr(record, f"get_{name}_display")()


def spreadsheet_value(value):
    """A cell for the sheet: dates stay dates, numbers stay numbers, lists are joined, text is made safe."""
    if isinstance(value, (list, tuple)):
        value = MULTI_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, (datetime.date, int, float, Decimal)) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"  # file contents, read by machines as well as people: never translated
    return csv_cell(value) if value is not None else None


def export_format(request) -> str | None:
    """The file format the request asks for with `?format=`, or None for the page itself."""
    wanted = request.GET.get("format")
    return wanted if wanted in FORMATS else None


def export_response(columns: Columns, queryset, fmt: str, *, link: Callable[[str], str] = str):
    """The rows of `queryset` (from `columns.queryset(user)`, filtered) as a file download, streamed: CSV row by
    row, XLSX through a write-only workbook spilled to disk."""
    rows = columns.rows(queryset, link=link)
    filename = f"caucus-{columns.name}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(columns.headers, rows), content_type=FORMATS["csv"])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        response = FileResponse(
            write_xlsx([(columns.name, columns.headers, rows)]),
            as_attachment=True,
            filename=filename,
            content_type=FORMATS["xlsx"],
        )
    response["Cache-Control"] = "private, no-store"
    return response


class _Echo:
    def write(self, value):
        return value


def _csv_lines(headers, rows):
    writer = csv.writer(_Echo())
    # A byte-order mark so that Excel reads the file as UTF-8.
    yield "\ufeff" + writer.writerow(headers)
    for row in rows:
        yield writer.writerow([_csv_text(spreadsheet_value(value)) for value in row])


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def write_xlsx(sheets) -> tempfile.SpooledTemporaryFile:
    """A workbook of `(title, headers, rows)` sheets, written row by row to a temporary file (open, at its start).

    openpyxl's write-only mode keeps no rows in memory; the file spills to disk past a few megabytes.
    """
    workbook = Workbook(write_only=True)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.append(headers)
        for row in rows:
            sheet.append([spreadsheet_value(value) for value in row])
    # Handed to the response, which closes it once sent.
    output = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return output


def export_list(request, filterset_class, columns: Columns, *, fmt: str | None = None, back: str = ""):
    """A web list's current result set (its filters applied) as a file; invalid filters go back to the list."""
    queryset = columns.queryset(request.user)
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    if not filterset.is_valid():
        messages.error(request, _("The export needs valid filters: correct the fields marked below."))
        query = request.GET.copy()
        query.pop("format", None)
        return redirect(f"{back or request.path}?{query.urlencode()}")
    return export_response(columns, filterset.qs, fmt or export_format(request), link=request.build_absolute_uri)
