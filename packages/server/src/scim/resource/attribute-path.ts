import type { AttributeDefinition } from '../schema/attribute.js';
import { findSchemaUrn, resolvePath, type ResourceType } from '../schema/resource-types.js';
import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { isHostileKey } from './json-object.js';
import { findAttribute, fixMalformedUrn, isUrn } from './schema-lookup.js';
import type { FilterNode } from '../filter/filter-node.js';
import { parseValuePathFilter } from '../filter/parse-filter.js';

/**
 * An attribute path as PATCH `path` and the `attributes` parameter use it (RFC 7644 3.10):
 * `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, each optionally URN-qualified, or a
 * whole extension (`urn:...:enterprise:2.0:User`). Names come back in canonical case.
 */
export type AttributePath =
  | { kind: 'extension'; raw: string; extension: string }
  | {
      kind: 'attribute';
      raw: string;
      /** The extension URN holding the attribute (canonical, or as stored for unknown ones); absent for core. */
      extension?: string;
      attribute: string;
      definition?: AttributeDefinition;
      filter?: FilterNode;
      subAttribute?: string;
      subDefinition?: AttributeDefinition;
    };

const invalidPath = (detail: string) => fail(badRequest('invalidPath', detail));
const SUB_NAME = /^\.([A-Za-z$][A-Za-z0-9_$-]*)$/;

/**
 * `knownUrns` are extension URNs the resource already carries (its `schemas` and URN keys): paths
 * into an extension the server has no schema for are accepted only for those. `storedKeys` are
 * the resource's top-level keys: an attribute no schema defines, kept from a POST or PUT, may be
 * patched by its path too (a OneLogin custom mapping, say), but never invented by a PATCH path.
 */
export function parseAttributePath(
  resourceType: ResourceType,
  raw: string,
  knownUrns: readonly string[] = [],
  storedKeys: readonly string[] = [],
): Result<AttributePath> {
  const text = fixMalformedUrn(raw.trim());
  if (text === '') return invalidPath('The path is empty');
  const bracket = text.indexOf('[');

  if (bracket < 0 && isUrn(text)) {
    const schema = findSchemaUrn(resourceType, text);
    if (schema === resourceType.schema) return invalidPath(`The path "${raw}" names the core schema, not an attribute`);
    if (schema) return ok({ kind: 'extension', raw, extension: schema.id });
    const known = findUrn(knownUrns, text);
    if (known !== undefined) return ok({ kind: 'extension', raw, extension: known });
  }

  const head = bracket < 0 ? text : text.slice(0, bracket);
  let filterText: string | undefined;
  let tail = '';
  if (bracket >= 0) {
    const close = closingBracket(text, bracket);
    if (close < 0) return invalidPath(`The path "${raw}" has an unclosed "["`);
    filterText = text.slice(bracket + 1, close);
    tail = text.slice(close + 1);
    if (tail !== '' && !SUB_NAME.test(tail)) return invalidPath(`The path "${raw}" has unexpected text after "]"`);
  }

  // An attribute the resource already holds unqualified (kept from a POST) is that attribute; only
  // otherwise does an unqualified name fall through to the one extension defining it.
  const resolved = resolvePath(resourceType, head, { unqualifiedExtensions: false }) ?? storedAttribute(resourceType, head, storedKeys) ?? resolvePath(resourceType, head);
  if (!resolved) return invalidPath(`The path "${raw}" names no attribute of a ${resourceType.name}`);
  let extension = resolved.extension;
  if (extension !== undefined && !findSchemaUrn(resourceType, extension)) {
    extension = findUrn(knownUrns, extension);
    if (extension === undefined) return invalidPath(`The path "${raw}" names an extension schema this ${resourceType.name} does not have`);
  }
  const names = [resolved.attribute, resolved.subAttribute, tail.slice(1)];
  if (names.some((name) => name !== undefined && isHostileKey(name))) return invalidPath(`The path "${raw}" is not allowed`);

  const path: Extract<AttributePath, { kind: 'attribute' }> = { kind: 'attribute', raw, attribute: resolved.attribute };
  if (extension !== undefined) path.extension = extension;
  if (resolved.definition) path.definition = resolved.definition;
  if (resolved.subAttribute !== undefined) path.subAttribute = resolved.subAttribute;
  if (resolved.subDefinition) path.subDefinition = resolved.subDefinition;
  if (filterText === undefined) return ok(path);

  if (resolved.subAttribute !== undefined) return invalidPath(`The path "${raw}": a value filter must follow the attribute name`);
  if (resolved.definition && !resolved.definition.multiValued) return invalidPath(`The path "${raw}" filters "${resolved.attribute}", which is not multi-valued`);
  const filter = parseValuePathFilter(resourceType, { ...resolved, ...(extension === undefined ? {} : { extension }) }, filterText);
  if (!filter.ok) return filter;
  path.filter = filter.value;
  if (tail !== '') {
    const subName = tail.slice(1);
    if (resolved.definition) {
      const sub = findAttribute(resolved.definition.subAttributes, subName);
      if (!sub) return invalidPath(`The path "${raw}": "${resolved.attribute}" has no sub-attribute "${subName}"`);
      path.subAttribute = sub.name;
      path.subDefinition = sub;
    } else {
      path.subAttribute = subName;
    }
  }
  return ok(path);
}

/** An attribute the resource holds without a schema for it, matched case-insensitively. */
function storedAttribute(resourceType: ResourceType, head: string, storedKeys: readonly string[]): { attribute: string; subAttribute?: string; extension?: undefined; definition?: undefined; subDefinition?: undefined } | undefined {
  const match = /^([A-Za-z][A-Za-z0-9_$-]*)(?:\.([A-Za-z$][A-Za-z0-9_$-]*))?$/.exec(head);
  const [, name, sub] = match ?? [];
  // A schema attribute with a sub-attribute it does not have stays an error.
  if (name === undefined || resolvePath(resourceType, name, { unqualifiedExtensions: false })) return undefined;
  const stored = storedKeys.find((key) => key.toLowerCase() === name.toLowerCase() && !isUrn(key));
  if (stored === undefined) return undefined;
  return sub === undefined ? { attribute: stored } : { attribute: stored, subAttribute: sub };
}

function findUrn(urns: readonly string[], urn: string): string | undefined {
  const lower = urn.toLowerCase();
  return urns.find((candidate) => candidate.toLowerCase() === lower);
}

/** The index of the `]` closing the `[` at `open`, skipping quoted strings; -1 if none. */
function closingBracket(text: string, open: number): number {
  let quoted = false;
  for (let index = open + 1; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '\\') index++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ']') return index;
  }
  return -1;
}
