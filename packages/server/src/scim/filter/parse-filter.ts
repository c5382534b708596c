// SCIM filters (RFC 7644 section 3.4.2.2) parsed into our own typed tree. Every filter Roster
// reads goes through here: `filter=` on lists and .search, and the `attr[filter]` of PATCH paths
// and the `attributes` parameter (RFC 7644 section 3.10). One tree (filter-node.ts) comes out;
// store/filter-to-sql.ts and match-filter.ts read it.
//
// The grammar (precedence of not/and/or, grouping, value paths) is scim2-parse-filter's parser.
// The tokens it reads are ours (filter-tokens.ts), because its tokenizer gets three things wrong
// for real clients:
// - it turns `\\` inside a quoted value into two backslashes (RFC 7644 values are JSON strings);
// - it rejects unquoted values, which Microsoft's docs and test collection send
//   (`externalId eq jyoung`, `meta.Created gt 2015-10-10T14:38:21.8617979-07:00`);
// - it rewrites `emails[type eq "work"].value eq "x"` (Entra sends it) into
//   `emails[type eq "work"] and emails.value eq "x"`, which matches a user whose *home* email is
//   x. We rewrite it to `emails[(type eq "work") and value eq "x"]` before the parser sees it.
// Comparison values are typed here against the attribute's definition.

import type { Filter } from 'scim2-parse-filter';
import { parseFilter as parseTokens, Tokens } from 'scim2-parse-filter/lib/src/parser.js';
import type { AttributeDefinition } from '../schema/attribute.js';
import { resolvePath, SCHEMAS, type ResolvedPath, type ResourceType } from '../schema/resource-types.js';
import { ok, type Result } from '../scim-error.js';
import { isHostileKey } from '../resource/json-object.js';
import { filterDepth, type CompareOperator, type CompareValue, type FilterNode } from './filter-node.js';
import { describeToken, invalidFilter as invalid, placeholderIndex, restorePlaceholders, rewriteSubAttributeAfterValuePath, tokenize, type RawValue } from './filter-tokens.js';

export const MAX_FILTER_LENGTH = 2048;
export const MAX_FILTER_DEPTH = 16;

/** A whole filter, `userName eq "bjensen" and emails[type eq work]`, against a resource type. */
export function parseFilter(resourceType: ResourceType, text: string): Result<FilterNode> {
  return parseText(text, { resourceType, values: [] });
}

/**
 * The filter between the brackets of `emails[type eq work]` in a PATCH path or an `attributes`
 * name, against the attribute it filters (which may have no definition: an attribute of an
 * extension without a schema). Its paths are those of a list filter's `emails[...]`, so the same
 * text means the same thing in both places.
 */
export function parseValuePathFilter(resourceType: ResourceType, attribute: ResolvedPath, text: string): Result<FilterNode> {
  return parseText(text, { resourceType, values: [], parent: { text: attribute.attribute, path: attribute } });
}

function parseText(text: string, context: Context): Result<FilterNode> {
  if (text.length > MAX_FILTER_LENGTH) {
    return invalid(`The filter is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are allowed.`);
  }
  if (text.trim() === '') return invalid('The filter is empty.');
  // PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
  if (text.includes(String.fromCharCode(0)) || /\\u0000/i.test(text)) return invalid('The filter contains a NUL character.');

  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const rewritten = rewriteSubAttributeAfterValuePath(tokenized.value.tokens);
  if (!rewritten.ok) return rewritten;
  const { values } = tokenized.value;

  let tree: Filter;
  const list = new Tokens(rewritten.value);
  try {
    tree = parseTokens(list);
    const rest = list.peek();
    if (rest.type !== 'EOT') return invalid(`Unexpected ${describeToken(rest, values)} after a complete filter expression.`);
  } catch (error) {
    // The library throws plain Errors (and a deep enough filter could overflow its stack).
    if (rewritten.value[list.i - 1]?.type === 'EOT') return invalid('The filter ends before its expression is complete.');
    const message = error instanceof Error ? error.message : String(error);
    return invalid(`The filter is not valid: ${restorePlaceholders(message, values)}.`);
  }

  const converted = convert(tree, { ...context, values });
  if (!converted.ok) return converted;
  const depth = filterDepth(converted.value);
  if (depth > MAX_FILTER_DEPTH) {
    return invalid(`The filter nests ${depth} levels of and/or/not/[...]; at most ${MAX_FILTER_DEPTH} are allowed.`);
  }
  return converted;
}

// ---------------------------------------------------------------------------------------------
// Library tree -> FilterNode

interface Context {
  resourceType: ResourceType;
  values: RawValue[];
  /** Set inside `attr[...]`: the attribute whose elements the inner filter tests. */
  parent?: { text: string; path: ResolvedPath };
}

