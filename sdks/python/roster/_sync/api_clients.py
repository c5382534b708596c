# Generated from roster/_async/api_clients.py by `python scripts/unasync.py`. Do not edit:
# tests/test_generated_code.py fails when this file is not what the script makes.
from __future__ import annotations

from typing import Iterator, Optional

from ..models import ApiClient, ApiClientResponse, CreateApiClientResponse, ListApiClientsResponse
from .pagination import each_item
from .transport import Transport

CLIENT = "/api/v1/clients/{client_id}"


class ApiClientsClient:
    """`roster.api_clients`: the credentials backends use to call Roster."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def create(self, name: str) -> CreateApiClientResponse:
        """`plain_secret` is in this answer only."""
        return self._transport.call(CreateApiClientResponse, "POST", "/api/v1/clients", body={"name": name})

    def list(self, *, page_size: Optional[int] = None, page_token: Optional[str] = None) -> ListApiClientsResponse:
        return self._transport.call(ListApiClientsResponse, "GET", "/api/v1/clients", query={"page_size": page_size, "page_token": page_token})

    def iterate(self, *, page_size: Optional[int] = None) -> Iterator[ApiClient]:
        return each_item(lambda token: self.list(page_size=page_size, page_token=token), lambda page: page.clients)

    def get(self, client_id: str) -> ApiClientResponse:
        return self._transport.call(ApiClientResponse, "GET", CLIENT, path={"client_id": client_id})

    def revoke(self, client_id: str) -> ApiClientResponse:
        """Its secret and access tokens stop working at once; the last active client cannot be revoked (ConflictError)."""
        return self._transport.call(ApiClientResponse, "POST", CLIENT + ":revoke", path={"client_id": client_id})
