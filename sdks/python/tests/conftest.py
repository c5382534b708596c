"""The suite runs against a live Roster named by ROSTER_URL, ROSTER_CLIENT_ID and ROSTER_CLIENT_SECRET
(packages/server/test/sdks/python.test.ts starts one and sets them). Without them only the tests
that need no server run; the others say they skipped and why.
"""

from __future__ import annotations

import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator

import httpx
import pytest

import roster._decode
from roster import Roster

from .support.flaky_proxy import FlakyProxy
from .support.scim import ScimConnection

# A field the models do not know is an error here: the models must follow the server's document.
roster._decode.STRICT = True

SDK_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SDK_DIR / "scripts"))


@dataclass(frozen=True)
class Live:
    url: str
    client_id: str
    client_secret: str

    def roster(self, **options: Any) -> Roster:
        return Roster(self.url, self.client_id, self.client_secret, **options)


@pytest.fixture(scope="session")
def live() -> Live:
    url = os.environ.get("ROSTER_URL")
    client_id = os.environ.get("ROSTER_CLIENT_ID")
    client_secret = os.environ.get("ROSTER_CLIENT_SECRET")
    if not (url and client_id and client_secret):
        pytest.skip("needs a live Roster: set ROSTER_URL, ROSTER_CLIENT_ID and ROSTER_CLIENT_SECRET")
    return Live(url, client_id, client_secret)


@pytest.fixture(scope="session")
def roster_client(live: Live) -> Iterator[Roster]:
    with live.roster() as client:
        yield client


@pytest.fixture(scope="session")
def proxy(live: Live) -> Iterator[FlakyProxy]:
    """A proxy in front of the live Roster; each test sets how it answers with `proxy.answer`."""
    flaky = FlakyProxy(live.url)
    yield flaky
    flaky.close()


@pytest.fixture(scope="session")
def openapi_document(live: Live) -> Dict[str, Any]:
    response = httpx.get(live.url.rstrip("/") + "/api/openapi.json", timeout=30)
    response.raise_for_status()
    return response.json()  # type: ignore[no-any-return]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def unique(prefix: str) -> str:
    """A name no other test uses (every test shares one server)."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@dataclass
class Provisioned:
    organization_id: str
    directory_id: str
    connection: ScimConnection


def provision(client: Roster, name: str = "Acme") -> Provisioned:
    """An organization with SCIM on, a directory and a secret, made through the SDK."""
    organization = client.organization.create_organization(unique(name)).organization
    client.organization.update_organization_settings(organization.id, [{"name": "scim", "enabled": True}])
    directory = client.directory.create_directory(organization.id, directory_provider="OKTA").directory
    secret = client.directory.create_directory_secret(organization.id, directory.id)
    return Provisioned(organization.id, directory.id, ScimConnection(directory.directory_endpoint, secret.plain_secret))
