"""One log line per request, and a request id on every log line, so that one request can be found by grep.

The id comes from the proxy's X-Request-ID when it is a plain token (nginx `$request_id`, Caddy's
`{http.request.uuid}`), so the proxy's log and ours share it; otherwise Caucus makes one. The answer carries
it back in X-Request-ID, so a person reporting an error can quote it. The request line reads

    request_id=<id> method=GET path=/positions/3/ status=200 duration_ms=41 user=7

(the query string is left out: searches may be confidential; `user=-` is nobody signed in).
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar
from urllib.parse import quote

from django.utils.functional import SimpleLazyObject, empty

logger = logging.getLogger("caucus.requests")

HEADER = "X-Request-ID"
SANE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
NONE = "-"
current_request_id: ContextVar[str] = ContextVar("current_request_id", default=NONE)


class RequestIdFilter(logging.Filter):
    """Gives every log record the id of the request being served (`-` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        # Kept until the response is closed (forget_request_id): Django logs an error answer after the middleware.
        current_request_id.set(request.request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[HEADER] = request.request_id
        fields = {
            "method": request.method,
            # Decoded, the path could hold spaces or a line break: quoted again, it stays one greppable word.
            "path": quote(request.path, safe="/:@!$&'()*+,;=~"),
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000),
            "user": user_id(request),
        }
        line = " ".join(f"{key}={value}" for key, value in fields.items())
        logger.info(line, extra={"request_id": request.request_id, **fields})
        return response


def forget_request_id(**kwargs) -> None:
    """A request_finished receiver: what is logged after the response is closed belongs to no request."""
    current_request_id.set(NONE)


def request_id_for(request) -> str:
    offered = request.headers.get(HEADER, "")
    return offered if SANE_ID.fullmatch(offered) else uuid.uuid4().hex


def user_id(request) -> str:
    """The signed-in user's id, if the request already looked it up: the log line never costs a query."""
    user = getattr(request, "user", None)
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return NONE
    return str(user.pk) if user.is_authenticated else NONE
