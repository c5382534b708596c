# Generated from roster/_async/pagination.py by `python scripts/unasync.py`. Do not edit:
# tests/test_generated_code.py fails when this file is not what the script makes.
"""Lists page with page_size / page_token and answer next_page_token ('' on the last page). The
iterators follow it from the first page to the last, one request per page, as items are read.
"""

from __future__ import annotations

from typing import Iterator, Callable, List, Optional, Protocol, TypeVar

T = TypeVar("T")
P = TypeVar("P", bound="Paged")


class Paged(Protocol):
    next_page_token: str


def each_item(fetch_page: Callable[[Optional[str]], P], items: Callable[[P], List[T]]) -> Iterator[T]:
    page_token: Optional[str] = None
    while True:
        page = fetch_page(page_token)
        for item in items(page):
            yield item
        page_token = page.next_page_token or None
        if page_token is None:
            return
