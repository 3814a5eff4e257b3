"""Load the demo data set: fictional districts, unions, tools, consultations, agreements and users."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from policies.demo import DEMO_PASSWORD, USERS, load

SUMMARY_APPS = ("bargaining", "consultations", "policies")


class Command(BaseCommand):
    help = (
        "Load a realistic, clearly fictional demo data set with one user per role (password 'demo'). "
        "Safe to run again: it updates the demo records instead of duplicating them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off. The demo users have a published password.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo data while DEBUG is off: it creates users whose password is 'demo'. "
                "Set DEBUG=true, or pass --force if you really mean to load it here."
            )
        load()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        for app_label in SUMMARY_APPS:
            counts = [
                f"{model._meta.verbose_name_plural}: {model.objects.count()}"
                for model in apps.get_app_config(app_label).get_models()
                if not model.__name__.startswith("Historical") and model._meta.managed
            ]
            self.stdout.write(f"  {app_label} — {', '.join(counts)}")
        self.stdout.write(f"Demo logins (password '{DEMO_PASSWORD}'):")
        for username, first_name, last_name, union_slug, role in USERS:
            what = f"{role.label.lower()} of {union_slug.upper()}" if role else "site administrator (staff, superuser)"
            self.stdout.write(f"  {username:<14} {first_name} {last_name}, {what}")
