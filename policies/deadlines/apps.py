from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "policies.deadlines"
    label = "deadlines"
    verbose_name = _("Deadlines")
    default_auto_field = "django.db.models.BigAutoField"
