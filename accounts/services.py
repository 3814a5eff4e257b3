"""Issuing and revoking API tokens: the one path for the API, the web pages and the command line."""

from knox.settings import knox_settings

from accounts.models import ApiToken, password_fingerprint


def issue_api_token(*, user, name: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`, valid for REST_KNOX["TOKEN_TTL"]; the plain token is returned once, never stored."""
    return ApiToken.objects.create(
        user,
        expiry=knox_settings.TOKEN_TTL,
        name=name[:100],
        password_fingerprint=password_fingerprint(user),
    )


def revoke_api_tokens(*, user, digest: str | None = None) -> int:
    """Revoke one of `user`'s tokens (by digest), or all of them; returns how many were revoked."""
    tokens = ApiToken.objects.filter(user=user)
    if digest is not None:
        tokens = tokens.filter(digest=digest)
    return tokens.delete()[0]
