"""API tokens: only a hash of each is stored (django-rest-knox), and each expires."""

import hashlib

from django.db import models
from knox.models import AbstractAuthToken


def password_fingerprint(user) -> str:
    """A short hash of the user's password hash: it changes whenever the password does."""
    return hashlib.sha256((user.password or "").encode()).hexdigest()[:32]


class ApiToken(AbstractAuthToken):
    """A token a script uses as `Authorization: Token ...`.

    It records the password it was issued under (as a fingerprint), so that changing the password ends it.
    """

    name = models.CharField(max_length=100, blank=True, help_text="Where it was issued, to recognise it by.")
    password_fingerprint = models.CharField(max_length=32, editable=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = "API token"

    def __str__(self):
        return f"API token of {self.user} from {self.created:%d %b %Y %H:%M}"

    def is_for_current_password(self) -> bool:
        return self.password_fingerprint == password_fingerprint(self.user)
