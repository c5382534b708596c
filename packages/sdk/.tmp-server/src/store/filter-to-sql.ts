// A parsed SCIM filter (scim/filter/filter-node.ts) as a boolean SQL expression over
// directory_users / directory_groups (migrations/001_initial.sql), for PostgreSQL and PGlite.
//
// Attributes with their own column are compared on it, written exactly as the index is
// (`lower(r.user_name)`), so the planner can use the index; everything else is read from the
// `resource` jsonb. Values always travel as parameters, never in the SQL text.
//
// Semantics chosen where RFC 7644 section 3.4.2.2 leaves room:
// - An absent attribute matches nothing, except through `ne` and `not`: `title ne "x"` and
//   `not (title eq "x")` both match a user with no title (absent is "not equal").
// - A multi-valued attribute matches when any element does (`emails.value co "x"`), but
//   `emails.value ne "x"` means "no element equals x" (so it also matches no emails), the
//   reading a client asking "users whose email is not x" intends. Inside `emails[...]`, `ne`
//   tests each element (`emails[type ne "work"]`: some element whose type is not work).
// - Timestamps compare at the millisecond precision responses show them at: a client that
//   asks `meta.lastModified gt <a value it was sent>` must not get that same resource back.
// - `eq null` / `ne null` arrive as not-present / present (RFC 7643 section 2.5).

import type { AttributeDefinition } from '../scim/schema/attribute.js';
import type { CompareOperator, CompareValue, FilterNode } from '../scim/filter/filter-node.js';
import type { ResolvedPath, ResourceType } from '../scim/schema/resource-types.js';
import { badRequest } from '../scim/scim-error.js';
import type { SqlParams } from './sql-params.js';

/** Something a comparison can be made on: a column (or constant) or a value inside jsonb. */
export type Operand =
  | { type: 'text'; sql: string; caseExact: boolean; lowerIndexed?: boolean }
  | { type: 'boolean'; sql: string }
  | { type: 'timestamp'; sql: string }
  | { type: 'json'; base: string; keys: string[]; definition?: AttributeDefinition | undefined };

interface Leaf {
  operand: Operand;
  /** SQL true when the attribute has a value (`pr`). */
  present: string;
}

/** The elements of a multi-valued attribute, as rows an EXISTS can range over. */
interface Elements {
  from: string;
  where?: string;
  leaf(path: ResolvedPath): Leaf;
  present: string;
  /** An indexed test equivalent to "some element's value equals this" (case-insensitively). */
  valueIndex?(value: string): string;
}

interface Compiler {
  resourceType: ResourceType;
  params: SqlParams;
  alias: string;
}

// Fixed row aliases inside EXISTS sub-queries; the outer alias must differ from them.
const ELEMENT = 'e';
const MEMBER = 'm';

export function filterToSql(resourceType: ResourceType, node: FilterNode, params: SqlParams, alias = 'r'): string {
  if (alias === ELEMENT || alias === MEMBER) throw new Error(`filterToSql: alias "${alias}" is reserved for sub-queries`);
  return compile({ resourceType, params, alias }, node, undefined);
}

function compile(c: Compiler, node: FilterNode, scope: Elements | undefined): string {
  switch (node.kind) {
    case 'and':
      return node.children.map((child) => wrapOr(compile(c, child, scope))).join(' AND ');
    case 'or':
      return node.children.map((child) => compile(c, child, scope)).join(' OR ');
    case 'not':
      return negate(compile(c, node.child, scope));
    case 'valuePath':
      if (scope) throw new Error('filterToSql: value paths cannot nest');
      return compileValuePath(c, node.path, node.filter);
    case 'present':
      return scope ? scope.leaf(node.path).present : compileTopLevel(c, node.path, undefined, undefined);
    case 'compare':
      if (scope) return compareLeaf(c, scope.leaf(node.path), node.operator, node.value);
      return compileTopLevel(c, node.path, node.operator, node.value);
  }
}

/** A comparison (or `pr`, when operator is undefined) outside any `[...]`. */
function compileTopLevel(c: Compiler, path: ResolvedPath, operator: CompareOperator | undefined, value: CompareValue | undefined): string {
  const elements = elementsOf(c, path);
  if (!elements) {
    const leaf = resourceLeaf(c, path);
    return operator === undefined ? leaf.present : compareLeaf(c, leaf, operator, value ?? null);
  }
  if (operator === undefined && path.subAttribute === undefined) return elements.present;
  if (operator === 'ne' && value !== null && value !== undefined) return `NOT ${someElement(c, elements, path, 'eq', value)}`;
  return someElement(c, elements, path, operator, value ?? null);
}

