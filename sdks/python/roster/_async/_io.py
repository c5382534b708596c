"""What the async client waits with. Written by hand (scripts/unasync.py leaves it alone); its sync
twin is roster/_sync/_io.py.
"""

from __future__ import annotations

import asyncio
from typing import Any, Optional

sleep = asyncio.sleep


class Lock:
    """An asyncio.Lock made on first use: before Python 3.10 an asyncio.Lock binds to the event loop
    current when it is made, and a client may be made before any loop runs.
    """

    def __init__(self) -> None:
        self._lock: Optional[asyncio.Lock] = None

    async def __aenter__(self) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        await self._lock.acquire()

    async def __aexit__(self, *exc_info: Any) -> None:
        assert self._lock is not None
        self._lock.release()
