"""Sign-in lockout: django-axes refuses a client that keeps failing to sign in."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Axes' lockout check for web and API sign-ins.

    `authenticate()` without a request (the shell, a management command) is not a sign-in from a
    client, so there is nobody to lock out: it is passed on to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
