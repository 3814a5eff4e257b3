"""Measure Caucus at a national federation's size, beside a bare Django hello-world under the same gunicorn.

    DEBUG=true python manage.py benchmark_scale                                   100,000 clauses, 1,000,000 events
    DEBUG=true python manage.py benchmark_scale --clauses 2000 --events 20000     a quick run
    DEBUG=true python manage.py benchmark_scale --database-url postgres://postgres@127.0.0.1:5432/caucus

Builds the data set (`_scale_data.py`) in a scratch database: a new SQLite file in a temporary folder, or a new
PostgreSQL database `<name>_scratch_<pid>` on the server that `--database-url` (or DATABASE_URL, when it names
PostgreSQL) points to, dropped afterwards; the database the settings use is never touched. Then serves it
under gunicorn with production settings (DEBUG off) beside the hello-world (`_bench_hello.py`), signs in as an
officer (a token for the API, a session for the pages), measures every case alternately with hello-world
(`_scale_load.py`) and prints a markdown table with the targets of issue 11 and which were missed.
"""

import json
import os
import secrets
import sys
import time
import urllib.parse
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ._scale_data import Builder, Sizes
from ._scale_load import cases, measure, table

ROOT = Path(settings.BASE_DIR)
SCRATCH = "CAUCUS_SCRATCH_DATABASE"  # set by DemoServer: the only database a --fill may write to
HELLO = "policies.management.commands._bench_hello:application"


class Command(BaseCommand):
    help = "Build a federation-sized data set in a scratch database and measure Caucus against hello-world."

    def add_arguments(self, parser):
        parser.add_argument("--clauses", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=1_000_000)
        parser.add_argument("--positions", type=int, help="default: 5,000, or clauses / 20 if fewer")
        parser.add_argument("--quick", action="store_true", help="2,000 clauses, 20,000 events, 1 s per case")
        parser.add_argument("--seconds", type=float, default=5.0, help="per case, and as long for hello-world")
        parser.add_argument("--concurrency", type=int, default=4, help="clients at once")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (both servers)")
        parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker (both servers)")
        parser.add_argument("--database-url", default="", help="a PostgreSQL server to make the scratch database on")
        parser.add_argument(
            "--only", default="", help="only the cases whose name contains one of these texts (commas between)"
        )
        # Internal: fill the scratch database (run by this command in a child process; see _build).
        parser.add_argument("--fill", default="", help=argparse_hidden())

    def handle(self, *args, **options):
        if options["quick"]:
            options.update(clauses=2_000, events=20_000, seconds=min(options["seconds"], 1.0))
        positions = options["positions"]
        sizes = Sizes(
            options["clauses"],
            options["events"],
            min(5_000, options["clauses"] // 20) if positions is None else positions,
        )
        if options["fill"]:
            return self.fill(sizes, Path(options["fill"]))
        return self.benchmark(sizes, options)

    # In the child process: the scratch database is this process's default database.

    def fill(self, sizes: Sizes, facts_file: Path):
        database = settings.DATABASES["default"]
        if not os.environ.get(SCRATCH) or os.environ[SCRATCH] != str(database["NAME"]):
            raise CommandError("--fill writes only to the scratch database benchmark_scale made for it")
        started, log = time.monotonic(), []
        facts = Builder(sizes, progress=lambda line: log.append(f"{time.monotonic() - started:7.1f} s  {line}")).build()
        facts.update(build_seconds=round(time.monotonic() - started, 1), log=log)
        facts_file.write_text(json.dumps(facts))

    # In the parent process: a scratch database, two servers, the measurements.

    def benchmark(self, sizes: Sizes, options):
        sys.path.insert(0, str(ROOT / "scripts"))
        from demo_server import DemoServer, api_token, free_port, serve, stop, web_sign_in

        database_url = options["database_url"] or os.environ.get("DATABASE_URL", "")
        if not urllib.parse.urlsplit(database_url).scheme.startswith("postgres"):
            database_url = None
        env = {
            "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(50), "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false", "CSRF_COOKIE_SECURE": "false", "SECURE_HSTS_SECONDS": "0",
            "WHITENOISE_USE_FINDERS": "true", "STATIC_MANIFEST": "false", "API_THROTTLE_USER": "1000000/minute",
            "API_THROTTLE_TOKEN": "1000/minute", "DB_POOL_SIZE": str(options["threads"]),
        }  # fmt: skip
        self.stdout.write(
            f"Building {sizes.clauses:,} clauses, {sizes.events:,} events, {sizes.positions:,} positions "
            f"on {'PostgreSQL' if database_url else 'SQLite'}…"
        )
        started = time.monotonic()
        server = DemoServer(database_url=database_url, workers=options["workers"], threads=options["threads"], env=env)
        # The child that fills the database writes what the requests need beside the database, in the server's folder.
        facts_file = server.folder / "facts.json"
        server.load = [
            ("createcachetable",),
            ("benchmark_scale", f"--fill={facts_file}", f"--clauses={sizes.clauses}", f"--events={sizes.events}",
             f"--positions={sizes.positions}"),
        ]  # fmt: skip
        with server:
            facts = json.loads(facts_file.read_text())
            self.stdout.write("\n".join(facts["log"]))
            self.stdout.write(
                f"Built in {facts['build_seconds']:.0f} s (with migrations and start-up: "
                f"{time.monotonic() - started:.0f} s)."
            )
            port = free_port()
            hello_url = f"http://127.0.0.1:{port}"
            hello = serve(HELLO, port=port, workers=options["workers"], threads=options["threads"],
                          env=server.env, log=server.folder / "hello.log")  # fmt: skip
            try:
                rows = self.measure(server, hello_url, facts, options, api_token, web_sign_in)
            finally:
                stop(hello)
            # Printed before the servers stop and the scratch database is dropped: a failure there loses nothing.
            self.report(sizes, options, facts, rows, database_url)

    def report(self, sizes, options, facts, rows, database_url):
        self.stdout.write("")
        self.stdout.write(
            f"## {sizes.clauses:,} clauses, {sizes.events:,} events, {sizes.positions:,} positions on "
            f"{'PostgreSQL' if database_url else 'SQLite'}: gunicorn {options['workers']} workers x "
            f"{options['threads']} threads, {options['concurrency']} clients, {options['seconds']:g} s per case"
        )
        self.stdout.write(f"Build: {facts['build_seconds']:.0f} s. Load average at the end: {os.getloadavg()}.")
        self.stdout.write("")
        self.stdout.write(table(rows))

    def measure(self, server, hello_url, facts, options, api_token, web_sign_in):
        token = api_token(server.url, facts["officer"], facts["password"])
        _status, cookies = web_sign_in(server.url, facts["officer"], facts["password"])
        if "sessionid" not in cookies:
            raise CommandError(f"the officer could not sign in on the web: {server.log_tail()}")
        headers = {
            "api": {"Authorization": f"Token {token}", "Accept": "application/json"},
            "web": {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())},
        }
        wanted = [part.strip() for part in options["only"].split(",") if part.strip()] or [""]
        chosen = [case for case in cases(facts) if any(part in case.name for part in wanted)]
        self.stdout.write(f"Measuring {len(chosen)} cases, alternately with hello-world. Load: {os.getloadavg()}")
        return measure(
            chosen, app_url=server.url, hello_url=hello_url, headers=headers, counts=facts["counts"],
            seconds=options["seconds"], concurrency=options["concurrency"], progress=self.stdout.write,
        )  # fmt: skip


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
