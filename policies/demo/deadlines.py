"""Follow-up tasks of the demo unions, and the demo users' reminder choices (each takes the daily digest)."""

from accounts.models import DeadlineSettings, ReminderFrequency
from policies.deadlines.models import Task
from policies.demo.people import USERS
from policies.demo.records import Demo, upsert

# (union, title, assignee, due in days from today, done, what it follows up: ("consultation", proposal key))
TASKS = [
    ("nlea", "Send the information request on Compose Copilot", "officer", -3, False, ("consultation", "nv-compose")),
    ("nlea", "Draft the response on GradeSwift essay marking", "organiser", 4, False,
     ("consultation", "lk-gradeswift")),
    ("nlea", "Ask members at pilot schools about HallwayWatch cameras", "organiser", 12, False,
     ("consultation", "lk-hallwaywatch")),
    ("nlea", "Book the executive meeting on SafeScreen", "officer", -10, True, ("consultation", "nv-safescreen")),
    ("gfss", "Write to the district about the Compose Copilot response", "other-officer", 2, False,
     ("consultation", "gf-compose")),
]  # fmt: skip


def load_deadlines(demo: Demo) -> None:
    for union_slug, title, assignee, due_in, done, (kind, proposal_key) in TASKS:
        union = demo.unions[union_slug]
        consultation = (
            union.consultations.get(proposal=demo.proposals[proposal_key]) if kind == "consultation" else None
        )
        upsert(
            Task,
            {"union": union, "title": title},
            {
                "assignee": demo.users[assignee],
                "due_on": demo.day(due_in),
                "done_on": demo.day(due_in) if done else None,
                "consultation": consultation,
            },
        )
    for username, *_rest in USERS:
        # Created once: a demo user who changed their choice keeps it.
        DeadlineSettings.objects.get_or_create(
            user=demo.users[username], defaults={"reminders": ReminderFrequency.DAILY, "notifications_in_digest": True}
        )
