"""Caucus settings: one file, driven by environment variables (see README, "Configuration").

Grouped by concern, each setting defined once: core, applications, database, sign-in, language and time,
static files, mail, security, the REST API, background tasks, printed documents, logging.
"""

import datetime
import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core ---

DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A guessable key would let anyone forge sessions: production must set its own.
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(50+ random characters), or DEBUG=true for local development only."
        )
    SECRET_KEY = "django-insecure-caucus-local-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS")

# --- Applications, middleware, templates ---

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Full-text search on PostgreSQL (bargaining/search.py); harmless on SQLite.
    "django.contrib.postgres",
    "simple_history",
    "django_filters",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_tasks_db",
    # Caucus, bottom layer first (see ARCHITECTURE.md).
    "plumbing",
    "accounts",
    "bargaining",
    "consultations",
    "policies",
    "policies.deadlines",
    "policies.following",
]

MIDDLEWARE = [
    # First, so that its one line per request times and names every answer, redirects and errors included.
    "plumbing.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The visitor's language: their cookie, else Accept-Language; a signed-in reader's own choice follows below.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.language.PreferredLanguageMiddleware",
    "plumbing.sessions.IdleTimeoutMiddleware",
    "plumbing.http.PrivateResponsesMiddleware",
    "plumbing.http.ApiBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Axes' middleware turns a locked-out sign-in into the lockout page; it must come last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "policies.documents.context_processors.printing",
                "config.navigation.navigation",
                "policies.following.context_processors.unread",
            ],
        },
    },
]

# --- Database and cache ---

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a real embedded database: readers never block the writer (WAL), a write transaction takes the
    # write lock when it begins (IMMEDIATE) so two writers queue instead of one failing, and a writer waits up
    # to SQLITE_BUSY_SECONDS for the lock rather than answering "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_BUSY_SECONDS", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
elif env_bool("DB_POOL", True):
    # PostgreSQL: a pool of connections per process (a pooled connection is never kept per request).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("DB_POOL_SIZE", "4")),
        "timeout": int(os.environ.get("DB_POOL_TIMEOUT", "20")),
    }

# Counters that every worker must share (sign-in lockouts, rate limits) and cached documents: the database
# by default (`manage.py createcachetable` creates its table), Redis when CACHE_URL names one. `locmem://`
# keeps them in one process's memory: for the test suite only, as workers would not share it.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "caucus",
        }
    }
elif CACHE_URL == "locmem://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SILENCED_SYSTEM_CHECKS.append("axes.W001")  # the warning that a process-local cache is not shared
elif CACHE_URL:
    raise ImproperlyConfigured(f"CACHE_URL must be redis://..., rediss://... or locmem://, not {CACHE_URL!r}.")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "caucus_cache"}}

# How many reverse proxies (nginx, Caddy) stand in front of Caucus: the client's address is the one the
# outermost of them saw (plumbing/clientip.py). 0 when clients connect directly.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# --- Accounts and sign-in: passwords, the lockout of a client that keeps failing (django-axes) ---

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # An AxesStandaloneBackend that also lets request-less authenticate() calls (shell, tests) through.
    "plumbing.signin.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# The session cookie ends with the browser unless "keep me signed in" was ticked; then it lasts
# SESSION_COOKIE_AGE. A session not kept also ends after SESSION_IDLE_TIMEOUT seconds unused.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(14 * 24 * 3600)))
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(2 * 3600)))

# A client that keeps failing to sign in as one username is locked out for that username; another client,
# or the same person elsewhere, is not. Failures are counted in the shared cache, per real client address.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))  # hours: 15 minutes by default
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "plumbing.clientip.client_ip"
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The lockout page, or a JSON error with Retry-After for the API (accounts.views.locked_out).
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# Every sign-in attempt (web) and password reset request, per client address (and per email address).
SIGN_IN_RATE = os.environ.get("SIGN_IN_RATE", "30/minute")
PASSWORD_RESET_RATE = os.environ.get("PASSWORD_RESET_RATE", "5/hour")

