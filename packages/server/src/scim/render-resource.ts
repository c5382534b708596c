import type { ResourceType } from './schema/resource-types.js';

export interface ResourceMeta {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A weak ETag from the stored version (RFC 7644 section 3.14). */
export const etagOf = (version: number): string => `W/"${version}"`;

/**
 * The resource as a client sees it: the stored attributes, the server's `id` and `meta`, and
 * whatever the server derives (`groups` for a User, `members` for a Group) in `derived`.
 */
export function renderResource(
  resourceType: ResourceType,
  stored: Record<string, unknown>,
  meta: ResourceMeta,
  location: string,
  derived: Record<string, unknown> = {},
): Record<string, unknown> {
  const { schemas, ...attributes } = stored;
  return {
    schemas: Array.isArray(schemas) && schemas.length > 0 ? schemas : [resourceType.schema.id],
    id: meta.id,
    ...attributes,
    ...derived,
    meta: {
      resourceType: resourceType.name,
      created: meta.createdAt.toISOString(),
      lastModified: meta.updatedAt.toISOString(),
      location,
      version: etagOf(meta.version),
    },
  };
}
