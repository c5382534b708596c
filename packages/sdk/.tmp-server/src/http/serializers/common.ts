import { z } from 'zod';

// Building blocks of the management API's JSON schemas. Each serializer file exports the zod
// schema of what it produces, typed so the compiler holds serializer and schema together; the
// OpenAPI document is generated from these schemas.

/** An RFC 3339 UTC timestamp, as `Date.toISOString` writes it. */
export const timestamp = z.iso.datetime();

export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/** The fields every list response carries besides its items (AIP-158 page tokens, Scalekit's names). */
export const pageFields = {
  next_page_token: z.string().describe('Pass as page_token for the next page; empty on the last page.'),
  prev_page_token: z.string().describe('Pass as page_token for the previous page; empty on the first page.'),
  total_size: z.number().int().min(0).describe('How many items the whole list holds.'),
};

export const apiErrorSchema = z
  .strictObject({
    code: z.string().describe('A stable error code: invalid_argument, unauthenticated, not_found, already_exists, failed_precondition, ...'),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional().describe('`parameter` names the offending request parameter for a 400.'),
  })
  .meta({ id: 'ApiError', description: 'The one error shape of the management API.' });
