import { parseFilter } from '../../scim/filter/parse-filter.js';
import type { ListParams } from '../../scim/list-params.js';
import { badRequest, type ScimError } from '../../scim/scim-error.js';
import { GROUP_RESOURCE, RESOURCE_TYPES, USER_RESOURCE, resolvePath, type ResourceType } from '../../scim/schema/resource-types.js';
import { listAcrossTypes, type TypePart } from '../../store/cross-type-listing.js';
import type { GroupRow } from '../../store/groups.js';
import type { UserRow } from '../../store/users.js';
import type { ScimContext } from './scim-context.js';
import { listGroups, renderListedGroups } from './scim-groups.js';
import { listUsers, renderUsers } from './scim-users.js';

// A query at the service provider's root (RFC 7644 section 3.4.3: "POST /.search" searches every
// resource type). Users come before groups (the order of /ResourceTypes), each in its endpoint's
// default order, unless sortBy orders them all together. A filter or sortBy attribute is read
// against each type's schema: a type that does not define an attribute the filter names has no
// match, and sorts last when it lacks the sortBy attribute.

export interface SearchHit {
  resourceType: ResourceType;
  resource: Record<string, unknown>;
}

export interface SearchPage {
  hits: SearchHit[];
  totalResults: number;
  startIndex: number;
}

/** The types the filter can be read against, each with its parsed filter. */
function typesForFilter(params: ListParams): TypePart[] {
  if (params.filter === undefined) return RESOURCE_TYPES.map((resourceType) => ({ resourceType }));
  const parts: TypePart[] = [];
  let firstError: ScimError | undefined;
  for (const resourceType of RESOURCE_TYPES) {
    const parsed = parseFilter(resourceType, params.filter);
    if (parsed.ok) parts.push({ resourceType, filter: parsed.value });
    else firstError ??= parsed.error;
  }
  // A filter no type can read (bad syntax, or attributes nothing defines) is the client's mistake.
  if (parts.length === 0 && firstError) throw firstError;
  return parts;
}

async function listType(context: ScimContext, resourceType: ResourceType, params: ListParams, withMembers: boolean) {
  if (resourceType === USER_RESOURCE) {
    const page = await listUsers(context, params);
    return { totalResults: page.totalResults, resources: page.users };
  }
  const page = await listGroups(context, params, withMembers);
  return { totalResults: page.totalResults, resources: page.groups };
}

export async function searchAllTypes(context: ScimContext, params: ListParams, withMembers: boolean): Promise<SearchPage> {
  if (params.cursor !== undefined) throw badRequest('invalidValue', 'cursor paging is offered per resource type (/Users, /Groups), not at the root');
  const parts = typesForFilter(params);
  if (params.sortBy !== undefined) return sortedSearch(context, params, parts, withMembers);

  // Default order: each type's own pages (keyset positions and cheap counts included), one after the other.
  const hits: SearchHit[] = [];
  let skip = params.startIndex - 1;
  let remaining = params.count;
  let totalResults = 0;
  for (const { resourceType } of parts) {
    const { totalResults: typeTotal } = await listType(context, resourceType, { ...params, startIndex: 1, count: 0 }, false);
    totalResults += typeTotal;
    if (remaining > 0 && skip < typeTotal) {
      const page = await listType(context, resourceType, { ...params, startIndex: skip + 1, count: remaining }, withMembers);
      hits.push(...page.resources.map((resource) => ({ resourceType, resource })));
      remaining -= page.resources.length;
    }
    skip = Math.max(0, skip - typeTotal);
  }
  return { hits, totalResults, startIndex: params.startIndex };
}

async function sortedSearch(context: ScimContext, params: ListParams, parts: TypePart[], withMembers: boolean): Promise<SearchPage> {
  const sortBy = params.sortBy ?? '';
  const sorted = parts.map((part) => ({ ...part, sortPath: resolvePath(part.resourceType, sortBy) }));
  if (!sorted.some((part) => part.sortPath)) throw badRequest('invalidValue', `sortBy names an attribute no resource type has: ${sortBy}`);

  let totalResults = 0;
  for (const { resourceType } of parts) totalResults += (await listType(context, resourceType, { ...params, sortBy: undefined, startIndex: 1, count: 0 }, false)).totalResults;
  const db = context.services.db.pool;
  const rows = await listAcrossTypes(db, context.directoryId, sorted, params.sortOrder === 'descending', params.startIndex - 1, params.count);

  // Rendered per type (one query each for groups and members), then put back in the page's order.
  const users = await renderUsers(context, db, rows.filter((hit) => hit.resourceType === USER_RESOURCE).map((hit) => hit.row as UserRow));
  const groups = await renderListedGroups(context, db, rows.filter((hit) => hit.resourceType === GROUP_RESOURCE).map((hit) => hit.row as GroupRow), withMembers);
  const rendered = new Map([...users, ...groups].map((resource) => [String(resource.id), resource]));
  const hits = rows.flatMap((hit) => {
    const resource = rendered.get(hit.row.id);
    return resource ? [{ resourceType: hit.resourceType, resource }] : [];
  });
  return { hits, totalResults, startIndex: params.startIndex };
}
