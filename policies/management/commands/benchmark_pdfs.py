"""Benchmark the printed documents (position paper, briefing pack, members' report) against a bare WeasyPrint
render of the same HTML.

    DEBUG=1 DATABASE_URL=sqlite:////tmp/caucus-bench.sqlite3 python manage.py migrate
    DEBUG=1 DATABASE_URL=sqlite:////tmp/caucus-bench.sqlite3 python manage.py benchmark_pdfs

Builds a large fictional employer inside a transaction that is rolled back, renders once untimed (a server
has its fonts and templates loaded), then renders several times. The bare render is plain
`weasyprint.HTML(string=...).write_pdf()` of the very HTML Caucus produced (stylesheet inlined), so it has
the same page count; Caucus and bare renders alternate in one process so that other load on the machine
affects both alike, and the ratio is Caucus's own overhead (queries, templates, the safe fetcher). Peak
memory comes from separate processes that do only one kind of render.
"""

import datetime
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bargaining.access import Role, Visibility
from bargaining.models import (
    Agreement,
    AgreementStatus,
    BargainingUnit,
    Clause,
    ClauseVersion,
    ClauseVersionStatus,
    Employer,
    JobGroup,
    Membership,
    ModelRating,
    TabledBy,
    Topic,
    Union,
)
from consultations.models import (
    Consultation,
    ConsultationEvent,
    ConsultationStage,
    EdTechTool,
    EventKind,
    ProcurementProposal,
    ToolCategory,
    Vendor,
)
from plumbing.startup import settle_heap
from policies.models import ModelClause, PackSection, Position, PositionStatus, Principle, Stance

DOCUMENTS = (("paper", "position paper"), ("pack", "briefing pack"), ("report", "members' report"))
PHASES = tuple(
    phase for document, _label in DOCUMENTS for phase in (document, f"memory-{document}", f"bare-memory-{document}")
)
TARGETS = {"paper": 1.5, "pack": 8.0, "report": 8.0, "pack_mb": 300, "ratio": 1.2}
TOPICS = [
    ("definitions", "Definitions"),
    ("notice-and-bargaining", "Notice and bargaining"),
    ("job-security", "Job security"),
    ("training", "Training"),
    ("workload", "Workload"),
    ("human-oversight", "Human oversight"),
    ("evaluation-and-surveillance", "Evaluation and surveillance"),
    ("data-privacy", "Data privacy"),
    ("authorship-and-ip", "Authorship and intellectual property"),
    ("joint-committee", "Joint committee"),
    ("equity-and-access", "Equity and access"),
]
SENTENCE = (
    "The District shall give the Association at least sixty days' written notice before it pilots, buys or "
    "deploys any artificial intelligence tool that affects bargaining unit members, and shall bargain the "
    "effects on hours, workload, evaluation and training before the tool is used. "
)


class Rollback(Exception):
    """Raised to leave the benchmark's transaction without keeping its data."""


