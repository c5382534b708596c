import { parseFilter } from '../../scim/filter/parse-filter.js';
import type { FilterNode } from '../../scim/filter/filter-node.js';
import type { ListParams } from '../../scim/list-params.js';
import { badRequest } from '../../scim/scim-error.js';
import { resolvePath, type ResolvedPath, type ResourceType } from '../../scim/schema/resource-types.js';
import { countAll, countResources, listResources, type ListQuery, type ResourceRow } from '../../store/resources.js';
import type { ScimContext } from './scim-context.js';

export interface Page<Row> {
  rows: Row[];
  totalResults: number;
  startIndex: number;
  nextCursor?: string;
}

// A cursor is the last id of the previous page; opaque to clients (RFC 9865).
const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9a-z]+$/.test(id)) throw badRequest('invalidCursor', `cursor ${JSON.stringify(cursor)} is not one this server issued`);
  return id;
}

function parseQuery(resourceType: ResourceType, params: ListParams): { filter?: FilterNode; sort?: { path: ResolvedPath; descending: boolean } } {
  const query: { filter?: FilterNode; sort?: { path: ResolvedPath; descending: boolean } } = {};
  if (params.filter !== undefined) {
    const parsed = parseFilter(resourceType, params.filter);
    if (!parsed.ok) throw parsed.error;
    query.filter = parsed.value;
  }
  if (params.sortBy !== undefined) {
    const path = resolvePath(resourceType, params.sortBy);
    if (!path) throw badRequest('invalidValue', `sortBy names an attribute ${resourceType.name} does not have: ${params.sortBy}`);
    query.sort = { path, descending: params.sortOrder === 'descending' };
  }
  return query;
}

/**
 * One page of a directory's users or groups. Cost stays flat with depth: cursors and known
 * startIndex positions continue from a key; totals come from sharded counters when unfiltered
 * and are skipped when the first page already holds everything.
 */
export async function listPage<Row extends ResourceRow>(context: ScimContext, resourceType: ResourceType, params: ListParams): Promise<Page<Row>> {
  const db = context.services.db.pool;
  const { filter, sort } = parseQuery(resourceType, params);
  const total = async (rows: (Row & { total_count?: number })[] = []): Promise<number> => {
    if (filter) return countResources(db, resourceType, context.directoryId, filter);
    // Unfiltered pages read the directory's counters in their own statement.
    return rows[0]?.total_count ?? countAll(db, context.directoryId, resourceType.name === 'User' ? 'users' : 'groups');
  };
  const withCount = filter === undefined;

  if (params.count === 0) return { rows: [], totalResults: await total(), startIndex: params.startIndex };

  if (params.cursor !== undefined) {
    if (sort) throw badRequest('invalidValue', 'cursor paging follows the default order; it cannot be combined with sortBy');
    const afterId = params.cursor === '' ? undefined : decodeCursor(params.cursor);
    const rows = await listResources<Row>(db, resourceType, context.directoryId, { filter, limit: params.count + 1, afterId, withCount });
    const page = rows.slice(0, params.count);
    const last = page.at(-1);
    const result: Page<Row> = { rows: page, totalResults: await total(rows), startIndex: 1 };
    if (rows.length > params.count && last) result.nextCursor = encodeCursor(last.id);
    return result;
  }

  const query: ListQuery = { filter, sort, limit: params.count, withCount };
  const positionKey = `${resourceType.name}\u0000${params.filter ?? ''}`;
  const knownAfter = sort || params.startIndex === 1 ? undefined : context.services.pagePositions.find(context.directoryId, positionKey, params.startIndex);
  if (knownAfter !== undefined) query.afterId = knownAfter;
  else if (params.startIndex > 1) query.offset = params.startIndex - 1;

  const rows = await listResources<Row>(db, resourceType, context.directoryId, query);
  const last = rows.at(-1);
  if (!sort && last && rows.length === params.count) {
    context.services.pagePositions.remember(context.directoryId, positionKey, params.startIndex + rows.length, last.id);
  }
  // A first page that is not full holds every match: no count needed.
  const totalResults = params.startIndex === 1 && rows.length < params.count ? rows.length : await total(rows);
  return { rows, totalResults, startIndex: params.startIndex };
}
