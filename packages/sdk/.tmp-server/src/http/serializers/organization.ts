import { z } from 'zod';
import type { OrganizationRow } from '../../store/organizations.js';
import { iso, pageFields, timestamp } from './common.js';

export const organizationSchema = z
  .strictObject({
    id: z.string(),
    display_name: z.string(),
    external_id: z.string().nullable().describe("The app's own id for this customer."),
    settings: z.strictObject({
      features: z.array(z.strictObject({ name: z.string().describe('"scim" or "dir_sync": either turns SCIM provisioning on.'), enabled: z.boolean() })),
    }),
    create_time: timestamp,
    update_time: timestamp,
  })
  .meta({ id: 'Organization', description: 'A customer organization of the app.' });

export type OrganizationJson = z.infer<typeof organizationSchema>;

export function serializeOrganization(organization: OrganizationRow): OrganizationJson {
  return {
    id: organization.id,
    display_name: organization.display_name,
    external_id: organization.external_id,
    settings: { features: organization.features.map((feature) => ({ name: feature.name, enabled: feature.enabled })) },
    create_time: iso(organization.created_at),
    update_time: iso(organization.updated_at),
  };
}

export const organizationResponse = z.strictObject({ organization: organizationSchema }).meta({ id: 'OrganizationResponse' });
export const organizationListResponse = z
  .strictObject({ organizations: z.array(organizationSchema), ...pageFields })
  .meta({ id: 'ListOrganizationsResponse' });
