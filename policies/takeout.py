"""Take everything out: a union's whole record as one XLSX workbook, a sheet per kind in the columns the
import reads, so that the workbook imported into an empty Caucus (in the sheets' order) reproduces it.

Each sheet holds what the union owns of that kind, and the shared reference records its own records use
(the employers of its units). Cells follow the reader's rights like any export: an officer's workbook has
the walk-away wording, anyone else's would not.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from consultations.models import EventKind
from plumbing.export import CHUNK_SIZE, write_xlsx
from plumbing.imports import BadFile, Report, read_sheets, run_import
from policies.imports import KINDS

# Which rows of each kind belong in a union's workbook.
OWNED_BY = {
    "employers": lambda rows, union: rows.filter(bargaining_units__union=union).distinct(),
    "units": lambda rows, union: rows.filter(union=union),
    "agreements": lambda rows, union: rows.filter(bargaining_unit__union=union),
    "clauses": lambda rows, union: rows.filter(agreement__bargaining_unit__union=union),
    # The tools its consultations and positions are about, and their vendors.
    "vendors": lambda rows, union: rows.filter(
        Q(tools__positions__union=union) | Q(tools__proposals__consultations__union=union)
    ).distinct(),
    "tools": lambda rows, union: rows.filter(
        Q(positions__union=union) | Q(proposals__consultations__union=union)
    ).distinct(),
    "proposals": lambda rows, union: rows.filter(Q(consultations__union=union) | Q(positions__union=union)).distinct(),
    "consultations": lambda rows, union: rows.filter(union=union),
    # What officers wrote on the timelines: the record changes Caucus wrote itself come back with the edits.
    "consultation-events": lambda rows, union: rows.filter(consultation__union=union).exclude(
        kind=EventKind.RECORD_CHANGE
    ),
    "principles": lambda rows, union: rows.filter(union=union),
    "model-clauses": lambda rows, union: rows.filter(union=union),
}


def union_workbook(union, user):
    """The workbook as an open temporary file, at its start."""
    sheets = []
    for name, kind in KINDS.items():
        columns = kind.columns
        rows = OWNED_BY[name](columns.queryset(user), union)
        headers = kind.headers
        sheets.append((name, headers, _cells(rows, [column for column in columns.columns if column.header in headers])))
    return write_xlsx(sheets)


def _cells(rows, columns):
    for record in rows.iterator(chunk_size=CHUNK_SIZE):
        yield [column.get(record) for column in columns]


class _Rollback(Exception):
    pass


def import_workbook(data: bytes, *, user, source: str, dry_run: bool) -> list[Report]:
    """Import every sheet named after a kind, in the kinds' order, all of them or none."""
    sheets = read_sheets(data)
    unknown = [name for name in sheets if name not in KINDS]
    if unknown:
        raise BadFile(
            _("Unknown sheets: %(unknown)s. Name each sheet after a kind: %(kinds)s.")
            % {"unknown": ", ".join(unknown), "kinds": ", ".join(KINDS)}
        )
    reports = []
    try:
        with transaction.atomic():
            for name, kind in KINDS.items():
                if name in sheets:
                    reports.append(run_import(kind, sheets[name], user=user, source=source, dry_run=False))
            if dry_run or any(report.refused for report in reports):
                raise _Rollback
    except _Rollback:
        for report in reports:
            report.applied = False
    return reports
