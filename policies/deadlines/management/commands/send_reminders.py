from django.core.management.base import BaseCommand

from policies.deadlines.reminders import send_reminders


class Command(BaseCommand):
    help = "Email each user who asked for it a digest of what is overdue and what falls due soon (run daily)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Sent {sent} reminder digest{'s' if sent != 1 else ''}.")