# API tokens: only a hash is stored; each expires after API_TOKEN_HOURS (and on a password change).
KNOX_TOKEN_MODEL = "accounts.ApiToken"  # noqa: S105 - a model name, not a secret
# knox's own migrations would create its default token table even though ours replaces it.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_MODEL": "accounts.ApiToken",
    "TOKEN_TTL": datetime.timedelta(hours=int(os.environ.get("API_TOKEN_HOURS", str(24 * 30)))),
    "AUTH_HEADER_PREFIX": "Token",
}

# --- Language and time ---

# Every page, message and document is in English or Welsh (locale/cy, compiled by `make` into django.mo). The
# reader's choice is kept in their profile and, for visitors, in a cookie; a first visit follows Accept-Language.
# URLs are the same in both languages.
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]
# The language of a visitor whose browser asks for neither, and of mail to people who chose none.
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"LANGUAGE_CODE must be one of {', '.join(dict(LANGUAGES))}, not {LANGUAGE_CODE!r}.")
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # read by the server only
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static files (served by WhiteNoise) and uploaded files ---

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Production serves collectstatic's hashed, compressed files; STATIC_MANIFEST=false serves them from the
        # source folders with DEBUG off all the same (manage.py benchmark_scale: collecting takes minutes).
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Documents attached to records: never under a URL (only consultations.attachment_views serves them, after the
# access rule). A private folder by default; an S3-compatible object store when ATTACHMENTS_S3_BUCKET is set
# (django-storages and boto3; credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the machine's role).
if os.environ.get("ATTACHMENTS_S3_BUCKET"):
    STORAGES["attachments"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["ATTACHMENTS_S3_BUCKET"],
            "endpoint_url": os.environ.get("ATTACHMENTS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("ATTACHMENTS_S3_REGION") or None,
            "location": os.environ.get("ATTACHMENTS_S3_PREFIX", ""),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
else:
    STORAGES["attachments"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("ATTACHMENTS_DIR", BASE_DIR / "private")},
    }
# A spreadsheet being imported is kept here between its dry run and its confirmation (a day at most). Several
# web servers need a folder they all share.
IMPORT_UPLOAD_DIR = Path(os.environ.get("IMPORT_UPLOAD_DIR", Path(tempfile.gettempdir()) / "caucus-imports"))
# Tests and `make run` serve straight from the source folders; production serves collectstatic's output.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)

# --- Mail (password resets): printed to the console in development, sent by SMTP otherwise ---

# EMAIL_TO_CONSOLE=true prints mail on a machine that serves with DEBUG off but sends no mail (`make run`).
if env_bool("EMAIL_TO_CONSOLE", DEBUG and not os.environ.get("EMAIL_HOST")):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "caucus@localhost")
# Where Caucus is served, for the links in mail sent outside a request (the reminder digest).
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")

# --- Security: on by default outside DEBUG; a TLS-terminating proxy sets X-Forwarded-Proto ---

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The monitor may ask for /healthz over plain http on the machine itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Django's built-in Content-Security-Policy: our own scripts and styles only, no inline script without a nonce.
_CSP_SELF = "'self'"
SECURE_CSP = {
    "default-src": [_CSP_SELF],
    "script-src": [_CSP_SELF, "<CSP_NONCE_SENTINEL>"],
    "style-src": [_CSP_SELF],
    "img-src": [_CSP_SELF, "data:"],
    "font-src": [_CSP_SELF],
    "connect-src": [_CSP_SELF],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": [_CSP_SELF],
    "frame-ancestors": ["'none'"],
}

# --- REST API ---

# A larger body is refused with 413 before it is read (plumbing/http.py).
API_MAX_BODY_BYTES = int(os.environ.get("API_MAX_BODY_BYTES", "1000000"))

REST_FRAMEWORK = {
    # Token first: a script without credentials is answered 401 with `WWW-Authenticate: Token`.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "plumbing.pagination.CaucusPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "1200/minute"),
        # Token requests, successful or not, per client address: slows password guessing.
        "token": os.environ.get("API_THROTTLE_TOKEN", "10/minute"),
        # Rendering a PDF costs far more than reading a record: its own, lower rate.
        "pdf": os.environ.get("API_THROTTLE_PDF", "30/minute"),
    },
    # Throttles count per real client address, behind as many proxies as TRUSTED_PROXY_COUNT says.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "EXCEPTION_HANDLER": "plumbing.api.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Caucus API",
    "DESCRIPTION": (
        "Every record of Caucus, scoped to what the caller may see. Send `Authorization: Token <token>` "
        "(from POST /api/v1/auth/token/) or use a signed-in browser session with its CSRF token. "
        "Detail responses carry an ETag; send it back as If-Match with PUT, PATCH, DELETE and workflow steps."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "COMPONENT_SPLIT_REQUEST": True,
    # The documentation's scripts and styles are served by the application: there is no CDN to reach.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "VisibilityEnum": "bargaining.access.Visibility",
        "JobGroupEnum": "bargaining.models.JobGroup",
        "ClauseVersionStatusEnum": "bargaining.models.ClauseVersionStatus",
        "AgreementStatusEnum": "bargaining.models.AgreementStatus",
        "ProposalStatusEnum": "consultations.models.ProposalStatus",
        "PositionStatusEnum": "policies.models.PositionStatus",
        "EmployerKindEnum": "bargaining.models.EmployerKind",
        "AgreementKindEnum": "bargaining.models.AgreementKind",
        "EventKindEnum": "consultations.models.EventKind",
        "DocumentLanguageEnum": "bargaining.models.DocumentLanguage",
        "TimelineEntryKindEnum": ["proposal", "consultation_event", "position", "clause_version"],
        "RedlineSegmentKindEnum": ["equal", "insert", "delete"],
    },
}

