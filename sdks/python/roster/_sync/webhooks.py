# Generated from roster/_async/webhooks.py by `python scripts/unasync.py`. Do not edit:
# tests/test_generated_code.py fails when this file is not what the script makes.
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
from .transport import Transport

WEBHOOK = "/api/v1/webhooks/{webhook_id}"


class WebhookClient:
    """`roster.webhooks`: endpoints that receive events signed per Standard Webhooks (check them
    with verify_webhook_payload).
    """

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def create(
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
        return self._transport.call(CreateWebhookResponse, "POST", "/api/v1/webhooks", body=body)

    def list(self) -> ListWebhooksResponse:
        return self._transport.call(ListWebhooksResponse, "GET", "/api/v1/webhooks")

    def get(self, webhook_id: str) -> WebhookResponse:
        return self._transport.call(WebhookResponse, "GET", WEBHOOK, path={"webhook_id": webhook_id})

    def update(
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
        return self._transport.call(WebhookResponse, "PATCH", WEBHOOK, path={"webhook_id": webhook_id}, body=body)

    def delete(self, webhook_id: str) -> None:
        self._transport.call(None, "DELETE", WEBHOOK, path={"webhook_id": webhook_id})

    def rotate_secret(self, webhook_id: str, *, grace_period_seconds: Optional[int] = None) -> RotateWebhookSecretResponse:
        """A new signing secret; deliveries carry a signature for each secret until the grace period
        (24 hours by default) ends.
        """
        return self._transport.call(
            RotateWebhookSecretResponse,
            "POST",
            WEBHOOK + "/secrets:rotate",
            path={"webhook_id": webhook_id},
            body=compact({"grace_period_seconds": grace_period_seconds}),
        )

    def replay(self, webhook_id: str, *, event_id: Optional[str] = None, since: Optional[Timestamp] = None) -> ReplayWebhookResponse:
        """Sends one event (`event_id`), or every event since a time (`since`), again."""
        if (event_id is None) == (since is None):
            raise ValueError("replay needs exactly one of event_id and since")
        return self._transport.call(
            ReplayWebhookResponse,
            "POST",
            WEBHOOK + ":replay",
            path={"webhook_id": webhook_id},
            body=compact({"event_id": event_id, "since": since}),
        )

    def list_deliveries(
        self, webhook_id: str, *, status: Optional[str] = None, page_size: Optional[int] = None, page_token: Optional[str] = None
    ) -> ListWebhookDeliveriesResponse:
        """Deliveries, newest event first; `status` is pending, succeeded or dead."""
        return self._transport.call(
            ListWebhookDeliveriesResponse,
            "GET",
            WEBHOOK + "/deliveries",
            path={"webhook_id": webhook_id},
            query={"status": status, "page_size": page_size, "page_token": page_token},
        )

    def get_delivery(self, webhook_id: str, event_id: str) -> WebhookDeliveryResponse:
        """One delivery with its attempt log."""
        return self._transport.call(
            WebhookDeliveryResponse, "GET", WEBHOOK + "/deliveries/{event_id}", path={"webhook_id": webhook_id, "event_id": event_id}
        )
