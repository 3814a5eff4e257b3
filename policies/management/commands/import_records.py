"""Import records from a CSV or XLSX file, acting with one user's rights, or print a kind's template.

    manage.py import_records tools registry.xlsx --user alice --dry-run
    manage.py import_records tools registry.xlsx --user alice
    manage.py import_records units --template > units.csv
    manage.py import_records everything nea-everything.xlsx --user alice --dry-run

Every row goes through the same form as the web page, in one transaction: a refused row refuses the file.
"""

import csv
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from bargaining.models import Union
from plumbing.imports import BadFile, check_size, read_table, run_import
from policies.imports import KINDS
from policies.takeout import import_workbook


class Command(BaseCommand):
    help = "Import records of one kind from a CSV or XLSX file (dry run first), or print the kind's template."

    def add_arguments(self, parser):
        parser.add_argument(
            "kind",
            choices=[*KINDS, "everything"],
            help="The kind of records, named as the API's collections; `everything` for a union's whole workbook.",
        )
        parser.add_argument("file", nargs="?", help="The CSV or XLSX file to import.")
        parser.add_argument("--user", help="Import as this user, with their rights (required unless --template).")
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen; change nothing.")
        parser.add_argument("--union", help="Rows are for this union (its slug): an empty Union cell means it.")
        parser.add_argument("--template", action="store_true", help="Print the kind's template CSV and stop.")

    def handle(self, *args, kind, file, user, dry_run, union, template, **options):
        if template:
            if kind == "everything":
                raise CommandError("A whole union's workbook has no template: take one out on /import/.")
            csv.writer(self.stdout).writerows(KINDS[kind].template())
            return
        if not file or not user:
            raise CommandError("Give the FILE to import and --user USERNAME (or ask for the --template).")
        importer = get_user_model().objects.filter(username=user, is_active=True).first()
        if importer is None:
            raise CommandError(f"No active user “{user}”.")
        union_name = None
        if union:
            found = Union.objects.filter(slug=union).first()
            if found is None:
                raise CommandError(f"No union with the slug “{union}”.")
            union_name = found.name
        path = Path(file)
        try:
            check_size(path.stat().st_size)
            data = path.read_bytes()
            if kind == "everything":
                reports = import_workbook(data, user=importer, source=path.name, dry_run=dry_run)
            else:
                table = read_table(path.name, data)
                reports = [
                    run_import(KINDS[kind], table, user=importer, source=path.name, dry_run=dry_run, union=union_name)
                ]
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except BadFile as error:
            raise CommandError(str(error)) from None
        for report in reports:
            self._print(report)
        refused = sum(report.count("refused") for report in reports)
        if refused:
            raise CommandError(f"{refused} row(s) refused: nothing was imported.")
        verb = "Would import" if dry_run else "Imported"
        counts = {status: sum(report.count(status) for report in reports) for status in ("new", "changed", "unchanged")}
        self.stdout.write(f"{verb}: {counts['new']} new, {counts['changed']} changed, {counts['unchanged']} unchanged.")

    def _print(self, report):
        self.stdout.write(f"{report.kind}:")
        for row in report.rows:
            line = f"row {row.number}: {row.status}"
            if row.label:
                line += f" — {row.label}"
            self.stdout.write(line)
            for column, old, new in row.changes:
                self.stdout.write(f"    {column}: {old or '(empty)'} → {new or '(empty)'}")
            for column, message in row.errors:
                self.stdout.write(f"    {column + ': ' if column else ''}{message}")
        sys.stdout.flush()
