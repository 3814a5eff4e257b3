"""`GET /healthz` for the monitor: is the database reachable, is its schema current, is the worker working?

Anyone may ask, so the answer names no database, host or error: it says which check failed and the log
(with the request id) says why. It reads no session and sets no cookie, and no cache keeps it.
"""

import datetime
import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)

OK, FAILING, NOT_CONFIGURED, UNKNOWN = "ok", "failing", "not configured", "unknown"
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


@never_cache
@require_safe
def healthz(request):
    checks = {"database": check_database()}
    if checks["database"] == OK:
        checks["migrations"] = check_migrations()
        checks["worker"] = check_worker()
    else:
        checks["migrations"] = checks["worker"] = UNKNOWN
    healthy = all(result in (OK, NOT_CONFIGURED) for result in checks.values())
    return JsonResponse({"status": OK if healthy else FAILING, "checks": checks}, status=200 if healthy else 503)


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database is not reachable")
        return FAILING
    return OK


def check_migrations() -> str:
    """Every migration of the code is applied: after an upgrade, `manage.py migrate` was not forgotten."""
    try:
        executor = MigrationExecutor(connection)
        unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        logger.exception("Health check: the migrations could not be read")
        return FAILING
    if unapplied:
        logger.error("Health check: %d migrations are not applied; run manage.py migrate", len(unapplied))
        return FAILING
    return OK


def check_worker() -> str:
    """A worker is taking tasks: no task has been waiting longer than TASK_WORKER_STALE_SECONDS.

    django-tasks-db keeps no heartbeat of its workers; a ready task left waiting is what a stopped worker
    looks like. With nothing queued, an idle worker and a stopped one look alike, and the check says ok.
    """
    aliases = [alias for alias, config in settings.TASKS.items() if config["BACKEND"] == DATABASE_BACKEND]
    if not aliases:
        return NOT_CONFIGURED
    seconds = settings.TASK_WORKER_STALE_SECONDS
    waiting_since = timezone.now() - datetime.timedelta(seconds=seconds)
    # Ready for longer than that: queued before it, and due to run (no run_after, or one before it).
    stale = DBTaskResult.objects.ready().filter(
        Q(run_after=get_date_max()) | Q(run_after__lt=waiting_since),
        backend_name__in=aliases,
        enqueued_at__lt=waiting_since,
    )
    try:
        if stale.exists():
            logger.error("Health check: a task has waited over %s seconds; is db_worker running?", seconds)
            return FAILING
    except DatabaseError:
        logger.exception("Health check: the task queue could not be read")
        return FAILING
    return OK
