"""manage.py backup and restore: a dated, checksummed backup restores into an empty database, identical.

The round trip backs up the test database (on whichever database the suite runs) and restores it, in another
process, into an empty scratch database; scripts/restore-drill does the same with the demo data in CI.
"""

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from bargaining.access import Visibility
from bargaining.models import Union
from plumbing import backups
from plumbing.backups import summarise
from tests.factories import ClauseVersionFactory, PositionFactory

ROOT = Path(__file__).resolve().parents[2]
BACKUP_NAME = re.compile(r"caucus-\d{8}-\d{6}\.(sqlite3|pgdump)")


def make_backup(directory: Path) -> Path:
    call_command("backup", str(directory), stdout=open(os.devnull, "w"))  # noqa: SIM115
    [backup] = [path for path in directory.iterdir() if BACKUP_NAME.fullmatch(path.name)]
    return backup


def manage(*args: str, database_url: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def scratch_database_url(tmp_path):
    """An empty database, on the kind of server the suite runs on, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    settings = connection.settings_dict
    name = f"{settings['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name}")
    user = settings["USER"] or ""
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    yield f"postgres://{user}{password}@{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.django_db(transaction=True)  # committed, so that pg_dump sees the records
def test_a_backup_restores_into_an_empty_database_with_every_row_and_its_history(tmp_path, scratch_database_url):
    PositionFactory(visibility=Visibility.INTERNAL, rationale="Walk away if the pilot is extended.")
    ClauseVersionFactory()
    before = summarise()
    backup = make_backup(tmp_path / "backups")

    restored = manage("restore", str(backup), database_url=scratch_database_url)

    assert restored.returncode == 0, restored.stderr
    assert f"Restored {backup.name}" in restored.stdout
    assert manage("migrate", "--check", database_url=scratch_database_url).returncode == 0
    summary = manage("database_summary", database_url=scratch_database_url)
    assert json.loads(summary.stdout) == json.loads(json.dumps(before, default=str))
    assert before["tables"]["policies_position"] == 1
    assert before["history"]["policies_historicalposition"]


# A backup reads the database as another process would: outside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_a_backup_is_dated_private_to_its_owner_and_checksummed_as_sha256sum_writes_it(tmp_path):
    backup = make_backup(tmp_path / "backups")

    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    digest, name = Path(f"{backup}.sha256").read_text().split()
    assert name == backup.name
    assert len(digest) == 64
    if shutil.which("sha256sum"):
        checked = subprocess.run(["sha256sum", "-c", f"{backup.name}.sha256"], cwd=backup.parent, check=False)  # noqa: S603, S607
        assert checked.returncode == 0
    assert not [path for path in backup.parent.iterdir() if path.name.endswith(".partial")]


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_that_does_not_match_its_checksum(tmp_path):
    backup = make_backup(tmp_path)
    with backup.open("ab") as file:
        file.write(b"\0")

    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(backup))


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_without_its_checksum(tmp_path):
    backup = make_backup(tmp_path)
    Path(f"{backup}.sha256").unlink()

    with pytest.raises(CommandError, match=r"\.sha256 is missing"):
        call_command("restore", str(backup))


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(tmp_path, union):
    backup = make_backup(tmp_path)
    union.name = "Renamed since the backup"
    union.save()

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup))

    assert Union.objects.get(pk=union.pk).name == "Renamed since the backup"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_of_another_kind_of_database(tmp_path):
    other = ".pgdump" if connection.vendor == "sqlite" else ".sqlite3"
    backup = make_backup(tmp_path)
    renamed = backup.rename(backup.with_suffix(other))
    Path(f"{backup}.sha256").rename(f"{renamed}.sha256")

    with pytest.raises(CommandError, match="backup, but the configured database is"):
        call_command("restore", str(renamed))


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's backup API")
def test_a_sqlite_backup_gives_up_with_a_message_when_the_database_stays_locked(tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "LOCKED_SECONDS", 0)

    # The test's own transaction holds the write lock, as a long write in another process would.
    with pytest.raises(CommandError, match="stayed locked"):
        make_backup(tmp_path)

    assert list(tmp_path.iterdir()) == []


def test_restore_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="There is no backup at"):
        call_command("restore", str(tmp_path / "caucus-20260101-000000.sqlite3"))


def test_restore_errors_are_plain_messages_without_a_traceback(tmp_path):
    result = manage("restore", str(tmp_path / "nothing.sqlite3"), database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}")

    assert result.returncode == 1
    assert "CommandError: There is no backup at" in result.stderr
    assert "Traceback" not in result.stderr
