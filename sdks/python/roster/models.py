# Generated from Roster's OpenAPI document by `python scripts/generate_models.py`. Do not edit:
# tests/test_openapi_models.py fails when this file no longer matches what the server serves.
"""The management API's objects, as dataclasses with the JSON's own (snake_case) field names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Literal, Optional, Union

__all__ = [
    "AccessToken",
    "ApiClient",
    "ApiClientResponse",
    "ApiError",
    "AssignRolesResponse",
    "AttributeMapping",
    "AttributeMappings",
    "CreateApiClientResponse",
    "CreateDirectorySecretResponse",
    "CreateWebhookResponse",
    "Directory",
    "DirectoryCreatedEvent",
    "DirectoryDeletedEvent",
    "DirectoryDisabledEvent",
    "DirectoryEnabledEvent",
    "DirectoryEventData",
    "DirectoryEventSettings",
    "DirectoryEventSettingsResponse",
    "DirectoryGroup",
    "DirectoryGroupMember",
    "DirectoryGroupResponse",
    "DirectoryResponse",
    "DirectorySecret",
    "DirectorySecretCreatedEvent",
    "DirectorySecretEventData",
    "DirectorySecretResponse",
    "DirectorySecretRevokedEvent",
    "DirectorySource",
    "DirectorySourceBamboohr",
    "DirectorySourceConnection",
    "DirectorySourceGoogleWorkspace",
    "DirectoryStats",
    "DirectorySyncNeedsReviewEvent",
    "DirectoryUser",
    "DirectoryUserGroup",
    "DirectoryUserResponse",
    "DirectoryUserRole",
    "Event",
    "EventResponse",
    "GroupCreatedEvent",
    "GroupCreatedEventData",
    "GroupDeletedEvent",
    "GroupEventData",
    "GroupUpdatedEvent",
    "GroupUpdatedEventData",
    "HeldSyncRun",
    "HeldSyncRunSample",
    "ListApiClientsResponse",
    "ListDirectoriesResponse",
    "ListDirectoryGroupMembersResponse",
    "ListDirectoryGroupsResponse",
    "ListDirectoryUsersResponse",
    "ListEventsResponse",
    "ListOrganizationsResponse",
    "ListPortalLinksResponse",
    "ListRolesResponse",
    "ListSyncRunsResponse",
    "ListWebhookDeliveriesResponse",
    "ListWebhooksResponse",
    "Organization",
    "OrganizationResponse",
    "OrganizationSettings",
    "OrganizationSettingsFeature",
    "PortalLink",
    "PortalLinkResponse",
    "PortalLinkSummary",
    "RegenerateDirectorySecretResponse",
    "RemoveSampleDataResponse",
    "ReplayWebhookResponse",
    "Role",
    "RoleAssignment",
    "RoleAssignments",
    "RoleResponse",
    "RotateWebhookSecretResponse",
    "SampleDataCounts",
    "SampleDataResponse",
    "SourceCredentialsInput",
    "SyncNeedsReviewEventData",
    "SyncNeedsReviewEventDataSample",
    "SyncRun",
    "SyncRunCounts",
    "SyncRunResponse",
    "ToggleDirectoryResponse",
    "UpdateAttributeMappingsResponse",
    "UserCreatedEvent",
    "UserDeletedEvent",
    "UserEventData",
    "UserEventDataGroup",
    "UserEventDataRole",
    "UserUpdatedEvent",
    "UserUpdatedEventData",
    "UserUpdatedEventDataGroup",
    "UserUpdatedEventDataRole",
    "Webhook",
    "WebhookDelivery",
    "WebhookDeliveryAttempt",
    "WebhookDeliveryResponse",
    "WebhookResponse",
]


@dataclass
class AccessToken:
    access_token: str
    """Send as `Authorization: Bearer <access_token>`."""
    token_type: Literal["Bearer"]
    expires_in: int
    """Seconds until the token expires."""


@dataclass
class ApiClient:
    """Credentials of the app's backend for the management API."""

    id: str
    """The client_id for POST /oauth/token."""
    name: str
    create_time: datetime
    revoke_time: Optional[datetime]