function convert(filter: Filter, context: Context): Result<FilterNode> {
  switch (filter.op) {
    case 'and':
    case 'or': {
      const children: FilterNode[] = [];
      for (const child of filter.filters) {
        const converted = convert(child, context);
        if (!converted.ok) return converted;
        // `a and (b and c)` is `a and b and c`: one level, not two.
        if (converted.value.kind === filter.op) children.push(...converted.value.children);
        else children.push(converted.value);
      }
      return ok({ kind: filter.op, children });
    }
    case 'not': {
      // The library also reads `a not b` as an infix operator with two operands (no `filter`);
      // RFC 7644 has `not` only before a parenthesized expression.
      const inner = (filter as { filter?: Filter }).filter;
      if (inner === undefined) return invalid('"not" must come before a parenthesized expression, as in not (title pr).');
      const child = convert(inner, context);
      return child.ok ? ok({ kind: 'not', child: child.value }) : child;
    }
    case '[]':
      return convertValuePath(filter.attrPath, filter.valFilter, context);
    case 'pr': {
      const path = resolveFilterPath(filter.attrPath, context);
      return path.ok ? ok({ kind: 'present', path: path.value }) : path;
    }
    default:
      return convertCompare(filter.attrPath, filter.op, filter.compValue, context);
  }
}

function convertValuePath(attrPath: string, inner: Filter, context: Context): Result<FilterNode> {
  if (context.parent) {
    return invalid(`"${attrPath}[...]" is inside "${context.parent.text}[...]"; value filters cannot be nested.`);
  }
  const path = resolveFilterPath(attrPath, context);
  if (!path.ok) return path;
  const { definition } = path.value;
  if (path.value.subAttribute !== undefined || (definition && definition.type !== 'complex')) {
    return invalid(`"${attrPath}" is not a complex attribute, so it cannot take a [filter].`);
  }
  const filter = convert(inner, { ...context, parent: { text: attrPath, path: path.value } });
  return filter.ok ? ok({ kind: 'valuePath', path: path.value, filter: filter.value }) : filter;
}

function resolveFilterPath(attrPath: string, context: Context): Result<ResolvedPath> {
  const { resourceType, parent } = context;
  let resolved: ResolvedPath | undefined;
  if (parent) {
    if (!/^[A-Za-z0-9_$-]+$/.test(attrPath) || isHostileKey(attrPath)) {
      return invalid(`Inside "${parent.text}[...]", "${attrPath}" must be the name of one of its sub-attributes.`);
    }
    resolved = subAttributePath(parent.path, attrPath);
    if (!resolved) return invalid(`"${parent.text}" has no sub-attribute "${attrPath}".`);
  } else {
    resolved = resolvePath(resourceType, attrPath);
    if (!resolved) return invalid(`The filter names "${attrPath}", which a ${resourceType.name} does not have.`);
    // A schema this server knows, but of another resource type (e.g. a Group URN on /Users).
    const foreign = resolved.definition === undefined ? resolved.extension?.toLowerCase() : undefined;
    if (foreign !== undefined && SCHEMAS.some((schema) => schema.id.toLowerCase() === foreign)) {
      return invalid(`The filter names "${attrPath}", but a ${resourceType.name} does not use schema ${resolved.extension}.`);
    }
  }
  const leaf = leafDefinition(resolved);
  if (resolved.definition?.returned === 'never' || leaf?.returned === 'never') {
    return invalid(`"${attrPath}" is never returned, so it cannot be used in a filter.`);
  }
  return ok(resolved);
}

/** `sub` of the attribute a value path filters; any name when the attribute has no definition. */
function subAttributePath(parent: ResolvedPath, sub: string): ResolvedPath | undefined {
  const { definition } = parent;
  const path: ResolvedPath = { attribute: parent.attribute };
  if (parent.extension !== undefined) path.extension = parent.extension;
  if (!definition) return { ...path, subAttribute: sub };
  const lower = sub.toLowerCase();
  const subDefinition = definition.subAttributes?.find((candidate) => candidate.name.toLowerCase() === lower);
  return subDefinition ? { ...path, definition, subAttribute: subDefinition.name, subDefinition } : undefined;
}

/**
 * A multi-valued complex attribute compared as a whole means its `value` sub-attribute: RFC 7644
 * section 3.4.2.2's own example filters `emails co "example.com"`.
 */
function withDefaultValue(path: ResolvedPath): ResolvedPath {
  const { definition } = path;
  if (path.subAttribute !== undefined || definition?.type !== 'complex' || !definition.multiValued) return path;
  const subDefinition = definition.subAttributes?.find((attribute) => attribute.name === 'value');
  return subDefinition ? { ...path, subAttribute: 'value', subDefinition } : path;
}

function leafDefinition(path: ResolvedPath): AttributeDefinition | undefined {
  return path.subAttribute === undefined ? path.definition : path.subDefinition;
}