function someElement(c: Compiler, elements: Elements, path: ResolvedPath, operator: CompareOperator | undefined, value: CompareValue): string {
  if (operator === 'eq' && path.subAttribute === 'value' && typeof value === 'string' && elements.valueIndex) {
    return elements.valueIndex(value);
  }
  const leaf = elements.leaf(path);
  return exists(elements, operator === undefined ? leaf.present : compareLeaf(c, leaf, operator, value));
}

function compileValuePath(c: Compiler, path: ResolvedPath, filter: FilterNode): string {
  const elements = elementsOf(c, path) ?? looseElements(c, path);
  // `emails[type eq "work" and value eq "x"]`: the GIN index on r.emails narrows the rows first.
  const indexed = elements.valueIndex;
  const prefilters = indexed
    ? conjuncts(filter).flatMap((part) =>
        part.kind === 'compare' && part.operator === 'eq' && part.path.subAttribute === 'value' && typeof part.value === 'string'
          ? [indexed(part.value)]
          : [],
      )
    : [];
  return [...prefilters, exists(elements, compile(c, filter, elements))].join(' AND ');
}

function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? node.children.flatMap(conjuncts) : [node];
}

function exists(elements: Elements, condition: string): string {
  const where = elements.where ? `${elements.where} AND ${wrapOr(condition)}` : condition;
  return `EXISTS (SELECT 1 FROM ${elements.from} WHERE ${where})`;
}

// ---------------------------------------------------------------------------------------------
// Where an attribute lives

/** The column an attribute is stored in, for the attributes that have one. */
export function columnOperand(resourceType: ResourceType, path: ResolvedPath, alias: string): Operand | undefined {
  if (path.extension !== undefined) return undefined;
  const caseExact = (path.subAttribute === undefined ? path.definition : path.subDefinition)?.caseExact ?? false;
  const text = (column: string): Operand => ({ type: 'text', sql: `${alias}.${column}`, caseExact, lowerIndexed: true });
  switch (path.subAttribute === undefined ? path.attribute : `${path.attribute}.${path.subAttribute}`) {
    case 'id':
      return { type: 'text', sql: `${alias}.id`, caseExact: true };
    case 'externalId':
      return text('external_id');
    case 'displayName':
      return text('display_name');
    case 'meta.created':
      return { type: 'timestamp', sql: `${alias}.created_at` };
    case 'meta.lastModified':
      return { type: 'timestamp', sql: `${alias}.updated_at` };
    case 'meta.resourceType':
      return { type: 'text', sql: quoteLiteral(resourceType.name), caseExact };
    case 'meta.version':
      // The weak ETag responses carry (scim/render-resource.ts, etagOf).
      return { type: 'text', sql: `('W/"' || ${alias}.version || '"')`, caseExact: true };
  }
  if (resourceType.name !== 'User') return undefined;
  switch (path.subAttribute === undefined ? path.attribute : `${path.attribute}.${path.subAttribute}`) {
    case 'userName':
      return text('user_name');
    case 'name.givenName':
      return { type: 'text', sql: `${alias}.given_name`, caseExact };
    case 'name.familyName':
      return { type: 'text', sql: `${alias}.family_name`, caseExact };
    case 'active':
      return { type: 'boolean', sql: `${alias}.active` };
  }
  return undefined;
}

/** A single-valued attribute (or a sub-attribute of a single-valued complex one). */
function resourceLeaf(c: Compiler, path: ResolvedPath): Leaf {
  const keys = jsonKeys(path);
  if (path.subAttribute !== undefined) keys.push(path.subAttribute);
  const stored: Operand = { type: 'json', base: `${c.alias}.resource`, keys, definition: leafDefinition(path) };
  if (path.extension === undefined && path.attribute === 'meta') {
    // Never stored: id and meta are the server's, and every resource has them.
    if (path.subAttribute === 'location') throw unsupported('meta.location');
    const column = columnOperand(c.resourceType, path, c.alias);
    return { operand: column ?? stored, present: 'true' };
  }
  const column = columnOperand(c.resourceType, path, c.alias);
  if (column && path.attribute === 'id' && path.extension === undefined) return { operand: column, present: 'true' };
  return { operand: column ?? stored, present: jsonPresent(jsonValue(stored)) };
}

