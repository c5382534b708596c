package dev.roster.sdk;

import static dev.roster.sdk.ApiRequest.fields;

import dev.roster.sdk.models.ListOrganizationsResponse;
import dev.roster.sdk.models.ListPortalLinksResponse;
import dev.roster.sdk.models.Organization;
import dev.roster.sdk.models.OrganizationResponse;
import dev.roster.sdk.models.OrganizationSettingsFeature;
import dev.roster.sdk.models.PortalLink;
import dev.roster.sdk.models.PortalLinkResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code client.organizations()}: your customers' organizations, their settings and admin-portal links. */
public final class OrganizationsClient {
    private static final String ORGANIZATION = "/api/v1/organizations/{organization_id}";

    private final Transport transport;

    OrganizationsClient(Transport transport) {
        this.transport = transport;
    }

    public Organization createOrganization(String displayName) {
        return createOrganization(displayName, null);
    }

    /** {@code externalId}: your own id for the customer (unique; null for none). */
    public Organization createOrganization(String displayName, String externalId) {
        Map<String, Object> body = fields("display_name", displayName);
        if (externalId != null) body.put("external_id", externalId);
        return transport.call(ApiRequest.post("/api/v1/organizations").body(body), OrganizationResponse.class).getOrganization();
    }

    public Organization getOrganization(String organizationId) {
        return transport.call(ApiRequest.get(ORGANIZATION, organizationId), OrganizationResponse.class).getOrganization();
    }

    public Organization getOrganizationByExternalId(String externalId) {
        return transport.call(ApiRequest.get("/api/v1/organizations:external/{external_id}", externalId), OrganizationResponse.class).getOrganization();
    }

    /** Fields not set keep their value; {@link OrganizationFields.Builder#clearExternalId()} removes the external id. */
    public Organization updateOrganization(String organizationId, OrganizationFields fields) {
        return transport.call(ApiRequest.patch(ORGANIZATION, organizationId).body(fields.body()), OrganizationResponse.class).getOrganization();
    }

    /** Deletes the organization with its directories, their users and groups, and its portal links. */
    public void deleteOrganization(String organizationId) {
        transport.call(ApiRequest.delete(ORGANIZATION, organizationId), Void.class);
    }

    public ListOrganizationsResponse listOrganizations() {
        return listOrganizations(PageOptions.none());
    }

    public ListOrganizationsResponse listOrganizations(PageOptions page) {
        return transport.call(ApiRequest.get("/api/v1/organizations").query(page.query()), ListOrganizationsResponse.class);
    }

    /** Every organization, page after page. */
    public PagedIterable<Organization> iterateOrganizations() {
        return iterateOrganizations(PageOptions.none());
    }

    public PagedIterable<Organization> iterateOrganizations(PageOptions page) {
        return new PagedIterable<>(page.pageToken(), token -> {
            ListOrganizationsResponse response = transport.call(ApiRequest.get("/api/v1/organizations").query(page.query(token)), ListOrganizationsResponse.class);
            return new PagedIterable.Page<>(response.getOrganizations(), PagedIterable.nextPageToken(response.getNextPageToken()));
        });
    }

    /**
     * Features named are set; others keep their state. Turning {@code scim} off makes the
     * organization's directories answer 403 to the IdP.
     *
     * <pre>{@code
     * OrganizationSettingsFeature featureSCIM = OrganizationSettingsFeature.newBuilder().setName("scim").setEnabled(true).build();
     * Organization updated = client.organizations().updateOrganizationSettings(organizationId, List.of(featureSCIM));
     * }</pre>
     */
    public Organization updateOrganizationSettings(String organizationId, List<OrganizationSettingsFeature> features) {
        List<Map<String, Object>> body = features.stream().map(feature -> fields("name", feature.getName(), "enabled", feature.getEnabled())).toList();
        return transport.call(ApiRequest.patch(ORGANIZATION + "/settings", organizationId).body(fields("features", body)), OrganizationResponse.class).getOrganization();
    }

    /** A link that opens the admin portal for the organization, valid 24 hours. Its location is shown only now. */
    public PortalLink generatePortalLink(String organizationId) {
        return generatePortalLink(organizationId, null);
    }

    /** A portal link valid until {@code expireTime} (at most 7 days ahead; null for 24 hours). */
    public PortalLink generatePortalLink(String organizationId, Instant expireTime) {
        Map<String, Object> body = fields();
        if (expireTime != null) body.put("expire_time", expireTime.toString());
        return transport.call(ApiRequest.put(ORGANIZATION + "/portal_links", organizationId).body(body), PortalLinkResponse.class).getLink();
    }

    /** The organization's portal links that still work (without their locations). */
    public ListPortalLinksResponse listPortalLinks(String organizationId) {
        return listPortalLinks(organizationId, PageOptions.none());
    }

    public ListPortalLinksResponse listPortalLinks(String organizationId, PageOptions page) {
        return transport.call(ApiRequest.get(ORGANIZATION + "/portal_links", organizationId).query(page.query()), ListPortalLinksResponse.class);
    }

    public void revokePortalLink(String organizationId, String linkId) {
        transport.call(ApiRequest.delete(ORGANIZATION + "/portal_links/{link_id}", organizationId, linkId), Void.class);
    }
}