@dataclass
class ApiClientResponse:
    client: ApiClient


@dataclass
class ApiError:
    """The one error shape of the management API."""

    code: str
    """A stable error code: invalid_argument, unauthenticated, not_found, already_exists, failed_precondition, ..."""
    message: str
    details: Optional[Dict[str, Any]] = None
    """`parameter` names the offending request parameter for a 400."""


@dataclass
class AssignRolesResponse:
    role_assignments: RoleAssignments


@dataclass
class AttributeMapping:
    key: str
    """A SCIM attribute path: `title`, `emails[type eq "work"].value`, `urn:...:enterprise:2.0:User:department`."""
    map_to: str
    """`custom_attributes.<name>`, or one of email, preferred_username, given_name, family_name, name."""


@dataclass
class AttributeMappings:
    """SCIM attributes mapped to fields of the directory's users."""

    attributes: List[AttributeMapping]


@dataclass
class CreateApiClientResponse:
    client: ApiClient
    plain_secret: str
    """The client_secret, shown this once."""


@dataclass
class CreateDirectorySecretResponse:
    plain_secret: str
    """The bearer token for the IdP, shown this once."""
    secret: DirectorySecret


@dataclass
class CreateWebhookResponse:
    webhook: Webhook
    secret: str
    """whsec_...: the signing secret, shown only now."""


@dataclass
class DirectoryStats:
    total_users: int
    total_groups: int
    user_updated_at: Optional[datetime]
    group_updated_at: Optional[datetime]


@dataclass
class Directory:
    """One connection of an organization's directory: pushed by its IdP over SCIM, or pulled by Roster from Google Workspace or BambooHR."""

    id: str
    name: str
    directory_type: Literal["SCIM", "GOOGLE_WORKSPACE", "BAMBOOHR"]
    """SCIM: the IdP pushes over SCIM; GOOGLE_WORKSPACE, BAMBOOHR: Roster pulls from the source on a schedule."""
    directory_provider: Literal["OKTA", "AZURE_AD", "GOOGLE", "ONELOGIN", "JUMPCLOUD", "PING_IDENTITY", "AUTHENTIK", "OTHER", "BAMBOOHR"]
    organization_id: str
    enabled: bool
    status: Literal["ACTIVE", "PENDING", "NOT_CONFIGURED", "DISABLED", "NEEDS_REVIEW", "INVALID_CREDENTIALS", "ERROR"]
    """DISABLED; ACTIVE once the IdP has called (pulled: once a sync succeeded); PENDING with a secret (pulled: connected, first sync to come); else NOT_CONFIGURED. Pulled directories also: NEEDS_REVIEW (a sync waits for approval), INVALID_CREDENTIALS (the source refused them), ERROR (the last sync failed; retried with backoff)."""
    last_synced_at: Optional[datetime]
    """When the IdP last called the SCIM endpoint (pulled: when the last sync succeeded)."""
    directory_endpoint: str
    """The SCIM base URL to give the IdP."""
    total_users: int
    total_groups: int
    secrets: List[DirectorySecret]
    stats: DirectoryStats
    role_assignments: RoleAssignments
    attribute_mappings: AttributeMappings
    email: Optional[str]
    groups_tracked: Literal["ALL"]
    source: Optional[DirectorySource]
    """Where a pulled directory syncs from and how it is going; null for SCIM directories."""


@dataclass
class DirectoryCreatedEvent:
    """A directory was created. A SCIM directory was added to an organization (management API, dashboard or portal)."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.created"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["Directory"]
    data: DirectoryEventData


@dataclass
class DirectoryDeletedEvent:
    """A directory was deleted. A directory was deleted with its users and groups, or its organization was (one event per directory). No user or group events follow."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.deleted"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["Directory"]
    data: DirectoryEventData


