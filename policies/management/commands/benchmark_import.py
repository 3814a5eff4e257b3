"""Time an import of many rows, the way an officer's would run, and leave the database as it was.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/caucus_bench python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/caucus_bench python manage.py benchmark_import --rows 10000

Writes a CSV of `--rows` tools (spread over 100 vendors, new to the registry), then times reading it, the dry
run, applying it and importing it again (every row unchanged), as an officer of a scratch union. Everything
happens in a transaction that is rolled back at the end.
"""

import csv
import io
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from bargaining.access import Role
from bargaining.models import Membership, Union
from consultations.imports import TOOLS
from plumbing.imports import read_table, run_import


class _Rollback(Exception):
    pass


class _QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = "Time importing many tool rows (dry run, apply, re-import); the database is left unchanged."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows, **options):
        data = self._csv(rows)
        try:
            with transaction.atomic():
                officer = self._officer()
                for step, dry_run in (("dry run", True), ("apply", False), ("re-import (unchanged)", False)):
                    queries = _QueryCounter()
                    started, cpu = time.perf_counter(), time.process_time()
                    with connection.execute_wrapper(queries):
                        table = read_table("benchmark.csv", data)
                        report = run_import(TOOLS, table, user=officer, source="benchmark.csv", dry_run=dry_run)
                    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
                    counts = {status: report.count(status) for status in ("new", "changed", "unchanged", "refused")}
                    # The machine is shared: the CPU time of this process says more than the clock when it is busy.
                    self.stdout.write(
                        f"{step}: {rows} rows in {elapsed:.1f} s ({rows / elapsed:.0f} rows/s; {cpu:.1f} s of CPU "
                        f"in this process; {queries.count / rows:.1f} queries a row) {counts}"
                    )
                raise _Rollback
        except _Rollback:
            pass

    def _csv(self, rows: int) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out)
        headers = TOOLS.headers
        writer.writerow(headers)
        for number in range(rows):
            row = {**TOOLS.example, "Name": f"Benchmark tool {number}", "Vendor": f"Benchmark vendor {number % 100}"}
            writer.writerow([row.get(header, "") for header in headers])
        return out.getvalue().encode()

    def _officer(self):
        user = get_user_model().objects.create(username="benchmark-importer")
        union = Union.objects.create(name="Benchmark union", slug="benchmark-union", short_name="BU")
        Membership.objects.create(user=user, union=union, role=Role.OFFICER)
        return user
