import type { FastifyInstance } from 'fastify';
import { runBulk } from '../../directory/scim/scim-bulk.js';
import { scimContextOf, sendScim } from './scim-request.js';

export function bulkRoutes(app: FastifyInstance): void {
  app.post('/Bulk', async (request, reply) => sendScim(request, reply, 200, await runBulk(scimContextOf(request), request.body)));
}
