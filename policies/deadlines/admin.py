from django.contrib import admin

from plumbing.admin import RecordAdmin
from policies.deadlines.models import Task


@admin.register(Task)
class TaskAdmin(RecordAdmin):
    list_display = ["title", "union", "assignee", "due_on", "done_on"]
    list_filter = ["union", "done_on"]
    search_fields = ["title", "notes"]
    raw_id_fields = ["consultation", "session", "proposal", "assignee"]
