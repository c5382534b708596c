import { z } from 'zod';
import type { ApiClientRow } from '../../store/api-clients.js';
import { iso, isoOrNull, pageFields, timestamp } from './common.js';

export const apiClientSchema = z
  .strictObject({
    id: z.string().describe('The client_id for POST /oauth/token.'),
    name: z.string(),
    create_time: timestamp,
    revoke_time: timestamp.nullable(),
  })
  .meta({ id: 'ApiClient', description: "Credentials of the app's backend for the management API." });

export function serializeApiClient(client: ApiClientRow): z.infer<typeof apiClientSchema> {
  return { id: client.id, name: client.name, create_time: iso(client.created_at), revoke_time: isoOrNull(client.revoked_at) };
}

export const apiClientResponse = z.strictObject({ client: apiClientSchema }).meta({ id: 'ApiClientResponse' });
export const createdApiClientResponse = z
  .strictObject({ client: apiClientSchema, plain_secret: z.string().describe('The client_secret, shown this once.') })
  .meta({ id: 'CreateApiClientResponse' });
export const apiClientListResponse = z.strictObject({ clients: z.array(apiClientSchema), ...pageFields }).meta({ id: 'ListApiClientsResponse' });
