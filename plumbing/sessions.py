"""Sessions on shared school computers: signed out after a spell of inactivity.

The browser forgets the session when it closes, unless "keep me signed in" was ticked at sign-in
(accounts.views.SignInView). A session that was not kept also ends after SESSION_IDLE_TIMEOUT seconds
unused, for the computer whose browser is never closed; a kept one lasts SESSION_COOKIE_AGE.
"""

import time

from django.conf import settings
from django.contrib.auth import logout

LAST_SEEN = "caucus_last_seen"
KEEP_SIGNED_IN = "caucus_keep_signed_in"
# Writing the session on every request would cost a database write per page: refresh at most once a minute.
REFRESH_SECONDS = 60


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and not session.get(KEEP_SIGNED_IN) and request.user.is_authenticated:
            now = int(time.time())
            last_seen = session.get(LAST_SEEN, now)
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
            elif now - last_seen >= REFRESH_SECONDS:
                session[LAST_SEEN] = now
        return self.get_response(request)


def start_the_clock(sender, request, user, **kwargs):
    """On every sign-in (a user_logged_in receiver): the session's idle time counts from now."""
    if hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())
