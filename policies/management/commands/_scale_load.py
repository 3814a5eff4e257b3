"""The requests of `manage.py benchmark_scale`: its cases, the targets of issue 11, the load and the table.

Each case is measured for a few seconds by `concurrency` clients (threads, each on a kept-alive connection),
then the bare hello-world for as long, and so on alternately, so that whatever else loads the machine weighs
on both alike; a case's share of hello-world is its requests per second over the mean of the hello-world
slots just before and just after it.
"""

import base64
import http.client
import json
import math
import os
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from ._scale_data import COMMON, MID, RARE


@dataclass
class Case:
    name: str
    path: str
    auth: str = "api"  # "api": the officer's token; "web": the officer's session
    kind: str = "list"  # which target applies (TARGETS)
    first: str = ""  # for a deep page: the name of the first page's case


# kind: (the target in words, whether a row meets it)
TARGETS = {
    "search": ("p95 ≤ 25 ms", lambda row, rows: row.p95 <= 25),
    "search-common": ("p95 ≤ 150 ms", lambda row, rows: row.p95 <= 150),
    "global": ("p95 ≤ 50 ms", lambda row, rows: row.p95 <= 50),
    "list": ("≥ 25 % of hello", lambda row, rows: row.share >= 0.25),
    "detail": ("≥ 35 % of hello", lambda row, rows: row.share >= 0.35),
    "first": ("", None),
    "deep": ("p50 ≤ 1.5 x first page", lambda row, rows: row.p50 <= 1.5 * rows[row.case.first].p50),
    "page": ("p95 ≤ 100 ms", lambda row, rows: row.p95 <= 100),
}
LISTS = [
    "unions", "employers", "training-budgets", "budget-support", "bargaining-units", "agreements", "topics",
    "clauses", "clause-versions", "sessions", "vendors", "tools", "proposals", "consultations",
    "consultation-events", "principles", "model-clauses", "positions", "tasks", "deadlines", "follows",
    "notifications",
]  # fmt: skip
DETAILS = ["clause", "agreement", "tool", "proposal", "consultation", "consultation-event", "position"]


def cases(facts: dict) -> list[Case]:
    api = "/api/v1"
    topic = facts["topic"]
    found = [
        Case(f"clause search, {label}{' + topic filter' if topic_filter else ''}",
             f"{api}/clauses/?search={term}" + (f"&topic={topic}" if topic_filter else ""),
             kind="search-common" if term == COMMON else "search")
        for label, term in (("rare term", RARE), ("mid term", MID), ("two words", f"{MID}+leave"),
                            ("common term", COMMON))
        for topic_filter in (False, True)
    ]  # fmt: skip
    found += [
        Case("clause library page, mid term", f"/clauses/?search={MID}", auth="web", kind="search"),
        Case("global search (API), mid term", f"{api}/search/?q={MID}", kind="global"),
        Case("global search page, mid term", f"/search/?q={MID}", auth="web", kind="global"),
    ]
    lists = [Case(f"GET /api/v1/{name}/", f"{api}/{name}/") for name in LISTS]
    ids = {"clause": facts["clause"], "agreement": facts["agreement"], "tool": facts["tool"],
           "proposal": facts["proposal"], "consultation": facts["consultation"],
           "consultation-event": facts["event"], "position": facts["position"]}  # fmt: skip
    details = [Case(f"GET /api/v1/{name}s/{{id}}/", f"{api}/{name}s/{ids[name]}/", kind="detail") for name in DETAILS]
    deep = []
    for name in ("clauses", "consultation-events", "proposals"):
        deep += [
            Case(f"{name}, first page", f"{api}/{name}/", kind="first"),
            Case(f"{name}, page at 90 % depth", f"{api}/{name}/", kind="deep", first=f"{name}, first page"),
        ]
    pages = [
        Case("dashboard", "/", auth="web", kind="page"),
        Case("coverage, one union", f"/coverage/?union={facts['union']}", auth="web", kind="page"),
        Case("consultations page", "/consultations/", auth="web", kind="page"),
        Case("tool history (API)", f"{api}/tools/{facts['tool']}/history/", kind="page"),
        Case("tool page (its timeline)", f"/tools/{facts['tool']}/", auth="web", kind="page"),
    ]
    return found + lists + details + deep + pages


class Client:
    """Requests to one server on one kept-alive connection: (status, body)."""

    def __init__(self, base_url: str, headers: dict, timeout: float = 120):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port, self.headers, self.timeout = parts.hostname, parts.port, headers, timeout
        self.connection = None

    def get(self, path: str) -> tuple[int | None, bytes]:
        for attempt in (1, 2):  # a kept-alive connection the server has closed is opened again, once
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.connection.request("GET", path, headers=self.headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException) as error:
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    return None, str(error).encode()
        return None, b""


@dataclass
class Sample:
    latencies: list = field(default_factory=list)  # seconds, of the answers with status 200
    failures: dict = field(default_factory=dict)  # status: count
    elapsed: float = 0.0
    size: int = 0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)] * 1000


def load(base_url: str, path: str, headers: dict, *, seconds: float, concurrency: int) -> Sample:
    """`concurrency` clients asking for `path` until `seconds` have passed (each finishes its last request)."""
    sample, lock = Sample(), threading.Lock()
    started = time.monotonic()
    deadline = started + seconds

    def client():
        http_client = Client(base_url, headers)
        while time.monotonic() < deadline:
            began = time.monotonic()
            status, body = http_client.get(path)
            took = time.monotonic() - began
            with lock:
                if status == 200:
                    sample.latencies.append(took)
                    sample.size = len(body)
                else:
                    sample.failures[status] = sample.failures.get(status, 0) + 1

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sample.elapsed = time.monotonic() - started
    return sample


