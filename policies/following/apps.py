from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowingConfig(AppConfig):
    name = "policies.following"
    label = "following"
    verbose_name = _("Following")
    default_auto_field = "django.db.models.BigAutoField"
