from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "policies.deadlines"
    label = "deadlines"
    verbose_name = "Deadlines"
    default_auto_field = "django.db.models.BigAutoField"
