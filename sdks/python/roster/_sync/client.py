# Generated from roster/_async/client.py by `python scripts/unasync.py`. Do not edit:
# tests/test_generated_code.py fails when this file is not what the script makes.
from __future__ import annotations

import time
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

import httpx

from ..retry_policy import DEFAULT_RETRY_POLICY, RetryPolicy
from ..webhook_verification import verify_webhook_payload
from .api_clients import ApiClientsClient
from .directory import DirectoryClient
from .events import EventClient
from .organization import OrganizationClient
from .role import RoleClient
from .transport import Transport
from .webhooks import WebhookClient


class Roster:
    """A client of one Roster environment's management API::

        roster = Roster(os.environ["ROSTER_ENVIRONMENT_URL"], os.environ["ROSTER_CLIENT_ID"], os.environ["ROSTER_CLIENT_SECRET"])
        directories = roster.directory.list_directories(organization_id=org_id)

    It exchanges the API client's credentials for an access token (POST /oauth/token), keeps it,
    renews it before it expires and when the server refuses it, and retries 429 and 5xx answers
    with backoff. A failed call raises a RosterError (NotFoundError, BadRequestError, ...).

    `retry` tunes the retries (`RetryPolicy(max_retries=0)` turns them off); `timeout` is per
    attempt, in seconds; `http_client` sends the requests (for proxies, instrumentation, tests; it
    is not closed by `close`); `clock` decides when the token is renewed (seconds since the epoch).
    Use it as a context manager, or call `close` when done.
    """

    def __init__(
        self,
        env_url: str,
        client_id: str,
        client_secret: str,
        *,
        retry: Optional[RetryPolicy] = None,
        timeout: float = 30.0,
        http_client: Optional[httpx.Client] = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not env_url or not client_id or not client_secret:
            raise ValueError("Roster(env_url, client_id, client_secret) needs all three")
        parts = urlsplit(env_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"env_url must be an http(s) URL, not {env_url!r}")
        self._transport = Transport(
            env_url.rstrip("/"),
            client_id,
            client_secret,
            retry=retry if retry is not None else DEFAULT_RETRY_POLICY,
            timeout=timeout,
            http_client=http_client,
            clock=clock,
        )
        self.organization = OrganizationClient(self._transport)
        self.directory = DirectoryClient(self._transport)
        self.role = RoleClient(self._transport)
        self.events = EventClient(self._transport)
        self.webhooks = WebhookClient(self._transport)
        self.api_clients = ApiClientsClient(self._transport)

    def close(self) -> None:
        """Closes the connections (of the HTTP client this client made itself)."""
        self._transport.close()

    def __enter__(self) -> "Roster":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    #: roster.verify_webhook_payload, as a method, as Scalekit's client has it.
    verify_webhook_payload = staticmethod(verify_webhook_payload)
