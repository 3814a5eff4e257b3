"""An import costs the same few queries a row however long the file: what repeats is asked once per file."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.imports import TOOLS
from plumbing.imports import run_import
from tests.imports.test_tools_and_vendors import table, tool_row


def queries_for(officer, rows: int, first: int, *, dry_run=False) -> int:
    # Every tool of the file has one of two vendors, as a registry's rows do.
    lines = [tool_row(Name=f"Tool {first + n}", Vendor=f"Vendor {n % 2}") for n in range(rows)]
    with CaptureQueriesContext(connection) as queries:
        report = run_import(TOOLS, table(*lines), user=officer, source="registry.csv", dry_run=dry_run)
    assert not report.refused
    return len(queries)


def test_new_rows_cost_a_constant_number_of_queries_each(officer):
    queries_for(officer, 2, 0)  # the vendors are new once
    ten, twenty, thirty = (queries_for(officer, rows, rows * 10) for rows in (10, 20, 30))

    assert thirty - twenty == twenty - ten
    # Checked (the vendor exists, the name is free); written with its history row in a savepoint. Finding the
    # row's record and the vendor's look-ups are once per file.
    assert (twenty - ten) / 10 <= 6


def test_unchanged_rows_cost_a_constant_number_of_queries_each(officer):
    queries_for(officer, 20, 0)
    ten_again = queries_for(officer, 10, 0)
    twenty_again = queries_for(officer, 20, 0)

    assert (twenty_again - ten_again) / 10 <= 3
