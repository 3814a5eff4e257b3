"""Briefing packs in the background: the task, its outcomes, and the database backend used in production."""

import contextlib

import pytest
from django.core.management import call_command
from django.tasks import task_backends
from django.test import override_settings

from bargaining.access import Visibility
from policies.documents.packs import request_briefing_pack
from policies.documents.tasks import build_briefing_pack
from policies.models import BriefingPack, PackSection, PackStatus

pytestmark = pytest.mark.django_db


def queued_pack(world, requester, **fields):
    fields.setdefault("bargaining_unit", world.unit)
    return BriefingPack.objects.create(requester=requester, union=world.union, sections=PackSection.values, **fields)


def test_a_queued_pack_is_rendered_as_its_requester_may_see_the_record(world, member):
    pack = queued_pack(world, member)

    assert build_briefing_pack(pack_id=pack.pk) == PackStatus.READY

    pack.refresh_from_db()
    assert pack.status == PackStatus.READY
    assert pack.page_count >= 3
    assert pack.started_at <= pack.finished_at
    assert bytes(pack.pdf).startswith(b"%PDF-")
    from tests.helpers import pdf_text

    assert "INTERNAL-RATIONALE" not in pdf_text(bytes(pack.pdf))


def test_a_pack_that_runs_too_long_fails_with_the_reason(world, officer, settings):
    settings.PDF_RENDER_LIMITS = {
        **settings.PDF_RENDER_LIMITS,
        "pack": {**settings.PDF_RENDER_LIMITS["pack"], "SECONDS": 0},
    }
    pack = queued_pack(world, officer)

    assert build_briefing_pack(pack_id=pack.pk) == PackStatus.FAILED

    pack.refresh_from_db()
    assert "took longer than 0 seconds" in pack.error
    assert pack.pdf is None
    assert pack.finished_at is not None


def test_a_pack_whose_subject_the_requester_may_no_longer_see_fails_with_the_reason(world, other_officer):
    pack = queued_pack(world, other_officer)
    world.unit.visibility = Visibility.MEMBERS
    world.unit.save()

    build_briefing_pack(pack_id=pack.pk)

    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED
    assert pack.error == "You may no longer see this bargaining unit, so the pack was not printed."


def test_an_unexpected_error_fails_the_pack_and_reaches_the_task_result(world, officer, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("policies.documents.tasks.render_briefing_pack", broken)
    pack = queued_pack(world, officer)

    with pytest.raises(RuntimeError):
        build_briefing_pack(pack_id=pack.pk)

    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED
    assert "error in Caucus" in pack.error
    assert "disk on fire" not in pack.error


def test_a_pack_already_taken_by_a_worker_is_not_rendered_twice(world, officer):
    pack = queued_pack(world, officer, status=PackStatus.RUNNING)

    assert build_briefing_pack(pack_id=pack.pk) == PackStatus.RUNNING

    pack.refresh_from_db()
    assert pack.pdf is None


def test_development_and_tests_render_packs_at_once(world, officer):
    assert type(task_backends["default"]).__name__ == "ImmediateBackend"

    pack = request_briefing_pack(requester=officer, subject=world.unit, sections=["summary"])

    assert pack.status == PackStatus.READY


def _reload_task_backends():
    # Django 6.1 reads TASKS once per process; nothing resets it when a test overrides the setting.
    task_backends.__dict__.pop("settings", None)
    task_backends._settings = None
    with contextlib.suppress(AttributeError):
        delattr(task_backends._connections, "default")


@pytest.fixture
def database_backend():
    """Production's backend: django-tasks-db, with its worker."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}):
        _reload_task_backends()
        yield
    _reload_task_backends()


# The worker manages its own database connections (it closes stale ones), so no test transaction around it.
@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_the_pack_waits_for_the_worker(world, officer, database_backend):
    from django_tasks_db.models import DBTaskResult

    pack = request_briefing_pack(requester=officer, subject=world.employer, sections=["summary"])

    assert pack.status == PackStatus.QUEUED
    assert DBTaskResult.objects.get().task_path == "policies.documents.tasks.render_briefing_pack_task"

    call_command("db_worker", "--batch", "--no-startup-delay", "--max-tasks", "1", verbosity=0)

    pack.refresh_from_db()
    assert pack.status == PackStatus.READY
    assert bytes(pack.pdf).startswith(b"%PDF-")