@dataclass
class DirectoryDisabledEvent:
    """A directory was disabled. Provisioning was turned off for a directory: its IdP is answered 403 until it is enabled."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory_disabled"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["Directory"]
    data: DirectoryEventData


@dataclass
class DirectoryEnabledEvent:
    """A directory was enabled. Provisioning was turned on for a directory: its IdP is answered again."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory_enabled"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["Directory"]
    data: DirectoryEventData


@dataclass
class DirectoryEventData:
    """The directory the event is about."""

    id: str
    organization_id: str
    directory_provider: Literal["OKTA", "AZURE_AD", "GOOGLE", "ONELOGIN", "JUMPCLOUD", "PING_IDENTITY", "AUTHENTIK", "OTHER", "BAMBOOHR"]
    enabled: bool


@dataclass
class DirectoryEventSettings:
    deactivation_as_deletion: bool
    """When true, a deactivated user (active: false) is reported as user_deleted, its reactivation as user_created, and nothing in between."""


@dataclass
class DirectoryEventSettingsResponse:
    event_settings: DirectoryEventSettings


@dataclass
class DirectoryGroup:
    """A group the IdP provisioned."""

    id: str
    display_name: str
    total_users: int
    """Users who are direct members."""
    updated_at: datetime
    sample: Optional[Literal[True]] = None
    """Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data."""
    group_detail: Optional[Dict[str, Any]] = None
    """The stored SCIM resource (without members), with include_detail=true."""


@dataclass
class DirectoryGroupMember:
    """A direct member of a group: a user or a nested group."""

    id: str
    type: Literal["user", "group"]
    display_name: Optional[str]


@dataclass
class DirectoryGroupResponse:
    group: DirectoryGroup


@dataclass
class DirectoryResponse:
    directory: Directory


@dataclass
class DirectorySecret:
    """A bearer token of the SCIM endpoint; the secret itself is shown only when made."""

    id: str
    directory_id: str
    secret_suffix: str
    """The last four characters, to tell secrets apart."""
    status: Literal["ACTIVE", "REVOKED", "EXPIRED"]
    create_time: datetime
    expire_time: Optional[datetime]
    last_used_time: Optional[datetime]


@dataclass
class DirectorySecretCreatedEvent:
    """A SCIM secret was created. A bearer secret for the SCIM endpoint was created or regenerated."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.secret_created"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["DirectorySecret"]
    data: DirectorySecretEventData


@dataclass
class DirectorySecretEventData:
    """The SCIM bearer secret the event is about (never the secret itself)."""

    id: str
    secret_suffix: str
    """The last four characters of the secret."""


@dataclass
class DirectorySecretResponse:
    secret: DirectorySecret


@dataclass
class DirectorySecretRevokedEvent:
    """A SCIM secret was revoked. A bearer secret was revoked and stops working at once (a secret replaced by secrets:regenerate expires at the end of its grace period without an event)."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.secret_revoked"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["DirectorySecret"]
    data: DirectorySecretEventData


@dataclass
class DirectorySourceConnection:
    kind: Literal["oauth", "service_account", "api_key"]
    update_time: datetime
    service_account: Optional[str] = None
    """The service account's email (service_account only)."""
    admin_email: Optional[str] = None
    """The admin the service account acts as (service_account only)."""


@dataclass
class DirectorySourceGoogleWorkspace:
    customer_id: str
    """The Google Workspace customer (my_customer: the admin's own)."""
    org_units: List[str]
    """Only users in these organizational units (and the units below them)."""
    group_emails: List[str]
    """Only these groups, the groups nested in them, and their members."""
    domain: Optional[str] = None
    """Only users of this domain."""


