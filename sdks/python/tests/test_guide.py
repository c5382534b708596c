"""Issue 12's promise: an app's backend runs the guide's Python calls against Roster with only the
client's name changed. The snippet below is the issue's text, character for character; it runs as
written, with `roster` and `org_id` in scope.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict

from roster import Directory, ListDirectoriesResponse, Roster

from .conftest import Live, unique
from .support.scim import ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA, ScimConnection, scim, scim_create, scim_user
from .support.webhook_receiver import wait_for

GUIDE = """\
roster.organization.update_organization_settings(organization_id=org_id, settings=[{"name": "scim", "enabled": True}])
directories = roster.directory.list_directories(organization_id=org_id)
"""

# The fields of the directory in the guide's JSON example.
GUIDE_DIRECTORY_FIELDS = [
    "attribute_mappings",
    "directory_endpoint",
    "directory_provider",
    "directory_type",
    "email",
    "enabled",
    "groups_tracked",
    "id",
    "last_synced_at",
    "name",
    "organization_id",
    "role_assignments",
    "secrets",
    "stats",
    "status",
    "total_groups",
    "total_users",
]


def run_guide(roster: Roster, org_id: str) -> Any:
    scope: Dict[str, Any] = {"roster": roster, "org_id": org_id}
    exec(compile(GUIDE, "the guide", "exec"), scope)  # noqa: S102 (the guide's own text, run as written)
    return scope["directories"]


def test_the_guides_calls_turn_scim_on_and_list_the_directory_with_every_field_of_the_guides_example(live: Live) -> None:
    # The only line that differs from the guide: the client's name.
    roster = Roster(live.url, live.client_id, live.client_secret)

    # The customer's directory exists, but the app has SCIM turned off for them.
    org_id = roster.organization.create_organization(unique("Acme Corporation"), external_id=unique("acme")).organization.id
    roster.organization.update_organization_settings(org_id, [{"name": "scim", "enabled": True}])
    directory = roster.directory.create_directory(org_id, directory_provider="OKTA").directory
    secret = roster.directory.create_directory_secret(org_id, directory.id).plain_secret
    roster.organization.update_organization_settings(org_id, [{"name": "scim", "enabled": False}])
    idp = ScimConnection(directory.directory_endpoint, secret)
    assert scim(idp, "GET", "/Users")[0] == 403, "SCIM is off: the IdP is refused"

    directories = run_guide(roster, org_id)

    assert scim(idp, "GET", "/Users")[0] == 200, "the guide's first call turned SCIM on"
    organization = roster.organization.get_organization(org_id).organization
    assert [(feature.name, feature.enabled) for feature in organization.settings.features] == [("scim", True)]
    assert isinstance(directories, ListDirectoriesResponse)
    assert [item.id for item in directories.directories] == [directory.id]
    listed = directories.directories[0]
    assert isinstance(listed, Directory)
    for name in GUIDE_DIRECTORY_FIELDS:
        assert hasattr(listed, name), f"the directory has no {name}"
    assert listed.directory_endpoint == idp.endpoint
    assert listed.directory_type == "SCIM"
    assert listed.directory_provider == "OKTA"
    assert listed.organization_id == org_id
    assert listed.enabled is True
    assert listed.groups_tracked == "ALL"
    assert listed.email is None
    # The time of the IdP's last call is written once a second; from then on the directory is ACTIVE.
    heard = wait_for(lambda: roster.directory.get_directory(org_id, directory.id).directory.last_synced_at, "last_synced_at")
    assert isinstance(heard, datetime) and heard.tzinfo is not None
    assert roster.directory.list_directories(organization_id=org_id).directories[0].status == "ACTIVE"
    assert [item.secret_suffix for item in listed.secrets] == [secret[-4:]]
    assert listed.stats.total_users == 0 and listed.total_users == 0 and listed.total_groups == 0
    assert listed.role_assignments.assignments == [] and listed.attribute_mappings.attributes == []


def test_after_the_guide_users_read_back_with_roles_permissions_and_mapped_attributes(live: Live) -> None:
    roster = live.roster()
    org_id = roster.organization.create_organization(unique("Roles Inc")).organization.id
    run_guide(roster, org_id)
    directory = roster.directory.create_directory(org_id, directory_provider="AZURE_AD").directory
    idp = ScimConnection(directory.directory_endpoint, roster.directory.create_directory_secret(org_id, directory.id).plain_secret)
    engineer, viewer = unique("engineer"), unique("viewer")
    roster.role.create_role(engineer, permissions=["deploy", "repo:write"])
    roster.role.create_role(viewer, permissions=["dashboard:view"], is_default=True)

    ada = scim_create(
        idp, "Users", {"schemas": [USER_SCHEMA, ENTERPRISE_SCHEMA], "userName": "ada@acme.example", ENTERPRISE_SCHEMA: {"department": "Engines"}}
    )
    grace = scim_create(idp, "Users", scim_user("grace@acme.example"))
    engineering = scim_create(idp, "Groups", {"schemas": [GROUP_SCHEMA], "displayName": "Engineering", "members": [{"value": ada}]})
    roster.directory.assign_directory_group_roles(org_id, directory.id, [{"group_id": engineering, "role_name": engineer}])
    mapped = roster.directory.update_directory_attribute_mappings(
        org_id, directory.id, [{"key": f"{ENTERPRISE_SCHEMA}:department", "map_to": "custom_attributes.department"}]
    )
    assert [(item.key, item.map_to) for item in mapped.attribute_mappings.attributes] == [
        (f"{ENTERPRISE_SCHEMA}:department", "custom_attributes.department")
    ]

    users = {user.id: user for user in roster.directory.iterate_directory_users(org_id, directory.id)}
    assert [role.role_name for role in users[ada].roles] == [engineer]
    assert users[ada].permissions == ["deploy", "repo:write"]
    assert users[ada].custom_attributes == {"department": "Engines"}
    assert [(group.id, group.display_name) for group in users[ada].groups] == [(engineering, "Engineering")]
    assert [role.role_name for role in users[grace].roles] == [viewer], "in no mapped group: the default role"
    assert users[grace].permissions == ["dashboard:view"]

    primary = roster.directory.get_primary_directory_by_organization_id(org_id)
    assert primary.id == directory.id
    assert [(item.group_id, item.role_name) for item in primary.role_assignments.assignments] == [(engineering, engineer)]
    roster.role.update_role(viewer, is_default=False)
