"""Sample data ("Send sample data" in the portal) seen and removed through the SDK, against a live Roster."""

from __future__ import annotations

import time
from typing import List

import pytest

from roster import AsyncRoster, Event, NotFoundError, Roster

from .conftest import Live, provision
from .support.sample_data import push_sample_data
from .support.scim import scim_create, scim_user



def events_of(roster: Roster, directory_id: str, event_type: str, count: int) -> List[Event]:
    """The directory's events of a type, read from the oldest until `count` are there (the Events API
    shows an event once every earlier commit is visible, which can take a moment)."""
    deadline = time.monotonic() + 15
    while True:
        events = [event for page in roster.events.catch_up(None, directory_id=directory_id, types=[event_type]) for event in page.events]
        if len(events) >= count or time.monotonic() > deadline:
            return events
        time.sleep(0.2)


def test_sample_users_and_groups_are_marked_counted_and_removed_with_events_leaving_real_users(roster_client: Roster) -> None:
    roster = roster_client
    mine = provision(roster, "Sample")
    org_id, dir_id = mine.organization_id, mine.directory_id
    real_id = scim_create(mine.connection, "Users", scim_user("real.person@customer.example"))
    assert (roster.directory.get_sample_data(org_id, dir_id).sample_data.users, roster.directory.get_sample_data(org_id, dir_id).sample_data.groups) == (0, 0)

    pushed = push_sample_data(roster.organization.generate_portal_link(org_id).location, dir_id)
    assert (pushed["users"], pushed["groups"], pushed["failed_requests"]) == (8, 3, 0)

    counted = roster.directory.get_sample_data(org_id, dir_id).sample_data
    assert (counted.users, counted.groups) == (8, 3)
    users = list(roster.directory.iterate_directory_users(org_id, dir_id, page_size=4))
    assert len(users) == 9
    assert sorted(user.id for user in users if user.sample is None) == [real_id], "only the real user carries no mark"
    assert [user.sample for user in users if user.id != real_id] == [True] * 8
    assert [group.sample for group in roster.directory.iterate_directory_groups(org_id, dir_id)] == [True] * 3
    assert roster.directory.get_directory_user(org_id, dir_id, real_id).user.sample is None
    created = {event.data["id"]: event.data.get("sample") for event in events_of(roster, dir_id, "organization.directory.user_created", 9)}
    assert created == {user.id: user.sample for user in users}, "the events say sample too, and only for the sample users"

    removed = roster.directory.remove_sample_data(org_id, dir_id).removed
    assert (removed.users, removed.groups) == (8, 3)
    assert [user.id for user in roster.directory.iterate_directory_users(org_id, dir_id)] == [real_id]
    assert roster.directory.list_directory_groups(org_id, dir_id).groups == []
    again = roster.directory.get_sample_data(org_id, dir_id).sample_data
    assert (again.users, again.groups) == (0, 0)
    deleted = events_of(roster, dir_id, "organization.directory.user_deleted", 8)
    assert sorted(event.data["id"] for event in deleted) == sorted(user.id for user in users if user.id != real_id)
    nothing = roster.directory.remove_sample_data(org_id, dir_id).removed
    assert (nothing.users, nothing.groups) == (0, 0), "removing again removes nothing"


def test_another_organizations_directory_is_not_found(roster_client: Roster) -> None:
    mine, theirs = provision(roster_client, "Mine"), provision(roster_client, "Theirs")
    with pytest.raises(NotFoundError):
        roster_client.directory.get_sample_data(mine.organization_id, theirs.directory_id)
    with pytest.raises(NotFoundError):
        roster_client.directory.remove_sample_data(mine.organization_id, theirs.directory_id)


@pytest.mark.anyio
async def test_the_async_client_counts_and_removes_sample_data(live: Live, roster_client: Roster) -> None:
    mine = provision(roster_client, "Async sample")
    push_sample_data(roster_client.organization.generate_portal_link(mine.organization_id).location, mine.directory_id)
    async with AsyncRoster(live.url, live.client_id, live.client_secret) as roster:
        counted = (await roster.directory.get_sample_data(mine.organization_id, mine.directory_id)).sample_data
        assert (counted.users, counted.groups) == (8, 3)
        removed = (await roster.directory.remove_sample_data(mine.organization_id, mine.directory_id)).removed
        assert (removed.users, removed.groups) == (8, 3)
    assert list(roster_client.directory.iterate_directory_users(mine.organization_id, mine.directory_id)) == []
