# Generated from roster/_async/directory.py by `python scripts/unasync.py`. Do not edit:
# tests/test_generated_code.py fails when this file is not what the script makes.
from __future__ import annotations

from typing import Any, Iterator, Dict, Mapping, Optional, Sequence, Union

from .._http import Timestamp, compact, request_items
from ..errors import NotFoundError
from ..models import (
    AssignRolesResponse,
    AttributeMapping,
    CreateDirectorySecretResponse,
    Directory,
    DirectoryEventSettingsResponse,
    DirectoryGroup,
    DirectoryGroupMember,
    DirectoryGroupResponse,
    DirectoryResponse,
    DirectorySecretResponse,
    DirectoryUser,
    DirectoryUserResponse,
    ListDirectoriesResponse,
    ListDirectoryGroupMembersResponse,
    ListDirectoryGroupsResponse,
    ListDirectoryUsersResponse,
    RegenerateDirectorySecretResponse,
    RoleAssignment,
    ToggleDirectoryResponse,
    UpdateAttributeMappingsResponse,
)
from .pagination import each_item
from .transport import Transport

DIRECTORIES = "/api/v1/organizations/{organization_id}/directories"
DIRECTORY = DIRECTORIES + "/{directory_id}"


def _ids(organization_id: str, directory_id: str, **more: str) -> Dict[str, str]:
    return {"organization_id": organization_id, "directory_id": directory_id, **more}


