"""Build a mid-size federation on top of the demo and time the lists that used to grow with it.

    DEBUG=true DATABASE_URL=sqlite:////tmp/scale.sqlite3 .venv/bin/python scripts/scale_lists.py build \
        --clauses 20000 --events 200000
    DEBUG=true DATABASE_URL=sqlite:////tmp/scale.sqlite3 .venv/bin/python scripts/scale_lists.py measure

`build` migrates, loads the demo, then bulk-inserts employers, units, agreements, clauses (3 versions each),
proposals, consultations and events, owned by the demo's first union and readable by its members. `measure`
times each case with the Django test client, signed in as the demo officer (ms per request, median of a few
runs after a warm-up), a deep page reached through the cursor of the API's own `next` link at 90 % depth.
Not a test: the scale benchmark (`manage.py benchmark_scale`) is the gunicorn measure.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

BATCH = 2000


def build(clauses: int, events: int) -> None:
    from bargaining.access import Visibility
    from bargaining.models import (
        Agreement,
        BargainingUnit,
        Clause,
        ClauseVersion,
        Employer,
        JobGroup,
        Topic,
        Union,
    )
    from bargaining.models.rules import natural_key
    from consultations.models import Consultation, ConsultationEvent, EdTechTool, EventKind, ProcurementProposal

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    rng = random.Random(11)  # noqa: S311 - made-up data, not secrets
    union = Union.objects.order_by("pk").first()
    topics = list(Topic.objects.all())
    tools = list(EdTechTool.objects.all())
    members = Visibility.MEMBERS
    employers_wanted = max(10, clauses // 100)
    with transaction.atomic():
        employers = Employer.objects.bulk_create(
            Employer(name=f"Scale District {n:05}", slug=f"scale-district-{n:05}", region="Scale")
            for n in range(employers_wanted)
        )
        units = BargainingUnit.objects.bulk_create(
            BargainingUnit(
                union=union,
                employer=employer,
                job_group=JobGroup.TEACHERS,
                name=f"{employer.name} teachers",
                member_count=100,
                visibility=members,
            )
            for employer in employers
        )
        agreements = Agreement.objects.bulk_create(
            Agreement(
                bargaining_unit=unit,
                title=f"Agreement of {unit.name}",
                term_start=datetime.date(2024, 9, 1),
                term_end=datetime.date(2027, 8, 31),
                visibility=members,
            )
            for unit in units
        )
        made = 0
        while made < clauses:
            batch = []
            for n in range(made, min(clauses, made + BATCH)):
                number = f"{n // len(agreements) + 1}.{n % 7 + 1}"
                batch.append(
                    Clause(
                        agreement=agreements[n % len(agreements)],
                        article_number=number,
                        article_key=natural_key(number),
                        title=f"Scale clause {n} on {rng.choice(['workload', 'monitoring', 'training'])}",
                        topic=rng.choice(topics),
                        visibility=members,
                    )
                )
            batch = Clause.objects.bulk_create(batch)
            statuses = ["proposed", "countered", "tentatively_agreed"]
            ClauseVersion.objects.bulk_create(
                ClauseVersion(
                    clause=clause,
                    number=number,
                    text=f"Version {number} of clause {clause.pk}: the employer shall consult on class size.",
                    tabled_by="union" if number % 2 else "employer",
                    tabled_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
                    status=statuses[number - 1],
                )
                for clause in batch
                for number in (1, 2, 3)
            )
            made += len(batch)
        proposals = ProcurementProposal.objects.bulk_create(
            ProcurementProposal(
                employer=employers[n % len(employers)],
                tool=tools[n % len(tools)],
                title=f"Scale proposal {n}",
                affected_job_groups=[JobGroup.TEACHERS.value],
                cost=1000,
                announced_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 700),
            )
            for n in range(max(20, events // 100))
        )
        consultations = Consultation.objects.bulk_create(
            Consultation(
                union=union,
                proposal=proposal,
                opened_on=proposal.announced_on,
                response_deadline=proposal.announced_on + datetime.timedelta(days=30),
                visibility=members,
            )
            for proposal in proposals
        )
        made = 0
        while made < events:
            ConsultationEvent.objects.bulk_create(
                ConsultationEvent(
                    consultation=consultations[n % len(consultations)],
                    occurred_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 900),
                    kind=EventKind.NOTE,
                    summary=f"Scale event {n}",
                    visibility=members,
                )
                for n in range(made, min(events, made + BATCH))
            )
            made += BATCH
    print(f"built {clauses} clauses, {events} events, {len(consultations)} consultations on {settings.DATABASES}")


def timed(client, url, runs):
    client.get(url)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return statistics.median(times), response


def deep_cursor(client, url, depth):
    """The API's `next` link after `depth` of the rows, followed page by page with the largest pages."""
    from django.db import connection

    from bargaining.models import Clause
    from consultations.models import ConsultationEvent

    total = (Clause if "clauses" in url else ConsultationEvent).objects.count()
    if "count" in client.get(url).json():  # numbered pages (before keyset pagination)
        return f"{url}?page={int(total * depth) // 50}"
    pages = int(total * depth) // 200
    link = f"{url}?page_size=200"
    for _ in range(pages):
        link = client.get(link).json()["next"]
        if link is None:
            break
    connection.close()
    return link.replace("page_size=200", "page_size=50").replace("http://testserver", "")


def measure(runs: int) -> None:
    from django.contrib.auth import get_user_model

    from consultations.models import EdTechTool

    user = get_user_model().objects.get(username="officer")
    client = Client()
    client.force_login(user)
    tool = EdTechTool.objects.order_by("pk").first()
    cases = [
        ("GET /api/v1/clauses/ first page", "/api/v1/clauses/"),
        ("GET /api/v1/clauses/ at 90 %", deep_cursor(client, "/api/v1/clauses/", 0.9)),
        ("GET /api/v1/consultation-events/ first page", "/api/v1/consultation-events/"),
        ("GET /api/v1/consultation-events/ at 90 %", deep_cursor(client, "/api/v1/consultation-events/", 0.9)),
        ("GET /api/v1/tools/{id}/history/", f"/api/v1/tools/{tool.pk}/history/"),
        ("/tools/{id}/ (its history)", f"/tools/{tool.pk}/"),
        ("/consultations/", "/consultations/"),
        ("/coverage/", "/coverage/"),
        ("/clauses/", "/clauses/"),
        ("dashboard /", "/"),
    ]
    from django.db import connection

    print(f"{'case':48} {'ms':>9} {'queries':>8} {'KB':>8}")
    for label, url in cases:
        ms, response = timed(client, url, runs)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(f"{label:48} {ms:9.1f} {len(queries):8} {len(response.content) / 1024:8.0f}")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    built = sub.add_parser("build")
    built.add_argument("--clauses", type=int, default=20_000)
    built.add_argument("--events", type=int, default=200_000)
    measured = sub.add_parser("measure")
    measured.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.command == "build":
        build(args.clauses, args.events)
    else:
        measure(args.runs)


if __name__ == "__main__":
    main()
