"""Background work of policies, through Django's tasks framework (django.tasks).

Development and tests run tasks immediately; production sets TASKS_BACKEND=database and runs the
worker: `python manage.py db_worker` (django-tasks-db).
"""

from django.tasks import task

from policies.pdf.packs import build_briefing_pack


@task()
def render_briefing_pack_task(pack_id: int) -> str:
    """Render one briefing pack; the pack row records the outcome (ready, or failed with the reason)."""
    return build_briefing_pack(pack_id=pack_id)