@dataclass
class DirectorySourceBamboohr:
    subdomain: str
    """The company's BambooHR subdomain: "acme" for acme.bamboohr.com."""
    employees_from: Literal["report", "directory"]
    """report: a custom report of every employee (Active and Inactive); directory: the employee directory (active employees only)."""
    extra_fields: List[str]
    """More report fields to keep on each user (for attribute mappings)."""
    group_by: List[Literal["department", "division"]]
    """Which employee fields become groups."""


@dataclass
class DirectorySource:
    """A pulled directory's source: where it syncs from, how, on what schedule, and how it is going. Null for SCIM directories."""

    status: Literal["not_connected", "active", "needs_review", "invalid_credentials", "error"]
    """not_connected: no credentials yet; active: syncing on schedule; needs_review: a run was held by the safety threshold and waits for approval; invalid_credentials: the source refused the credentials (401/403: consent revoked, key deleted), no one was removed; error: the last run failed, retried with backoff."""
    status_message: Optional[str]
    """What went wrong and what to do, when something did."""
    connection: Optional[DirectorySourceConnection]
    """How Roster reaches the source; the credentials themselves are never returned."""
    google_workspace: Optional[DirectorySourceGoogleWorkspace]
    """The Google Workspace settings (GOOGLE_WORKSPACE directories)."""
    bamboohr: Optional[DirectorySourceBamboohr]
    """The BambooHR settings (BAMBOOHR directories)."""
    sync_interval_minutes: int
    safety_threshold_percent: int
    """A run that would deactivate or delete more than this share of the users (or delete more than this share of the groups) waits for approval."""
    syncing: bool
    """A run is going now (on some node)."""
    next_sync_time: Optional[datetime]
    """When the next run is due; null while not connected or waiting for review."""
    last_success_time: Optional[datetime]
    consecutive_failures: int
    last_run: Optional[SyncRun]


@dataclass
class DirectorySyncNeedsReviewEvent:
    """A pulled directory's sync waits for review. A sync of a Google Workspace or BambooHR directory would have deactivated or deleted more than its safety threshold (default 20%) of the directory. It applied everything else but removed no one; the directory shows NEEDS_REVIEW and syncs no more on schedule until an administrator approves the run (dashboard, or POST .../sync_runs/{sync_run_id}:approve), after which the next run applies the removals (as user_deleted, user_updated and group events)."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.sync_needs_review"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["Directory"]
    data: SyncNeedsReviewEventData


@dataclass
class DirectoryUserGroup:
    id: str
    display_name: str


@dataclass
class DirectoryUserRole:
    role_name: str


@dataclass
class DirectoryUser:
    """A user the IdP provisioned, normalized."""

    id: str
    email: Optional[str]
    """The primary email, unless an attribute mapping sets it."""
    preferred_username: str
    """The SCIM userName, unless an attribute mapping sets it."""
    given_name: Optional[str]
    family_name: Optional[str]
    name: Optional[str]
    active: bool
    emails: List[str]
    groups: List[DirectoryUserGroup]
    """The groups the user is a direct member of."""
    roles: List[DirectoryUserRole]
    """From the user's groups, nested groups included; else the default role."""
    permissions: List[str]
    """The union of the roles' permissions."""
    custom_attributes: Dict[str, Any]
    """Filled by the directory's attribute mappings."""
    updated_at: datetime
    sample: Optional[Literal[True]] = None
    """Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data."""
    user_detail: Optional[Dict[str, Any]] = None
    """The stored SCIM resource, with include_detail=true."""


@dataclass
class DirectoryUserResponse:
    user: DirectoryUser


