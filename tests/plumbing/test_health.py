"""GET /healthz: for a monitor, without signing in; 503 when the database, the schema or the worker fails."""

import datetime

import pytest
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

pytestmark = pytest.mark.django_db

DATABASE_WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
SECRET_HOST = "db-secret-host.example.org"


def healthz(client=None):
    return (client or Client()).get("/healthz")


def test_a_healthy_site_answers_ok_to_anyone():
    response = healthz()

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "worker": "not configured"},
    }


def test_the_answer_is_never_cached_and_sets_no_cookie():
    response = healthz()

    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_a_signed_in_browser_gets_the_same_uncached_answer(client_for, officer):
    response = healthz(client_for(officer))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_monitor_may_ask_over_plain_http_when_https_is_enforced(settings):
    settings.SECURE_SSL_REDIRECT = True

    assert healthz().status_code == 200


def test_a_monitor_polling_often_is_not_rate_limited():
    answers = {healthz().status_code for _ in range(130)}  # more than the API's anonymous rate of 120/minute

    assert answers == {200}


def test_only_reading_is_allowed():
    assert Client().post("/healthz").status_code == 405


def test_unapplied_migrations_answer_503(monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("migration", False)])

    response = healthz()

    assert response.status_code == 503
    assert response.json()["status"] == "failing"
    assert response.json()["checks"]["migrations"] == "failing"
    assert response.json()["checks"]["database"] == "ok"


def test_a_database_down_answers_503_without_saying_why(monkeypatch, settings):
    def refuse():
        raise OperationalError(f'connection to server at "{SECRET_HOST}" failed: password authentication failed')

    monkeypatch.setattr(connection, "ensure_connection", refuse)

    response = healthz()

    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "checks": {"database": "failing", "migrations": "unknown", "worker": "unknown"},
    }
    body = response.content.decode()
    assert SECRET_HOST not in body
    assert "password" not in body
    assert str(settings.DATABASES["default"]["NAME"]) not in body


def queued_task(*, minutes_ago: int, status="READY") -> DBTaskResult:
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="policies.documents.tasks.render_briefing_pack_task",
        backend_name="default",
        run_after=get_date_max(),
        status=status,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return task


def test_a_worker_keeping_up_is_ok(settings):
    settings.TASKS = DATABASE_WORKER
    queued_task(minutes_ago=1)
    queued_task(minutes_ago=60, status="SUCCESSFUL")

    response = healthz()

    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == "ok"


def test_a_task_left_waiting_means_the_worker_is_failing(settings):
    settings.TASKS = DATABASE_WORKER
    settings.TASK_WORKER_STALE_SECONDS = 300
    queued_task(minutes_ago=10)

    response = healthz()

    assert response.status_code == 503
    assert response.json()["checks"]["worker"] == "failing"


def test_without_a_worker_a_waiting_task_is_not_its_concern():
    queued_task(minutes_ago=10)

    assert healthz().json()["checks"]["worker"] == "not configured"
