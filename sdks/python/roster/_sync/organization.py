# Generated from roster/_async/organization.py by `python scripts/unasync.py`. Do not edit:
# tests/test_generated_code.py fails when this file is not what the script makes.
from __future__ import annotations

from typing import Any, Iterator, Mapping, Optional, Sequence, Union

from .._http import UNSET, Timestamp, Unset, compact, request_items
from ..models import (
    ListOrganizationsResponse,
    ListPortalLinksResponse,
    Organization,
    OrganizationResponse,
    OrganizationSettingsFeature,
    PortalLink,
    PortalLinkResponse,
)
from .pagination import each_item
from .transport import Transport

ORGANIZATION = "/api/v1/organizations/{organization_id}"

#: `{"name": "scim" | "dir_sync", "enabled": bool}` or an OrganizationSettingsFeature.
Feature = Union[Mapping[str, Any], OrganizationSettingsFeature]


class OrganizationClient:
    """`roster.organization`: method names and arguments as in Scalekit's Python SDK."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def create_organization(self, display_name: str, *, external_id: Optional[str] = None) -> OrganizationResponse:
        """`external_id` is the app's own id for the customer; unique (a ConflictError otherwise)."""
        body = compact({"display_name": display_name, "external_id": external_id})
        return self._transport.call(OrganizationResponse, "POST", "/api/v1/organizations", body=body)

    def get_organization(self, organization_id: str) -> OrganizationResponse:
        return self._transport.call(OrganizationResponse, "GET", ORGANIZATION, path={"organization_id": organization_id})

    def get_organization_by_external_id(self, external_id: str) -> OrganizationResponse:
        return self._transport.call(
            OrganizationResponse, "GET", "/api/v1/organizations:external/{external_id}", path={"external_id": external_id}
        )

    def update_organization(
        self, organization_id: str, *, display_name: Optional[str] = None, external_id: Union[str, None, Unset] = UNSET
    ) -> OrganizationResponse:
        """Arguments left out keep their value; `external_id=None` clears it."""
        body = compact({"display_name": display_name, "external_id": external_id}, nullable=["external_id"])
        return self._transport.call(OrganizationResponse, "PATCH", ORGANIZATION, path={"organization_id": organization_id}, body=body)

    def delete_organization(self, organization_id: str) -> None:
        """Deletes the organization with its directories, their users and groups, and its portal links."""
        self._transport.call(None, "DELETE", ORGANIZATION, path={"organization_id": organization_id})

    def list_organizations(self, *, page_size: Optional[int] = None, page_token: Optional[str] = None) -> ListOrganizationsResponse:
        """One page (`page_size` 1 to 100); pass `next_page_token` as `page_token` for the next."""
        query = {"page_size": page_size, "page_token": page_token}
        return self._transport.call(ListOrganizationsResponse, "GET", "/api/v1/organizations", query=query)

    def list_organization(self, *, page_size: Optional[int] = None, page_token: Optional[str] = None) -> ListOrganizationsResponse:
        """Scalekit's spelling of list_organizations."""
        return self.list_organizations(page_size=page_size, page_token=page_token)

    def iterate_organizations(self, *, page_size: Optional[int] = None) -> Iterator[Organization]:
        """Every organization, page after page."""
        return each_item(lambda token: self.list_organizations(page_size=page_size, page_token=token), lambda page: page.organizations)

    def update_organization_settings(self, organization_id: str, settings: Sequence[Feature]) -> OrganizationResponse:
        """Sets the features named (`[{"name": "scim", "enabled": True}]`); others keep their state.
        Turning `scim` off makes the organization's directories answer 403 to the IdP.
        """
        body = {"features": request_items(settings, "name", "enabled")}
        return self._transport.call(
            OrganizationResponse, "PATCH", ORGANIZATION + "/settings", path={"organization_id": organization_id}, body=body
        )

    def generate_portal_link(self, organization_id: str, *, expire_time: Optional[Timestamp] = None) -> PortalLink:
        """A link that opens the admin portal for the organization (24 hours unless `expire_time`,
        at most 7 days). Its `location` is shown only now.
        """
        answer: PortalLinkResponse = self._transport.call(
            PortalLinkResponse,
            "PUT",
            ORGANIZATION + "/portal_links",
            path={"organization_id": organization_id},
            body=compact({"expire_time": expire_time}),
        )
        return answer.link

    def list_portal_links(
        self, organization_id: str, *, page_size: Optional[int] = None, page_token: Optional[str] = None
    ) -> ListPortalLinksResponse:
        """The organization's portal links that still work (without their locations)."""
        return self._transport.call(
            ListPortalLinksResponse,
            "GET",
            ORGANIZATION + "/portal_links",
            path={"organization_id": organization_id},
            query={"page_size": page_size, "page_token": page_token},
        )

    def revoke_portal_link(self, organization_id: str, link_id: str) -> None:
        self._transport.call(
            None, "DELETE", ORGANIZATION + "/portal_links/{link_id}", path={"organization_id": organization_id, "link_id": link_id}
        )

