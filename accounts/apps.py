from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the token scheme with drf-spectacular.
        from django.contrib.auth.signals import user_logged_in

        from accounts import schema  # noqa: F401
        from accounts.language import remember_on_sign_in

        user_logged_in.connect(remember_on_sign_in, dispatch_uid="accounts.language.remember_on_sign_in")