@dataclass
class Event:
    """One change, as webhooks deliver it and the Events API lists it."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header of its deliveries (receivers dedupe on it)."""
    type: str
    """One of organization.directory.user_created, organization.directory.user_updated, organization.directory.user_deleted, organization.directory.group_created, organization.directory.group_updated, organization.directory.group_deleted, organization.directory.created, organization.directory.deleted, organization.directory_enabled, organization.directory_disabled, organization.directory.secret_created, organization.directory.secret_revoked, organization.directory.sync_needs_review."""
    occurred_at: datetime
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: str
    """DirectoryUser, DirectoryGroup, Directory or DirectorySecret."""
    data: Any
    """The user or group as the management API shows it (with user_detail / group_detail, the raw SCIM attributes); updates add previous_attributes (the previous values of what changed); group events add members_added / members_removed (ids, or only the *_count fields for changes of more than 1,000 members)."""


@dataclass
class EventResponse:
    event: Event


@dataclass
class GroupCreatedEventData:
    id: str
    display_name: str
    updated_at: datetime
    group_detail: Dict[str, Any]
    """The stored SCIM resource (without members), with its id."""
    members_added_count: int
    members_removed_count: int
    sample: Optional[Literal[True]] = None
    """Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data."""
    members_added: Optional[List[str]] = None
    """Ids of the members added (users or groups); left out when more than 1,000 members changed."""
    members_removed: Optional[List[str]] = None
    """Ids of the members removed; left out when more than 1,000 members changed."""


@dataclass
class GroupCreatedEvent:
    """A group was provisioned. The IdP created a group, with the members it was created with. Each user member also gets a user_updated."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.group_created"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["DirectoryGroup"]
    data: GroupCreatedEventData


@dataclass
class GroupDeletedEvent:
    """A group was deprovisioned. The IdP deleted a group; the data is the group as it was. Each user that was a member gets a user_updated."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.group_deleted"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["DirectoryGroup"]
    data: GroupEventData


@dataclass
class GroupEventData:
    """The group as it stands after the change."""

    id: str
    display_name: str
    updated_at: datetime
    group_detail: Dict[str, Any]
    """The stored SCIM resource (without members), with its id."""
    sample: Optional[Literal[True]] = None
    """Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data."""


@dataclass
class GroupUpdatedEventData:
    id: str
    display_name: str
    updated_at: datetime
    group_detail: Dict[str, Any]
    """The stored SCIM resource (without members), with its id."""
    members_added_count: int
    members_removed_count: int
    sample: Optional[Literal[True]] = None
    """Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data."""
    members_added: Optional[List[str]] = None
    """Ids of the members added (users or groups); left out when more than 1,000 members changed."""
    members_removed: Optional[List[str]] = None
    """Ids of the members removed; left out when more than 1,000 members changed."""
    previous_attributes: Optional[Dict[str, Any]] = None
    """The previous values of what changed, by field (null for a field that did not exist); user_detail and group_detail hold only the changed SCIM attributes."""


@dataclass
class GroupUpdatedEvent:
    """A group changed. A group was renamed or its members changed (also when a member user or group was deleted). Each user added or removed also gets a user_updated."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.group_updated"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["DirectoryGroup"]
    data: GroupUpdatedEventData


@dataclass
class HeldSyncRunSample:
    kind: Literal["user", "group"]
    id: str
    name: str
    action: Literal["deactivate", "delete"]


@dataclass
class HeldSyncRun:
    """What a run held by the safety threshold would have removed. Approve the run to let the next one apply it."""

    users_deactivated: int
    users_deleted: int
    groups_deleted: int
    users_in_directory: int
    groups_in_directory: int
    threshold_percent: int
    user_share_percent: float
    group_share_percent: float
    reason: str
    sample: List[HeldSyncRunSample]
    """Up to 25 of the users and groups the run would have removed."""


@dataclass
class ListApiClientsResponse:
    clients: List[ApiClient]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListDirectoriesResponse:
    directories: List[Directory]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListDirectoryGroupMembersResponse:
    members: List[DirectoryGroupMember]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListDirectoryGroupsResponse:
    groups: List[DirectoryGroup]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListDirectoryUsersResponse:
    users: List[DirectoryUser]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListEventsResponse:
    events: List[Event]
    next_cursor: str
    """Pass as `after` to read on; always set, also on an empty page (poll with it)."""
    has_more: bool
    """True when more events can be read right away."""


@dataclass
class ListOrganizationsResponse:
    organizations: List[Organization]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListPortalLinksResponse:
    links: List[PortalLinkSummary]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListRolesResponse:
    roles: List[Role]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListSyncRunsResponse:
    sync_runs: List[SyncRun]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""
    prev_page_token: str
    """Pass as page_token for the previous page; empty on the first page."""
    total_size: int
    """How many items the whole list holds."""


@dataclass
class ListWebhookDeliveriesResponse:
    deliveries: List[WebhookDelivery]
    next_page_token: str
    """Pass as page_token for the next page; empty on the last page."""


@dataclass
class ListWebhooksResponse:
    webhooks: List[Webhook]


@dataclass
class OrganizationSettingsFeature:
    name: str
    """"scim" or "dir_sync": either turns SCIM provisioning on."""
    enabled: bool


@dataclass
class OrganizationSettings:
    features: List[OrganizationSettingsFeature]


@dataclass
class Organization:
    """A customer organization of the app."""

    id: str
    display_name: str
    external_id: Optional[str]
    """The app's own id for this customer."""
    settings: OrganizationSettings
    create_time: datetime
    update_time: datetime


