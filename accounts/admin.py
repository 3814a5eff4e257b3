from django.contrib import admin

from accounts.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Site administrators see who holds tokens and may revoke them; a token itself is never shown (only its hash
    is stored)."""

    list_display = ["user", "name", "created", "expiry"]
    search_fields = ["user__username", "name"]
    readonly_fields = ["user", "name", "created", "expiry"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False
