from __future__ import annotations

from typing import Any, AsyncIterator, Dict, Optional, Sequence

from ..models import Event, EventResponse, ListEventsResponse
from .transport import AsyncTransport


class AsyncEventClient:
    """`roster.events`: the event log in commit order, for apps that poll instead of (or besides)
    taking webhooks. A reader paging with the cursor never skips an event that committed late.
    """

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def list(
        self,
        *,
        after: Optional[str] = None,
        limit: Optional[int] = None,
        types: Optional[Sequence[str]] = None,
        organization_id: Optional[str] = None,
        directory_id: Optional[str] = None,
    ) -> ListEventsResponse:
        """One page of events after the cursor `after` (the oldest event kept when None), `limit`
        1 to 1000 (default 100), only `types` (e.g. `organization.directory.user_created`), of one
        organization or directory. Keep `next_cursor` and pass it as `after` next time, also after
        an empty page. A cursor older than the retention period is a GoneError (cursor_expired).
        """
        query: Dict[str, Any] = {
            "after": after,
            "limit": limit,
            "types": list(types) if types is not None else None,
            "organization_id": organization_id,
            "directory_id": directory_id,
        }
        return await self._transport.call(ListEventsResponse, "GET", "/api/v1/events", query=query)

    async def get(self, event_id: str) -> EventResponse:
        return await self._transport.call(EventResponse, "GET", "/api/v1/events/{event_id}", path={"event_id": event_id})

    async def catch_up(
        self,
        after: Optional[str] = None,
        *,
        limit: Optional[int] = None,
        types: Optional[Sequence[str]] = None,
        organization_id: Optional[str] = None,
        directory_id: Optional[str] = None,
    ) -> AsyncIterator[ListEventsResponse]:
        """Resumes from a stored cursor: every page from `after` to the newest event. Handle each
        page's events, then store its `next_cursor`; run it again with the stored cursor later (at
        start, or now and then) and it goes on where the last run stopped. A crash between handling
        a page and storing its cursor replays that page, so handle events idempotently (dedupe on
        `event.id`). A filtered page may be empty while more follow: the walk goes on until the
        server says there is no more.
        """
        cursor = after
        while True:
            page = await self.list(after=cursor, limit=limit, types=types, organization_id=organization_id, directory_id=directory_id)
            yield page
            if not page.has_more:
                return
            cursor = page.next_cursor

    async def iterate(
        self,
        after: Optional[str] = None,
        *,
        limit: Optional[int] = None,
        types: Optional[Sequence[str]] = None,
        organization_id: Optional[str] = None,
        directory_id: Optional[str] = None,
    ) -> AsyncIterator[Event]:
        """Every event from `after` to the newest, page after page (catch_up, one event at a time)."""
        pages = self.catch_up(after, limit=limit, types=types, organization_id=organization_id, directory_id=directory_id)
        async for page in pages:
            for event in page.events:
                yield event
