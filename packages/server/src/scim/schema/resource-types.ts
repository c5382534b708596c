import type { AttributeDefinition } from './attribute.js';
import { COMMON_ATTRIBUTES, ENTERPRISE_USER, GROUP, ROSTER_GROUP, USER, type SchemaDefinition } from './core-schemas.js';

export type ResourceTypeName = 'User' | 'Group';

export interface ResourceType {
  name: ResourceTypeName;
  endpoint: '/Users' | '/Groups';
  description: string;
  schema: SchemaDefinition;
  extensions: SchemaDefinition[];
}

export const USER_RESOURCE: ResourceType = {
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: USER,
  extensions: [ENTERPRISE_USER],
};

export const GROUP_RESOURCE: ResourceType = {
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: GROUP,
  extensions: [ROSTER_GROUP],
};

export const RESOURCE_TYPES: readonly ResourceType[] = [USER_RESOURCE, GROUP_RESOURCE];
export const SCHEMAS: readonly SchemaDefinition[] = [USER, GROUP, ENTERPRISE_USER, ROSTER_GROUP];

/** A path resolved against a resource type: canonical names and, when known, the definitions. */
export interface ResolvedPath {
  /** The extension URN holding the attribute (canonical case), or undefined for core and common attributes. */
  extension?: string;
  /** Canonical attribute name (as the schema spells it; as sent for unknown extension attributes). */
  attribute: string;
  /** Canonical sub-attribute name, if the path names one. */
  subAttribute?: string;
  definition?: AttributeDefinition;
  subDefinition?: AttributeDefinition;
}

function findByName(attributes: readonly AttributeDefinition[] | undefined, name: string): AttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return attributes?.find((candidate) => candidate.name.toLowerCase() === lower);
}

const URN_PREFIX = 'urn:';

/** The schema URNs a resource type knows, matched case-insensitively (RFC 7643 section 2.1). */
export function findSchemaUrn(resourceType: ResourceType, urn: string): SchemaDefinition | undefined {
  const lower = urn.toLowerCase();
  return [resourceType.schema, ...resourceType.extensions].find((schema) => schema.id.toLowerCase() === lower);
}

/**
 * Splits a URN-qualified path (`urn:...:User:manager.value`) into its URN and attribute path. The
 * attribute is the part after the last colon; its first dot starts the sub-attribute. A schema the
 * resource type knows may also be followed by a dot: Entra's API-driven inbound samples write
 * `urn:...:enterprise:2.0:User.manager`, which can only mean that schema's `manager`.
 */
export function splitUrnPath(path: string, resourceType?: ResourceType): { urn?: string; rest: string } {
  if (!path.toLowerCase().startsWith(URN_PREFIX)) return { rest: path };
  const lower = path.toLowerCase();
  const dotted = resourceType && [resourceType.schema, ...resourceType.extensions].find((schema) => lower.startsWith(`${schema.id.toLowerCase()}.`));
  if (dotted) return { urn: path.slice(0, dotted.id.length), rest: path.slice(dotted.id.length + 1) };
  const lastColon = path.lastIndexOf(':');
  return { urn: path.slice(0, lastColon), rest: path.slice(lastColon + 1) };
}

/**
 * The one extension of the resource type that defines an attribute of this name, if exactly one
 * does. RFC 7644 section 3.10: clients "SHOULD fully qualify extended attributes", so they may
 * not; older Entra sample code sets the enterprise `manager` by the path `manager`. A name two
 * extensions define stays unresolved rather than guessed.
 */
function unqualifiedExtension(resourceType: ResourceType, name: string): { schema: SchemaDefinition; definition: AttributeDefinition } | undefined {
  const matches = resourceType.extensions.flatMap((schema) => {
    const definition = findByName(schema.attributes, name);
    return definition ? [{ schema, definition }] : [];
  });
  return matches.length === 1 ? matches[0] : undefined;
}

export interface ResolveOptions {
  /** Resolve an unqualified name no core attribute has to the one extension defining it (default true). */
  unqualifiedExtensions?: boolean;
}

/**
 * Resolves an attribute path (`userName`, `name.givenName`, `emails.value`, a URN-qualified path)
 * case-insensitively. Returns undefined when the path names nothing this resource type can hold;
 * attributes of an unknown extension URN resolve without a definition, since clients may send them.
 */
export function resolvePath(resourceType: ResourceType, path: string, options: ResolveOptions = {}): ResolvedPath | undefined {
  const { urn, rest } = splitUrnPath(path, resourceType);
  if (rest === '' || /[^A-Za-z0-9_$.-]/.test(rest)) return undefined;
  const [attributeName, subName, ...extra] = rest.split('.');
  if (attributeName === undefined || attributeName === '' || extra.length > 0 || subName === '') return undefined;

  let extension: string | undefined;
  let definition: AttributeDefinition | undefined;
  if (urn === undefined) {
    definition = findByName(COMMON_ATTRIBUTES, attributeName) ?? findByName(resourceType.schema.attributes, attributeName);
    if (!definition && options.unqualifiedExtensions !== false) {
      const found = unqualifiedExtension(resourceType, attributeName);
      extension = found?.schema.id;
      definition = found?.definition;
    }
    if (!definition) return undefined;
  } else {
    const schema = findSchemaUrn(resourceType, urn);
    if (schema === undefined) {
      // An extension we do not know: kept as the client sent it, with no definition to check against.
      return subName === undefined ? { extension: urn, attribute: attributeName } : { extension: urn, attribute: attributeName, subAttribute: subName };
    }
    if (schema !== resourceType.schema) extension = schema.id;
    definition = findByName(schema.attributes, attributeName) ?? (schema === resourceType.schema ? findByName(COMMON_ATTRIBUTES, attributeName) : undefined);
    if (!definition) return undefined;
  }

  const resolved: ResolvedPath = { attribute: definition.name, definition };
  if (extension !== undefined) resolved.extension = extension;
  if (subName !== undefined) {
    const subDefinition = findByName(definition.subAttributes, subName);
    if (!subDefinition) return undefined;
    resolved.subAttribute = subDefinition.name;
    resolved.subDefinition = subDefinition;
  }
  return resolved;
}
