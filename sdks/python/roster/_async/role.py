from __future__ import annotations

from typing import AsyncIterator, Optional, Sequence, Union

from .._http import UNSET, Unset, compact
from ..models import ListRolesResponse, Role, RoleResponse
from .pagination import each_item
from .transport import AsyncTransport

ROLE = "/api/v1/roles/{role_name}"


class AsyncRoleClient:
    """`roster.role`: the environment's roles and their permissions, as in Scalekit's Python SDK."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def create_role(
        self,
        name: str,
        *,
        display_name: Optional[str] = None,
        description: Optional[str] = None,
        permissions: Optional[Sequence[str]] = None,
        is_default: Optional[bool] = None,
    ) -> RoleResponse:
        """`name` is what groups are mapped to (e.g. `admin`); it cannot change later. `permissions`
        are names such as `users:read`; `is_default` makes it the role of users in no mapped group.
        """
        body = compact(
            {"name": name, "display_name": display_name, "description": description, "permissions": permissions, "is_default": is_default}
        )
        return await self._transport.call(RoleResponse, "POST", "/api/v1/roles", body=body)

    async def get_role(self, role_name: str) -> RoleResponse:
        return await self._transport.call(RoleResponse, "GET", ROLE, path={"role_name": role_name})

    async def list_roles(self, *, page_size: Optional[int] = None, page_token: Optional[str] = None) -> ListRolesResponse:
        return await self._transport.call(ListRolesResponse, "GET", "/api/v1/roles", query={"page_size": page_size, "page_token": page_token})

    def iterate_roles(self, *, page_size: Optional[int] = None) -> AsyncIterator[Role]:
        return each_item(lambda token: self.list_roles(page_size=page_size, page_token=token), lambda page: page.roles)

    async def update_role(
        self,
        role_name: str,
        *,
        display_name: Optional[str] = None,
        description: Union[str, None, Unset] = UNSET,
        permissions: Optional[Sequence[str]] = None,
        is_default: Optional[bool] = None,
    ) -> RoleResponse:
        """Arguments left out keep their value; `permissions` replaces the list; `description=None` clears it."""
        body = compact(
            {"display_name": display_name, "description": description, "permissions": permissions, "is_default": is_default},
            nullable=["description"],
        )
        return await self._transport.call(RoleResponse, "PATCH", ROLE, path={"role_name": role_name}, body=body)

    async def delete_role(self, role_name: str) -> None:
        """A role still assigned to a directory group cannot be deleted (ConflictError)."""
        await self._transport.call(None, "DELETE", ROLE, path={"role_name": role_name})