/** The elements of a multi-valued attribute, or undefined when the attribute is single-valued. */
function elementsOf(c: Compiler, path: ResolvedPath): Elements | undefined {
  const { alias, resourceType } = c;
  if (path.extension === undefined && resourceType.name === 'Group' && path.attribute === 'members') {
    // Members are rows, never part of the stored resource.
    return memberRows(`${MEMBER}.directory_id = ${alias}.directory_id AND ${MEMBER}.group_id = ${alias}.id`, 'members', {
      value: { type: 'text', sql: `${MEMBER}.member_id`, caseExact: true },
      type: { type: 'text', sql: `${MEMBER}.member_type`, caseExact: false },
    });
  }
  if (path.extension === undefined && resourceType.name === 'User' && path.attribute === 'groups') {
    // A user's groups are derived from the membership rows.
    return memberRows(`${MEMBER}.directory_id = ${alias}.directory_id AND ${MEMBER}.member_id = ${alias}.id`, 'groups', {
      value: { type: 'text', sql: `${MEMBER}.group_id`, caseExact: true },
    });
  }
  if (!path.definition) return looseElements(c, path);
  if (!path.definition.multiValued) return undefined;
  const array = jsonValue({ base: `${alias}.resource`, keys: jsonKeys(path) });
  const elements = jsonElements(`CASE WHEN jsonb_typeof(${array}) = 'array' THEN ${array} ELSE '[]'::jsonb END`, array);
  if (path.extension === undefined && resourceType.name === 'User' && path.attribute === 'emails') {
    // r.emails holds every emails[].value lower-cased, under a GIN index.
    elements.valueIndex = (value) => `${alias}.emails @> ARRAY[lower(${c.params.add(value)})]::text[]`;
  }
  return elements;
}

/**
 * An attribute we have no definition for (an unknown extension's), or a single-valued complex
 * attribute under `[...]`: its value taken as one element, or each element when it is an array.
 */
function looseElements(c: Compiler, path: ResolvedPath): Elements {
  const value = jsonValue({ base: `${c.alias}.resource`, keys: jsonKeys(path) });
  return jsonElements(
    `CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${value} WHEN ${value} IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(${value}) END`,
    value,
  );
}

function jsonElements(arraySql: string, valueSql: string): Elements {
  return {
    from: `jsonb_array_elements(${arraySql}) AS ${ELEMENT}(v)`,
    present: jsonPresent(valueSql),
    leaf(path) {
      const keys = path.subAttribute === undefined ? [] : [path.subAttribute];
      const operand: Operand = { type: 'json', base: `${ELEMENT}.v`, keys, definition: path.subDefinition };
      return { operand, present: jsonPresent(jsonValue(operand)) };
    },
  };
}

function memberRows(where: string, attribute: string, columns: Record<string, Operand>): Elements {
  const from = `group_members ${MEMBER}`;
  return {
    from,
    where,
    present: `EXISTS (SELECT 1 FROM ${from} WHERE ${where})`,
    leaf(path) {
      const operand = path.subAttribute === undefined ? undefined : columns[path.subAttribute];
      if (!operand) throw unsupported(path.subAttribute === undefined ? attribute : `${attribute}.${path.subAttribute}`);
      return { operand, present: 'true' };
    },
  };
}

export function jsonKeys(path: ResolvedPath): string[] {
  return path.extension === undefined ? [path.attribute] : [path.extension, path.attribute];
}

function leafDefinition(path: ResolvedPath): AttributeDefinition | undefined {
  return path.subAttribute === undefined ? path.definition : path.subDefinition;
}

const unsupported = (attribute: string) =>
  badRequest('invalidFilter', `Filtering on "${attribute}" is not supported: Roster does not store it with the resource.`);

// ---------------------------------------------------------------------------------------------
// Comparisons

function compareLeaf(c: Compiler, leaf: Leaf, operator: CompareOperator, value: CompareValue): string {
  if (value === null) {
    if (operator === 'eq') return negate(leaf.present);
    if (operator === 'ne') return leaf.present;
    throw badRequest('invalidFilter', `"${operator} null" is not meaningful; only eq and ne can compare with null.`);
  }
  // Absent is "not equal": NULL from the equality must become true here.
  if (operator === 'ne') return negate(compareLeaf(c, leaf, 'eq', value));
  const { operand } = leaf;
  switch (operand.type) {
    case 'text':
      return compareText(c, operand.sql, operand.caseExact, operand.lowerIndexed === true, operator, String(value));
    case 'boolean':
      if (operator !== 'eq' || typeof value !== 'boolean') throw badRequest('invalidFilter', `Only eq and ne compare booleans, with true or false.`);
      return `${operand.sql} = ${value}`;
    case 'timestamp':
      return compareTimestamp(c, operand.sql, operator, String(value));
    case 'json':
      return compareJson(c, operand, operator, value);
  }
}

