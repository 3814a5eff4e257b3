from django.contrib import admin

from accounts.models import ApiToken, DeadlineSettings, Preferences


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


@admin.register(DeadlineSettings)
class DeadlineSettingsAdmin(admin.ModelAdmin):
    # The feed token is a key: shown nowhere but to its owner, on their account page.
    list_display = ["user", "reminders", "window_days"]
    list_filter = ["reminders"]
    exclude = ["feed_token"]
    search_fields = ["user__username", "user__email"]


@admin.register(Preferences)
class PreferencesAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]
    list_filter = ["language"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["user"]