@dataclass
class OrganizationResponse:
    organization: Organization


@dataclass
class PortalLink:
    """A link that opens the admin portal for one organization's IT admin."""

    id: str
    location: str
    """The URL to open the admin portal; it holds a secret token and is shown only now."""
    expire_time: datetime


@dataclass
class PortalLinkResponse:
    link: PortalLink


@dataclass
class PortalLinkSummary:
    """A portal link that still works (its location is not kept)."""

    id: str
    create_time: datetime
    expire_time: datetime


@dataclass
class RegenerateDirectorySecretResponse:
    plain_secret: str
    """The new bearer token for the IdP, shown this once."""
    secret: DirectorySecret
    expiring_secrets: List[DirectorySecret]
    """The secrets it replaces, now expiring at the end of the grace period."""


@dataclass
class RemoveSampleDataResponse:
    removed: SampleDataCounts


@dataclass
class ReplayWebhookResponse:
    replayed: int
    """Deliveries made due now."""


@dataclass
class Role:
    """A role of the app, with its permissions."""

    id: str
    name: str
    """The key groups are mapped to, e.g. "admin"."""
    display_name: str
    description: Optional[str]
    permissions: List[str]
    is_default: bool
    """Held by users in no group mapped to a role; at most one role is the default."""
    create_time: datetime
    update_time: datetime


@dataclass
class RoleAssignment:
    group_id: str
    role_name: str


@dataclass
class RoleAssignments:
    """Which of the directory's groups grant which roles."""

    assignments: List[RoleAssignment]


@dataclass
class RoleResponse:
    role: Role


@dataclass
class RotateWebhookSecretResponse:
    secret: str
    """The new whsec_... secret, shown only now."""
    previous_secrets_expire_time: datetime
    """Until then deliveries carry a signature for each secret."""


@dataclass
class SampleDataCounts:
    users: int
    groups: int


@dataclass
class SampleDataResponse:
    sample_data: SampleDataCounts


@dataclass
class SourceCredentialsInput:
    """Credentials for the source; write-only: stored encrypted, never returned or logged. Google consent (OAuth) is given in the admin portal instead."""

    service_account_key: Optional[Union[str, Dict[str, Any]]] = None
    """Google Workspace: the service account key JSON, as downloaded from Google Cloud (an object, or its text)."""
    admin_email: Optional[str] = None
    """Google Workspace: the admin the service account acts as (domain-wide delegation)."""
    api_key: Optional[str] = None
    """BambooHR: an API key of a user who can see the employees."""


@dataclass
class SyncNeedsReviewEventDataSample:
    kind: Literal["user", "group"]
    id: str
    name: str
    action: Literal["deactivate", "delete"]


