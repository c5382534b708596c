import { MAX_FILTER_LENGTH } from './filter/parse-filter.js';
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
  rateLimitPerSecond: number;
}

export const MAX_BULK_OPERATIONS = 1000;

export function serviceProviderConfig(baseUrl: string, limits: ServiceLimits): Record<string, unknown> {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    documentationUri: 'https://github.com/roster-dev/roster#scim',
    patch: { supported: true },
    bulk: { supported: true, maxOperations: limits.maxBulkOperations, maxPayloadSize: limits.maxPayloadSize },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    // RFC 9865: cursor paging for deep enumeration at flat cost.
    pagination: { cursor: true, index: true, defaultPaginationMethod: 'index', defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE, cursorTimeout: 0 },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A directory secret created in Roster, sent as Authorization: Bearer <secret>',
        primary: true,
      },
    ],
    // Roster's own limits, advertised so clients can pace themselves.
    'urn:roster:params:scim:limits': { maxFilterLength: MAX_FILTER_LENGTH, rateLimitPerSecond: limits.rateLimitPerSecond },
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