class DirectoryClient:
    """`roster.directory`: an organization's SCIM directories and what their IdPs provisioned.
    Names and arguments as in Scalekit's Python SDK.
    """

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def list_directories(
        self, organization_id: str, *, page_size: Optional[int] = None, page_token: Optional[str] = None
    ) -> ListDirectoriesResponse:
        return self._transport.call(
            ListDirectoriesResponse,
            "GET",
            DIRECTORIES,
            path={"organization_id": organization_id},
            query={"page_size": page_size, "page_token": page_token},
        )

    def get_directory(self, organization_id: str, directory_id: str) -> DirectoryResponse:
        return self._transport.call(DirectoryResponse, "GET", DIRECTORY, path=_ids(organization_id, directory_id))

    def get_primary_directory_by_organization_id(self, organization_id: str) -> Directory:
        """The organization's first directory (most have one); a NotFoundError when it has none."""
        page = self.list_directories(organization_id, page_size=1)
        if not page.directories:
            raise NotFoundError(
                f"organization {organization_id} has no directory", status=404, code="not_found", details={"id": organization_id}
            )
        return page.directories[0]

    def create_directory(
        self, organization_id: str, *, directory_provider: str, directory_type: Optional[str] = None, name: Optional[str] = None
    ) -> DirectoryResponse:
        """`directory_provider`: OKTA, AZURE_AD, GOOGLE, ONELOGIN, JUMPCLOUD, PING_IDENTITY, AUTHENTIK or
        OTHER. The organization needs the `scim` feature (a PermissionDeniedError otherwise).
        """
        body = compact({"directory_type": directory_type, "directory_provider": directory_provider, "name": name})
        return self._transport.call(DirectoryResponse, "POST", DIRECTORIES, path={"organization_id": organization_id}, body=body)

    def update_directory(
        self, organization_id: str, directory_id: str, *, name: Optional[str] = None, directory_provider: Optional[str] = None
    ) -> DirectoryResponse:
        body = compact({"name": name, "directory_provider": directory_provider})
        return self._transport.call(DirectoryResponse, "PATCH", DIRECTORY, path=_ids(organization_id, directory_id), body=body)

    def delete_directory(self, organization_id: str, directory_id: str) -> None:
        """Deletes the directory with its users, groups, secrets and request log."""
        self._transport.call(None, "DELETE", DIRECTORY, path=_ids(organization_id, directory_id))

    def enable_directory(self, organization_id: str, directory_id: str) -> ToggleDirectoryResponse:
        return self._transport.call(ToggleDirectoryResponse, "PATCH", DIRECTORY + ":enable", path=_ids(organization_id, directory_id))

    def disable_directory(self, organization_id: str, directory_id: str) -> ToggleDirectoryResponse:
        """The IdP is answered 403 until the directory is enabled again; users and groups stay."""
        return self._transport.call(ToggleDirectoryResponse, "PATCH", DIRECTORY + ":disable", path=_ids(organization_id, directory_id))

    def list_directory_users(
        self,
        organization_id: str,
        directory_id: str,
        *,
        page_size: Optional[int] = None,
        page_token: Optional[str] = None,
        include_detail: Optional[bool] = None,
        directory_group_id: Optional[str] = None,
        updated_after: Optional[Timestamp] = None,
    ) -> ListDirectoryUsersResponse:
        """Users with their groups, roles, permissions and mapped `custom_attributes`.
        `include_detail` adds the stored SCIM resource as `user_detail`; `directory_group_id` keeps
        a group's direct members; `updated_after` keeps users changed since then.
        """
        query = {
            "page_size": page_size,
            "page_token": page_token,
            "include_detail": include_detail,
            "directory_group_id": directory_group_id,
            "updated_after": updated_after,
        }
        return self._transport.call(
            ListDirectoryUsersResponse, "GET", DIRECTORY + "/users", path=_ids(organization_id, directory_id), query=query
        )

    def iterate_directory_users(
        self,
        organization_id: str,
        directory_id: str,
        *,
        page_size: Optional[int] = None,
        include_detail: Optional[bool] = None,
        directory_group_id: Optional[str] = None,
        updated_after: Optional[Timestamp] = None,
    ) -> Iterator[DirectoryUser]:
        """Every user, page after page."""
        return each_item(
            lambda token: self.list_directory_users(
                organization_id,
                directory_id,
                page_size=page_size,
                page_token=token,
                include_detail=include_detail,
                directory_group_id=directory_group_id,
                updated_after=updated_after,
            ),
            lambda page: page.users,
        )

    def get_directory_user(
        self, organization_id: str, directory_id: str, user_id: str, *, include_detail: Optional[bool] = None
    ) -> DirectoryUserResponse:
        return self._transport.call(
            DirectoryUserResponse,
            "GET",
            DIRECTORY + "/users/{user_id}",
            path=_ids(organization_id, directory_id, user_id=user_id),
            query={"include_detail": include_detail},
        )

    def list_directory_groups(
        self,
        organization_id: str,
        directory_id: str,
        *,
        page_size: Optional[int] = None,
        page_token: Optional[str] = None,
        include_detail: Optional[bool] = None,
        updated_after: Optional[Timestamp] = None,
    ) -> ListDirectoryGroupsResponse:
        """Groups with their number of direct members; `include_detail` adds `group_detail`."""
        query = {"page_size": page_size, "page_token": page_token, "include_detail": include_detail, "updated_after": updated_after}
        return self._transport.call(
            ListDirectoryGroupsResponse, "GET", DIRECTORY + "/groups", path=_ids(organization_id, directory_id), query=query
        )

    def iterate_directory_groups(
        self,
        organization_id: str,
        directory_id: str,
        *,
        page_size: Optional[int] = None,
        include_detail: Optional[bool] = None,
        updated_after: Optional[Timestamp] = None,
    ) -> Iterator[DirectoryGroup]:
        """Every group, page after page."""
        return each_item(
            lambda token: self.list_directory_groups(
                organization_id, directory_id, page_size=page_size, page_token=token, include_detail=include_detail, updated_after=updated_after
            ),
            lambda page: page.groups,
        )

    def get_directory_group(
        self, organization_id: str, directory_id: str, group_id: str, *, include_detail: Optional[bool] = None
    ) -> DirectoryGroupResponse:
        return self._transport.call(
            DirectoryGroupResponse,
            "GET",
            DIRECTORY + "/groups/{group_id}",
            path=_ids(organization_id, directory_id, group_id=group_id),
            query={"include_detail": include_detail},
        )

    def list_directory_group_members(
        self, organization_id: str, directory_id: str, group_id: str, *, page_size: Optional[int] = None, page_token: Optional[str] = None
    ) -> ListDirectoryGroupMembersResponse:
        """A group's direct members: users and nested groups."""
        return self._transport.call(
            ListDirectoryGroupMembersResponse,
            "GET",
            DIRECTORY + "/groups/{group_id}/members",
            path=_ids(organization_id, directory_id, group_id=group_id),
            query={"page_size": page_size, "page_token": page_token},
        )

    def iterate_directory_group_members(
        self, organization_id: str, directory_id: str, group_id: str, *, page_size: Optional[int] = None
    ) -> Iterator[DirectoryGroupMember]:
        return each_item(
            lambda token: self.list_directory_group_members(organization_id, directory_id, group_id, page_size=page_size, page_token=token),
            lambda page: page.members,
        )

    def create_directory_secret(
        self, organization_id: str, directory_id: str, *, expire_time: Optional[Timestamp] = None
    ) -> CreateDirectorySecretResponse:
        """A bearer token for the directory's SCIM endpoint: `plain_secret` is in this answer only."""
        return self._transport.call(
            CreateDirectorySecretResponse,
            "POST",
            DIRECTORY + "/secrets",
            path=_ids(organization_id, directory_id),
            body=compact({"expire_time": expire_time}),
        )

    def regenerate_directory_secret(
        self, organization_id: str, directory_id: str, *, grace_period_seconds: Optional[int] = None
    ) -> RegenerateDirectorySecretResponse:
        """A new secret; the active ones keep working for the grace period (24 hours by default),
        so the IdP can be switched over.
        """
        return self._transport.call(
            RegenerateDirectorySecretResponse,
            "POST",
            DIRECTORY + "/secrets:regenerate",
            path=_ids(organization_id, directory_id),
            body=compact({"grace_period_seconds": grace_period_seconds}),
        )

    def revoke_directory_secret(self, organization_id: str, directory_id: str, secret_id: str) -> DirectorySecretResponse:
        """The secret stops working at once."""
        return self._transport.call(
            DirectorySecretResponse,
            "POST",
            DIRECTORY + "/secrets/{secret_id}:revoke",
            path=_ids(organization_id, directory_id, secret_id=secret_id),
        )

    def assign_directory_group_roles(
        self, organization_id: str, directory_id: str, assignments: Sequence[Union[Mapping[str, Any], RoleAssignment]]
    ) -> AssignRolesResponse:
        """Maps the directory's groups to roles (`[{"group_id": ..., "role_name": "admin"}]`),
        replacing the mapping there was. A user holds the roles of every group it is in, nested
        groups included; users in no mapped group hold the default role.
        """
        body = {"assignments": request_items(assignments, "group_id", "role_name")}
        return self._transport.call(
            AssignRolesResponse, "PUT", DIRECTORY + "/groups/-/roles:assign", path=_ids(organization_id, directory_id), body=body
        )

    def update_directory_attribute_mappings(
        self, organization_id: str, directory_id: str, attributes: Sequence[Union[Mapping[str, Any], AttributeMapping]]
    ) -> UpdateAttributeMappingsResponse:
        """Maps SCIM attribute paths (core, enterprise or a custom extension URN) to fields of the
        directory's users (`[{"key": "title", "map_to": "custom_attributes.title"}]`), replacing the
        mapping there was. Mappings apply when users are read, so to users already stored too.
        """
        body = {"attributes": request_items(attributes, "key", "map_to")}
        return self._transport.call(
            UpdateAttributeMappingsResponse, "PUT", DIRECTORY + "/attributes", path=_ids(organization_id, directory_id), body=body
        )

    def get_directory_event_settings(self, organization_id: str, directory_id: str) -> DirectoryEventSettingsResponse:
        return self._transport.call(
            DirectoryEventSettingsResponse, "GET", DIRECTORY + "/event_settings", path=_ids(organization_id, directory_id)
        )

    def update_directory_event_settings(
        self, organization_id: str, directory_id: str, *, deactivation_as_deletion: bool
    ) -> DirectoryEventSettingsResponse:
        """`deactivation_as_deletion`: a user set `active: false` is announced as user_deleted."""
        return self._transport.call(
            DirectoryEventSettingsResponse,
            "PATCH",
            DIRECTORY + "/event_settings",
            path=_ids(organization_id, directory_id),
            body={"deactivation_as_deletion": deactivation_as_deletion},
        )
