import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEFAULT_GRACE_SECONDS, MAX_GRACE_SECONDS, createDirectorySecret, regenerateDirectorySecret, revokeSecret } from '../../directory/management/directory-secrets.js';
import type { Services } from '../../directory/services.js';
import { defineRoute } from '../openapi-route.js';
import { createdSecretResponse, regeneratedSecretResponse, secretResponse, serializeSecret } from '../serializers/directory.js';
import { EXAMPLE_TIME, examplePlainSecret, exampleSecret } from '../serializers/examples.js';
import { directoryParams } from './common-schemas.js';

const createBody = z
  .object({
    expire_time: z.iso
      .datetime({ offset: true, error: 'must be an RFC 3339 date-time' })
      .optional()
      .describe('When the secret stops working; never by default.'),
  })
  .optional();

const regenerateBody = z
  .object({
    grace_period_seconds: z
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, 'must not be negative')
      .max(MAX_GRACE_SECONDS, `must be at most ${MAX_GRACE_SECONDS} (7 days)`)
      .optional()
      .describe(`How long the replaced secrets keep working (default ${DEFAULT_GRACE_SECONDS}, 24 hours).`),
  })
  .optional();

const base = '/api/v1/organizations/{organization_id}/directories/{directory_id}/secrets';
const TAG = 'Directory secrets';

export function directorySecretRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'POST',
      path: base,
      operationId: 'createDirectorySecret',
      tag: TAG,
      summary: 'Create a bearer token for the SCIM endpoint',
      description:
        'A new bearer token for the IdP (256 random bits). plain_secret is in this response only: paste it into the IdP with the ' +
        "directory's endpoint; Roster keeps only its SHA-256. Writes an organization.directory.secret_created event.",
      examples: {
        request: { expire_time: '2027-03-01T00:00:00Z' },
        response: { plain_secret: examplePlainSecret, secret: { ...exampleSecret, expire_time: '2027-03-01T00:00:00.000Z', last_used_time: null } },
      },
      params: directoryParams,
      body: createBody,
      status: 201,
      response: createdSecretResponse,
      errors: [404],
    },
    async ({ params, body }, _request, reply) => {
      const expiresAt = body?.expire_time ? new Date(body.expire_time) : null;
      const created = await createDirectorySecret(services, params.organization_id, params.directory_id, expiresAt);
      reply.header('cache-control', 'no-store');
      return { plain_secret: created.plainSecret, secret: serializeSecret(created.secret) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      path: `${base}:regenerate`,
      operationId: 'regenerateDirectorySecret',
      tag: TAG,
      summary: 'Rotate the SCIM bearer token',
      description:
        'Creates a new secret and sets every active secret of the directory to expire after the grace period (24 hours unless ' +
        'grace_period_seconds says otherwise), so the IdP keeps working while the new secret is put in place. plain_secret is shown only here.',
      examples: {
        request: { grace_period_seconds: 3600 },
        response: {
          plain_secret: examplePlainSecret,
          secret: { ...exampleSecret, id: 'dirsec_01m8zrq2w700m3b6d9xh4k', last_used_time: null, create_time: EXAMPLE_TIME },
          expiring_secrets: [{ ...exampleSecret, expire_time: '2026-03-02T10:14:07.512Z' }],
        },
      },
      params: directoryParams,
      body: regenerateBody,
      status: 200,
      response: regeneratedSecretResponse,
      errors: [404],
    },
    async ({ params, body }, _request, reply) => {
      const created = await regenerateDirectorySecret(services, params.organization_id, params.directory_id, body?.grace_period_seconds);
      reply.header('cache-control', 'no-store');
      return { plain_secret: created.plainSecret, secret: serializeSecret(created.secret), expiring_secrets: created.expiring.map(serializeSecret) };
    },
  );

  defineRoute(
    app,
    {
      method: 'POST',
      path: `${base}/{secret_id}:revoke`,
      operationId: 'revokeDirectorySecret',
      tag: TAG,
      summary: 'Revoke a SCIM bearer token at once',
      description: 'The secret stops working immediately (an IdP still sending it is answered 401). Writes an organization.directory.secret_revoked event.',
      examples: { response: { secret: { ...exampleSecret, status: 'REVOKED' } } },
      params: directoryParams.extend({ secret_id: z.string().min(1).max(200) }),
      status: 200,
      response: secretResponse,
      errors: [404],
    },
    async ({ params }) => ({ secret: serializeSecret(await revokeSecret(services, params.organization_id, params.directory_id, params.secret_id)) }),
  );
}
