import type { FilterNode } from '../scim/filter/filter-node.js';

/**
 * Whether a filter is an email lookup answered by the GIN index on `emails`. PostgreSQL keeps no
 * statistics for array elements that are all distinct, so it guesses 0.5% of the directory
 * matches and prefers to walk the primary key in page order: a full scan at 1M users for what is
 * one row. Such a filter is evaluated first, then ordered (docs/performance.md, scenario 7).
 */
export function isEmailLookup(node: FilterNode): boolean {
  switch (node.kind) {
    case 'compare':
      return node.operator === 'eq' && isEmailValue(node.path.attribute, node.path.subAttribute);
    case 'valuePath':
      return node.path.attribute === 'emails' && isEmailLookup(node.filter);
    case 'and':
      return node.children.some(isEmailLookup);
    default:
      return false;
  }
}

function isEmailValue(attribute: string, subAttribute: string | undefined): boolean {
  return attribute === 'emails' && (subAttribute === 'value' || subAttribute === undefined);
}
