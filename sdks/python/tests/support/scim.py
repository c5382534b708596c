"""SCIM requests as an IdP sends them, with plain httpx (not the SDK)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple

import httpx

USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


@dataclass
class ScimConnection:
    """What an IdP holds after the admin portal step: the SCIM base URL and a bearer secret."""

    endpoint: str
    secret: str


def scim(connection: ScimConnection, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Tuple[int, Dict[str, Any]]:
    headers = {"authorization": f"Bearer {connection.secret}"}
    if body is not None:
        headers["content-type"] = "application/scim+json"
    response = httpx.request(method, connection.endpoint + path, headers=headers, json=body, timeout=30)
    return response.status_code, (response.json() if response.content else {})


def scim_create(connection: ScimConnection, resource_type: str, resource: Dict[str, Any]) -> str:
    """POSTs a SCIM resource (`Users` or `Groups`) and returns its id, failing on anything but 201."""
    status, body = scim(connection, "POST", f"/{resource_type}", resource)
    assert status == 201, body
    return str(body["id"])


def scim_user(user_name: str, **more: Any) -> Dict[str, Any]:
    return {"schemas": [USER_SCHEMA], "userName": user_name, **more}
