"""The Welsh catalogue is complete: every marked message is in it, translated, not fuzzy, and its placeholders
match the English ones."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
CATALOGUE = BASE / "locale" / "cy" / "LC_MESSAGES" / "django.po"
PLACEHOLDERS = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def test_no_message_is_untranslated(catalogue):
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []


def test_no_message_is_fuzzy(catalogue):
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_every_translation_keeps_the_placeholders_of_its_message(catalogue):
    wrong = []
    for entry in catalogue.translated_entries():
        translations = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        expected = sorted(PLACEHOLDERS.findall(entry.msgid_plural or entry.msgid))
        for translation in translations:
            # A plural form for "one" may say the number in words, so a missing %(count)s is allowed.
            found = sorted(PLACEHOLDERS.findall(translation))
            if found != expected and not (entry.msgid_plural and set(found) <= set(expected)):
                wrong.append((entry.msgid, translation))
    assert wrong == []


def test_the_catalogue_holds_every_marked_message(tmp_path, catalogue):
    """makemessages, run over a copy of the code, finds no message the catalogue lacks (`make messages` adds them)."""
    copy = tmp_path / "caucus"
    ignored = shutil.ignore_patterns(".venv", ".git", "tests", "staticfiles", "__pycache__", "*.sqlite3*", "*.mo")
    shutil.copytree(BASE, copy, ignore=ignored)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "cy", "--no-location", "--ignore", "staticfiles"],
        cwd=copy,
        env={"DEBUG": "true", "PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:///:memory:"},
        check=True,
        capture_output=True,
    )
    gathered = polib.pofile(str(copy / "locale" / "cy" / "LC_MESSAGES" / "django.po"))
    have = {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}
    missing = [entry.msgid for entry in gathered if not entry.obsolete and (entry.msgctxt, entry.msgid) not in have]
    assert missing == []
