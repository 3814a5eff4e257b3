"""Backups that restore: a dated, checksummed copy of the database, and its restoration into an empty one.

SQLite is copied through its online backup API (consistent while Caucus keeps serving), PostgreSQL by
`pg_dump` in its custom format. Beside each backup, `<file>.sha256` in `sha256sum` format: a restore refuses a
file that does not match it. The commands are `manage.py backup`, `restore` and `database_summary`; the
restore drill (scripts/restore-drill) compares a database with its restored backup.
"""

import hashlib
import os
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

from django.db import DatabaseError, connections
from django.utils import timezone

SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}
HISTORY_COLUMNS = ("history_id", "history_date", "history_user_id", "history_type")
# SQLite's backup waits while another connection writes; past this it gives up rather than wait forever.
LOCKED_SECONDS = 60


class BackupError(Exception):
    """A backup or restore refused or failed; the message says why in plain words."""


def backup(directory: Path, *, using: str = "default") -> Path:
    """Write caucus-<UTC date>-<time>.<kind> and its checksum into `directory`; returns the backup's path."""
    connection = connections[using]
    if connection.vendor not in SUFFIXES:
        raise BackupError(f"Caucus cannot back up a {connection.vendor} database.")
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    target = directory / f"caucus-{stamp}{SUFFIXES[connection.vendor]}"
    partial = target.with_name(f"{target.name}.partial")  # never mistaken for a whole backup if we stop halfway
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if target.exists():
            raise BackupError(f"{target} already exists: wait a second and try again.")
        # The backup holds confidential records: readable by its owner only, from its first byte.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        if connection.vendor == "sqlite":
            _backup_sqlite(connection, partial)
        else:
            _run(["pg_dump", "--format=custom", "--file", str(partial)], connection)
        partial.rename(target)
    except OSError as error:
        raise BackupError(f"Cannot write the backup in {directory}: {error.strerror}.") from None
    except DatabaseError as error:
        raise BackupError(f"Cannot read the configured database: {error}".strip()) from None
    finally:
        partial.unlink(missing_ok=True)
    checksum_file(target).write_text(f"{sha256_of(target)}  {target.name}\n")
    return target


def restore(path: Path, *, using: str = "default") -> None:
    """Restore a backup whose checksum matches into the configured database, which must be empty."""
    if not path.is_file():
        raise BackupError(f"There is no backup at {path}.")
    verify_checksum(path)
    connection = connections[using]
    kind = next((vendor for vendor, suffix in SUFFIXES.items() if path.name.endswith(suffix)), None)
    if kind is None:
        raise BackupError(f"{path.name} is not a Caucus backup: its name should end in .sqlite3 or .pgdump.")
    if kind != connection.vendor:
        raise BackupError(f"{path.name} is a {kind} backup, but the configured database is {connection.vendor}.")
    try:
        tables = connection.introspection.table_names()
    except DatabaseError as error:
        raise BackupError(f"Cannot open the configured database: {error}".strip()) from None
    if tables:
        raise BackupError(
            f"The configured database is not empty (it has {len(tables)} tables). Restore into a new, empty "
            "database, then point DATABASE_URL at it; nothing was changed."
        )
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        raise BackupError("The configured SQLite database is in memory: set DATABASE_URL to the file to restore into.")
    connection.close()
    if kind == "sqlite":
        _restore_sqlite(path, connection.settings_dict["NAME"])
    else:
        # All or nothing; the objects belong to the configured user, whoever owned them where the dump was made.
        options = ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction"]
        _run(["pg_restore", *options, "--dbname", connection.settings_dict["NAME"], str(path)], connection)


def checksum_file(path: Path) -> Path:
    return path.with_name(f"{path.name}.sha256")


def sha256_of(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def verify_checksum(path: Path) -> None:
    sidecar = checksum_file(path)
    if not sidecar.is_file():
        raise BackupError(f"{sidecar.name} is missing, so {path.name} cannot be checked: refusing to restore it.")
    expected = (sidecar.read_text().split() or [""])[0].lower()
    if expected != sha256_of(path):
        raise BackupError(
            f"{path.name} does not match its checksum in {sidecar.name}: the file is damaged or was changed. "
            "Refusing to restore it; use another backup."
        )


def summarise(*, using: str = "default", history_rows: int = 20) -> dict:
    """Rows per table, and the latest history rows of every table with history: to compare two databases."""
    connection = connections[using]
    quote = connection.ops.quote_name
    summary = {"tables": {}, "history": {}}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - names from introspection
            summary["tables"][table] = cursor.fetchone()[0]
            columns = {column.name for column in connection.introspection.get_table_description(cursor, table)}
            if columns.issuperset(HISTORY_COLUMNS):
                selected = ", ".join(quote(column) for column in HISTORY_COLUMNS)
                cursor.execute(
                    f"SELECT {selected} FROM {quote(table)} ORDER BY {quote('history_id')} DESC LIMIT %s",  # noqa: S608
                    [history_rows],
                )
                summary["history"][table] = [[str(value) for value in row] for row in cursor.fetchall()]
    return summary


def _backup_sqlite(connection, path: Path) -> None:
    deadline = time.monotonic() + LOCKED_SECONDS

    def give_up_when_locked_too_long(status, remaining, total):
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise BackupError(f"The database stayed locked for {LOCKED_SECONDS} seconds: try again later.")

    connection.ensure_connection()
    try:
        with closing(sqlite3.connect(path)) as target:
            connection.connection.backup(target, progress=give_up_when_locked_too_long)
            # One self-contained file (no -wal beside it), checked before it is called a backup.
            target.execute("PRAGMA journal_mode=DELETE")
            if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError("The copy of the database failed its integrity check; nothing was written.")
    except sqlite3.Error as error:
        raise BackupError(f"The SQLite backup failed: {error}.") from None


def _restore_sqlite(path: Path, database: str) -> None:
    try:
        with (
            closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as source,
            closing(sqlite3.connect(database)) as target,
        ):
            source.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"The SQLite restore failed: {error}.") from None


def _run(command: list[str], connection) -> None:
    """Run pg_dump or pg_restore against the configured database; the password goes in PGPASSWORD only."""
    settings = connection.settings_dict
    env = connection.client.settings_to_cmd_args_env(settings, [])[1] or {}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGDATABASE", "NAME")):
        if settings.get(key):
            env[variable] = str(settings[key])
    try:
        result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip() or f'exit status {result.returncode}'}")
