"""A realistic, clearly fictional data set for first runs and demonstrations (`manage.py load_demo`).

Every district, union, vendor, tool and person in it is invented. Each record is found by a natural
key and only saved when it differs, so loading twice leaves the same data.
"""

import datetime

from django.db import transaction

from policies.demo.agreements import load_agreements
from policies.demo.budgets import load_budgets
from policies.demo.deadlines import load_deadlines
from policies.demo.people import DEMO_PASSWORD, USERS, load_people
from policies.demo.policy import load_policy
from policies.demo.records import Demo
from policies.demo.timelines import load_consultations
from policies.demo.tools import load_tools

__all__ = ["DEMO_PASSWORD", "USERS", "load"]


@transaction.atomic
def load(*, today: datetime.date | None = None) -> Demo:
    """Create or refresh the demo data, with dates relative to `today`."""
    demo = Demo(today=today or datetime.date.today())
    load_people(demo)
    load_budgets(demo)
    load_tools(demo)
    load_agreements(demo)
    load_consultations(demo)
    load_policy(demo)
    load_deadlines(demo)
    return demo
