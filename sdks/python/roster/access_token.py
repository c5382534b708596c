"""When a client_credentials access token is replaced. Pure; the clients' token caches use it."""

from __future__ import annotations


def refresh_margin(lifetime: float) -> float:
    """How long before expiry a token is replaced: a fifth of its lifetime, at most a minute."""
    return min(60.0, lifetime / 5)


def refresh_at(requested_at: float, expires_in: float) -> float:
    """When a token valid for `expires_in` seconds is replaced. Counted from when it was asked for
    (`requested_at`): the server's clock started no later than that, so no request carries a token
    that lapses on the way.
    """
    return requested_at + expires_in - refresh_margin(expires_in)
