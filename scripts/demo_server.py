"""Serve the demo data from a scratch database under gunicorn on a loopback port, for the scripts that drive
a running Caucus from outside (scripts/loadtest, scripts/probe).

    with DemoServer(database_url=None, workers=3, threads=4) as server:
        server.url                  # http://127.0.0.1:<port>
        api_token(server.url, "officer", "demo")    # a new API token of a demo user

The scratch database is a SQLite file in a temporary folder, or, when `database_url` names a PostgreSQL
server, a new database on that server (`<name>_scratch_<pid>`) dropped afterwards: the database the URL
names is never touched. The server runs with DEBUG on (static files from the source folders: collecting
them for production takes minutes), the demo's published passwords, and whatever `env` adds.
"""

import contextlib
import http.client
import http.cookies
import ipaddress
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def require_loopback(url: str) -> str:
    """`url` if its host is this machine, else exit: these scripts must never be aimed at someone's server."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        sys.exit(f"cannot resolve {host!r}")
    if not addresses or not all(ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses):
        sys.exit(f"refusing {url}: only a server on this machine (127.0.0.1, ::1, localhost) may be driven")
    return url.rstrip("/")


def fetch(base_url: str, method: str, path: str, *, body=None, headers=None, timeout: float = 120):
    """One request on a connection of its own: (status, headers with lower-case names, body bytes).

    A dict body is sent as JSON. The status is None when the connection failed (the body then says why).
    """
    parts = urllib.parse.urlsplit(base_url)
    headers = {"Connection": "close", **(headers or {})}
    if isinstance(body, dict | list):
        body, headers["Content-Type"] = json.dumps(body), "application/json"
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        # A server may answer before it has read the whole body (413): read its answer all the same.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    except (OSError, http.client.HTTPException) as error:
        return None, {}, str(error).encode()
    finally:
        connection.close()


def cookies_of(headers: dict) -> dict:
    jar = http.cookies.SimpleCookie()
    for line in headers.get("set-cookie", "").split("\n"):
        jar.load(line)
    return {name: morsel.value for name, morsel in jar.items()}


def web_sign_in(base_url: str, username: str, password: str, headers=None) -> tuple[int | None, dict]:
    """Sign in through the web form as a browser would: (the answer's status, the cookies it holds after)."""
    _status, answer, _body = fetch(base_url, "GET", "/accounts/login/", headers=headers)
    csrf = cookies_of(answer).get("csrftoken", "")
    form = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": csrf})
    status, answer, _body = fetch(
        base_url,
        "POST",
        "/accounts/login/",
        body=form,
        headers={**(headers or {}), "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"},
    )
    return status, {"csrftoken": csrf, **cookies_of(answer)}


def api_token(base_url: str, username: str, password: str) -> str:
    """A new API token of `username`, asked for as any script would (POST /api/v1/auth/token/)."""
    status, _headers, body = fetch(
        base_url, "POST", "/api/v1/auth/token/", body={"username": username, "password": password}
    )
    if status not in (200, 201):
        sys.exit(f"no API token for {username}: {status} {body[:200]!r}")
    return json.loads(body)["token"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(app: str, *, port: int, workers: int, threads: int, env: dict, log: Path) -> subprocess.Popen:
    """gunicorn serving the WSGI `app` on a loopback port, once it answers; its log (and the app's) to `log`."""
    command = [
        GUNICORN,
        app,
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--timeout=60",
        "--log-level=warning",
        f"--error-logfile={log}",
    ]
    with log.open("ab") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server stopped at start:\n{log.read_text(errors='replace')[-3000:]}")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).close()
            return process
        time.sleep(0.3)
    stop(process)
    sys.exit(f"the server did not start within a minute:\n{log.read_text(errors='replace')[-3000:]}")


def stop(process: subprocess.Popen):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class DemoServer:
    def __init__(
        self, *, database_url: str | None = None, workers: int = 3, threads: int = 4, env=None, load=(("load_demo",),)
    ):
        self.database_url = database_url
        self.workers, self.threads = workers, threads
        self.load = load  # the manage.py commands that fill the migrated database
        self.extra_env = dict(env or {})
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = Path(tempfile.mkdtemp(prefix="caucus-demo-"))
        self.log = self.folder / "server.log"
        self.process = None
        self.scratch_database = None

    # Set-up and tear-down

    def __enter__(self):
        # A script stopped by SIGTERM (a CI timeout) still stops its server and removes its scratch database.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(f"stopped by SIGTERM; the server at {self.url} too"))
        try:
            self.env = self._environment()
            self.manage("migrate", "--noinput", "-v0")
            for command in self.load:
                self.manage(*command)
            self.process = serve(
                "config.wsgi:application", port=self.port, workers=self.workers, threads=self.threads,
                env=self.env, log=self.log,
            )  # fmt: skip
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        if self.process is not None:
            stop(self.process)
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.scratch_database is not None:
            self._postgres(f'DROP DATABASE IF EXISTS "{self.scratch_database}" WITH (FORCE)')
        return False

    def _environment(self) -> dict:
        if self.database_url:
            parts = urllib.parse.urlsplit(self.database_url)
            if not parts.scheme.startswith("postgres"):
                sys.exit("--database-url must be a postgres://... URL (SQLite is the default)")
            name = parts.path.lstrip("/") or "postgres"
            scratch = f"{name}_scratch_{os.getpid()}"
            self._postgres(f'CREATE DATABASE "{scratch}"')
            self.scratch_database = scratch
            database = urllib.parse.urlunsplit(parts._replace(path=f"/{self.scratch_database}"))
        else:
            database = f"sqlite:///{self.folder / 'demo.sqlite3'}"
        return {
            **os.environ,
            "DATABASE_URL": database,
            # The database made for this server, by the name the settings will give it: a script that writes
            # data for the server may check that it writes there and nowhere else.
            "CAUCUS_SCRATCH_DATABASE": self.scratch_database or str(self.folder / "demo.sqlite3"),
            "DEBUG": "true",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOG_LEVEL": "ERROR",  # server errors only: the verdict must not drown in 4xx lines
            # One pooled PostgreSQL connection per gunicorn thread: a thread never waits for another's.
            "DB_POOL_SIZE": str(self.threads),
            **self.extra_env,
        }

    def _postgres(self, statement: str):
        """Run one statement on the PostgreSQL server, through the project's Python (it has psycopg), in the
        server's maintenance database: the one the URL names need not exist."""
        maintenance = urllib.parse.urlunsplit(urllib.parse.urlsplit(self.database_url)._replace(path="/postgres"))
        code = "import psycopg, sys\nwith psycopg.connect(sys.argv[1], autocommit=True) as c:\n c.execute(sys.argv[2])"
        result = subprocess.run(  # noqa: S603 - our own command line
            [PYTHON, "-c", code, maintenance, statement], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            sys.exit(f"PostgreSQL refused {statement!r}:\n{result.stderr[-2000:]}")

    # Helpers for the scripts

    def manage(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603 - our own command line
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def log_tail(self, lines: int = 60) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
