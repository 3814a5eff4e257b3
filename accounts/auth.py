"""Token authentication for the API: knox's hashed, expiring tokens, ended by a password change."""

from django.utils.translation import gettext as _
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework import exceptions


class TokenAuthentication(KnoxTokenAuthentication):
    """`Authorization: Token ...`. Refuses tokens of inactive users (knox) and tokens issued under an old password."""

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        if not token.is_for_current_password():
            token.delete()
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        return user, token
