from __future__ import annotations

from typing import AsyncIterator, Optional

from ..models import ApiClient, ApiClientResponse, CreateApiClientResponse, ListApiClientsResponse
from .pagination import each_item
from .transport import AsyncTransport

CLIENT = "/api/v1/clients/{client_id}"


class AsyncApiClientsClient:
    """`roster.api_clients`: the credentials backends use to call Roster."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def create(self, name: str) -> CreateApiClientResponse:
        """`plain_secret` is in this answer only."""
        return await self._transport.call(CreateApiClientResponse, "POST", "/api/v1/clients", body={"name": name})

    async def list(self, *, page_size: Optional[int] = None, page_token: Optional[str] = None) -> ListApiClientsResponse:
        return await self._transport.call(ListApiClientsResponse, "GET", "/api/v1/clients", query={"page_size": page_size, "page_token": page_token})

    def iterate(self, *, page_size: Optional[int] = None) -> AsyncIterator[ApiClient]:
        return each_item(lambda token: self.list(page_size=page_size, page_token=token), lambda page: page.clients)

    async def get(self, client_id: str) -> ApiClientResponse:
        return await self._transport.call(ApiClientResponse, "GET", CLIENT, path={"client_id": client_id})

    async def revoke(self, client_id: str) -> ApiClientResponse:
        """Its secret and access tokens stop working at once; the last active client cannot be revoked (ConflictError)."""
        return await self._transport.call(ApiClientResponse, "POST", CLIENT + ":revoke", path={"client_id": client_id})
