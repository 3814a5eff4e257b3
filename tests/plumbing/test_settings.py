"""Settings come from the environment and are safe by default."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "SECRET_KEY": "a-real-production-key-with-plenty-of-entropy-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "caucus.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://caucus.example.org",
}


# Set by the test run itself (pytest-env, the browser tests); a real deployment has none of them.
TEST_ONLY_VARIABLES = {"SECRET_KEY", "DEBUG", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args, env):
    clean = {key: value for key, value in os.environ.items() if key not in TEST_ONLY_VARIABLES}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_process_refuses_to_start_in_production_without_secret_key():
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_run_uses_a_development_key_when_none_is_given():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY)",
        env={"DEBUG": "true"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True django-insecure-")


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:////tmp/caucus-test.sqlite3", "django.db.backends.sqlite3"),
        ("postgres://caucus:secret@db.example.org:5432/caucus", "django.db.backends.postgresql"),
    ],
)
def test_database_url_chooses_the_database(url, engine):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        env={**PRODUCTION, "DATABASE_URL": url},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == engine


def test_debug_is_off_unless_set():
    result = manage(
        "shell", "--no-imports", "-c", "from django.conf import settings; print(settings.DEBUG)", env=PRODUCTION
    )
    assert result.stdout.strip() == "False"


def local_run_environment() -> dict:
    """The environment `make run` serves with (scripts/run-local), but for the key it keeps in a file."""
    result = subprocess.run(  # noqa: S603 - our own script with a fixed argument
        [str(ROOT / "scripts" / "run-local"), "--env"], capture_output=True, text=True, timeout=30, check=True
    )
    return dict(line.split("=", 1) for line in result.stdout.split())


def test_the_local_run_serves_caucus_own_not_found_page_with_debug_off():
    code = (
        "from django.conf import settings; from django.test import Client, override_settings; "
        "plain = {**settings.STORAGES, 'staticfiles': "
        "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}; "
        "get = lambda: Client().get('/no-such-page/', HTTP_HOST='localhost'); "
        "response = override_settings(STORAGES=plain)(get)(); "
        "print(settings.DEBUG, response.status_code, 'There is nothing at this address' in response.text, "
        "settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)"
    )
    result = manage(
        "shell", "--no-imports", "-c", code, env={**local_run_environment(), "SECRET_KEY": PRODUCTION["SECRET_KEY"]}
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "404", "True", "False", "False", "False"]


def test_the_local_run_prints_mail_to_the_console():
    code = "from django.conf import settings; print(settings.MAILERS['default']['BACKEND'])"
    result = manage(
        "shell", "--no-imports", "-c", code, env={**local_run_environment(), "SECRET_KEY": PRODUCTION["SECRET_KEY"]}
    )

    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend"
