"""Tokens, refreshes and retries against a live Roster, through a proxy that answers 429, 503, 500
or 401 when told to.
"""

from __future__ import annotations

import threading
import time
from typing import List

import httpx
import pytest

from roster import (
    AuthenticationError,
    RateLimitError,
    RetryPolicy,
    Roster,
    RosterConnectionError,
    ServerError,
)

from .conftest import Live, unique
from .support.flaky_proxy import FlakyProxy, Intercept

TOKEN = "POST /oauth/token"



def through(proxy: FlakyProxy, live: Live, max_retries: int = 3, **options: object) -> Roster:
    return Roster(proxy.url, live.client_id, live.client_secret, retry=RetryPolicy(max_retries=max_retries, base_delay=0.005), **options)  # type: ignore[arg-type]


def test_one_token_serves_every_call_concurrent_ones_too_and_is_renewed_before_it_expires(proxy: FlakyProxy, live: Live) -> None:
    proxy.answer(lambda method, path, count: None)
    issued = httpx.post(live.url + "/oauth/token", json={"grant_type": "client_credentials", "client_id": live.client_id, "client_secret": live.client_secret})
    lifetime = issued.json()["expires_in"]
    clock = [time.time()]
    client = through(proxy, live, clock=lambda: clock[0])

    errors: List[BaseException] = []

    def call(work: object) -> None:
        try:
            work()  # type: ignore[operator]
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    calls = [client.organization.list_organizations, client.role.list_roles, lambda: client.events.list(limit=1), client.webhooks.list]
    threads = [threading.Thread(target=call, args=(work,)) for work in calls * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert proxy.count(TOKEN) == 1, "fetched once for eight concurrent calls"

    margin = min(60, lifetime / 5)
    clock[0] += lifetime - margin - 5
    client.organization.list_organizations()
    assert proxy.count(TOKEN) == 1, "still fresh before its last fifth"
    clock[0] += 10
    client.organization.list_organizations()
    assert proxy.count(TOKEN) == 2, "renewed before it lapses"
    client.close()


def test_a_429_is_retried_after_its_retry_after(proxy: FlakyProxy, live: Live) -> None:
    proxy.answer(
        lambda method, path, count: Intercept(429, {"code": "rate_limited", "message": "slow down"}, {"retry-after": "1"})
        if (method, path, count) == ("GET", "/api/v1/organizations", 1)
        else None
    )
    started = time.monotonic()
    page = through(proxy, live).organization.list_organizations()
    waited = time.monotonic() - started
    assert isinstance(page.organizations, list)
    assert waited >= 0.95, f"waited {waited:.3f} s"
    assert proxy.count("GET /api/v1/organizations") == 2


def test_a_post_answered_503_is_sent_again_and_a_post_answered_500_is_not(proxy: FlakyProxy, live: Live, roster_client: Roster) -> None:
    proxy.answer(
        lambda method, path, count: Intercept(503, {"code": "unavailable", "message": "busy"})
        if (method, path) == ("POST", "/api/v1/organizations") and count <= 2
        else None
    )
    external_id = unique("retried")
    created = through(proxy, live).organization.create_organization("Retried", external_id=external_id).organization
    assert proxy.count("POST /api/v1/organizations") == 3
    assert roster_client.organization.get_organization_by_external_id(external_id).organization.id == created.id

    proxy.answer(lambda method, path, count: Intercept(500, {"code": "internal", "message": "boom"}) if (method, path) == ("POST", "/api/v1/organizations") else None)
    with pytest.raises(ServerError) as failed:
        through(proxy, live).organization.create_organization("Not retried")
    assert (failed.value.status, failed.value.code, failed.value.message, failed.value.kind) == (500, "internal", "boom", "server")
    assert proxy.count("POST /api/v1/organizations") == 1, "a 500 may come after the change was made"


def test_a_get_answered_500_is_retried_up_to_max_retries_and_a_429_that_lasts_is_a_rate_limit_error(proxy: FlakyProxy, live: Live) -> None:
    proxy.answer(lambda method, path, count: Intercept(500, {"code": "internal", "message": "down"}) if path == "/api/v1/roles" else None)
    with pytest.raises(ServerError):
        through(proxy, live, max_retries=2).role.list_roles()
    assert proxy.count("GET /api/v1/roles") == 3, "the first attempt and two retries"

    proxy.answer(lambda method, path, count: Intercept(429, {"code": "rate_limited", "message": "no"}, {"retry-after": "0"}) if path == "/api/v1/roles" else None)
    with pytest.raises(RateLimitError) as limited:
        through(proxy, live, max_retries=2).role.list_roles()
    assert limited.value.status == 429 and limited.value.headers is not None and limited.value.headers["retry-after"] == "0"
    assert proxy.count("GET /api/v1/roles") == 3

    proxy.answer(lambda method, path, count: Intercept(429, {"code": "rate_limited", "message": "an hour"}, {"retry-after": "3600"}) if path == "/api/v1/roles" else None)
    with pytest.raises(RateLimitError):
        through(proxy, live, max_retries=2).role.list_roles()
    assert proxy.count("GET /api/v1/roles") == 1, "an hour is longer than the SDK waits"


def test_a_401_on_the_way_is_answered_with_a_new_token_and_the_call_goes_through(proxy: FlakyProxy, live: Live) -> None:
    proxy.answer(
        lambda method, path, count: Intercept(401, {"code": "unauthenticated", "message": "expired"}) if path == "/api/v1/roles" and count == 1 else None
    )
    roles = through(proxy, live).role.list_roles()
    assert isinstance(roles.roles, list)
    assert proxy.seen == [TOKEN, "GET /api/v1/roles", TOKEN, "GET /api/v1/roles"]


def test_a_revoked_api_client_is_an_authentication_error_after_one_refresh(proxy: FlakyProxy, live: Live, roster_client: Roster) -> None:
    created = roster_client.api_clients.create(unique("short-lived"))
    proxy.answer(lambda method, path, count: None)
    revokable = Roster(proxy.url, created.client.id, created.plain_secret)
    revokable.organization.list_organizations()
    assert roster_client.api_clients.revoke(created.client.id).client.revoke_time is not None
    with pytest.raises(AuthenticationError) as refused:
        revokable.organization.list_organizations()
    assert (refused.value.status, refused.value.code, refused.value.kind) == (401, "invalid_client", "authentication")
    assert proxy.count(TOKEN) == 2, "the refused token was replaced once, then the credentials were refused"

    wrong = Roster(live.url, live.client_id, "not-the-secret-at-all-1234")
    with pytest.raises(AuthenticationError) as refused_again:
        wrong.directory.list_directories("org_any")
    assert refused_again.value.code == "invalid_client"


def test_no_server_at_all_is_a_connection_error_with_status_0_after_the_retries() -> None:
    unreachable = Roster("http://127.0.0.1:9", "client", "secret", retry=RetryPolicy(max_retries=1, base_delay=0.001))
    with pytest.raises(RosterConnectionError) as failed:
        unreachable.organization.list_organizations()
    assert (failed.value.status, failed.value.kind, failed.value.code) == (0, "connection", "connection_failed")
