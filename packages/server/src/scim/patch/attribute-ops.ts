import type { AttributeDefinition } from '../schema/attribute.js';
import { badRequest, fail, ok, type Result } from '../scim-error.js';
import type { AttributePath } from '../resource/attribute-path.js';
import { coerceAttribute, coerceSingle } from '../resource/coerce-value.js';
import { cloneJson, findKey, isPlainObject, jsonEqual, putKey, type JsonObject } from '../resource/json-object.js';
import type { FilterNode } from '../filter/filter-node.js';
import { elementFromFilter, matchesElement } from '../filter/match-filter.js';
import type { PatchOpName } from './parse-patch.js';

// Add, replace and remove at one attribute path (RFC 7644 3.5.2.1-3.5.2.3). Mutability and
// member handling happen before this; here the JSON of the working resource is edited in place.

export interface Edit {
  op: PatchOpName;
  value?: unknown;
  /** Whether the operation carried a `value` member at all (Entra's member remove carries one). */
  hasValue: boolean;
}

type AttributeTarget = Extract<AttributePath, { kind: 'attribute' }>;

export function applyAtAttribute(resource: JsonObject, path: AttributeTarget, edit: Edit): Result<void> {
  const container = containerFor(resource, path.extension, edit.op !== 'remove');
  if (!container) return ok(undefined); // removing from an extension the resource does not have
  const result = path.filter
    ? applyFiltered(container, path, path.filter, edit)
    : path.subAttribute !== undefined
      ? applySub(container, path, path.subAttribute, edit)
      : applyWhole(container, path, edit);
  if (path.extension !== undefined && Object.keys(container).length === 0) {
    const key = findKey(resource, path.extension);
    if (key !== undefined) delete resource[key];
  }
  return result;
}

/** Removes an extension object altogether (`remove` with the extension URN as path). */
export function removeExtension(resource: JsonObject, extension: string): void {
  const key = findKey(resource, extension);
  if (key !== undefined) delete resource[key];
}

function containerFor(resource: JsonObject, extension: string | undefined, create: boolean): JsonObject | undefined {
  if (extension === undefined) return resource;
  const key = findKey(resource, extension);
  const existing = key === undefined ? undefined : resource[key];
  if (isPlainObject(existing)) return existing;
  if (!create) return undefined;
  const created: JsonObject = {};
  putKey(resource, key ?? extension, created);
  return created;
}

/** The stored key of the attribute (any case), moved to the canonical name when the schema has one. */
function attributeKey(container: JsonObject, path: AttributeTarget): { key: string; existing: unknown } {
  const stored = findKey(container, path.attribute);
  const existing = stored === undefined ? undefined : container[stored];
  const key = path.definition ? path.attribute : (stored ?? path.attribute);
  if (stored !== undefined && stored !== key) delete container[stored];
  return { key, existing };
}

function coerceWhole(path: AttributeTarget, value: unknown): Result<unknown> {
  if (path.definition) return coerceAttribute(path.definition, value, path.raw);
  return ok(value === null ? undefined : cloneJson(value));
}

function coerceSub(path: AttributeTarget, value: unknown): Result<unknown> {
  if (path.subDefinition) return coerceAttribute(path.subDefinition, value, path.raw);
  return ok(value === null ? undefined : cloneJson(value));
}

function setOrDelete(container: JsonObject, key: string, value: unknown): void {
  const empty = value === undefined || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
  if (empty) delete container[key];
  else putKey(container, key, value);
}

function applyWhole(container: JsonObject, path: AttributeTarget, edit: Edit): Result<void> {
  const { key, existing } = attributeKey(container, path);
  if (edit.op === 'remove') return ok(setOrDelete(container, key, undefined));
  const coerced = coerceWhole(path, edit.value);
  if (!coerced.ok) return coerced;
  const value = coerced.value;
  // A null (or empty) value: replace unassigns the attribute (RFC 7643 2.4), add changes nothing.
  if (value === undefined) return ok(edit.op === 'replace' ? setOrDelete(container, key, undefined) : undefined);

  const definition = path.definition;
  if (definition?.multiValued && Array.isArray(value)) {
    if (edit.op === 'replace') return ok(putKey(container, key, value));
    // add appends values not already present (RFC 7644 3.5.2.1: an existing value is no change).
    const merged = Array.isArray(existing) ? [...existing] : [];
    const touched = new Set<number>();
    for (const item of value) {
      const index = merged.findIndex((current) => jsonEqual(current, item));
      if (index >= 0) touched.add(index);
      else touched.add(merged.push(item) - 1);
    }
    clearOtherPrimaries(merged, touched);
    return ok(putKey(container, key, merged));
  }
  if (definition?.type === 'complex' && isPlainObject(value)) {
    // Both add and replace of a complex attribute merge the given sub-attributes (RFC 7644 3.5.2.1, 3.5.2.3),
    // except that a different manager replaces the old one's $ref/displayName too.
    const differentManager = definition.name === 'manager' && isPlainObject(existing) && value.value !== undefined && existing.value !== value.value;
    const merged: JsonObject = isPlainObject(existing) && !differentManager ? { ...existing } : {};
    for (const [sub, item] of Object.entries(value)) putKey(merged, sub, item);
    return ok(putKey(container, key, merged));
  }
  return ok(putKey(container, key, value));
}

