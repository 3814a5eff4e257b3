"""Admin plumbing: the site administrators' pages obey the same model rules as the web and the API."""

from django.contrib import messages
from simple_history.admin import SimpleHistoryAdmin

from plumbing.forms import RecordForm
from plumbing.records import DeletionRefused, delete_record


class RecordAdmin(SimpleHistoryAdmin):
    """History on every admin page, the model's link rules (`clean_<field>`) on every save, and deletes that
    keep what was tabled, adopted or published (plumbing.records.delete_record)."""

    form = RecordForm

    def has_delete_permission(self, request, obj=None):
        if obj is not None and hasattr(obj, "deletion_refusal") and obj.deletion_refusal():
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        try:
            delete_record(obj, user=request.user)
        except DeletionRefused as refused:
            messages.error(request, str(refused))

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
