import type { AttributeDefinition } from '../schema/attribute.js';
import type { ResourceType } from '../schema/resource-types.js';
import { parseAttributePath, type AttributePath } from './attribute-path.js';
import { cloneJson, isPlainObject, putKey, type JsonObject } from './json-object.js';
import { coreAttribute, extensionSchema, findAttribute, isUrn, urnsIn } from './schema-lookup.js';
import type { FilterNode } from '../filter/filter-node.js';
import { matchesElement } from '../filter/match-filter.js';

// The `attributes` / `excludedAttributes` parameters (RFC 7644 3.4.2.5, 3.9) over a rendered
// resource, honouring each attribute's `returned` characteristic (RFC 7643 2.2).

export interface ProjectionOptions {
  attributes?: string[];
  excludedAttributes?: string[];
}

/** Splits a comma-separated parameter, ignoring commas inside `[...]` or quotes; undefined when empty. */
export function parseAttributeList(query: string | undefined): string[] | undefined {
  if (query === undefined) return undefined;
  const names: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of query) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '[') depth++;
    else if (!quoted && char === ']') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0 && !quoted) {
      names.push(current);
      current = '';
    } else current += char;
  }
  names.push(current);
  const trimmed = names.map((name) => name.trim()).filter((name) => name !== '');
  return trimmed.length > 0 ? trimmed : undefined;
}

interface Selector {
  extension?: string;
  /** Undefined when the selector names a whole extension. */
  attribute?: string;
  filter?: FilterNode;
  subAttribute?: string;
}

export function projectAttributes(resourceType: ResourceType, resource: Record<string, unknown>, options: ProjectionOptions): Record<string, unknown> {
  if (!options.attributes?.length && !options.excludedAttributes?.length) return projectDefault(resourceType, resource);
  const knownUrns = urnsIn(resource);
  const toSelectors = (names: string[] | undefined) => (names ?? []).flatMap((name) => selectorFor(resourceType, name, knownUrns));
  const requested = options.attributes && options.attributes.length > 0 ? toSelectors(options.attributes) : undefined;
  const excluded = toSelectors(options.excludedAttributes);

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas' || key === 'id') {
      putKey(out, key, cloneJson(value)); // returned "always"
      continue;
    }
    if (isUrn(key) && isPlainObject(value)) {
      const schema = extensionSchema(resourceType, key);
      const projected: JsonObject = {};
      for (const [inner, innerValue] of Object.entries(value)) {
        const kept = projectOne(findAttribute(schema?.attributes, inner), innerValue, requested && matching(requested, key, inner), matching(excluded, key, inner));
        if (kept !== undefined) putKey(projected, inner, kept);
      }
      if (Object.keys(projected).length > 0) putKey(out, key, projected);
      continue;
    }
    const kept = projectOne(coreAttribute(resourceType, key), value, requested && matching(requested, undefined, key), matching(excluded, undefined, key));
    if (kept !== undefined) putKey(out, key, kept);
  }
  return out;
}

/**
 * Neither `attributes` nor `excludedAttributes`: what projectOne keeps without selectors, without
 * copying. The rendered resource is the response's own (built for this request), so sharing its
 * values is safe; most responses take this path.
 */
function projectDefault(resourceType: ResourceType, resource: Record<string, unknown>): Record<string, unknown> {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas' || key === 'id') {
      putKey(out, key, value);
      continue;
    }
    if (isUrn(key) && isPlainObject(value)) {
      const schema = extensionSchema(resourceType, key);
      const projected: JsonObject = {};
      for (const [inner, innerValue] of Object.entries(value)) {
        const definition = findAttribute(schema?.attributes, inner);
        if (keptByDefault(definition, innerValue)) putKey(projected, inner, withoutUnaskedSubs(definition, innerValue, undefined));
      }
      if (Object.keys(projected).length > 0) putKey(out, key, projected);
      continue;
    }
    const definition = coreAttribute(resourceType, key);
    // Sub-attributes returned only on request (members.display) are left out here too.
    if (keptByDefault(definition, value)) putKey(out, key, withoutUnaskedSubs(definition, value, undefined));
  }
  return out;
}

function keptByDefault(definition: AttributeDefinition | undefined, value: unknown): boolean {
  const returned = definition?.returned ?? 'default';
  if (returned === 'always') return true;
  return returned === 'default' && !isEmpty(value);
}

function selectorFor(resourceType: ResourceType, name: string, knownUrns: string[]): Selector[] {
  const parsed = parseAttributePath(resourceType, name, knownUrns);
  if (parsed.ok) return [toSelector(parsed.value)];
  // An attribute the schema does not define but the resource keeps (an unknown attribute a client sent).
  const simple = /^([A-Za-z$][A-Za-z0-9_$-]*)(?:\.([A-Za-z$][A-Za-z0-9_$-]*))?$/.exec(name.trim());
  if (!simple?.[1]) return []; // RFC 7644 3.4.2.5 gives no error for unknown names: ignore them
  return [simple[2] === undefined ? { attribute: simple[1] } : { attribute: simple[1], subAttribute: simple[2] }];
}

