"""The client's own handling of its arguments, with a recording transport instead of a server."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone
from typing import List

import httpx
import pytest

from roster import AsyncRoster, Roster, RoleAssignment
from roster._http import encode_query, expand_path

TOKEN = {"access_token": "t", "token_type": "Bearer", "expires_in": 3600}


@pytest.mark.parametrize("env_url", ["", "localhost:8080", "ftp://roster.example", "http://"])
def test_the_environment_url_must_be_an_http_url(env_url: str) -> None:
    with pytest.raises(ValueError):
        Roster(env_url, "id", "secret")
    with pytest.raises(ValueError):
        AsyncRoster(env_url, "id", "secret")


def test_credentials_are_required() -> None:
    with pytest.raises(ValueError, match="needs all three"):
        Roster("http://roster.test", "", "secret")
    with pytest.raises(ValueError, match="needs all three"):
        Roster("http://roster.test", "id", "")


def test_ids_are_percent_encoded_so_they_cannot_reach_another_route() -> None:
    assert expand_path("/api/v1/roles/{role_name}", {"role_name": "a/../../clients"}) == "/api/v1/roles/a%2F..%2F..%2Fclients"
    assert expand_path("/api/v1/organizations:external/{external_id}", {"external_id": "acme corp?x=1#y"}) == "/api/v1/organizations:external/acme%20corp%3Fx%3D1%23y"
    with pytest.raises(ValueError):
        expand_path("/api/v1/roles/{role_name}", {"role_name": ""})


def test_query_values_booleans_datetimes_and_lists_and_arguments_left_out() -> None:
    when = datetime(2026, 5, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    query = encode_query({"include_detail": True, "updated_after": when, "types": ["a", "b"], "page_token": None, "limit": 5})
    assert query == {"include_detail": "true", "updated_after": "2026-05-01T12:00:00.000Z", "types": "a,b", "limit": "5"}


def test_requests_carry_the_token_json_bodies_and_models_given_as_dataclasses() -> None:
    sent: List[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json=TOKEN)
        return httpx.Response(200, json={"role_assignments": {"assignments": []}})

    http = httpx.Client(transport=httpx.MockTransport(handle))
    with Roster("http://roster.test/", "id", "secret", http_client=http) as roster:
        roster.directory.assign_directory_group_roles("org_1", "dir_1", [RoleAssignment(group_id="g1", role_name="admin"), {"group_id": "g2", "role_name": "viewer"}])
    assert json.loads(sent[0].content) == {"grant_type": "client_credentials", "client_id": "id", "client_secret": "secret"}
    call = sent[1]
    assert str(call.url) == "http://roster.test/api/v1/organizations/org_1/directories/dir_1/groups/-/roles:assign"
    assert call.headers["authorization"] == "Bearer t" and call.headers["content-type"] == "application/json"
    assert json.loads(call.content) == {"assignments": [{"group_id": "g1", "role_name": "admin"}, {"group_id": "g2", "role_name": "viewer"}]}
    assert not http.is_closed, "an http_client the app passed in is the app's to close"


def test_closing_closes_the_clients_own_connections() -> None:
    roster = Roster("http://roster.test", "id", "secret")
    roster.close()
    assert roster._transport._http.is_closed  # type: ignore[attr-defined]

    async def main() -> bool:
        async with AsyncRoster("http://roster.test", "id", "secret") as client:
            pass
        return bool(client._transport._http.is_closed)  # type: ignore[attr-defined]

    assert asyncio.run(main())
