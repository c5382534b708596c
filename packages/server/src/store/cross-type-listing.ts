import type { FilterNode } from '../scim/filter/filter-node.js';
import type { ResolvedPath, ResourceType } from '../scim/schema/resource-types.js';
import type { Queryable } from './database.js';
import { filterToSql } from './filter-to-sql.js';
import { tableOf, type ResourceRow } from './resources.js';
import { sortExpression } from './sort-column.js';
import { SqlParams } from './sql-params.js';

// A sorted page across resource types, for a search at the SCIM root (RFC 7644 section 3.4.3):
// one query over every type, so the database orders them together exactly as it orders one.

export interface TypePart {
  resourceType: ResourceType;
  filter?: FilterNode | undefined;
  /** The sortBy attribute as this type resolves it; absent when the type has no such attribute (its rows sort last). */
  sortPath?: ResolvedPath | undefined;
}

export interface CrossTypeRow<Row extends ResourceRow = ResourceRow> {
  resourceType: ResourceType;
  row: Row;
}

/** Rows `offset` to `offset + limit` of every part's matches, ordered by the sort key (nulls last), then type, then id. */
export async function listAcrossTypes(db: Queryable, directoryId: string, parts: TypePart[], descending: boolean, offset: number, limit: number): Promise<CrossTypeRow[]> {
  if (parts.length === 0 || limit === 0) return [];
  const params = new SqlParams([directoryId]);
  const branches = parts.map((part, rank) => {
    const key = part.sortPath ? sortExpression(part.resourceType, part.sortPath) : 'NULL';
    const where = part.filter ? ` AND (${filterToSql(part.resourceType, part.filter, params, 'r')})` : '';
    return `SELECT ${rank} AS rank, r.id, ${key} AS sort_key FROM ${tableOf(part.resourceType)} r WHERE r.directory_id = $1${where}`;
  });
  const direction = descending ? 'DESC' : 'ASC';
  const page = await db.query<{ rank: number; id: string }>(
    `SELECT rank, id FROM (${branches.join(' UNION ALL ')}) AS matches ORDER BY sort_key ${direction} NULLS LAST, rank, id LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
    params.values,
  );

  const rowsById = new Map<string, ResourceRow>();
  for (const [rank, part] of parts.entries()) {
    const ids = page.rows.filter((hit) => hit.rank === rank).map((hit) => hit.id);
    if (ids.length === 0) continue;
    const found = await db.query<ResourceRow>(`SELECT r.* FROM ${tableOf(part.resourceType)} r WHERE r.directory_id = $1 AND r.id = ANY($2::text[])`, [directoryId, ids]);
    for (const row of found.rows) rowsById.set(`${rank}\u0000${row.id}`, row);
  }
  // A row deleted between the two reads is left out rather than rendered half.
  return page.rows.flatMap((hit) => {
    const row = rowsById.get(`${hit.rank}\u0000${hit.id}`);
    const part = parts[hit.rank];
    return row && part ? [{ resourceType: part.resourceType, row }] : [];
  });
}