function applySub(container: JsonObject, path: AttributeTarget, sub: string, edit: Edit): Result<void> {
  const { key, existing } = attributeKey(container, path);
  const coerced = edit.op === 'remove' ? ok(undefined) : coerceSub(path, edit.value);
  if (!coerced.ok) return coerced;
  const value = coerced.value;

  if (path.definition?.multiValued) {
    // `emails.value` with no filter addresses that sub-attribute of every value.
    const elements = Array.isArray(existing) ? existing.filter(isPlainObject).map((element) => ({ ...element })) : [];
    if (value === undefined) return ok(setOrDelete(container, key, withoutSub(elements, new Set(elements.keys()), sub)));
    if (elements.length === 0) elements.push({});
    for (const element of elements) setSub(element, sub, value);
    return ok(putKey(container, key, elements));
  }
  const object: JsonObject = isPlainObject(existing) ? { ...existing } : {};
  if (value === undefined) deleteSub(object, sub);
  else setSub(object, sub, value);
  return ok(setOrDelete(container, key, object));
}

function applyFiltered(container: JsonObject, path: AttributeTarget, filter: FilterNode, edit: Edit): Result<void> {
  const { key, existing } = attributeKey(container, path);
  const elements: unknown[] = Array.isArray(existing) ? existing.map((element) => (isPlainObject(element) ? { ...element } : element)) : [];
  const matched = new Set<number>();
  elements.forEach((element, index) => matchesElement(element, filter) && matched.add(index));
  const sub = path.subAttribute;

  if (edit.op === 'remove') {
    // A filter matching nothing removes nothing: IdPs retry removals, and an idempotent remove is
    // what they need (RFC 7644 names noTarget for replace, 3.5.2.3).
    const kept = sub === undefined ? elements.filter((_, index) => !matched.has(index)) : withoutSub(elements, matched, sub);
    return ok(setOrDelete(container, key, kept));
  }

  let value: unknown;
  if (sub !== undefined) {
    const coerced = coerceSub(path, edit.value);
    if (!coerced.ok) return coerced;
    value = coerced.value;
    if (value === undefined) return ok(setOrDelete(container, key, withoutSub(elements, matched, sub)));
  } else {
    const single = Array.isArray(edit.value) && edit.value.length === 1 ? edit.value[0] : edit.value;
    const coerced = path.definition ? coerceSingle(path.definition, single, path.raw) : ok(single === null ? undefined : cloneJson(single));
    if (!coerced.ok) return coerced;
    value = coerced.value;
    if (value === undefined) {
      return ok(setOrDelete(container, key, edit.op === 'replace' ? elements.filter((_, index) => !matched.has(index)) : elements));
    }
  }

  let created: number | undefined;
  if (matched.size === 0) {
    // Entra adds/replaces `addresses[type eq "work"].streetAddress` on users with no work address
    // and expects one created from the filter; a filter that does not describe one value is noTarget.
    const seed = seedFromFilter(path.definition, filter, path.raw);
    if (!seed.ok) return seed;
    created = elements.push(seed.value) - 1;
    matched.add(created);
  }
  for (const index of matched) {
    const element = elements[index];
    if (sub !== undefined) {
      if (isPlainObject(element)) setSub(element, sub, value);
    } else if ((edit.op === 'replace' && index !== created) || !isPlainObject(element) || !isPlainObject(value)) {
      elements[index] = value; // RFC 7644 3.5.2.3: matching values are replaced
    } else {
      for (const [name, item] of Object.entries(value)) putKey(element, name, item);
    }
  }
  clearOtherPrimaries(elements, matched);
  return ok(setOrDelete(container, key, elements));
}

function seedFromFilter(definition: AttributeDefinition | undefined, filter: FilterNode, raw: string): Result<JsonObject> {
  const seed = elementFromFilter(filter);
  if (!seed) return fail(badRequest('noTarget', `The filter in "${raw}" matches no value`));
  if (!definition) return ok(seed);
  const coerced = coerceSingle(definition, seed, raw);
  if (!coerced.ok) return coerced;
  return ok(isPlainObject(coerced.value) ? coerced.value : {});
}

function setSub(element: JsonObject, sub: string, value: unknown): void {
  deleteSub(element, sub);
  putKey(element, sub, value);
}

function deleteSub(element: JsonObject, sub: string): void {
  const key = findKey(element, sub);
  if (key !== undefined) delete element[key];
}

/** Removes `sub` from the chosen elements; one left without its `value` (or empty) is dropped. */
function withoutSub(elements: unknown[], chosen: Set<number>, sub: string): unknown[] {
  const kept: unknown[] = [];
  elements.forEach((element, index) => {
    if (!chosen.has(index) || !isPlainObject(element)) return void kept.push(element);
    const copy = { ...element };
    deleteSub(copy, sub);
    if (sub.toLowerCase() !== 'value' && Object.keys(copy).length > 0) kept.push(copy);
  });
  return kept;
}

/** RFC 7643 2.4: `primary: true` may appear once; a value just written as primary wins. */
function clearOtherPrimaries(elements: unknown[], written: Set<number>): void {
  const writtenPrimary = [...written].some((index) => {
    const element = elements[index];
    return isPlainObject(element) && element.primary === true;
  });
  if (!writtenPrimary) return;
  elements.forEach((element, index) => {
    if (!written.has(index) && isPlainObject(element) && element.primary === true) putKey(element, 'primary', false);
  });
}
