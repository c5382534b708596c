"""Lists page with page_size / page_token and answer next_page_token ('' on the last page). The
iterators follow it from the first page to the last, one request per page, as items are read.
"""

from __future__ import annotations

from typing import AsyncIterator, Awaitable, Callable, List, Optional, Protocol, TypeVar

T = TypeVar("T")
P = TypeVar("P", bound="Paged")


class Paged(Protocol):
    next_page_token: str


async def each_item(fetch_page: Callable[[Optional[str]], Awaitable[P]], items: Callable[[P], List[T]]) -> AsyncIterator[T]:
    page_token: Optional[str] = None
    while True:
        page = await fetch_page(page_token)
        for item in items(page):
            yield item
        page_token = page.next_page_token or None
        if page_token is None:
            return
