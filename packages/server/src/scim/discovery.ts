import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './list-params.js';
import type { AttributeDefinition } from './schema/attribute.js';
import type { SchemaDefinition } from './schema/core-schemas.js';
import { RESOURCE_TYPES, SCHEMAS, type ResourceType } from './schema/resource-types.js';
import { RESOURCE_TYPE_SCHEMA, SCHEMA_SCHEMA, SERVICE_PROVIDER_CONFIG_SCHEMA } from './schema/urns.js';

// What /ServiceProviderConfig, /ResourceTypes and /Schemas say (RFC 7644 section 4): exactly
// what this server does, since clients such as authentik change behaviour on what they read.

export interface ServiceLimits {
  maxPayloadSize: number;
  maxBulkOperations: number;
  /** Advertise RFC 9865 cursor paging (it works either way). */
  advertiseCursors: boolean;
}

export const MAX_BULK_OPERATIONS = 1000;

/**
 * Exactly the members RFC 7643 section 5 defines (plus RFC 9865's `pagination` when asked for):
 * strict clients such as python's scim2-client refuse any other, and RFC 7643 gives the
 * configuration no extension mechanism (extensions are declared per resource type, section 6).
 * Roster's other limits (filter length, rate limit) are documented in the README instead.
 */
export function serviceProviderConfig(baseUrl: string, limits: ServiceLimits): Record<string, unknown> {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    documentationUri: 'https://github.com/roster-dev/roster#the-scim-endpoint',
    patch: { supported: true },
    bulk: { supported: true, maxOperations: limits.maxBulkOperations, maxPayloadSize: limits.maxPayloadSize },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    // RFC 9865 section 4. No cursorTimeout: a cursor never expires, and the attribute, when
    // present, must be a positive number of seconds.
    ...(limits.advertiseCursors ? { pagination: { cursor: true, index: true, defaultPaginationMethod: 'index', defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE } } : {}),
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A directory secret created in Roster, sent as Authorization: Bearer <secret>',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypeResource(resourceType: ResourceType, baseUrl: string): Record<string, unknown> {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: resourceType.name,
    name: resourceType.name,
    endpoint: resourceType.endpoint,
    description: resourceType.description,
    schema: resourceType.schema.id,
    schemaExtensions: resourceType.extensions.map((extension) => ({ schema: extension.id, required: false })),
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${resourceType.name}` },
  };
}

function describeAttribute(attribute: AttributeDefinition): Record<string, unknown> {
  const { subAttributes, ...rest } = attribute;
  return subAttributes ? { ...rest, subAttributes: subAttributes.map(describeAttribute) } : rest;
}

export function schemaResource(schema: SchemaDefinition, baseUrl: string): Record<string, unknown> {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(describeAttribute),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  };
}

export const findResourceType = (name: string) => RESOURCE_TYPES.find((type) => type.name.toLowerCase() === name.toLowerCase());
export const findSchema = (id: string) => SCHEMAS.find((schema) => schema.id.toLowerCase() === id.toLowerCase());
export { RESOURCE_TYPES, SCHEMAS };
