import { findKey, isPlainObject, putKey, type JsonObject } from '../resource/json-object.js';
import type { CompareOperator, CompareValue, FilterNode } from './filter-node.js';

// The in-memory side of the one filter tree: which elements of a multi-valued attribute the
// filter of `emails[type eq work]` selects, for PATCH paths (RFC 7644 section 3.5.2), the
// `attributes` parameter and attribute mappings. Lists and .search run the same tree as SQL
// (store/filter-to-sql.ts); both compare strings without case unless the attribute is caseExact.

type Compare = Extract<FilterNode, { kind: 'compare' }>;

/** Whether one element (`{ type: "work", value: "x" }`) satisfies the filter inside a value path. */
export function matchesElement(element: unknown, filter: FilterNode): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.children.every((child) => matchesElement(element, child));
    case 'or':
      return filter.children.some((child) => matchesElement(element, child));
    case 'not':
      return !matchesElement(element, filter.child);
    case 'present': {
      const value = read(element, filter.path.subAttribute);
      return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
    }
    case 'compare':
      return compare(read(element, filter.path.subAttribute), filter);
    case 'valuePath':
      // The parser refuses a value path inside another; nothing can match one.
      return false;
  }
}

function read(element: unknown, subAttribute: string | undefined): unknown {
  if (subAttribute === undefined || !isPlainObject(element)) return undefined;
  const key = findKey(element, subAttribute);
  return key === undefined ? undefined : element[key];
}

function compare(actual: unknown, filter: Compare): boolean {
  const expected = filter.value;
  const definition = filter.path.subDefinition;
  let left = actual;
  // Entra stores booleans as "True"/"False"; the tree's value is already a boolean.
  if (typeof expected === 'boolean' && typeof left === 'string' && /^(true|false)$/i.test(left)) left = left.toLowerCase() === 'true';
  if (definition?.type === 'dateTime' && typeof left === 'string' && typeof expected === 'string') {
    const [leftTime, rightTime] = [Date.parse(left), Date.parse(expected)];
    if (!Number.isNaN(leftTime) && !Number.isNaN(rightTime)) return ordered(leftTime, rightTime, filter.operator);
  }
  if (typeof expected === 'string' && typeof left === 'string' && !(definition?.caseExact ?? false)) {
    return ordered(left.toLowerCase(), expected.toLowerCase(), filter.operator);
  }
  if (typeof left !== typeof expected) return filter.operator === 'ne';
  return ordered(left as Exclude<CompareValue, null>, expected as Exclude<CompareValue, null>, filter.operator);
}

function ordered<T extends string | number | boolean>(left: T, right: T, operator: CompareOperator): boolean {
  switch (operator) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'co':
      return typeof left === 'string' && left.includes(right as string);
    case 'sw':
      return typeof left === 'string' && left.startsWith(right as string);
    case 'ew':
      return typeof left === 'string' && left.endsWith(right as string);
    case 'gt':
      return typeof left !== 'boolean' && left > right;
    case 'ge':
      return typeof left !== 'boolean' && left >= right;
    case 'lt':
      return typeof left !== 'boolean' && left < right;
    case 'le':
      return typeof left !== 'boolean' && left <= right;
  }
}

/**
 * The element a filter describes when it is a conjunction of `eq` comparisons (`type eq "work"`,
 * `type eq "work" and primary eq true`), else undefined. Entra adds or replaces
 * `addresses[type eq "work"].streetAddress` on a user with no work address and expects one created.
 */
export function elementFromFilter(filter: FilterNode): JsonObject | undefined {
  const element: JsonObject = {};
  const collect = (node: FilterNode): boolean => {
    if (node.kind === 'and') return node.children.every(collect);
    if (node.kind !== 'compare' || node.operator !== 'eq' || node.path.subAttribute === undefined) return false;
    putKey(element, node.path.subAttribute, node.value);
    return true;
  };
  return collect(filter) ? element : undefined;
}
