# Generated from Roster's OpenAPI document by `python scripts/generate_models.py`. Do not edit:
# tests/test_openapi_models.py fails when this file no longer matches what the server serves.
"""The management API's objects, as dataclasses with the JSON's own (snake_case) field names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Literal, Optional

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
    "DirectoryEventSettings",
    "DirectoryEventSettingsResponse",
    "DirectoryGroup",
    "DirectoryGroupMember",
    "DirectoryGroupResponse",
    "DirectoryResponse",
    "DirectorySecret",
    "DirectorySecretResponse",
    "DirectoryStats",
    "DirectoryUser",
    "DirectoryUserGroup",
    "DirectoryUserResponse",
    "DirectoryUserRole",
    "Event",
    "EventResponse",
    "ListApiClientsResponse",
    "ListDirectoriesResponse",
    "ListDirectoryGroupMembersResponse",
    "ListDirectoryGroupsResponse",
    "ListDirectoryUsersResponse",
    "ListEventsResponse",
    "ListOrganizationsResponse",
    "ListPortalLinksResponse",
    "ListRolesResponse",
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
    "ReplayWebhookResponse",
    "Role",
    "RoleAssignment",
    "RoleAssignments",
    "RoleResponse",
    "RotateWebhookSecretResponse",
    "ToggleDirectoryResponse",
    "UpdateAttributeMappingsResponse",
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
    """One SCIM connection of an organization's directory provider."""

    id: str
    name: str
    directory_type: Literal["SCIM"]
    directory_provider: Literal["OKTA", "AZURE_AD", "GOOGLE", "ONELOGIN", "JUMPCLOUD", "PING_IDENTITY", "AUTHENTIK", "OTHER"]
    organization_id: str
    enabled: bool
    status: Literal["ACTIVE", "PENDING", "NOT_CONFIGURED", "DISABLED"]
    """DISABLED; ACTIVE once the IdP has called; PENDING with a secret; else NOT_CONFIGURED."""
    last_synced_at: Optional[datetime]
    """When the IdP last called the SCIM endpoint."""
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
class DirectorySecretResponse:
    secret: DirectorySecret


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
    """One of organization.directory.user_created, organization.directory.user_updated, organization.directory.user_deleted, organization.directory.group_created, organization.directory.group_updated, organization.directory.group_deleted, organization.directory.created, organization.directory.deleted, organization.directory_enabled, organization.directory_disabled, organization.directory.secret_created, organization.directory.secret_revoked."""
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
class ToggleDirectoryResponse:
    enabled: bool
    error_message: Optional[str] = None
    """Why provisioning still cannot run, when it cannot."""


@dataclass
class UpdateAttributeMappingsResponse:
    attribute_mappings: AttributeMappings


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
