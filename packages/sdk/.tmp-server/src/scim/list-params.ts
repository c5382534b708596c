import { badRequest, fail, ok, type Result } from './scim-error.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** The query of a list or `.search` request (RFC 7644 sections 3.4.2 and 3.4.3), checked but not yet resolved. */
export interface ListParams {
  filter?: string;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
  startIndex: number;
  count: number;
  /** RFC 9865 cursor paging: '' asks for the first page. */
  cursor?: string;
  attributes?: string[];
  excludedAttributes?: string[];
}

type Raw = Record<string, unknown>;

function readInteger(raw: Raw, name: string): Result<number | undefined> {
  const value = raw[name];
  if (value === undefined || value === '') return ok(undefined);
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number)) return fail(badRequest('invalidValue', `${name} must be an integer, got ${JSON.stringify(value)}`));
  return ok(number);
}

function readString(raw: Raw, name: string): Result<string | undefined> {
  const value = raw[name];
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'string') return fail(badRequest('invalidValue', `${name} must be a string`));
  return ok(value);
}

function readList(raw: Raw, name: string): Result<string[] | undefined> {
  const value = raw[name];
  if (value === undefined || value === '') return ok(undefined);
  // A query string carries a comma-separated list; a SearchRequest body carries an array.
  const items = typeof value === 'string' ? splitAttributeList(value) : Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
  if (!items) return fail(badRequest('invalidValue', `${name} must be a list of attribute names`));
  return ok(items.map((item) => item.trim()).filter((item) => item !== ''));
}

/** Splits on commas outside brackets, so `emails[type eq "work"],userName` stays two items. */
export function splitAttributeList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '[') depth++;
    if (character === ']') depth = Math.max(0, depth - 1);
    if (character === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += character;
  }
  items.push(current);
  return items;
}

/** Parses list parameters from a query string (names are case-insensitive) or a SearchRequest body. */
export function parseListParams(input: Raw): Result<ListParams> {
  const raw: Raw = Object.create(null) as Raw;
  const canonical = ['filter', 'sortBy', 'sortOrder', 'startIndex', 'count', 'cursor', 'attributes', 'excludedAttributes'];
  for (const [key, value] of Object.entries(input)) {
    const name = canonical.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (name) raw[name] = Array.isArray(value) && typeof input[key] === 'string' ? value[0] : value;
  }
  const filter = readString(raw, 'filter');
  if (!filter.ok) return filter;
  const sortBy = readString(raw, 'sortBy');
  if (!sortBy.ok) return sortBy;
  const sortOrder = readString(raw, 'sortOrder');
  if (!sortOrder.ok) return sortOrder;
  const startIndex = readInteger(raw, 'startIndex');
  if (!startIndex.ok) return startIndex;
  const count = readInteger(raw, 'count');
  if (!count.ok) return count;
  const cursor = readString(raw, 'cursor');
  if (!cursor.ok) return cursor;
  const attributes = readList(raw, 'attributes');
  if (!attributes.ok) return attributes;
  const excludedAttributes = readList(raw, 'excludedAttributes');
  if (!excludedAttributes.ok) return excludedAttributes;
  const order = sortOrder.value?.toLowerCase();
  if (order !== undefined && order !== 'ascending' && order !== 'descending') {
    return fail(badRequest('invalidValue', `sortOrder must be "ascending" or "descending", got ${JSON.stringify(sortOrder.value)}`));
  }
  if (attributes.value && excludedAttributes.value) {
    return fail(badRequest('invalidValue', 'attributes and excludedAttributes cannot be used together'));
  }
  if (cursor.value !== undefined && startIndex.value !== undefined) {
    return fail(badRequest('invalidValue', 'cursor and startIndex cannot be used together'));
  }
  const params: ListParams = {
    sortOrder: order ?? 'ascending',
    // RFC 7644 section 3.4.2.4: a startIndex below 1 is read as 1, a negative count as 0.
    startIndex: Math.max(1, startIndex.value ?? 1),
    count: Math.min(MAX_PAGE_SIZE, Math.max(0, count.value ?? DEFAULT_PAGE_SIZE)),
  };
  if (filter.value !== undefined && filter.value.trim() !== '') params.filter = filter.value;
  if (sortBy.value !== undefined && sortBy.value !== '') params.sortBy = sortBy.value;
  if (cursor.value !== undefined) params.cursor = cursor.value;
  if (attributes.value) params.attributes = attributes.value;
  if (excludedAttributes.value) params.excludedAttributes = excludedAttributes.value;
  return ok(params);
}
