import { z } from 'zod';
import type { PortalLinkRow } from '../../store/portal-links.js';
import { iso, pageFields, timestamp } from './common.js';

export const portalLinkSchema = z
  .strictObject({
    id: z.string(),
    location: z.string().describe('The URL to open the admin portal; it holds a secret token and is shown only now.'),
    expire_time: timestamp,
  })
  .meta({ id: 'PortalLink', description: "A link that opens the admin portal for one organization's IT admin." });

export const portalLinkSummarySchema = z
  .strictObject({ id: z.string(), create_time: timestamp, expire_time: timestamp })
  .meta({ id: 'PortalLinkSummary', description: 'A portal link that still works (its location is not kept).' });

export function serializePortalLinkSummary(link: PortalLinkRow): z.infer<typeof portalLinkSummarySchema> {
  return { id: link.id, create_time: iso(link.created_at), expire_time: iso(link.expires_at) };
}

export const portalLinkResponse = z.strictObject({ link: portalLinkSchema }).meta({ id: 'PortalLinkResponse' });
export const portalLinkListResponse = z.strictObject({ links: z.array(portalLinkSummarySchema), ...pageFields }).meta({ id: 'ListPortalLinksResponse' });
