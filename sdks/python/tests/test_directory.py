"""roster.directory against a live Roster; users and groups are pushed over SCIM with plain httpx, as an IdP does."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from roster import BadRequestError, NotFoundError, PermissionDeniedError, Roster, RoleAssignment

from .conftest import provision, unique
from .support.scim import ENTERPRISE_SCHEMA, GROUP_SCHEMA, PATCH_SCHEMA, USER_SCHEMA, ScimConnection, scim, scim_create, scim_user


def test_directories_create_needs_the_scim_feature_then_get_list_primary_update_enable_disable_delete(roster_client: Roster) -> None:
    roster = roster_client
    org_id = roster.organization.create_organization(unique("Directories")).organization.id
    with pytest.raises(PermissionDeniedError) as refused:
        roster.directory.create_directory(org_id, directory_provider="OKTA")
    assert (refused.value.status, refused.value.code) == (403, "feature_disabled")
    with pytest.raises(NotFoundError):
        roster.directory.get_primary_directory_by_organization_id(org_id)

    roster.organization.update_organization_settings(org_id, [{"name": "dir_sync", "enabled": True}])
    directory = roster.directory.create_directory(org_id, directory_provider="OKTA", name="Okta production").directory
    assert directory.id.startswith("dir_") and directory.name == "Okta production" and directory.status == "NOT_CONFIGURED"
    assert directory.directory_endpoint.endswith(f"/api/v1/directories/{directory.id}/scim/v2")
    second = roster.directory.create_directory(org_id, directory_provider="AZURE_AD", directory_type="SCIM").directory
    assert second.name == "AZURE_AD directory"

    assert roster.directory.get_directory(org_id, directory.id).directory == directory
    listed = roster.directory.list_directories(org_id)
    assert [item.id for item in listed.directories] == [directory.id, second.id] and listed.total_size == 2
    assert roster.directory.get_primary_directory_by_organization_id(org_id).id == directory.id
    first_page = roster.directory.list_directories(org_id, page_size=1)
    assert first_page.next_page_token != "" and first_page.prev_page_token == ""
    assert [item.id for item in roster.directory.list_directories(org_id, page_size=1, page_token=first_page.next_page_token).directories] == [second.id]

    updated = roster.directory.update_directory(org_id, second.id, name="Entra", directory_provider="OTHER").directory
    assert (updated.name, updated.directory_provider) == ("Entra", "OTHER")

    # Disabled, the IdP is refused; enabled again, it is served.
    idp = ScimConnection(directory.directory_endpoint, roster.directory.create_directory_secret(org_id, directory.id).plain_secret)
    assert roster.directory.disable_directory(org_id, directory.id).enabled is False
    assert scim(idp, "GET", "/Users")[0] == 403
    assert roster.directory.get_directory(org_id, directory.id).directory.status == "DISABLED"
    assert roster.directory.enable_directory(org_id, directory.id).enabled is True
    assert scim(idp, "GET", "/Users")[0] == 200

    roster.directory.delete_directory(org_id, second.id)
    with pytest.raises(NotFoundError):
        roster.directory.get_directory(org_id, second.id)
    with pytest.raises(NotFoundError):
        roster.directory.delete_directory(org_id, second.id)


def test_bad_input_names_the_parameter_and_another_organizations_ids_are_not_found(roster_client: Roster) -> None:
    roster = roster_client
    mine, theirs = provision(roster, "Mine"), provision(roster, "Theirs")
    refusals = [
        (lambda: roster.directory.create_directory(mine.organization_id, directory_provider="OKTA_CLASSIC"), "directory_provider"),
        (lambda: roster.directory.list_directory_users(mine.organization_id, mine.directory_id, page_size=101), "page_size"),
        (lambda: roster.directory.list_directory_groups(mine.organization_id, mine.directory_id, updated_after="yesterday"), "updated_after"),
        (lambda: roster.directory.regenerate_directory_secret(mine.organization_id, mine.directory_id, grace_period_seconds=-1), "grace_period_seconds"),
        (
            lambda: roster.directory.update_directory_attribute_mappings(
                mine.organization_id, mine.directory_id, [{"key": "noSuchThing", "map_to": "custom_attributes.x"}]
            ),
            "attributes.0.key",
        ),
    ]
    for call, parameter in refusals:
        with pytest.raises(BadRequestError) as refused:
            call()
        assert refused.value.parameter == parameter and refused.value.status == 400

    user_id = scim_create(theirs.connection, "Users", scim_user(f"{unique('theirs')}@example.com"))
    crossed = [
        lambda: roster.directory.get_directory(mine.organization_id, theirs.directory_id),
        lambda: roster.directory.list_directory_users(mine.organization_id, theirs.directory_id),
        lambda: roster.directory.get_directory_user(mine.organization_id, theirs.directory_id, user_id),
        lambda: roster.directory.get_directory_user(mine.organization_id, mine.directory_id, user_id),
        lambda: roster.directory.enable_directory(mine.organization_id, theirs.directory_id),
        lambda: roster.directory.assign_directory_group_roles(mine.organization_id, theirs.directory_id, []),
        lambda: roster.directory.delete_directory(mine.organization_id, theirs.directory_id),
        lambda: roster.directory.get_directory(mine.organization_id, "dir/../../" + theirs.directory_id),
    ]
    for call in crossed:
        with pytest.raises(NotFoundError):
            call()
    assert roster.directory.get_directory(theirs.organization_id, theirs.directory_id).directory.name == "OKTA directory", "untouched"


def test_secrets_create_regenerate_with_a_grace_period_and_revoke(roster_client: Roster) -> None:
    roster = roster_client
    setup = provision(roster, "Secrets")
    org_id, dir_id = setup.organization_id, setup.directory_id
    assert scim(setup.connection, "GET", "/Users")[0] == 200
    directory = roster.directory.get_directory(org_id, dir_id).directory
    assert [item.secret_suffix for item in directory.secrets] == [setup.connection.secret[-4:]]

    expiring = roster.directory.create_directory_secret(org_id, dir_id, expire_time=datetime.now(timezone.utc) + timedelta(days=1))
    assert expiring.secret.expire_time is not None and expiring.secret.expire_time > datetime.now(timezone.utc)

    rotated = roster.directory.regenerate_directory_secret(org_id, dir_id, grace_period_seconds=0)
    assert len(rotated.expiring_secrets) == 2
    time.sleep(1.1)
    assert scim(setup.connection, "GET", "/Users")[0] == 401, "the old secret stopped after a zero grace period"
    fresh = ScimConnection(setup.connection.endpoint, rotated.plain_secret)
    assert scim(fresh, "GET", "/Users")[0] == 200

    graced = roster.directory.regenerate_directory_secret(org_id, dir_id)
    hours = (graced.expiring_secrets[0].expire_time - datetime.now(timezone.utc)).total_seconds() / 3600  # type: ignore[operator]
    assert 23 < hours <= 24, f"the default grace is 24 hours ({hours})"
    assert scim(fresh, "GET", "/Users")[0] == 200, "still works during the grace period"

    revoked = roster.directory.revoke_directory_secret(org_id, dir_id, rotated.secret.id)
    assert revoked.secret.status == "REVOKED"
    assert scim(fresh, "GET", "/Users")[0] == 401
    with pytest.raises(NotFoundError):
        roster.directory.revoke_directory_secret(org_id, dir_id, "dirsec_unknown")


def test_users_and_groups_page_by_token_and_the_iterators_walk_every_page(roster_client: Roster) -> None:
    roster = roster_client
    setup = provision(roster, "People")
    org_id, dir_id, idp = setup.organization_id, setup.directory_id, setup.connection
    user_ids = [
        scim_create(
            idp,
            "Users",
            {
                "schemas": [USER_SCHEMA, ENTERPRISE_SCHEMA],
                "userName": f"person{index}@example.com",
                "name": {"givenName": f"Given{index}", "familyName": "Family"},
                "emails": [{"value": f"person{index}@example.com", "primary": True}],
                ENTERPRISE_SCHEMA: {"department": f"Dept {index}"},
            },
        )
        for index in range(7)
    ]
    inner = scim_create(idp, "Groups", {"schemas": [GROUP_SCHEMA], "displayName": "Inner", "members": [{"value": user_ids[0]}, {"value": user_ids[1]}]})
    outer = scim_create(idp, "Groups", {"schemas": [GROUP_SCHEMA], "displayName": "Outer", "members": [{"value": user_ids[2]}, {"value": inner}]})

    first = roster.directory.list_directory_users(org_id, dir_id, page_size=3)
    assert len(first.users) == 3 and first.total_size == 7 and first.prev_page_token == "" and first.next_page_token != ""
    second = roster.directory.list_directory_users(org_id, dir_id, page_size=3, page_token=first.next_page_token)
    assert [user.id for user in second.users] == user_ids[3:6] and second.prev_page_token != ""
    third = roster.directory.list_directory_users(org_id, dir_id, page_size=3, page_token=second.next_page_token)
    assert [user.id for user in third.users] == user_ids[6:] and third.next_page_token == ""

    every = list(roster.directory.iterate_directory_users(org_id, dir_id, page_size=3))
    assert [user.id for user in every] == user_ids, "every user once, in order, over three pages"
    first_user = every[0]
    assert (first_user.email, first_user.given_name, first_user.preferred_username) == ("person0@example.com", "Given0", "person0@example.com")
    assert [(group.id, group.display_name) for group in first_user.groups] == [(inner, "Inner")]
    assert first_user.user_detail is None

    detailed = roster.directory.list_directory_users(org_id, dir_id, include_detail=True, page_size=1)
    assert detailed.users[0].user_detail is not None and detailed.users[0].user_detail[ENTERPRISE_SCHEMA] == {"department": "Dept 0"}
    one = roster.directory.get_directory_user(org_id, dir_id, user_ids[3], include_detail=True).user
    assert one.user_detail is not None and one.user_detail["userName"] == "person3@example.com"

    in_outer = roster.directory.list_directory_users(org_id, dir_id, directory_group_id=outer)
    assert [user.id for user in in_outer.users] == [user_ids[2]], "direct members only"
    members = list(roster.directory.iterate_directory_group_members(org_id, dir_id, outer, page_size=1))
    assert sorted((member.type, member.id) for member in members) == sorted([("group", inner), ("user", user_ids[2])])
    assert roster.directory.list_directory_group_members(org_id, dir_id, inner).total_size == 2

    groups = list(roster.directory.iterate_directory_groups(org_id, dir_id, page_size=1))
    assert [(group.display_name, group.total_users) for group in groups] == [("Inner", 2), ("Outer", 1)]
    outer_group = roster.directory.get_directory_group(org_id, dir_id, outer, include_detail=True).group
    assert outer_group.group_detail is not None and outer_group.group_detail["displayName"] == "Outer"

    # updated_after, given as a datetime: only what changed since.
    time.sleep(0.05)
    since = datetime.now(timezone.utc)
    time.sleep(0.05)
    status, _ = scim(idp, "PATCH", f"/Users/{user_ids[4]}", {"schemas": [PATCH_SCHEMA], "Operations": [{"op": "replace", "path": "displayName", "value": "Renamed"}]})
    assert status == 200
    changed = roster.directory.list_directory_users(org_id, dir_id, updated_after=since)
    assert [(user.id, user.name) for user in changed.users] == [(user_ids[4], "Renamed")]
    assert roster.directory.list_directory_groups(org_id, dir_id, updated_after=since).total_size == 0

    directory = roster.directory.get_directory(org_id, dir_id).directory
    assert (directory.total_users, directory.total_groups, directory.stats.total_users) == (7, 2, 7)


def test_role_assignments_attribute_mappings_and_event_settings(roster_client: Roster) -> None:
    roster = roster_client
    setup = provision(roster, "Mappings")
    org_id, dir_id = setup.organization_id, setup.directory_id
    role = unique("admin")
    roster.role.create_role(role, permissions=["users:write"])
    user_id = scim_create(setup.connection, "Users", {"schemas": [USER_SCHEMA], "userName": "mapped@example.com", "title": "Engineer"})
    group_id = scim_create(setup.connection, "Groups", {"schemas": [GROUP_SCHEMA], "displayName": "Admins", "members": [{"value": user_id}]})

    assigned = roster.directory.assign_directory_group_roles(org_id, dir_id, [RoleAssignment(group_id=group_id, role_name=role)])
    assert [(item.group_id, item.role_name) for item in assigned.role_assignments.assignments] == [(group_id, role)]
    roster.directory.update_directory_attribute_mappings(org_id, dir_id, [{"key": "title", "map_to": "custom_attributes.job_title"}])
    user = roster.directory.get_directory_user(org_id, dir_id, user_id).user
    assert [item.role_name for item in user.roles] == [role] and user.permissions == ["users:write"]
    assert user.custom_attributes == {"job_title": "Engineer"}

    assert roster.directory.assign_directory_group_roles(org_id, dir_id, []).role_assignments.assignments == []
    assert roster.directory.get_directory_event_settings(org_id, dir_id).event_settings.deactivation_as_deletion is False
    updated = roster.directory.update_directory_event_settings(org_id, dir_id, deactivation_as_deletion=True)
    assert updated.event_settings.deactivation_as_deletion is True
    assert roster.directory.get_directory_event_settings(org_id, dir_id).event_settings.deactivation_as_deletion is True