# --- Background tasks (django.tasks): briefing packs render in the background ---

# Development and tests run tasks at once (immediate); production sets TASKS_BACKEND=database and runs
# `manage.py db_worker` (django-tasks-db).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate").strip().lower()
_TASK_BACKENDS = {
    "immediate": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}.")
TASKS = {"default": _TASK_BACKENDS[TASKS_BACKEND]}
# /healthz reports the worker failing when a queued task has waited longer than this (plumbing/health.py).
TASK_WORKER_STALE_SECONDS = int(os.environ.get("TASK_WORKER_STALE_SECONDS", "300"))

# --- Printed documents ---

# A render that runs too long or grows too large is stopped with a clear error. Papers render while
# the reader waits; packs render in the worker and may take longer.
# Renders of documents, web and API alike, per signed-in user and per client address (anonymous included).
PDF_RENDER_RATE = os.environ.get("PDF_RENDER_RATE", "20/minute")
# How long an identical render (same content, audience, language and printer) is served from the cache.
PDF_CACHE_SECONDS = int(os.environ.get("PDF_CACHE_SECONDS", "600"))
PDF_RENDER_LIMITS = {
    "paper": {
        "SECONDS": float(os.environ.get("PDF_PAPER_SECONDS", "20")),
        "MAX_PAGES": int(os.environ.get("PDF_PAPER_MAX_PAGES", "60")),
        "MAX_HTML_BYTES": 2_000_000,
        "MAX_PDF_BYTES": 10_000_000,
    },
    "pack": {
        "SECONDS": float(os.environ.get("PDF_PACK_SECONDS", "120")),
        "MAX_PAGES": int(os.environ.get("PDF_PACK_MAX_PAGES", "600")),
        "MAX_HTML_BYTES": 20_000_000,
        "MAX_PDF_BYTES": 50_000_000,
    },
}
# A pack "running" longer than this was left by a worker that died (0: twice PDF_PACK_SECONDS plus a minute).
PACK_RUNNING_TIMEOUT_SECONDS = int(os.environ.get("PACK_RUNNING_TIMEOUT_SECONDS", "0"))

# --- Logging ---

# One line per record, each with the id of the request it belongs to (plumbing/requestlog.py): `grep
# request_id=<id>` finds a request's line, its warnings and its traceback. On standard error, where gunicorn and
# systemd collect it: standard output is the data of commands such as `dumpdata` and `spectacular`.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "plumbing.requestlog.RequestIdFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s request_id=%(request_id)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_id"],
            "formatter": "line",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO").upper()},
}