const SQL_OPERATORS = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

function compareText(c: Compiler, sql: string, caseExact: boolean, lowerIndexed: boolean, operator: CompareOperator, value: string): string {
  if (operator === 'co' || operator === 'sw' || operator === 'ew') {
    const escaped = value.replace(/[\\%_]/g, '\\$&');
    const pattern = c.params.add(operator === 'sw' ? `${escaped}%` : operator === 'ew' ? `%${escaped}` : `%${escaped}%`);
    return caseExact ? `${sql} LIKE ${pattern} ESCAPE '\\'` : `lower(${sql}) LIKE lower(${pattern}) ESCAPE '\\'`;
  }
  const param = c.params.add(value);
  if (operator === 'eq' && caseExact && lowerIndexed) {
    // externalId is caseExact, but its index is on lower(): use it, then compare exactly.
    return `lower(${sql}) = lower(${param}) AND ${sql} = ${param}`;
  }
  const symbol = SQL_OPERATORS[operator === 'ne' ? 'eq' : operator];
  return caseExact ? `${sql} ${symbol} ${param}` : `lower(${sql}) ${symbol} lower(${param})`;
}

function compareTimestamp(c: Compiler, sql: string, operator: CompareOperator, value: string): string {
  // Responses show milliseconds; the column keeps microseconds. Compare as if truncated to
  // the millisecond, in a form the (directory_id, updated_at, id) index can still serve.
  const at = `${c.params.add(value)}::timestamptz`;
  const next = `${at} + interval '1 millisecond'`;
  switch (operator) {
    case 'eq':
    case 'ne':
      return `${sql} >= ${at} AND ${sql} < ${next}`;
    case 'gt':
      return `${sql} >= ${next}`;
    case 'ge':
      return `${sql} >= ${at}`;
    case 'lt':
      return `${sql} < ${at}`;
    case 'le':
      return `${sql} < ${next}`;
    default:
      throw badRequest('invalidFilter', `"${operator}" compares strings; it does not apply to a dateTime.`);
  }
}

function compareJson(c: Compiler, operand: Extract<Operand, { type: 'json' }>, operator: CompareOperator, value: Exclude<CompareValue, null>): string {
  const json = jsonValue(operand);
  if (typeof value === 'boolean') {
    // Compared as jsonb, so the string "true" is not the boolean true.
    if (operator !== 'eq') throw badRequest('invalidFilter', `Only eq and ne compare booleans.`);
    return `${json} = '${value}'::jsonb`;
  }
  if (typeof value === 'number' && operator !== 'co' && operator !== 'sw' && operator !== 'ew') {
    // CASE, not AND: PostgreSQL does not promise to evaluate AND left to right, and casting a
    // jsonb string to numeric fails.
    const symbol = SQL_OPERATORS[operator === 'ne' ? 'eq' : operator];
    return `CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::numeric END ${symbol} ${c.params.add(String(value))}::numeric`;
  }
  // Strings, and dateTimes kept in jsonb (compared as their ISO 8601 text).
  const caseExact = operand.definition?.caseExact ?? false;
  return compareText(c, jsonValue(operand, true), caseExact, false, operator, String(value));
}

// ---------------------------------------------------------------------------------------------
// SQL text helpers

/** `r.resource -> 'name' -> 'givenName'`, or with `->>` for the text of the last step. */
export function jsonValue(operand: { base: string; keys: string[] }, asText = false): string {
  const { base, keys } = operand;
  if (keys.length === 0) return asText ? `${base} #>> '{}'` : base;
  const steps = keys.map((key, index) => `${asText && index === keys.length - 1 ? '->>' : '->'} ${quoteLiteral(key)}`);
  return `${base} ${steps.join(' ')}`;
}

/** RFC 7644 `pr`: has a value that is not null, "", [] or {}. */
function jsonPresent(json: string): string {
  return `${json} IS NOT NULL AND ${json} NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)`;
}

function negate(condition: string): string {
  if (condition === 'true') return 'false';
  return `NOT COALESCE(${condition}, false)`;
}

/** An OR inside an AND needs its own parentheses. */
function wrapOr(condition: string): string {
  return condition.includes(' OR ') ? `(${condition})` : condition;
}

export function quoteLiteral(text: string): string {
  // standard_conforming_strings is on (the default since PostgreSQL 9.1): only quotes need doubling.
  return `'${text.replaceAll("'", "''")}'`;
}
