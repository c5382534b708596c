"""Roster's management API for Python: `Roster` (sync) and `AsyncRoster` (asyncio), typed models,
typed errors, and webhook verification.

    from roster import Roster

    roster = Roster(env_url, client_id, client_secret)
    roster.organization.update_organization_settings(organization_id=org_id, settings=[{"name": "scim", "enabled": True}])
    directories = roster.directory.list_directories(organization_id=org_id)
"""

from . import models
from ._async.client import AsyncRoster
from ._http import UNSET
from ._sync.client import Roster
from .errors import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    GoneError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RosterConnectionError,
    RosterError,
    ServerError,
)
from .models import *  # noqa: F401,F403 (the models are part of the package's surface)
from .retry_policy import RetryPolicy
from .webhook_verification import WebhookVerificationError, verify_webhook_payload

__version__ = "0.1.0"

__all__ = [
    "AsyncRoster",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "GoneError",
    "InvalidResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "Roster",
    "RosterConnectionError",
    "RosterError",
    "ServerError",
    "UNSET",
    "WebhookVerificationError",
    "models",
    "verify_webhook_payload",
    *models.__all__,
]
