"""AsyncRoster against a live Roster: the guide's calls awaited, pages walked with `async for`,
concurrent calls sharing one token, a 429 retried, a 401 answered with a new token, and an
Events API catch-up.
"""

from __future__ import annotations

import asyncio
import time
from typing import List

import pytest

from roster import AsyncRoster, Event, ListDirectoriesResponse, NotFoundError, RetryPolicy, Roster

from .conftest import Live, provision, unique
from .support.flaky_proxy import FlakyProxy, Intercept
from .support.scim import scim_create, scim_user

pytestmark = pytest.mark.anyio

TOKEN = "POST /oauth/token"



def through(proxy: FlakyProxy, live: Live) -> AsyncRoster:
    return AsyncRoster(proxy.url, live.client_id, live.client_secret, retry=RetryPolicy(base_delay=0.005))


async def test_the_guides_calls_awaited(live: Live) -> None:
    async with AsyncRoster(live.url, live.client_id, live.client_secret) as roster:
        org_id = (await roster.organization.create_organization(unique("Async Acme"))).organization.id
        await roster.organization.update_organization_settings(organization_id=org_id, settings=[{"name": "scim", "enabled": True}])
        directory = (await roster.directory.create_directory(org_id, directory_provider="JUMPCLOUD")).directory
        directories = await roster.directory.list_directories(organization_id=org_id)
        assert isinstance(directories, ListDirectoriesResponse)
        assert [item.id for item in directories.directories] == [directory.id]
        assert (await roster.directory.get_primary_directory_by_organization_id(org_id)).directory_provider == "JUMPCLOUD"
        with pytest.raises(NotFoundError):
            await roster.directory.get_directory(org_id, "dir_unknown")


async def test_async_for_walks_every_page_and_concurrent_calls_share_one_token(live: Live, proxy: FlakyProxy, roster_client: Roster) -> None:
    setup = provision(roster_client, "Async People")
    user_ids = [scim_create(setup.connection, "Users", scim_user(f"async{index}@example.com")) for index in range(5)]
    proxy.answer(lambda method, path, count: None)
    async with through(proxy, live) as roster:
        pages = await asyncio.gather(
            *(roster.directory.list_directory_users(setup.organization_id, setup.directory_id, page_size=2) for _ in range(6))
        )
        assert all(page.total_size == 5 for page in pages)
        assert proxy.count(TOKEN) == 1, "one token for six concurrent calls"
        walked = [user.id async for user in roster.directory.iterate_directory_users(setup.organization_id, setup.directory_id, page_size=2)]
        assert walked == user_ids, "every user once, in order, over three pages"
        assert proxy.count(f"GET /api/v1/organizations/{setup.organization_id}/directories/{setup.directory_id}/users") == 6 + 3


async def test_a_429_is_retried_after_its_retry_after_and_a_401_gets_a_new_token(live: Live, proxy: FlakyProxy) -> None:
    proxy.answer(
        lambda method, path, count: Intercept(429, {"code": "rate_limited", "message": "slow down"}, {"retry-after": "1"})
        if path == "/api/v1/roles" and count == 1
        else None
    )
    async with through(proxy, live) as roster:
        started = time.monotonic()
        await roster.role.list_roles()
        assert time.monotonic() - started >= 0.95
        assert proxy.count("GET /api/v1/roles") == 2

        proxy.answer(lambda method, path, count: Intercept(401, {"code": "unauthenticated", "message": "expired"}) if path == "/api/v1/webhooks" and count == 1 else None)
        await roster.webhooks.list()
        assert proxy.seen == ["GET /api/v1/webhooks", TOKEN, "GET /api/v1/webhooks"], "the refused token was replaced once"


async def test_an_events_catch_up_resumes_from_the_stored_cursor(live: Live, roster_client: Roster) -> None:
    setup = provision(roster_client, "Async Events")
    scim_create(setup.connection, "Users", scim_user("before@example.com"))
    async with AsyncRoster(live.url, live.client_id, live.client_secret) as roster:
        cursor = None
        seen: List[Event] = []
        async for page in roster.events.catch_up(cursor, organization_id=setup.organization_id, limit=1):
            seen.extend(page.events)
            cursor = page.next_cursor
        assert [event.type for event in seen][-1] == "organization.directory.user_created"

        later = [scim_create(setup.connection, "Users", scim_user(f"later{index}@example.com")) for index in range(3)]
        resumed = [event async for event in roster.events.iterate(cursor, organization_id=setup.organization_id, limit=2)]
        assert [event.data["id"] for event in resumed] == later
