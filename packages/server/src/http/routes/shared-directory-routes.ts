import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../directory/services.js';
import { countSampleData, removeSampleData } from '../../directory/management/sample-data.js';
import { pushSampleDirectory } from '../../directory/management/sample-push.js';
import { ownBaseUrl } from '../base-url.js';
import { listRequestLog } from '../../directory/request-log/request-log-pages.js';
import { searchDirectoryGroups, searchDirectoryUsers } from '../../directory/views/directory-search.js';
import { fastifyPath } from '../openapi-route.js';
import { idParameter, parseInput } from '../parse-body.js';

// Directory routes the dashboard and the portal share (search, request log, sample data), each
// registered under their own base path and with their own way of naming the organization: the
// dashboard's from the path, the portal's from its session.

const searchQuery = z.object({ q: z.string().trim().min(1, 'must not be empty').max(200) });
const logQuery = z.object({
  failed: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  page_token: z.string().max(500).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(200).default(50),
});

export type OrganizationOf = (request: FastifyRequest) => string;

const directoryId = (request: FastifyRequest): string => idParameter(request, 'directory_id');

/** `base` ends with `{directory_id}`. */
export function sharedDirectoryRoutes(app: FastifyInstance, services: Services, base: string, organizationOf: OrganizationOf): void {
  app.get(fastifyPath(`${base}/users:search`), async (request) => {
    const { q } = parseInput(searchQuery, request.query);
    return { users: await searchDirectoryUsers(services, organizationOf(request), directoryId(request), q) };
  });

  app.get(fastifyPath(`${base}/groups:search`), async (request) => {
    const { q } = parseInput(searchQuery, request.query);
    return { groups: await searchDirectoryGroups(services, organizationOf(request), directoryId(request), q) };
  });

  app.get(fastifyPath(`${base}/request_log`), async (request) => {
    const query = parseInput(logQuery, request.query);
    return listRequestLog(services, organizationOf(request), directoryId(request), { failedOnly: query.failed === 'true', pageToken: query.page_token, limit: query.limit });
  });

  app.post(fastifyPath(`${base}:simulate`), async (request) => ({
    result: await pushSampleDirectory(services, ownBaseUrl(request), organizationOf(request), directoryId(request)),
  }));

  app.get(fastifyPath(`${base}/sample_data`), async (request) => ({
    sample_data: await countSampleData(services, organizationOf(request), directoryId(request)),
  }));

  app.delete(fastifyPath(`${base}/sample_data`), async (request) => ({
    removed: await removeSampleData(services, organizationOf(request), directoryId(request)),
  }));
}
