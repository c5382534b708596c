import { parse, type Filter } from 'scim2-parse-filter';
import type { AttributeDefinition } from '../schema/attribute.js';
import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { findKey, isHostileKey, isPlainObject, putKey, type JsonObject } from './json-object.js';
import { findAttribute } from './schema-lookup.js';

// The filter inside a value path, `emails[type eq "work" and primary eq true]` (RFC 7644 3.10),
// evaluated in memory over the elements of one multi-valued attribute.

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'lt' | 'ge' | 'le';

export type ValueFilter =
  | { kind: 'compare'; attribute: string; op: CompareOp; value: string | number | boolean | null; caseExact: boolean }
  | { kind: 'present'; attribute: string }
  | { kind: 'and' | 'or'; filters: ValueFilter[] }
  | { kind: 'not'; filter: ValueFilter };

const invalidFilter = (detail: string) => fail(badRequest('invalidFilter', detail));

/** Parses the text between the brackets; sub-attribute names resolve against the attribute's definition. */
export function parseValueFilter(text: string, definition?: AttributeDefinition): Result<ValueFilter> {
  let tree: Filter;
  try {
    tree = parse(text);
  } catch (error) {
    return invalidFilter(`Invalid value filter "${text}": ${error instanceof Error ? error.message : String(error)}`);
  }
  return convert(tree, text, definition);
}

function convert(node: Filter, text: string, definition: AttributeDefinition | undefined): Result<ValueFilter> {
  switch (node.op) {
    case 'and':
    case 'or': {
      const filters: ValueFilter[] = [];
      for (const child of (node as { filters: Filter[] }).filters) {
        const converted = convert(child, text, definition);
        if (!converted.ok) return converted;
        filters.push(converted.value);
      }
      return ok({ kind: node.op, filters });
    }
    case 'not': {
      const inner = convert((node as { filter: Filter }).filter, text, definition);
      return inner.ok ? ok({ kind: 'not', filter: inner.value }) : inner;
    }
    case '[]':
      return invalidFilter(`Nested value filters are not supported: "${text}"`);
    case 'pr': {
      const sub = subAttribute((node as { attrPath: string }).attrPath, text, definition);
      return sub.ok ? ok({ kind: 'present', attribute: sub.value.name }) : sub;
    }
    default: {
      const compare = node as { op: CompareOp; attrPath: string; compValue: string | number | boolean | null };
      const sub = subAttribute(compare.attrPath, text, definition);
      if (!sub.ok) return sub;
      return ok({ kind: 'compare', attribute: sub.value.name, op: compare.op, value: compare.compValue, caseExact: sub.value.caseExact });
    }
  }
}

function subAttribute(name: string, text: string, definition: AttributeDefinition | undefined): Result<{ name: string; caseExact: boolean }> {
  if (!/^[A-Za-z$][A-Za-z0-9_$-]*$/.test(name) || isHostileKey(name)) {
    return invalidFilter(`"${name}" in value filter "${text}" is not a sub-attribute name`);
  }
  if (!definition?.subAttributes) return ok({ name, caseExact: false });
  const sub = findAttribute(definition.subAttributes, name);
  if (!sub) return invalidFilter(`"${definition.name}" has no sub-attribute "${name}" (value filter "${text}")`);
  return ok({ name: sub.name, caseExact: sub.caseExact });
}

export function matchesValueFilter(element: unknown, filter: ValueFilter): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.filters.every((child) => matchesValueFilter(element, child));
    case 'or':
      return filter.filters.some((child) => matchesValueFilter(element, child));
    case 'not':
      return !matchesValueFilter(element, filter.filter);
    case 'present': {
      const value = read(element, filter.attribute);
      return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
    }
    case 'compare':
      return compare(read(element, filter.attribute), filter);
  }
}

function read(element: unknown, attribute: string): unknown {
  if (!isPlainObject(element)) return undefined;
  const key = findKey(element, attribute);
  return key === undefined ? undefined : element[key];
}

function compare(actual: unknown, filter: Extract<ValueFilter, { kind: 'compare' }>): boolean {
  const expected = filter.value;
  if (expected === null) return filter.op === 'eq' ? actual === undefined || actual === null : filter.op === 'ne' && actual !== undefined && actual !== null;
  let left = actual;
  if (typeof expected === 'boolean' && typeof left === 'string' && /^(true|false)$/i.test(left)) left = left.toLowerCase() === 'true';
  if (typeof expected === 'string' && typeof left === 'string' && !filter.caseExact) {
    return compareOrdered(left.toLowerCase(), expected.toLowerCase(), filter.op);
  }
  if (typeof left !== typeof expected) return filter.op === 'ne';
  return compareOrdered(left as string | number | boolean, expected, filter.op);
}

function compareOrdered<T extends string | number | boolean>(left: T, right: T, op: CompareOp): boolean {
  switch (op) {
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
export function elementFromFilter(filter: ValueFilter): JsonObject | undefined {
  const element: JsonObject = {};
  const collect = (node: ValueFilter): boolean => {
    if (node.kind === 'and') return node.filters.every(collect);
    if (node.kind !== 'compare' || node.op !== 'eq' || node.value === null) return false;
    putKey(element, node.attribute, node.value);
    return true;
  };
  return collect(filter) ? element : undefined;
}
