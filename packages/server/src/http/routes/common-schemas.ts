import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../directory/views/page-token.js';

// Parameter schemas the management routes share.

const id = (description: string) => z.string().min(1).max(200).describe(description);

export const organizationParams = z.object({ organization_id: id('An organization id (org_...).') });
export const directoryParams = organizationParams.extend({ directory_id: id('A directory id (dir_...) of the organization.') });

export const pageQuery = {
  page_size: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .optional()
    .describe(`Items per page, 1 to ${MAX_PAGE_SIZE} (default 50).`),
  page_token: z.string().max(2000).optional().describe('next_page_token or prev_page_token of a previous page of the same list.'),
};

export const pageRequest = (query: { page_size?: number | undefined; page_token?: string | undefined }) => ({
  pageSize: query.page_size,
  pageToken: query.page_token,
});

export const updatedAfter = z.iso
  .datetime({ offset: true, error: 'must be an RFC 3339 date-time, e.g. 2024-05-01T00:00:00Z' })
  .transform((value) => new Date(value))
  .refine((date) => date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999, 'must be between 1970 and 9999')
  .optional()
  .describe('Only items changed after this time (RFC 3339).');
