"""The token cache alone, with a fake token endpoint and clock: one fetch for concurrent callers,
renewal in the last fifth of the lifetime (at most a minute early), forgetting a refused token.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import List

import pytest

from roster._async.transport import AsyncAccessTokens
from roster._sync.transport import AccessTokens
from roster.access_token import refresh_at, refresh_margin
from roster.models import AccessToken


@pytest.mark.parametrize("lifetime,margin", [(3600, 60), (300, 60), (60, 12), (10, 2), (0, 0)])
def test_the_refresh_margin_is_a_fifth_of_the_lifetime_at_most_a_minute(lifetime: float, margin: float) -> None:
    assert refresh_margin(lifetime) == margin
    assert refresh_at(1000, lifetime) == 1000 + lifetime - margin


class FakeTokenEndpoint:
    def __init__(self, lifetime: int = 60, delay: float = 0.0) -> None:
        self.issued: List[str] = []
        self.lifetime = lifetime
        self.delay = delay
        self._lock = threading.Lock()

    def issue(self) -> AccessToken:
        time.sleep(self.delay)
        with self._lock:
            self.issued.append(f"token-{len(self.issued) + 1}")
            return AccessToken(access_token=self.issued[-1], token_type="Bearer", expires_in=self.lifetime)


def test_threads_share_one_fetch_and_the_token_is_renewed_before_it_lapses() -> None:
    clock = [1000.0]
    endpoint = FakeTokenEndpoint(lifetime=60, delay=0.05)
    tokens = AccessTokens(endpoint.issue, lambda: clock[0])
    got: List[str] = []
    threads = [threading.Thread(target=lambda: got.append(tokens.get())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == ["token-1"] * 8 and endpoint.issued == ["token-1"], "one fetch for eight concurrent callers"

    clock[0] += 47.9
    assert tokens.get() == "token-1", "still fresh before its last fifth"
    clock[0] += 0.2
    assert tokens.get() == "token-2", "renewed in its last fifth (12 s of 60)"

    tokens.invalidate("token-1")
    assert tokens.get() == "token-2", "forgetting an older token leaves the current one"
    tokens.invalidate("token-2")
    assert tokens.get() == "token-3", "a refused token is fetched again"


def test_coroutines_share_one_fetch() -> None:
    endpoint = FakeTokenEndpoint(lifetime=3600)

    async def issue() -> AccessToken:
        await asyncio.sleep(0.05)
        return endpoint.issue()

    async def main() -> List[str]:
        # Made outside the event loop's first run: the lock must bind to the loop that uses it.
        tokens = AsyncAccessTokens(issue, time.time)
        return list(await asyncio.gather(*(tokens.get() for _ in range(8))))

    assert asyncio.run(main()) == ["token-1"] * 8
    assert endpoint.issued == ["token-1"]
