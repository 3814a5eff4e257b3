from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from plumbing.backups import BackupError, backup, checksum_file


class Command(BaseCommand):
    # The system checks would open the database first and fail with a traceback; the command says it plainly.
    requires_system_checks = []
    help = (
        "Back up the database into DIRECTORY (default: backups/ in the project): caucus-<UTC date>-<time>.sqlite3 "
        "or .pgdump, with its SHA-256 checksum beside it (.sha256, as sha256sum writes it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", type=Path, default=settings.BASE_DIR / "backups")

    def handle(self, *, directory: Path, **options):
        try:
            path = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = path.stat().st_size
        self.stdout.write(f"Backed up to {path} ({size:,} bytes); checksum in {checksum_file(path).name}.")
