"""`manage.py prune_packs --older-than 30d`: delete old briefing packs, and fail those whose worker died."""

import datetime
import re

from django.core.management.base import BaseCommand, CommandError

from policies.documents.packs import fail_stuck_packs, prune_packs

UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_age(text: str) -> datetime.timedelta:
    match = re.fullmatch(r"(\d{1,5})([dhm])", text.strip())
    if not match:
        raise CommandError(f"--older-than takes an age like 30d, 12h or 90m, not {text!r}.")
    return datetime.timedelta(**{UNITS[match.group(2)]: int(match.group(1))})


class Command(BaseCommand):
    help = "Delete briefing packs asked for longer ago than --older-than (e.g. 30d), and fail packs stuck running."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", required=True, type=parse_age, help="An age: 30d, 12h or 90m.")

    def handle(self, *args, older_than, **options):
        failed = fail_stuck_packs()
        deleted = prune_packs(older_than=older_than)
        self.stdout.write(f"Deleted {deleted} pack(s) older than {older_than}; marked {failed} stuck pack(s) failed.")
