"""Writes of the deadlines module that are more than saving a form."""

import datetime

from django.db import transaction

from policies.deadlines.models import Task


@transaction.atomic
def set_task_done(*, task: Task, user, done: bool) -> Task:
    """Mark a task done today (it leaves every deadline list), or open it again."""
    task.done_on = datetime.date.today() if done else None
    task._history_user = user
    task.save(update_fields=["done_on"])
    return task
