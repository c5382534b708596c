import { jsonEqual } from '../../json-equal.js';
import type { GroupRow } from '../../store/groups.js';

// What an event's `data` holds: the user or group as the management API shows it, with the
// raw SCIM attributes (`user_detail` / `group_detail`), as of the change: a group's from the
// row its write returns, a user's composed from change records (change-expansion.ts).

/**
 * The management API's group view without `total_users`: counting a 100k-member group's
 * members in every membership PATCH is the cost that grows with the group (docs/performance.md).
 */
export interface GroupEventData {
  id: string;
  display_name: string;
  updated_at: string;
  /** Present on sample data only ("Send sample data"). */
  sample?: true;
  group_detail: Record<string, unknown>;
}

export function groupEventData(row: GroupRow): GroupEventData {
  const data: GroupEventData = { id: row.id, display_name: row.display_name, updated_at: row.updated_at.toISOString(), group_detail: { id: row.id, ...row.resource } };
  if (row.sample) data.sample = true;
  return data;
}

export interface GroupRef {
  id: string;
  display_name: string;
}

const NOT_COMPARED = new Set(['updated_at']);
const DETAILS = new Set(['user_detail', 'group_detail']);

/**
 * What changed, as the previous values of the fields that differ (null for a field that did
 * not exist). The raw SCIM resource is compared attribute by attribute, so a changed title
 * reports `{user_detail: {title: "old"}}`, not the whole previous resource.
 */
export function previousAttributes(before: object, after: object): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (NOT_COMPARED.has(key) || jsonEqual(old[key], now[key])) continue;
    if (DETAILS.has(key)) {
      const detailBefore = (old[key] ?? {}) as Record<string, unknown>;
      const detailAfter = (now[key] ?? {}) as Record<string, unknown>;
      const changed: Record<string, unknown> = {};
      for (const name of new Set([...Object.keys(detailBefore), ...Object.keys(detailAfter)])) {
        if (!jsonEqual(detailBefore[name], detailAfter[name])) changed[name] = detailBefore[name] ?? null;
      }
      previous[key] = changed;
    } else {
      previous[key] = old[key] ?? null;
    }
  }
  return previous;
}
