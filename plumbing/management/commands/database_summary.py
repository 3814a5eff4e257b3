import json

from django.core.management.base import BaseCommand

from plumbing.backups import summarise


class Command(BaseCommand):
    help = (
        "Print the database's rows per table and its latest history rows as JSON: two databases with the same "
        "summary hold the same records (scripts/restore-drill compares a database with its restored backup)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--history-rows", type=int, default=20, help="history rows per table (default 20)")

    def handle(self, *, history_rows: int, **options):
        self.stdout.write(json.dumps(summarise(history_rows=history_rows), indent=1, sort_keys=True))
