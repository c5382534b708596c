import { data, defined, noContent, timestamp, type RosterApi } from '../api.js';
import { eachItem, type PageOptions } from '../pagination.js';
import type { operations } from '../generated/openapi.js';
import type { Organization, PortalLink } from '../types.js';

/** `{ features: [{ name: 'scim' | 'dir_sync', enabled }] }`. */
export type OrganizationSettings = operations['updateOrganizationSettings']['requestBody']['content']['application/json'];

const ORGANIZATION = '/api/v1/organizations/{organization_id}';

/** `roster.organization`: method names and arguments as in Scalekit's Node SDK. */
export class OrganizationClient {
  constructor(private readonly api: RosterApi) {}

  createOrganization(name: string, options: { externalId?: string } = {}) {
    return data(this.api.POST('/api/v1/organizations', { body: defined({ display_name: name, external_id: options.externalId }) }));
  }

  getOrganization(organizationId: string) {
    return data(this.api.GET(ORGANIZATION, { params: { path: { organization_id: organizationId } } }));
  }

  getOrganizationByExternalId(externalId: string) {
    return data(this.api.GET('/api/v1/organizations:external/{external_id}', { params: { path: { external_id: externalId } } }));
  }

  /** Fields left out keep their value; `externalId: null` clears it. */
  updateOrganization(organizationId: string, update: { displayName?: string; externalId?: string | null }) {
    return data(
      this.api.PATCH(ORGANIZATION, {
        params: { path: { organization_id: organizationId } },
        body: defined({ display_name: update.displayName, external_id: update.externalId }),
      }),
    );
  }

  /** Deletes the organization with its directories, their users and groups, and its portal links. */
  deleteOrganization(organizationId: string): Promise<void> {
    return noContent(this.api.DELETE(ORGANIZATION, { params: { path: { organization_id: organizationId } } }));
  }

  listOrganizations(options: PageOptions = {}) {
    return data(this.api.GET('/api/v1/organizations', { params: { query: defined({ page_size: options.pageSize, page_token: options.pageToken }) } }));
  }

  /** Scalekit's spelling of listOrganizations. */
  listOrganization(options: PageOptions = {}) {
    return this.listOrganizations(options);
  }

  /** Every organization, page after page: `for await (const organization of roster.organization.iterateOrganizations())`. */
  iterateOrganizations(options: { pageSize?: number } = {}): AsyncGenerator<Organization, void, undefined> {
    return eachItem((pageToken) => this.listOrganizations({ ...options, ...defined({ pageToken }) }), (page) => page.organizations);
  }

  /** Features named are set; others keep their state. Turning `scim` off makes the organization's directories answer 403 to the IdP. */
  updateOrganizationSettings(organizationId: string, settings: OrganizationSettings) {
    return data(
      this.api.PATCH(`${ORGANIZATION}/settings`, {
        params: { path: { organization_id: organizationId } },
        body: { features: settings.features.map((feature) => ({ name: feature.name, enabled: feature.enabled })) },
      }),
    );
  }

  /** A link that opens the admin portal for the organization (24 hours unless `expireTime`, at most 7 days). Its location is shown only now. */
  async generatePortalLink(organizationId: string, options: { expireTime?: string | Date } = {}): Promise<PortalLink> {
    const { link } = await data(
      this.api.PUT(`${ORGANIZATION}/portal_links`, {
        params: { path: { organization_id: organizationId } },
        body: defined({ expire_time: timestamp(options.expireTime) }),
      }),
    );
    return link;
  }

  /** The organization's portal links that still work (without their locations). */
  listPortalLinks(organizationId: string, options: PageOptions = {}) {
    return data(
      this.api.GET(`${ORGANIZATION}/portal_links`, {
        params: { path: { organization_id: organizationId }, query: defined({ page_size: options.pageSize, page_token: options.pageToken }) },
      }),
    );
  }

  revokePortalLink(organizationId: string, linkId: string): Promise<void> {
    return noContent(this.api.DELETE(`${ORGANIZATION}/portal_links/{link_id}`, { params: { path: { organization_id: organizationId, link_id: linkId } } }));
  }
}
