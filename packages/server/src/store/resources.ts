import type { FilterNode } from '../scim/filter/filter-node.js';
import type { ResourceType } from '../scim/schema/resource-types.js';
import type { Queryable } from './database.js';
import { filterToSql } from './filter-to-sql.js';
import { isEmailLookup } from './lookup-first.js';
import { sortExpression } from './sort-column.js';
import { SqlParams } from './sql-params.js';
import { prepared } from './prepared.js';
import type { ResolvedPath } from '../scim/schema/resource-types.js';

/** The columns users and groups share; the rest of each row is its own table's business. */
export interface ResourceRow {
  directory_id: string;
  id: string;
  resource: Record<string, unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** Created by "Send sample data" (005_integrity.sql). */
  sample: boolean;
}

export function tableOf(resourceType: ResourceType): 'directory_users' | 'directory_groups' {
  return resourceType.name === 'User' ? 'directory_users' : 'directory_groups';
}

/**
 * What a listed row carries: users come with their direct groups ([{value, display}] by display
 * name), in the same statement, so a page of users is one query.
 */
function selectList(resourceType: ResourceType, count: string | undefined): string {
  const total = count === undefined ? '' : `, (SELECT coalesce(sum(${resourceType.name === 'User' ? 'users' : 'groups'}), 0) FROM directory_counters WHERE directory_id = ${count})::bigint AS total_count`;
  if (resourceType.name !== 'User') return `r.*${total}`;
  return `r.*${total}, coalesce((SELECT jsonb_agg(jsonb_build_object('value', m.group_id, 'display', g.display_name) ORDER BY g.display_name, g.id)
                           FROM group_members m JOIN directory_groups g ON g.directory_id = m.directory_id AND g.id = m.group_id
                          WHERE m.directory_id = r.directory_id AND m.member_id = r.id), '[]') AS groups`;
}

export async function findResource<Row extends ResourceRow>(
  db: Queryable,
  resourceType: ResourceType,
  directoryId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Row | undefined> {
  const lock = options.forUpdate ? ' FOR UPDATE' : '';
  const result = await db.query<Row>(prepared(`SELECT * FROM ${tableOf(resourceType)} WHERE directory_id = $1 AND id = $2${lock}`, [directoryId, id]));
  return result.rows[0];
}

export interface ListQuery {
  filter?: FilterNode | undefined;
  sort?: { path: ResolvedPath; descending: boolean } | undefined;
  limit: number;
  /** Rows to skip (startIndex - 1) when no keyset position is known. */
  offset?: number | undefined;
  /** Keyset position: only rows whose id sorts after this one (default order only). */
  afterId?: string | undefined;
  /** Also read the directory's count of this kind (its counters) in the same statement, as `total_count` on each row. */
  withCount?: boolean | undefined;
}

function whereClause(resourceType: ResourceType, directoryId: string, filter: FilterNode | undefined, params: SqlParams): string {
  const conditions = [`r.directory_id = ${params.add(directoryId)}`];
  if (filter) conditions.push(`(${filterToSql(resourceType, filter, params, 'r')})`);
  return conditions.join(' AND ');
}

export async function listResources<Row extends ResourceRow>(
  db: Queryable,
  resourceType: ResourceType,
  directoryId: string,
  query: ListQuery,
): Promise<Row[]> {
  const params = new SqlParams();
  let where = whereClause(resourceType, directoryId, query.filter, params);
  if (query.afterId !== undefined) where += ` AND r.id > ${params.add(query.afterId)}`;
  const table = tableOf(resourceType);
  const limit = params.add(query.limit);
  const select = selectList(resourceType, query.withCount ? params.add(directoryId) : undefined);
  if (query.sort) {
    const order = `${sortExpression(resourceType, query.sort.path)} ${query.sort.descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST'}, r.id`;
    let sql = `SELECT ${select} FROM ${table} r WHERE ${where} ORDER BY ${order} LIMIT ${limit}`;
    if (query.offset) sql += ` OFFSET ${params.add(query.offset)}`;
    const result = await db.query<Row>(prepared(sql, params.values));
    return result.rows;
  }
  // Default order with a deep offset: find the page's first id with an index-only scan over
  // (directory_id, id), then read just that page's rows, instead of fetching every skipped row.
  const start = query.offset
    ? ` AND r.id >= (SELECT r.id FROM ${table} r WHERE ${where} ORDER BY r.id OFFSET ${params.add(query.offset)} LIMIT 1)`
    : '';
  // OFFSET 0 keeps the planner from pushing the page order into an email lookup (lookup-first.ts).
  const source = query.filter && isEmailLookup(query.filter) ? `(SELECT * FROM ${table} r WHERE ${where} OFFSET 0)` : table;
  const sql = `SELECT ${select} FROM ${source} r WHERE ${where}${start} ORDER BY r.id LIMIT ${limit}`;
  const result = await db.query<Row>(prepared(sql, params.values));
  return result.rows;
}

export async function countResources(db: Queryable, resourceType: ResourceType, directoryId: string, filter: FilterNode): Promise<number> {
  const params = new SqlParams();
  const where = whereClause(resourceType, directoryId, filter, params);
  const result = await db.query<{ count: number }>(`SELECT count(*)::bigint AS count FROM ${tableOf(resourceType)} r WHERE ${where}`, params.values);
  return result.rows[0]?.count ?? 0;
}

export type CounterKind = 'users' | 'groups';

const COUNTER_SHARDS = 16;

/** A counter shard picked at random, so concurrent writers to one directory seldom meet on the same row (docs/performance.md, "a hot row"). */
export function counterShard(): number {
  return Math.floor(Math.random() * COUNTER_SHARDS);
}

export async function countAll(db: Queryable, directoryId: string, kind: CounterKind): Promise<number> {
  const result = await db.query<{ total: number }>(
    `SELECT coalesce(sum(${kind}), 0)::bigint AS total FROM directory_counters WHERE directory_id = $1`,
    [directoryId],
  );
  return result.rows[0]?.total ?? 0;
}

/** The ids of a directory's sample users and groups ("Send sample data"), by the partial indexes of 005_integrity.sql. */
export async function listSampleIds(db: Queryable, directoryId: string): Promise<{ users: string[]; groups: string[] }> {
  const result = await db.query<{ kind: 'user' | 'group'; id: string }>(
    `SELECT 'user' AS kind, id FROM directory_users WHERE directory_id = $1 AND sample
     UNION ALL
     SELECT 'group', id FROM directory_groups WHERE directory_id = $1 AND sample
     ORDER BY kind, id`,
    [directoryId],
  );
  return {
    users: result.rows.filter((row) => row.kind === 'user').map((row) => row.id),
    groups: result.rows.filter((row) => row.kind === 'group').map((row) => row.id),
  };
}