@dataclass
class SyncNeedsReviewEventData:
    """The pulled directory, its held sync run and what that run would have removed."""

    directory_id: str
    organization_id: str
    directory_type: Literal["GOOGLE_WORKSPACE", "BAMBOOHR"]
    sync_run_id: str
    """The held run: approve it with POST .../sync_runs/{sync_run_id}:approve."""
    users_deactivated: int
    users_deleted: int
    groups_deleted: int
    users_in_directory: int
    groups_in_directory: int
    threshold_percent: int
    user_share_percent: float
    group_share_percent: float
    reason: str
    sample: List[SyncNeedsReviewEventDataSample]
    """Up to 25 of the users and groups the run would have removed."""


@dataclass
class SyncRun:
    """One sync of a pulled directory from its source."""

    id: str
    directory_id: str
    trigger: Literal["schedule", "manual", "approval"]
    """schedule: its interval came; manual: "Sync now"; approval: an administrator approved a held run."""
    status: Literal["running", "succeeded", "held", "failed", "interrupted"]
    """running; succeeded (error_code partial when some objects were refused); held (by the safety threshold, see held); failed (see error_code and error); interrupted (its node stopped; the next run took over)."""
    start_time: datetime
    finish_time: Optional[datetime]
    counts: SyncRunCounts
    error_code: Optional[str]
    """invalid_credentials, source_error, apply_error, needs_review or partial; null when the run went through."""
    error: Optional[str]
    held: Optional[HeldSyncRun]
    approve_time: Optional[datetime]
    """When an administrator approved this held run."""


@dataclass
class SyncRunCounts:
    """What a run saw in the source and changed in the directory; source_calls counts every call to the source, retries included."""

    users_seen: int
    groups_seen: int
    users_created: int
    users_updated: int
    users_deactivated: int
    users_deleted: int
    groups_created: int
    groups_updated: int
    groups_deleted: int
    memberships_added: int
    memberships_removed: int
    objects_failed: int
    source_calls: int


@dataclass
class SyncRunResponse:
    sync_run: SyncRun


@dataclass
class ToggleDirectoryResponse:
    enabled: bool
    error_message: Optional[str] = None
    """Why provisioning still cannot run, when it cannot."""


@dataclass
class UpdateAttributeMappingsResponse:
    attribute_mappings: AttributeMappings


@dataclass
class UserCreatedEvent:
    """A user was provisioned. The IdP created a user (SCIM POST, or a Bulk POST). With deactivation treated as deletion, also a deactivated user made active again."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.user_created"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["DirectoryUser"]
    data: UserEventData


@dataclass
class UserDeletedEvent:
    """A user was deprovisioned. The IdP deleted a user (SCIM DELETE); the data is the user as it was. With deactivation treated as deletion, also a user set inactive."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.user_deleted"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["DirectoryUser"]
    data: UserEventData


@dataclass
class UserEventDataGroup:
    id: str
    display_name: str


@dataclass
class UserEventDataRole:
    role_name: str


@dataclass
class UserEventData:
    """The user as the management API shows it, with its raw SCIM attributes."""

    id: str
    email: Optional[str]
    """The primary email, unless an attribute mapping sets it."""
    preferred_username: str
    """The SCIM userName, unless an attribute mapping sets it."""
    given_name: Optional[str]
    family_name: Optional[str]
    name: Optional[str]
    active: bool
    emails: List[str]
    groups: List[UserEventDataGroup]
    """The groups the user is a direct member of."""
    roles: List[UserEventDataRole]
    """From the user's groups, nested groups included; else the default role."""
    permissions: List[str]
    """The union of the roles' permissions."""
    custom_attributes: Dict[str, Any]
    """Filled by the directory's attribute mappings."""
    updated_at: datetime
    user_detail: Dict[str, Any]
    """The stored SCIM resource, with its id (the raw attributes the IdP sent)."""
    sample: Optional[Literal[True]] = None
    """Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data."""