function convertCompare(attrPath: string, operator: CompareOperator, compValue: unknown, context: Context): Result<FilterNode> {
  const resolved = resolveFilterPath(attrPath, context);
  if (!resolved.ok) return resolved;
  const index = placeholderIndex(compValue);
  const raw = index === undefined ? undefined : context.values[index];
  if (!raw) return invalid(`"${attrPath} ${operator}" needs a value.`);

  const literal = classify(raw);
  if (literal.kind === 'null') {
    // RFC 7643 section 2.5: null is the same as unassigned, so `eq null` is "not present".
    if (operator === 'eq') return ok({ kind: 'not', child: { kind: 'present', path: resolved.value } });
    if (operator === 'ne') return ok({ kind: 'present', path: resolved.value });
    return invalid(`"${attrPath} ${operator} null" is not meaningful; only eq and ne can compare with null.`);
  }
  const path = withDefaultValue(resolved.value);

  const definition = leafDefinition(path);
  const type = definition?.type;
  if (type === 'complex') {
    return invalid(`"${attrPath}" is a complex attribute: compare one of its sub-attributes (such as ${attrPath}.${definition?.subAttributes?.[0]?.name ?? 'value'}), or test it with pr.`);
  }
  const ordering = operator === 'gt' || operator === 'ge' || operator === 'lt' || operator === 'le';
  const substring = operator === 'co' || operator === 'sw' || operator === 'ew';
  if (type === 'boolean' && (ordering || substring)) {
    return invalid(`"${attrPath}" is a boolean attribute; "${operator}" does not apply to it (use eq or ne).`);
  }
  if (substring && (type === 'dateTime' || type === 'integer' || type === 'decimal')) {
    return invalid(`"${operator}" compares strings, but "${attrPath}" is a ${type} attribute.`);
  }

  const value = typeValue(attrPath, type, literal, substring);
  return value.ok ? ok({ kind: 'compare', path, operator, value: value.value }) : value;
}

type Literal =
  | { kind: 'string'; text: string; source: string }
  | { kind: 'number'; text: string; source: string }
  | { kind: 'boolean'; value: boolean; source: string }
  | { kind: 'null' };

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** A quoted value is a string; a bare word is true/false/null, a number, or else a string. */
function classify(raw: RawValue): Literal {
  if (raw.quoted) return { kind: 'string', text: raw.text, source: raw.source };
  if (raw.text === 'true' || raw.text === 'false') return { kind: 'boolean', value: raw.text === 'true', source: raw.source };
  if (raw.text === 'null') return { kind: 'null' };
  if (JSON_NUMBER.test(raw.text)) return { kind: 'number', text: raw.text, source: raw.source };
  return { kind: 'string', text: raw.text, source: raw.source };
}

function typeValue(
  attrPath: string,
  type: AttributeDefinition['type'] | undefined,
  literal: Exclude<Literal, { kind: 'null' }>,
  substring: boolean,
): Result<Exclude<CompareValue, null>> {
  switch (type) {
    case 'boolean': {
      // Entra sends booleans as the strings "True"/"False".
      const text = literal.kind === 'boolean' ? String(literal.value) : literal.text.toLowerCase();
      if (literal.kind !== 'number' && (text === 'true' || text === 'false')) return ok(text === 'true');
      return invalid(`"${attrPath}" is a boolean attribute: compare it with true or false, not ${literal.source}.`);
    }
    case 'dateTime': {
      const date = literal.kind === 'string' ? normalizeDateTime(literal.text) : undefined;
      if (date === undefined) {
        return invalid(`"${attrPath}" is a dateTime attribute: ${literal.source} is not an ISO 8601 date-time such as "2015-10-10T14:38:21Z".`);
      }
      return ok(date);
    }
    case 'integer':
    case 'decimal': {
      const text = literal.kind === 'boolean' ? '' : literal.text;
      const number = JSON_NUMBER.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(number) || (type === 'integer' && !Number.isInteger(number))) {
        return invalid(`"${attrPath}" is an ${type} attribute: ${literal.source} is not a valid ${type}.`);
      }
      return ok(number);
    }
    case undefined: {
      // An attribute of an extension we have no schema for: the value's own JSON type decides,
      // except that co/sw/ew always compare text.
      if (literal.kind === 'string') return ok(literal.text);
      if (substring) return ok(literal.kind === 'boolean' ? String(literal.value) : literal.text);
      if (literal.kind === 'boolean') return ok(literal.value);
      const number = Number(literal.text);
      return Number.isFinite(number) ? ok(number) : invalid(`The number ${literal.source} is out of range.`);
    }
    default: {
      // string, reference, binary: an unquoted number is its text (`externalId eq 1234`).
      if (literal.kind === 'boolean') {
        return invalid(`"${attrPath}" is a string attribute; write the value in quotes ("${literal.value}") to compare it as text.`);
      }
      return ok(literal.text);
    }
  }
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * An xsd:dateTime (RFC 7643 section 2.3.5) checked field by field, returned with an explicit zone
 * (UTC when none was given) so PostgreSQL and JavaScript read it the same way.
 */
export function normalizeDateTime(text: string): string | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year = '', month = '', day = '', hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  if (zone.length > 1 && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(-2)) > 59)) return undefined;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${zone.toUpperCase()}`;
}
