"""A pulled directory (BambooHR) through the SDK against a live Roster syncing from a fake BambooHR
(packages/server/test/support/sdk-suite.ts starts it with three employees in two departments, in
one division, and sets ROSTER_BAMBOOHR_SUBDOMAIN and ROSTER_BAMBOOHR_API_KEY): create with settings
and credentials, the first run, "Sync now", a source change held by the safety threshold and
approved, and the errors.
"""

from __future__ import annotations

import os
import time
from typing import List

import pytest

from roster import BadRequestError, NotFoundError, Roster, SyncRun

from .conftest import provision, unique


@pytest.fixture
def bamboohr() -> dict:
    subdomain, api_key = os.environ.get("ROSTER_BAMBOOHR_SUBDOMAIN"), os.environ.get("ROSTER_BAMBOOHR_API_KEY")
    if not (subdomain and api_key):
        pytest.skip("needs the fake BambooHR of the SDK test server: set ROSTER_BAMBOOHR_SUBDOMAIN and ROSTER_BAMBOOHR_API_KEY")
    return {"subdomain": subdomain, "api_key": api_key}


def next_run(roster: Roster, org_id: str, dir_id: str, seen: List[str]) -> SyncRun:
    """Waits for a finished run that is not one of `seen`."""
    deadline = time.monotonic() + 60
    while True:
        runs = list(roster.directory.iterate_directory_sync_runs(org_id, dir_id, page_size=2))
        done = next((run for run in runs if run.status != "running" and run.id not in seen), None)
        if done is not None:
            return done
        assert time.monotonic() < deadline, f"no run finished in time: {runs}"
        time.sleep(0.1)


def test_bamboohr_created_synced_synced_again_held_and_approved(roster_client: Roster, bamboohr: dict) -> None:
    roster = roster_client
    org_id = roster.organization.create_organization(unique("Pulled")).organization.id
    roster.organization.update_organization_settings(org_id, [{"name": "scim", "enabled": True}])
    directory = roster.directory.create_directory(
        org_id,
        directory_type="BAMBOOHR",
        name="BambooHR",
        bamboohr={"subdomain": bamboohr["subdomain"]},
        credentials={"api_key": bamboohr["api_key"]},
        sync_interval_minutes=60,
    ).directory
    assert (directory.directory_type, directory.directory_provider) == ("BAMBOOHR", "BAMBOOHR")
    assert directory.source is not None and directory.source.sync_interval_minutes == 60
    assert directory.source.connection is not None and directory.source.connection.kind == "api_key", "the key itself is never returned"

    first = next_run(roster, org_id, directory.id, [])
    assert (first.status, first.trigger, first.counts.users_seen, first.counts.users_created) == ("succeeded", "schedule", 3, 3)
    users = list(roster.directory.iterate_directory_users(org_id, directory.id))
    assert sorted(user.email or "" for user in users) == ["dorothy@acme.example", "katherine@acme.example", "mary@acme.example"]
    groups = sorted(group.display_name for group in roster.directory.iterate_directory_groups(org_id, directory.id))
    assert len(groups) == 3, groups  # Research and Engineering (departments), NASA (division)

    assert roster.directory.sync_directory(org_id, directory.id).directory.id == directory.id
    manual = next_run(roster, org_id, directory.id, [first.id])
    assert (manual.status, manual.trigger, manual.counts.users_created) == ("succeeded", "manual", 0)

    # Groups by division only: two of three groups would go, past the 20% threshold, so the run is held.
    changed = roster.directory.update_directory_source(org_id, directory.id, bamboohr={"group_by": ["division"]}, safety_threshold_percent=20).directory
    assert changed.source is not None and changed.source.bamboohr is not None and changed.source.bamboohr.group_by == ["division"]
    held = next_run(roster, org_id, directory.id, [first.id, manual.id])
    assert held.status == "held" and held.held is not None and held.held.groups_deleted == 2, held
    assert roster.directory.get_directory(org_id, directory.id).directory.status == "NEEDS_REVIEW"
    assert len(list(roster.directory.iterate_directory_groups(org_id, directory.id))) == 3, "nothing removed until approved"

    approved = roster.directory.approve_directory_sync_run(org_id, directory.id, held.id).sync_run
    assert approved.id == held.id and approved.approve_time is not None
    applied = next_run(roster, org_id, directory.id, [first.id, manual.id, held.id])
    assert (applied.status, applied.trigger, applied.counts.groups_deleted) == ("succeeded", "approval", 2)
    assert [group.display_name for group in roster.directory.iterate_directory_groups(org_id, directory.id)] == ["NASA"]
    with pytest.raises(BadRequestError):
        roster.directory.approve_directory_sync_run(org_id, directory.id, held.id)
    with pytest.raises(NotFoundError):
        roster.directory.approve_directory_sync_run(org_id, directory.id, "syncrun_missing")


def test_a_scim_directory_has_no_source_to_sync(roster_client: Roster) -> None:
    scim = provision(roster_client, "Pushed")
    assert roster_client.directory.get_directory(scim.organization_id, scim.directory_id).directory.source is None
    with pytest.raises(BadRequestError):
        roster_client.directory.sync_directory(scim.organization_id, scim.directory_id)
    with pytest.raises(BadRequestError):
        roster_client.directory.update_directory_source(scim.organization_id, scim.directory_id, sync_interval_minutes=10)
    with pytest.raises(BadRequestError):
        roster_client.directory.list_directory_sync_runs(scim.organization_id, scim.directory_id)
