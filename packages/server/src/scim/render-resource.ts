import type { ResourceType } from './schema/resource-types.js';

export interface ResourceMeta {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** The `meta` of a resource as a client sees it (RFC 7643 section 3.1). */
export interface RenderedMeta {
  resourceType: string;
  created: string;
  lastModified: string;
  location: string;
  version: string;
}

/** A resource as a client sees it: its attributes (any the schema allows), `id` and `meta`. */
export interface RenderedResource {
  schemas: unknown[];
  id: string;
  meta: RenderedMeta;
  [attribute: string]: unknown;
}

/** A weak ETag from the stored version (RFC 7644 section 3.14). */
export const etagOf = (version: number): string => `W/"${version}"`;

/**
 * The one ETag comparison (If-Match on writes, If-None-Match on reads; RFC 7232 section 3): true
 * when the header's list names `version`, weak and strong forms alike, or is `*`.
 */
export function etagsMatch(header: string, version: number): boolean {
  const current = etagOf(version).replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === current);
}

const orders = new WeakMap<ResourceType, string[]>();

/** The order of a resource type's attributes in responses, worked out once per type. */
function attributeOrder(resourceType: ResourceType): string[] {
  let order = orders.get(resourceType);
  if (!order) orders.set(resourceType, (order = ['externalId', ...resourceType.schema.attributes.map((attribute) => attribute.name)]));
  return order;
}

/**
 * The resource as a client sees it: the stored attributes, the server's `id` and `meta`, and
 * whatever the server derives (`groups` for a User, `members` for a Group) in `derived`. Keys come
 * in the schema's order (jsonb keeps its own), so responses read like the RFC's examples.
 */
export function renderResource(
  resourceType: ResourceType,
  stored: Record<string, unknown>,
  meta: ResourceMeta,
  location: string,
  derived: Record<string, unknown> = {},
): RenderedResource {
  const { schemas, ...rest } = stored;
  const attributes: Record<string, unknown> = { ...rest, ...derived };
  const schemaList = Array.isArray(schemas) && schemas.length > 0 ? schemas : [resourceType.schema.id];
  const rendered: Record<string, unknown> = { schemas: schemaList, id: meta.id };
  for (const name of attributeOrder(resourceType)) if (Object.hasOwn(attributes, name)) rendered[name] = attributes[name];
  for (const [name, value] of Object.entries(attributes)) if (!Object.hasOwn(rendered, name)) rendered[name] = value;
  // `id` and `meta` are the server's (RFC 7643 section 3.1), whatever the stored attributes hold.
  return {
    ...rendered,
    schemas: schemaList,
    id: meta.id,
    meta: {
      resourceType: resourceType.name,
      created: meta.createdAt.toISOString(),
      lastModified: meta.updatedAt.toISOString(),
      location,
      version: etagOf(meta.version),
    },
  };
}
