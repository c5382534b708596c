from __future__ import annotations

from typing import Optional, Sequence, Union

from .._http import UNSET, Timestamp, Unset, compact
from ..models import (
    CreateWebhookResponse,
    ListWebhookDeliveriesResponse,
    ListWebhooksResponse,
    ReplayWebhookResponse,
    RotateWebhookSecretResponse,
    WebhookDeliveryResponse,
    WebhookResponse,
)
from .transport import AsyncTransport

WEBHOOK = "/api/v1/webhooks/{webhook_id}"


class AsyncWebhookClient:
    """`roster.webhooks`: endpoints that receive events signed per Standard Webhooks (check them
    with verify_webhook_payload).
    """

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def create(
        self,
        *,
        url: str,
        description: Optional[str] = None,
        enabled: Optional[bool] = None,
        event_types: Optional[Sequence[str]] = None,
        organization_id: Optional[str] = None,
    ) -> CreateWebhookResponse:
        """Events are POSTed to `url` (https:// in production): those of `event_types` (all when
        left out), of `organization_id` only when given. The signing secret (`whsec_...`) is in this
        answer only.
        """
        body = compact(
            {"url": url, "description": description, "enabled": enabled, "event_types": event_types, "organization_id": organization_id}
        )
        return await self._transport.call(CreateWebhookResponse, "POST", "/api/v1/webhooks", body=body)

    async def list(self) -> ListWebhooksResponse:
        return await self._transport.call(ListWebhooksResponse, "GET", "/api/v1/webhooks")

    async def get(self, webhook_id: str) -> WebhookResponse:
        return await self._transport.call(WebhookResponse, "GET", WEBHOOK, path={"webhook_id": webhook_id})

    async def update(
        self,
        webhook_id: str,
        *,
        url: Optional[str] = None,
        description: Optional[str] = None,
        enabled: Optional[bool] = None,
        event_types: Optional[Sequence[str]] = None,
        organization_id: Union[str, None, Unset] = UNSET,
    ) -> WebhookResponse:
        """Arguments left out keep their value; `organization_id=None` makes it receive every
        organization's events; enabling clears the failure record.
        """
        body = compact(
            {"url": url, "description": description, "enabled": enabled, "event_types": event_types, "organization_id": organization_id},
            nullable=["organization_id"],
        )
        return await self._transport.call(WebhookResponse, "PATCH", WEBHOOK, path={"webhook_id": webhook_id}, body=body)

    async def delete(self, webhook_id: str) -> None:
        await self._transport.call(None, "DELETE", WEBHOOK, path={"webhook_id": webhook_id})

    async def rotate_secret(self, webhook_id: str, *, grace_period_seconds: Optional[int] = None) -> RotateWebhookSecretResponse:
        """A new signing secret; deliveries carry a signature for each secret until the grace period
        (24 hours by default) ends.
        """
        return await self._transport.call(
            RotateWebhookSecretResponse,
            "POST",
            WEBHOOK + "/secrets:rotate",
            path={"webhook_id": webhook_id},
            body=compact({"grace_period_seconds": grace_period_seconds}),
        )

    async def replay(self, webhook_id: str, *, event_id: Optional[str] = None, since: Optional[Timestamp] = None) -> ReplayWebhookResponse:
        """Sends one event (`event_id`), or every event since a time (`since`), again."""
        if (event_id is None) == (since is None):
            raise ValueError("replay needs exactly one of event_id and since")
        return await self._transport.call(
            ReplayWebhookResponse,
            "POST",
            WEBHOOK + ":replay",
            path={"webhook_id": webhook_id},
            body=compact({"event_id": event_id, "since": since}),
        )

    async def list_deliveries(
        self, webhook_id: str, *, status: Optional[str] = None, page_size: Optional[int] = None, page_token: Optional[str] = None
    ) -> ListWebhookDeliveriesResponse:
        """Deliveries, newest event first; `status` is pending, succeeded or dead."""
        return await self._transport.call(
            ListWebhookDeliveriesResponse,
            "GET",
            WEBHOOK + "/deliveries",
            path={"webhook_id": webhook_id},
            query={"status": status, "page_size": page_size, "page_token": page_token},
        )

    async def get_delivery(self, webhook_id: str, event_id: str) -> WebhookDeliveryResponse:
        """One delivery with its attempt log."""
        return await self._transport.call(
            WebhookDeliveryResponse, "GET", WEBHOOK + "/deliveries/{event_id}", path={"webhook_id": webhook_id, "event_id": event_id}
        )
