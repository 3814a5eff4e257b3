"""Time the briefing pack of the largest employer at a federation's size: every section, for the leadership.

    DEBUG=true DATABASE_URL=sqlite:////tmp/pack.sqlite3 python manage.py migrate
    DEBUG=true DATABASE_URL=sqlite:////tmp/pack.sqlite3 python manage.py benchmark_pack --clauses 100000

The first time, fills the database with benchmark_scale's data set (`_scale_data.py`; it refuses a database that
already holds other clauses, and keeps the data set to measure again). Then renders the pack of the employer
with the most clauses the benchmark's officer may see, in a child process that reports its time, pages, size
and peak memory, so that building the data set does not count. `--max-lineages` changes the bound for one run
(0: print every lineage, as packs did before they were bounded).
"""

import json
import resource
import subprocess
import sys
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q

from bargaining.models import Clause, Employer
from policies.documents import briefing_pack
from policies.models import PackSection

from ._scale_data import OFFICER, Builder, Sizes


class Command(BaseCommand):
    help = "Render the largest employer's briefing pack at a federation's size; report time, pages and memory."

    def add_arguments(self, parser):
        parser.add_argument("--clauses", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=20_000)
        parser.add_argument("--max-lineages", type=int, help="the bound for this run (0: none)")
        parser.add_argument("--render", action="store_true", help="internal: render in this process")

    def handle(self, *args, clauses, events, max_lineages, render, **options):
        if render:
            return self.render(max_lineages)
        officer = get_user_model().objects.filter(username=OFFICER).first()
        if officer is None:
            if Clause.objects.exists():
                raise CommandError("This database holds clauses of its own: point DATABASE_URL at an empty one.")
            started = time.perf_counter()
            Builder(Sizes(clauses, events, min(5_000, clauses // 20)), progress=self.stdout.write).build()
            self.stdout.write(f"data set built in {time.perf_counter() - started:.0f} s")
        command = [sys.executable, "manage.py", "benchmark_pack", "--render"]
        if max_lineages is not None:
            command.append(f"--max-lineages={max_lineages}")
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our own command
        if result.returncode:
            raise CommandError(result.stderr[-2000:])
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        self.stdout.write(
            "{employer}: {clauses} clauses in scope, {pages} pages, {megabytes:.2f} MB of PDF, rendered in "
            "{seconds:.1f} s ({cpu:.1f} s of CPU), peak memory {peak_mb:.0f} MB".format(**figures)
        )

    def render(self, max_lineages):
        if max_lineages is not None:
            briefing_pack.MAX_LINEAGES = max_lineages or 10**9
        officer = get_user_model().objects.get(username=OFFICER)
        visible = Clause.objects.visible_to(officer).values("pk")
        employer = (
            Employer.objects.annotate(
                clauses=Count(
                    "bargaining_units__agreements__clauses", filter=Q(bargaining_units__agreements__clauses__in=visible)
                )
            )
            .order_by("-clauses")
            .first()
        )
        started, cpu = time.perf_counter(), time.process_time()
        pdf = briefing_pack.render_briefing_pack(
            subject=employer, sections=PackSection.values, reader=officer, audience="leadership"
        )
        figures = {
            "employer": employer.name,
            "clauses": employer.clauses,
            "pages": pdf.page_count,
            "megabytes": len(pdf.content) / 1e6,
            "seconds": time.perf_counter() - started,
            "cpu": time.process_time() - cpu,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
        self.stdout.write(json.dumps(figures))