function toSelector(path: AttributePath): Selector {
  if (path.kind === 'extension') return { extension: path.extension };
  const selector: Selector = { attribute: path.attribute };
  if (path.extension !== undefined) selector.extension = path.extension;
  if (path.filter) selector.filter = path.filter;
  if (path.subAttribute !== undefined) selector.subAttribute = path.subAttribute;
  return selector;
}

/**
 * The selectors that reach `attribute` of extension `extension` (undefined: a core attribute): the
 * ones naming it, and for an extension attribute the ones naming the whole extension.
 */
function matching(selectors: Selector[], extension: string | undefined, attribute: string): Selector[] {
  const same = (a: string | undefined, b: string | undefined) => (a === undefined ? b === undefined : b !== undefined && a.toLowerCase() === b.toLowerCase());
  return selectors.filter((s) => same(s.extension, extension) && (s.attribute === undefined || same(s.attribute, attribute)));
}

/** The projected value of one attribute, or undefined to leave it out. `requested` undefined: no attributes parameter. */
function projectOne(definition: AttributeDefinition | undefined, value: unknown, requested: Selector[] | undefined, excluded: Selector[]): unknown {
  const returned = definition?.returned ?? 'default';
  if (returned === 'never') return undefined;
  if (returned === 'always') return cloneJson(value);
  let result: unknown;
  if (requested === undefined) {
    if (returned === 'request') return undefined;
    result = cloneJson(value);
  } else {
    if (requested.length === 0) return undefined;
    result = select(value, requested);
  }
  for (const selector of excluded) result = exclude(result, selector);
  result = withoutUnaskedSubs(definition, result, requested);
  return isEmpty(result) ? undefined : result;
}

/**
 * Sub-attributes honour `returned` too (RFC 7643 2.2): a "never" one is dropped, a "request" one
 * kept only when the `attributes` parameter names it (`members.display`).
 */
function withoutUnaskedSubs(definition: AttributeDefinition | undefined, value: unknown, requested: Selector[] | undefined): unknown {
  const hidden = (definition?.subAttributes ?? [])
    .filter((sub) => sub.returned === 'never' || (sub.returned === 'request' && !(requested ?? []).some((selector) => selector.subAttribute?.toLowerCase() === sub.name.toLowerCase())))
    .map((sub) => sub.name.toLowerCase());
  if (hidden.length === 0) return value;
  const pick = (element: unknown): unknown => {
    if (!isPlainObject(element)) return element;
    const kept: JsonObject = {};
    for (const [key, item] of Object.entries(element)) if (!hidden.includes(key.toLowerCase())) putKey(kept, key, item);
    return kept;
  };
  return Array.isArray(value) ? value.map(pick).filter((element) => !isEmpty(element)) : pick(value);
}

function select(value: unknown, selectors: Selector[]): unknown {
  if (selectors.some((s) => s.filter === undefined && s.subAttribute === undefined)) return cloneJson(value);
  let result = cloneJson(value);
  const filters = selectors.map((s) => s.filter);
  if (Array.isArray(result) && filters.every((filter) => filter !== undefined)) {
    result = result.filter((element) => filters.some((filter) => matchesElement(element, filter)));
  }
  const subs = selectors.map((s) => s.subAttribute);
  if (subs.every((sub) => sub !== undefined)) result = keepSubs(result, subs);
  return result;
}

function keepSubs(value: unknown, subs: string[]): unknown {
  const lower = new Set(subs.map((sub) => sub.toLowerCase()));
  const pick = (element: unknown): unknown => {
    if (!isPlainObject(element)) return element;
    const kept: JsonObject = {};
    for (const [key, item] of Object.entries(element)) if (lower.has(key.toLowerCase())) putKey(kept, key, item);
    return kept;
  };
  return Array.isArray(value) ? value.map(pick).filter((element) => !isEmpty(element)) : pick(value);
}

function exclude(value: unknown, selector: Selector): unknown {
  if (selector.filter === undefined && selector.subAttribute === undefined) return undefined;
  const { filter, subAttribute } = selector;
  const targeted = (element: unknown) => filter === undefined || matchesElement(element, filter);
  const dropSub = (element: unknown): unknown => {
    if (!isPlainObject(element) || subAttribute === undefined) return element;
    const kept: JsonObject = {};
    for (const [key, item] of Object.entries(element)) if (key.toLowerCase() !== subAttribute.toLowerCase()) putKey(kept, key, item);
    return kept;
  };
  if (!Array.isArray(value)) return filter === undefined ? dropSub(value) : value;
  if (subAttribute === undefined) return value.filter((element) => !targeted(element));
  return value.map((element) => (targeted(element) ? dropSub(element) : element)).filter((element) => !isEmpty(element));
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}