@dataclass
class UserUpdatedEventDataGroup:
    id: str
    display_name: str


@dataclass
class UserUpdatedEventDataRole:
    role_name: str


@dataclass
class UserUpdatedEventData:
    id: str
    email: Optional[str]
    """The primary email, unless an attribute mapping sets it."""
    preferred_username: str
    """The SCIM userName, unless an attribute mapping sets it."""
    given_name: Optional[str]
    family_name: Optional[str]
    name: Optional[str]
    active: bool
    emails: List[str]
    groups: List[UserUpdatedEventDataGroup]
    """The groups the user is a direct member of."""
    roles: List[UserUpdatedEventDataRole]
    """From the user's groups, nested groups included; else the default role."""
    permissions: List[str]
    """The union of the roles' permissions."""
    custom_attributes: Dict[str, Any]
    """Filled by the directory's attribute mappings."""
    updated_at: datetime
    user_detail: Dict[str, Any]
    """The stored SCIM resource, with its id (the raw attributes the IdP sent)."""
    sample: Optional[Literal[True]] = None
    """Present (true) only on sample data: made by "Send sample data" in the dashboard or portal, removable with DELETE .../sample_data."""
    previous_attributes: Optional[Dict[str, Any]] = None
    """The previous values of what changed, by field (null for a field that did not exist); user_detail and group_detail hold only the changed SCIM attributes."""


@dataclass
class UserUpdatedEvent:
    """A user changed. A user's attributes changed (a SCIM PUT or PATCH), or its groups did (a membership change of a group), or its roles did (a group's role mapping changed). previous_attributes holds the previous values of what changed; it is left out when only derived roles changed."""

    spec_version: Literal["1"]
    id: str
    """evt_...; also the webhook-id header (receivers dedupe on it)."""
    type: Literal["organization.directory.user_updated"]
    occurred_at: datetime
    """When the change committed."""
    environment_id: str
    organization_id: Optional[str]
    directory_id: Optional[str]
    object: Literal["DirectoryUser"]
    data: UserUpdatedEventData


@dataclass
class Webhook:
    """An endpoint that receives events, signed per Standard Webhooks."""

    id: str
    url: str
    description: str
    enabled: bool
    disabled_reason: Optional[Literal["manual", "failing"]]
    """"failing": Roster disabled it after it failed without a success for ROSTER_WEBHOOK_DISABLE_AFTER_SECONDS and a delivery died."""
    event_types: List[str]
    """The event types it receives; empty: all."""
    organization_id: Optional[str]
    """Only this organization's events; null: all."""
    failing_since: Optional[datetime]
    """The first failed attempt since the last success."""
    last_success_time: Optional[datetime]
    last_failure_time: Optional[datetime]
    create_time: datetime
    update_time: datetime


@dataclass
class WebhookDelivery:
    webhook_id: str
    event_id: str
    status: Literal["pending", "succeeded", "dead"]
    """dead: its retries (about three days) ran out."""
    attempts: int
    next_attempt_time: Optional[datetime]
    """While pending: when it is tried next (or when an attempt in flight times out)."""
    last_attempt_time: Optional[datetime]
    last_status_code: Optional[int]
    last_error: Optional[str]
    create_time: datetime
    complete_time: Optional[datetime]


@dataclass
class WebhookDeliveryAttempt:
    attempt: int
    attempt_time: datetime
    status_code: Optional[int]
    """null: no response (refused, timed out, connection failed)."""
    latency_ms: int
    error: Optional[str]
    response_excerpt: Optional[str]
    """The first 1,000 characters of the response body."""


@dataclass
class WebhookDeliveryResponse:
    delivery: WebhookDelivery
    attempt_log: List[WebhookDeliveryAttempt]
    """Every attempt, oldest first."""


@dataclass
class WebhookResponse:
    webhook: Webhook
