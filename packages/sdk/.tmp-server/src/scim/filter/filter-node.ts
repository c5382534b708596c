import type { ResolvedPath } from '../schema/resource-types.js';

/** The attribute operators of RFC 7644 section 3.4.2.2 (`pr` is its own node). */
export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

export type CompareValue = string | number | boolean | null;

/**
 * A parsed SCIM filter. It knows nothing of storage: `store/filter-to-sql.ts` translates it.
 *
 * Paths are resolved against the resource type, in canonical case. Values are already typed
 * by the attribute's definition: booleans are booleans, dateTimes are ISO 8601 strings with a
 * zone, strings are strings.
 *
 * Inside a `valuePath`, every path has `attribute` = the valuePath's attribute and
 * `subAttribute` = the sub-attribute the inner expression tests.
 */
export type FilterNode =
  | { kind: 'compare'; path: ResolvedPath; operator: CompareOperator; value: CompareValue }
  | { kind: 'present'; path: ResolvedPath }
  | { kind: 'and' | 'or'; children: FilterNode[] }
  | { kind: 'not'; child: FilterNode }
  | { kind: 'valuePath'; path: ResolvedPath; filter: FilterNode };

export const COMPARE_OPERATORS: readonly CompareOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];

/** How many and/or/not/valuePath levels the tree nests (a lone comparison is 0). */
export function filterDepth(node: FilterNode): number {
  switch (node.kind) {
    case 'compare':
    case 'present':
      return 0;
    case 'and':
    case 'or':
      return 1 + Math.max(0, ...node.children.map(filterDepth));
    case 'not':
      return 1 + filterDepth(node.child);
    case 'valuePath':
      return 1 + filterDepth(node.filter);
  }
}