class Command(BaseCommand):
    help = (
        "Time a position paper, a 100-page briefing pack and a members' report against a bare WeasyPrint render "
        "of the same HTML."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5, help="Renders per measurement (the median is reported).")
        parser.add_argument("--clauses-per-topic", type=int, default=3, help="Grows or shrinks the pack.")
        parser.add_argument("--phase", choices=PHASES, help=argparse_hidden())
        parser.add_argument("--html", help=argparse_hidden())

    def handle(self, *args, runs, clauses_per_topic, phase, html, **options):
        if runs < 1:
            raise CommandError("--runs must be at least 1.")
        if phase:
            result = self.measure(phase, runs=runs, clauses_per_topic=clauses_per_topic, html_path=html)
            self.stdout.write(json.dumps(result))
            return
        self.report(runs=runs, clauses_per_topic=clauses_per_topic)

    # The parent: one child process per measurement, then the table.

    def report(self, *, runs, clauses_per_topic):
        results = {}
        with tempfile.TemporaryDirectory(prefix="caucus-bench-") as folder:
            for document, _label in DOCUMENTS:
                html_path = str(Path(folder) / f"{document}.html")
                for phase in (document, f"memory-{document}", f"bare-memory-{document}"):
                    results[phase] = self.child(phase, runs, clauses_per_topic, html_path)
        self.stdout.write(
            f"Caucus PDF benchmark: median of {runs} renders (wall-clock and CPU seconds), Caucus and bare renders "
            "paired in one process, each pair in turn led by one and by the other; a ratio is the median of the "
            "pairs' ratios. Peak RSS of a process doing only that kind of render.\n"
        )
        self.stdout.write(
            f"{'document':<16}{'pages':>6}{'Caucus s':>10}{'bare s':>8}{'ratio':>7}"
            f"{'Caucus cpu':>12}{'bare cpu':>10}{'ratio':>7}{'Caucus MB':>11}{'bare MB':>9}"
        )
        verdicts = []
        for document, label in DOCUMENTS:
            target = document
            timing = results[document]
            wall_ratio, cpu_ratio = timing["ratio"], timing["cpu_ratio"]
            caucus_mb, bare_mb = results[f"memory-{document}"]["peak_mb"], results[f"bare-memory-{document}"]["peak_mb"]
            self.stdout.write(
                f"{label:<16}{timing['pages']:>6}{timing['caucus_s']:>10.2f}{timing['bare_s']:>8.2f}{wall_ratio:>7.2f}"
                f"{timing['caucus_cpu']:>12.2f}{timing['bare_cpu']:>10.2f}{cpu_ratio:>7.2f}{caucus_mb:>11.0f}{bare_mb:>9.0f}"
            )
            seconds = timing["caucus_s"]
            verdicts.append(f"{label} {seconds:.2f} s <= {TARGETS[target]} s: {_met(seconds <= TARGETS[target])}")
            verdicts.append(
                f"{label} overhead {wall_ratio:.2f}x <= {TARGETS['ratio']}x: {_met(wall_ratio <= TARGETS['ratio'])}"
            )
            if document in ("pack", "report"):
                verdicts.append(
                    f"{label} {caucus_mb:.0f} MB <= {TARGETS['pack_mb']} MB: {_met(caucus_mb <= TARGETS['pack_mb'])}"
                )
                if timing["pages"] < 100:
                    self.stderr.write(f"The {label} has {timing['pages']} pages: raise --clauses-per-topic for 100.")
        self.stdout.write(
            "\nEach pair's wall-clock ratio, in the order measured: "
            + "; ".join(
                f"{label} " + " ".join(f"{ratio:.2f}" for ratio in results[document]["ratios"])
                for document, label in DOCUMENTS
            )
        )
        load = os.getloadavg()[0]
        self.stdout.write(
            f"\nTargets (load average {load:.1f} on {os.cpu_count()} cores): " + "; ".join(verdicts) + "."
        )

    def child(self, phase, runs, clauses_per_topic, html_path) -> dict:
        command = [sys.executable, sys.argv[0], "benchmark_pdfs", "--phase", phase, "--runs", str(runs)]
        command += ["--clauses-per-topic", str(clauses_per_topic), "--html", html_path]
        self.stderr.write(f"Measuring {phase}…")
        done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy(), check=False)  # noqa: S603
        if done.returncode != 0:
            raise CommandError(f"The {phase} measurement failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    # A child: one measurement.

    def measure(self, phase, *, runs, clauses_per_topic, html_path) -> dict:
        if phase.startswith("bare-memory-"):
            return bare_memory(runs=runs, html_path=html_path)
        document = phase.removeprefix("memory-")
        # As a server does once loaded (config/wsgi.py), before it makes anything of its own.
        settle_heap()
        try:
            with transaction.atomic():
                data = build_data(clauses_per_topic=clauses_per_topic)
                render, html = caucus_render(document, data)
                if phase.startswith("memory-"):
                    for _ in range(runs + 1):
                        render()
                    result = {"peak_mb": peak_mb()}
                else:
                    Path(html_path).write_text(html())
                    result = interleaved(render, bare_render(html_path), runs=runs)
                raise Rollback
        except Rollback:
            pass
        return result


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def caucus_render(document, data):
    """The render under test, and a function giving its HTML with the stylesheet inlined (for the bare render)."""
    from policies.documents.briefing_pack import briefing_pack_html, render_briefing_pack
    from policies.documents.members_report import Period, members_report_html, render_members_report
    from policies.documents.position_paper import position_paper_html, render_position_paper

    # The leadership's copies: everything the fictional union holds goes in, as before documents had audiences.
    if document == "paper":
        kwargs = {"position": data["position"], "reader": data["reader"], "audience": "leadership"}
        render, document_html = render_position_paper, position_paper_html
    elif document == "pack":
        kwargs = {"subject": data["employer"], "sections": PackSection.values, "reader": data["reader"]}
        kwargs["audience"] = "leadership"
        render, document_html = render_briefing_pack, briefing_pack_html
    else:
        today = datetime.date.today()
        period = Period(start=today - datetime.timedelta(days=365), end=today)
        kwargs = {"printer": data["reader"], "period": period, "union": data["union"]}
        render, document_html = render_members_report, members_report_html

    def html():
        stylesheet = Path(finders.find("css/print.css")).read_text()
        page = document_html(**kwargs)
        return page.replace("</head>", f"<style>{stylesheet}</style></head>", 1)

    return (lambda: render(**kwargs)), html


def bare_render(html_path):
    from weasyprint import HTML

    html = Path(html_path).read_text()

    def render():
        document = HTML(string=html).render()
        document.write_pdf()
        return len(document.pages)

    return render


def interleaved(caucus, bare, *, runs) -> dict:
    """Median times of each kind, and the median of the ratios of the renders paired run by run.

    The two renders alternate which goes first, so that neither always follows the other's garbage or always
    meets the other's warm caches; a pair's ratio is taken between renders seconds apart, under the same load.
    """
    # One of each first, untimed: a server process has loaded its fonts and templates before the first request.
    caucus_pages, bare_pages = caucus().page_count, bare()
    if caucus_pages != bare_pages:
        raise CommandError(f"Page counts differ: Caucus {caucus_pages}, bare {bare_pages}.")
    timings = {"caucus_s": [], "bare_s": [], "caucus_cpu": [], "bare_cpu": []}
    for run in range(runs):
        pair = (("caucus", caucus), ("bare", bare))
        for name, render in pair if run % 2 == 0 else reversed(pair):
            wall, cpu = time.perf_counter(), time.process_time()
            render()
            timings[f"{name}_s"].append(time.perf_counter() - wall)
            timings[f"{name}_cpu"].append(time.process_time() - cpu)
    ratios = {
        "ratio": [ours / theirs for ours, theirs in zip(timings["caucus_s"], timings["bare_s"], strict=True)],
        "cpu_ratio": [ours / theirs for ours, theirs in zip(timings["caucus_cpu"], timings["bare_cpu"], strict=True)],
    }
    return {
        "pages": caucus_pages,
        **{key: statistics.median(values) for key, values in (timings | ratios).items()},
        "ratios": [round(ratio, 3) for ratio in ratios["ratio"]],
    }


def bare_memory(*, runs, html_path) -> dict:
    render = bare_render(html_path)
    for _ in range(runs + 1):
        render()
    return {"peak_mb": peak_mb()}


def peak_mb() -> float:
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


def build_data(*, clauses_per_topic: int) -> dict:
    """A large fictional employer: four units, every topic bargained, many proposals and consultations."""
    tag = uuid.uuid4().hex[:8]
    today = datetime.date.today()
    union = Union.objects.create(name=f"Benchmark Educators {tag}", slug=f"bench-{tag}", short_name="BEA")
    reader = get_user_model().objects.create(username=f"bench-officer-{tag}", first_name="Bench", last_name="Officer")
    Membership.objects.create(user=reader, union=union, role=Role.OFFICER)
    employer = Employer.objects.create(name=f"Benchmark City Schools {tag}", slug=f"bench-city-{tag}")
    topics = [Topic.objects.get_or_create(code=code, defaults={"name": name})[0] for code, name in TOPICS]
    principles = [
        Principle.objects.create(union=union, code=f"p{n}", title=f"Principle {n}", statement=SENTENCE)
        for n in range(6)
    ]
    for topic in topics:
        model = ModelClause.objects.create(
            union=union, topic=topic, title=f"Model {topic.name}", preferred_text=SENTENCE, fallback_text=SENTENCE,
            walk_away_text=SENTENCE, guidance=SENTENCE, visibility=Visibility.MEMBERS,
        )  # fmt: skip
        model.principles.set(principles[:2])

    versions = []
    statuses = [
        ClauseVersionStatus.PROPOSED,
        ClauseVersionStatus.COUNTERED,
        ClauseVersionStatus.TENTATIVELY_AGREED,
        ClauseVersionStatus.RATIFIED,
    ]
    tabled = [TabledBy.UNION, TabledBy.EMPLOYER, TabledBy.JOINT, TabledBy.JOINT]
    for job_group in (JobGroup.TEACHERS, JobGroup.SUPPORT_STAFF, JobGroup.SCHOOL_LEADERS, JobGroup.SPECIALISTS):
        unit = BargainingUnit.objects.create(
            union=union, employer=employer, job_group=job_group, name=f"Benchmark {job_group.label}",
            member_count=800, visibility=Visibility.MEMBERS,
        )  # fmt: skip
        agreement = Agreement.objects.create(
            bargaining_unit=unit, title=f"{unit.name} agreement", status=AgreementStatus.RATIFIED,
            term_start=today - datetime.timedelta(days=400), term_end=today + datetime.timedelta(days=700),
        )  # fmt: skip
        for t, topic in enumerate(topics):
            for c in range(clauses_per_topic):
                clause = Clause.objects.create(
                    agreement=agreement, article_number=f"{t + 1}.{c + 1}", title=f"{topic.name} {c + 1}",
                    topic=topic, model_rating=ModelRating.FALLBACK, visibility=Visibility.MEMBERS,
                )  # fmt: skip
                for n, (status, by) in enumerate(zip(statuses, tabled, strict=True), start=1):
                    # Each clause its own wording, each version a change of the one before.
                    days = ["sixty", "thirty", "forty-five", "forty-five"][n - 1]
                    text = (
                        f"Article {t + 1}.{c + 1} ({topic.name}, {unit.name}). " + SENTENCE.replace("sixty", days) * 2
                    )
                    versions.append(
                        ClauseVersion(
                            clause=clause, number=n, text=text, tabled_by=by, status=status,
                            tabled_on=today - datetime.timedelta(days=300 - 30 * n),
                        )
                    )  # fmt: skip
    ClauseVersion.objects.bulk_create(versions)

    vendor = Vendor.objects.create(name=f"Benchmark Vendor {tag}")
    position = None
    for n, category in enumerate(ToolCategory.values):
        tool = EdTechTool.objects.create(name=f"Bench tool {n}", vendor=vendor, category=category, ai_features=SENTENCE)
        proposal = ProcurementProposal.objects.create(
            employer=employer, tool=tool, title=f"Adopt bench tool {n}", purpose=SENTENCE,
            announced_on=today - datetime.timedelta(days=60), affected_job_groups=[JobGroup.TEACHERS.value],
        )  # fmt: skip
        consultation = Consultation.objects.create(
            union=union, proposal=proposal, stage=ConsultationStage.MEETINGS,
            opened_on=today - datetime.timedelta(days=50), response_deadline=today + datetime.timedelta(days=10 + n),
        )  # fmt: skip
        ConsultationEvent.objects.bulk_create(
            ConsultationEvent(
                consultation=consultation, occurred_on=today - datetime.timedelta(days=50 - 5 * e),
                kind=list(EventKind.values)[e % len(EventKind.values)], summary=SENTENCE,
                visibility=Visibility.INTERNAL if e % 3 == 0 else Visibility.MEMBERS,
            )
            for e in range(8)
        )  # fmt: skip
        current = Position.objects.create(
            union=union, title=f"Position on bench tool {n}", proposal=proposal, tool=tool,
            stance=Stance.SUPPORT_WITH_CONDITIONS, rationale=f"**Why.** {SENTENCE}\n\n- {SENTENCE}\n- {SENTENCE}",
            conditions="\n".join(f"Condition {k}: {SENTENCE[:120]}" for k in range(6)),
            status=PositionStatus.ADOPTED, adopted_on=today, visibility=Visibility.MEMBERS,
        )  # fmt: skip
        current.principles.set(principles)
        position = position or current
    return {"reader": reader, "employer": employer, "position": position, "union": union}
