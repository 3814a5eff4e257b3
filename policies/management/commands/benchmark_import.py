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
from django.db import transaction

from bargaining.access import Role
from bargaining.models import Membership, Union
from consultations.imports import TOOLS
from plumbing.imports import read_table, run_import


class _Rollback(Exception):
    pass


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
                    started = time.perf_counter()
                    table = read_table("benchmark.csv", data)
                    report = run_import(TOOLS, table, user=officer, source="benchmark.csv", dry_run=dry_run)
                    elapsed = time.perf_counter() - started
                    counts = {status: report.count(status) for status in ("new", "changed", "unchanged", "refused")}
                    self.stdout.write(f"{step}: {rows} rows in {elapsed:.1f} s ({rows / elapsed:.0f} rows/s) {counts}")
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
