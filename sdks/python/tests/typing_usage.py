"""Type-checked by tests/test_typing.py (never run): the guide's calls and the answers' types, as
an app's own code would use them. A wrong annotation in the SDK makes mypy fail here.
"""

from __future__ import annotations

from datetime import datetime
from typing import AsyncIterator, Iterator, List, Optional

from roster import AsyncRoster, Directory, DirectoryUser, Event, ListDirectoriesResponse, ListEventsResponse, PortalLink, Roster


def guide(roster: Roster, org_id: str) -> List[Directory]:
    roster.organization.update_organization_settings(organization_id=org_id, settings=[{"name": "scim", "enabled": True}])
    directories = roster.directory.list_directories(organization_id=org_id)
    answer: ListDirectoriesResponse = directories
    synced: Optional[datetime] = answer.directories[0].last_synced_at
    assert synced is None or synced.tzinfo is not None
    return directories.directories


def pages(roster: Roster, org_id: str, dir_id: str, cursor: Optional[str]) -> None:
    users: Iterator[DirectoryUser] = roster.directory.iterate_directory_users(org_id, dir_id, page_size=100)
    emails: List[Optional[str]] = [user.email for user in users]
    catch_up: Iterator[ListEventsResponse] = roster.events.catch_up(cursor)
    link: PortalLink = roster.organization.generate_portal_link(org_id)
    assert emails is not None and catch_up is not None and link.location


async def async_guide(roster: AsyncRoster, org_id: str) -> List[str]:
    await roster.organization.update_organization_settings(organization_id=org_id, settings=[{"name": "scim", "enabled": True}])
    directories = await roster.directory.list_directories(organization_id=org_id)
    events: AsyncIterator[Event] = roster.events.iterate()
    return [directory.id for directory in directories.directories] + [event.id async for event in events]
