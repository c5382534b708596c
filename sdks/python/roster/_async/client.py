from __future__ import annotations

import time
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

import httpx

from ..retry_policy import DEFAULT_RETRY_POLICY, RetryPolicy
from ..webhook_verification import verify_webhook_payload
from .api_clients import AsyncApiClientsClient
from .directory import AsyncDirectoryClient
from .events import AsyncEventClient
from .organization import AsyncOrganizationClient
from .role import AsyncRoleClient
from .transport import AsyncTransport
from .webhooks import AsyncWebhookClient


class AsyncRoster:
    """A client of one Roster environment's management API::

        roster = AsyncRoster(os.environ["ROSTER_ENVIRONMENT_URL"], os.environ["ROSTER_CLIENT_ID"], os.environ["ROSTER_CLIENT_SECRET"])
        directories = await roster.directory.list_directories(organization_id=org_id)

    It exchanges the API client's credentials for an access token (POST /oauth/token), keeps it,
    renews it before it expires and when the server refuses it, and retries 429 and 5xx answers
    with backoff. A failed call raises a RosterError (NotFoundError, BadRequestError, ...).

    `retry` tunes the retries (`RetryPolicy(max_retries=0)` turns them off); `timeout` is per
    attempt, in seconds; `http_client` sends the requests (for proxies, instrumentation, tests; it
    is not closed by `aclose`); `clock` decides when the token is renewed (seconds since the epoch).
    Use it as a context manager, or call `aclose` when done.
    """

    def __init__(
        self,
        env_url: str,
        client_id: str,
        client_secret: str,
        *,
        retry: Optional[RetryPolicy] = None,
        timeout: float = 30.0,
        http_client: Optional[httpx.AsyncClient] = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not env_url or not client_id or not client_secret:
            raise ValueError("AsyncRoster(env_url, client_id, client_secret) needs all three")
        parts = urlsplit(env_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"env_url must be an http(s) URL, not {env_url!r}")
        self._transport = AsyncTransport(
            env_url.rstrip("/"),
            client_id,
            client_secret,
            retry=retry if retry is not None else DEFAULT_RETRY_POLICY,
            timeout=timeout,
            http_client=http_client,
            clock=clock,
        )
        self.organization = AsyncOrganizationClient(self._transport)
        self.directory = AsyncDirectoryClient(self._transport)
        self.role = AsyncRoleClient(self._transport)
        self.events = AsyncEventClient(self._transport)
        self.webhooks = AsyncWebhookClient(self._transport)
        self.api_clients = AsyncApiClientsClient(self._transport)

    async def aclose(self) -> None:
        """Closes the connections (of the HTTP client this client made itself)."""
        await self._transport.aclose()

    async def __aenter__(self) -> "AsyncRoster":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()

    #: roster.verify_webhook_payload, as a method, as Scalekit's client has it.
    verify_webhook_payload = staticmethod(verify_webhook_payload)
