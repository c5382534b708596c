"""roster.organization, roster.role and roster.api_clients against a live Roster."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import httpx
import pytest

from roster import BadRequestError, ConflictError, NotFoundError, OrganizationSettingsFeature, Roster

from .conftest import unique


def test_organizations_create_get_by_id_and_external_id_update_list_and_delete(roster_client: Roster) -> None:
    roster = roster_client
    external_id = unique("acme")
    created = roster.organization.create_organization("Acme", external_id=external_id).organization
    assert created.id.startswith("org_") and created.display_name == "Acme" and created.external_id == external_id
    assert created.settings.features == [] or all(not feature.enabled for feature in created.settings.features)
    assert created.create_time.tzinfo is not None
    assert roster.organization.get_organization(created.id).organization == created
    assert roster.organization.get_organization_by_external_id(external_id).organization.id == created.id
    with pytest.raises(ConflictError) as conflict:
        roster.organization.create_organization("Acme again", external_id=external_id)
    assert conflict.value.status == 409

    renamed = roster.organization.update_organization(created.id, display_name="Acme Inc").organization
    assert (renamed.display_name, renamed.external_id) == ("Acme Inc", external_id), "left out: kept"
    cleared = roster.organization.update_organization(created.id, external_id=None).organization
    assert (cleared.display_name, cleared.external_id) == ("Acme Inc", None), "None clears it"

    settings = roster.organization.update_organization_settings(created.id, [OrganizationSettingsFeature(name="scim", enabled=True)])
    assert [(feature.name, feature.enabled) for feature in settings.organization.settings.features] == [("scim", True)]
    with pytest.raises(BadRequestError):
        roster.organization.update_organization_settings(created.id, [{"name": "sso", "enabled": True}])

    page = roster.organization.list_organizations(page_size=1)
    assert len(page.organizations) == 1 and page.total_size >= 1
    assert roster.organization.list_organization(page_size=1).organizations == page.organizations, "Scalekit's spelling"
    every = list(roster.organization.iterate_organizations(page_size=2))
    assert len(every) == page.total_size and len({item.id for item in every}) == len(every)
    assert created.id in {item.id for item in every}

    roster.organization.delete_organization(created.id)
    with pytest.raises(NotFoundError) as gone:
        roster.organization.get_organization(created.id)
    assert (gone.value.status, gone.value.code) == (404, "not_found")


def test_portal_links_generate_list_open_and_revoke(roster_client: Roster) -> None:
    roster = roster_client
    org_id = roster.organization.create_organization(unique("Portal")).organization.id
    link = roster.organization.generate_portal_link(org_id)
    assert link.id and link.location.startswith("http")
    hours = (link.expire_time - datetime.now(timezone.utc)).total_seconds() / 3600
    assert 23 < hours <= 24, "24 hours by default"
    short = roster.organization.generate_portal_link(org_id, expire_time=datetime.now(timezone.utc) + timedelta(hours=1))
    assert (short.expire_time - datetime.now(timezone.utc)).total_seconds() <= 3600

    listed = roster.organization.list_portal_links(org_id)
    assert sorted(item.id for item in listed.links) == sorted([link.id, short.id])
    assert httpx.get(link.location, follow_redirects=False, timeout=30).status_code < 400, "the link opens the portal"

    roster.organization.revoke_portal_link(org_id, link.id)
    assert [item.id for item in roster.organization.list_portal_links(org_id).links] == [short.id]
    with pytest.raises(BadRequestError):
        roster.organization.generate_portal_link(org_id, expire_time=datetime.now(timezone.utc) + timedelta(days=8))


def test_roles_create_get_list_update_and_delete(roster_client: Roster) -> None:
    roster = roster_client
    name = unique("editor")
    role = roster.role.create_role(name, display_name="Editor", description="Edits things", permissions=["docs:write", "docs:read"]).role
    assert (role.name, role.display_name, role.description, role.permissions, role.is_default) == (
        name, "Editor", "Edits things", ["docs:read", "docs:write"], False
    )
    assert roster.role.get_role(name).role == role
    with pytest.raises(ConflictError):
        roster.role.create_role(name)
    with pytest.raises(BadRequestError) as refused:
        roster.role.create_role("not a role name!")
    assert refused.value.parameter == "name"

    updated = roster.role.update_role(name, permissions=["docs:read"], description=None).role
    assert (updated.display_name, updated.permissions, updated.description) == ("Editor", ["docs:read"], None)
    assert name in {item.name for item in roster.role.iterate_roles(page_size=1)}
    assert roster.role.list_roles(page_size=1).total_size >= 1

    roster.role.delete_role(name)
    with pytest.raises(NotFoundError):
        roster.role.get_role(name)


def test_api_clients_create_list_get_and_revoke(roster_client: Roster) -> None:
    roster = roster_client
    created = roster.api_clients.create(unique("backend"))
    assert created.plain_secret and created.client.revoke_time is None
    assert roster.api_clients.get(created.client.id).client == created.client
    assert created.client.id in {item.id for item in roster.api_clients.iterate(page_size=1)}
    assert roster.api_clients.list(page_size=1).total_size >= 2
    revoked = roster.api_clients.revoke(created.client.id).client
    assert revoked.revoke_time is not None
