from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plumbing.backups import BackupError, restore


class Command(BaseCommand):
    # The system checks would open the database first and fail with a traceback; the command says it plainly.
    requires_system_checks = []
    help = (
        "Restore a backup made by `manage.py backup` into the configured database, which must be empty. "
        "The file's checksum (FILE.sha256) is checked first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *, file: Path, **options):
        try:
            restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored {file.name}. If Caucus was upgraded since it was made, run `manage.py migrate` next."
        )
