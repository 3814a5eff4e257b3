"""The reader's language: chosen on any page (kept in their profile and a cookie), else their browser's.

LocaleMiddleware reads the cookie and Accept-Language; a signed-in reader's own choice is copied into their session
when they sign in, so that no page pays a query to learn it.
"""

from django.conf import settings
from django.utils import translation

SESSION_KEY = "language"


def language_of(user) -> str:
    """The language to write to `user` in outside a request (mail): their choice, else the site's default."""
    preferences = getattr(user, "preferences", None) if user is not None and user.pk else None
    return (preferences.language if preferences else "") or settings.LANGUAGE_CODE


def remember_on_sign_in(sender, request, user, **kwargs):
    """A user_logged_in receiver: a session begun on any device speaks the language the user chose (one already
    open elsewhere keeps its own until it signs in again)."""
    from accounts.models import Preferences

    chosen = Preferences.objects.filter(user=user).values_list("language", flat=True).first()
    if chosen:
        request.session[SESSION_KEY] = chosen


class PreferredLanguageMiddleware:
    """After authentication: a signed-in reader's chosen language overrides their browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        chosen = session.get(SESSION_KEY) if session is not None else None
        if chosen and chosen in dict(settings.LANGUAGES) and chosen != request.LANGUAGE_CODE:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)