def deep_path(base_url: str, path: str, headers: dict, total: int) -> tuple[str, str]:
    """The address of the page at 90 % depth of the list at `path`, and how it was reached.

    Page numbers: `?page=` computed from the count. A DRF cursor over ids (`p=<id>` in base64): a cursor
    computed from the ids (dense: the rows were bulk-inserted). Anything else (a signed, opaque cursor): `next`
    followed, 200 rows a page, to 90 % of the rows (or the last page, or as far as three minutes go).
    """
    status, body = Client(base_url, headers).get(path)
    if status != 200:
        return path, f"first page answered {status}"
    page = json.loads(body)
    results, following = page.get("results") or [], page.get("next")
    if not following or not results:
        return path, "a single page"
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(following).query)
    if "page" in query:
        pages = math.ceil(page.get("count", total) / len(results))
        return _with(path, page=max(2, round(0.9 * pages))), "page number"
    cursor = _decoded_cursor(query.get("cursor", [""])[0])
    if cursor.get("p") and str(results[-1].get("id")) == cursor["p"][0]:
        first, last = results[0]["id"], results[-1]["id"]
        position = first - round(0.9 * total) if first > last else first + round(0.9 * total)
        encoded = base64.b64encode(urllib.parse.urlencode({"p": position}).encode()).decode()
        return _with(path, cursor=encoded), "cursor computed from ids"
    return _followed(Client(base_url, headers), following, per_page=len(results), target=round(0.9 * total))


def _followed(client, following: str, *, per_page: int, target: int, budget: float = 180) -> tuple[str, str]:
    """Follow `next` (opaque cursors) 200 rows at a time towards row `target`, for `budget` seconds at most; the
    address of the page there, `per_page` rows long, and the row it starts at."""
    reached, deadline = per_page, time.monotonic() + budget
    address = _with(_relative(following), page_size=200)
    while reached + 200 <= target and time.monotonic() < deadline:
        status, body = client.get(address)
        page = json.loads(body) if status == 200 else {}
        if not page.get("next"):
            break
        reached += len(page["results"])
        address = _with(_relative(page["next"]), page_size=200)
    return _with(address, page_size=per_page), f"next followed to row {reached:,}"


def _relative(url: str) -> str:
    return urllib.parse.urlsplit(url)._replace(scheme="", netloc="").geturl()


def _with(path: str, **params) -> str:
    parts = urllib.parse.urlsplit(path)
    query = dict(urllib.parse.parse_qsl(parts.query), **{k: str(v) for k, v in params.items()})
    return parts._replace(query=urllib.parse.urlencode(query)).geturl()


def _decoded_cursor(cursor: str) -> dict:
    try:
        return urllib.parse.parse_qs(base64.b64decode(cursor.encode()).decode())
    except ValueError:
        return {}


@dataclass
class Row:
    case: Case
    sample: Sample
    hello: float  # hello-world requests per second around it
    load: float
    note: str = ""

    @property
    def p50(self):
        return self.sample.percentile(0.5)

    @property
    def p95(self):
        return self.sample.percentile(0.95)

    @property
    def share(self):
        return self.sample.rate / self.hello if self.hello else math.nan


def measure(all_cases, *, app_url, hello_url, headers, counts, seconds, concurrency, progress) -> list[Row]:
    """Every case, alternating with hello-world; deep pages first resolved to their address."""
    hello = load(hello_url, "/", {}, seconds=seconds, concurrency=concurrency)
    rows = []
    for case in all_cases:
        note = ""
        if case.kind == "deep":
            name = case.path.split("/")[-2]
            case.path, note = deep_path(app_url, case.path, headers[case.auth], counts.get(name, 0))
        # A short burst first, unmeasured, so that every worker has its templates compiled and its connections
        # open: a cold start is not what a federation meets all day.
        load(app_url, case.path, headers[case.auth], seconds=min(seconds / 5, 1.0), concurrency=concurrency)
        sample = load(app_url, case.path, headers[case.auth], seconds=seconds, concurrency=concurrency)
        after = load(hello_url, "/", {}, seconds=seconds, concurrency=concurrency)
        row = Row(case, sample, statistics.mean([hello.rate, after.rate]), os.getloadavg()[0], note)
        rows.append(row)
        hello = after
        failed = f", failures {sample.failures}" if sample.failures else ""
        progress(f"{case.name}: p50 {row.p50:.0f} ms, {sample.rate:.1f} req/s ({row.share:.1%} of hello){failed}")
    return rows


def table(rows: list[Row]) -> str:
    by_name = {row.case.name: row for row in rows}
    lines = [
        "| case | p50 ms | p95 ms | req/s | hello req/s | share of hello | KB | target | met | load |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    missed = 0
    for row in rows:
        target, meets = TARGETS[row.case.kind]
        if row.sample.failures or not row.sample.latencies:
            verdict = f"❌ failed {row.sample.failures}"
        elif meets is None:
            verdict = ""
        else:
            verdict = "✅" if meets(row, by_name) else "❌ missed"
        missed += verdict.startswith("❌")
        note = f" ({row.note})" if row.note else ""
        lines.append(
            f"| {row.case.name}{note} | {row.p50:.1f} | {row.p95:.1f} | {row.sample.rate:.1f} | {row.hello:.0f} "
            f"| {row.share:.1%} | {row.sample.size / 1024:.0f} | {target} | {verdict} | {row.load:.2f} |"
        )
    lines.append("")
    lines.append(f"{missed} of {sum(1 for row in rows if TARGETS[row.case.kind][1])} targets missed.")
    return "\n".join(lines)
