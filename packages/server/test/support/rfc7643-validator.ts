// A strict reader of SCIM discovery documents, written from RFC 7643's own schema definitions
// (section 3.1 common attributes, section 5 ServiceProviderConfig, section 6 ResourceType,
// section 7 Schema, with their representations in section 8.7.2), RFC 7644 section 3.4.2's
// ListResponse and RFC 9865's additions. It reads the way schema-validating clients do (python's
// scim2-models forbids unknown attributes): anything the RFCs do not define is a problem, as are
// missing required attributes, wrong types, values outside a closed set, and attributes that must
// never be returned. Each function returns the problems it found; none is a pass.

import type { Json } from './scim-fixtures.js';

type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';

interface Rule {
  name: string;
  type: AttributeType;
  multiValued?: boolean;
  required?: boolean;
  /** RFC 7643 section 7: writeOnly attributes are never returned. */
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned?: 'always' | 'never' | 'default' | 'request';
  /** A closed set: any other value is a problem. */
  oneOf?: readonly string[];
  /** `external` references must be absolute http(s) URLs; `uri` any URI reference. */
  referenceType?: 'external' | 'uri';
  /** RFC 9865 section 4: page sizes and timeouts are positive integers. */
  positive?: boolean;
  subAttributes?: Rule[] | (() => Rule[]);
}

interface SchemaRules {
  id: string;
  attributes: Rule[];
  /** Whether the common `id` is required (RFC 7643 section 5: not for the configuration). */
  idRequired: boolean;
}

const readOnly = { mutability: 'readOnly' } as const;
const string = (name: string, extra: Partial<Rule> = {}): Rule => ({ name, type: 'string', ...readOnly, ...extra });
const boolean = (name: string, extra: Partial<Rule> = {}): Rule => ({ name, type: 'boolean', ...readOnly, ...extra });
const integer = (name: string, extra: Partial<Rule> = {}): Rule => ({ name, type: 'integer', ...readOnly, ...extra });
const reference = (name: string, referenceType: 'external' | 'uri', extra: Partial<Rule> = {}): Rule => ({ name, type: 'reference', referenceType, ...readOnly, ...extra });
const complex = (name: string, subAttributes: Rule[] | (() => Rule[]), extra: Partial<Rule> = {}): Rule => ({ name, type: 'complex', subAttributes, ...readOnly, ...extra });
const required = { required: true } as const;

// RFC 7643 section 3.1. `id` is checked per resource (idRequired).
const COMMON: Rule[] = [
  string('id'),
  string('externalId', { mutability: 'readWrite' }),
  complex('meta', [
    string('resourceType'),
    { name: 'created', type: 'dateTime', ...readOnly },
    { name: 'lastModified', type: 'dateTime', ...readOnly },
    reference('location', 'uri'),
    string('version'),
  ]),
];

const supported = boolean('supported', required);

// RFC 7643 section 5 (and 8.7.2); `pagination` from RFC 9865 section 4, which updates it.
export const SERVICE_PROVIDER_CONFIG: SchemaRules = {
  id: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  idRequired: false,
  attributes: [
    reference('documentationUri', 'external'),
    complex('patch', [supported], required),
    complex('bulk', [supported, integer('maxOperations', required), integer('maxPayloadSize', required)], required),
    complex('filter', [supported, integer('maxResults', required)], required),
    complex('changePassword', [supported], required),
    complex('sort', [supported], required),
    complex('etag', [supported], required),
    complex(
      'authenticationSchemes',
      [
        string('type', { ...required, oneOf: ['oauth', 'oauth2', 'oauthbearertoken', 'httpbasic', 'httpdigest'] }),
        string('name', required),
        string('description', required),
        reference('specUri', 'external'),
        reference('documentationUri', 'external'),
        // Not in section 5's list, but in section 8.5's example: the default sub-attribute of a
        // multi-valued attribute (section 2.4).
        boolean('primary'),
      ],
      { ...required, multiValued: true },
    ),
    complex('pagination', [
      boolean('cursor', required),
      boolean('index', required),
      string('defaultPaginationMethod', { oneOf: ['cursor', 'index'] }),
      integer('defaultPageSize', { positive: true }),
      integer('maxPageSize', { positive: true }),
      integer('cursorTimeout', { positive: true }),
    ]),
  ],
};

// RFC 7643 section 6.
export const RESOURCE_TYPE: SchemaRules = {
  id: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  idRequired: false,
  attributes: [
    string('name', required),
    string('description'),
    reference('endpoint', 'uri', required),
    reference('schema', 'uri', required),
    complex('schemaExtensions', [reference('schema', 'uri', required), boolean('required', required)], { multiValued: true }),
  ],
};

// RFC 7643 section 7: an attribute definition, whose sub-attributes use the same definitions.
const ATTRIBUTE_DEFINITION: Rule[] = [
  string('name', required),
  string('type', { ...required, oneOf: ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'complex', 'binary'] }),
  complex('subAttributes', () => ATTRIBUTE_DEFINITION, { multiValued: true }),
  boolean('multiValued', required),
  string('description'),
  boolean('required'),
  string('canonicalValues', { multiValued: true }),
  boolean('caseExact'),
  string('mutability', { oneOf: ['readOnly', 'readWrite', 'immutable', 'writeOnly'] }),
  string('returned', { oneOf: ['always', 'never', 'default', 'request'] }),
  string('uniqueness', { oneOf: ['none', 'server', 'global'] }),
  string('referenceTypes', { multiValued: true }),
];

export const SCHEMA: SchemaRules = {
  id: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
  idRequired: true,
  attributes: [string('name'), string('description'), complex('attributes', ATTRIBUTE_DEFINITION, { ...required, multiValued: true })],
};

const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

function typeProblem(rule: Rule, value: unknown, at: string): string | undefined {
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') return `${at}: must be a string, got ${JSON.stringify(value)}`;
      if (rule.oneOf && !rule.oneOf.includes(value)) return `${at}: ${JSON.stringify(value)} is not one of ${rule.oneOf.join(', ')}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${at}: must be a boolean, got ${JSON.stringify(value)}`;
    case 'integer':
      if (!Number.isInteger(value)) return `${at}: must be an integer, got ${JSON.stringify(value)}`;
      return rule.positive && (value as number) <= 0 ? `${at}: must be a positive integer, got ${String(value)}` : undefined;
    case 'decimal':
      return typeof value === 'number' ? undefined : `${at}: must be a number`;
    case 'dateTime':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : `${at}: must be an xsd:dateTime, got ${JSON.stringify(value)}`;
    case 'binary':
      return typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? undefined : `${at}: must be base64`;
    case 'reference':
      return referenceProblem(rule, value, at);
    case 'complex':
      return isObject(value) ? undefined : `${at}: must be an object, got ${JSON.stringify(value)}`;
  }
}

function referenceProblem(rule: Rule, value: unknown, at: string): string | undefined {
  if (typeof value !== 'string' || value === '') return `${at}: must be a URI string, got ${JSON.stringify(value)}`;
  if (rule.referenceType === 'external') {
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${at}: must be an HTTP-addressable URL, got ${value}`;
    } catch {
      return `${at}: must be an absolute URL, got ${value}`;
    }
  }
  return /\s/.test(value) ? `${at}: a URI has no spaces: ${JSON.stringify(value)}` : undefined;
}

/** The problems of one object against its attribute rules: unknown, missing, mistyped, never-returned. */
function objectProblems(object: Json, rules: readonly Rule[], at: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    const rule = rules.find((candidate) => candidate.name === key);
    if (!rule) {
      const other = rules.find((candidate) => candidate.name.toLowerCase() === key.toLowerCase());
      problems.push(other ? `${at}${key}: spelled "${other.name}" by the RFC` : `${at}${key}: not an attribute the RFC defines (unknown attributes are forbidden)`);
      continue;
    }
    problems.push(...valueProblems(rule, value, `${at}${key}`));
  }
  for (const rule of rules) {
    if (rule.required && (object[rule.name] === undefined || object[rule.name] === null)) problems.push(`${at}${rule.name}: required`);
  }
  return problems;
}

function valueProblems(rule: Rule, value: unknown, at: string): string[] {
  if (value === null) return [`${at}: null (an unassigned attribute is omitted, RFC 7643 section 2.5)`];
  if (rule.mutability === 'writeOnly' || rule.returned === 'never') return [`${at}: must never be returned`];
  if (rule.multiValued) {
    if (!Array.isArray(value)) return [`${at}: must be an array (multi-valued), got ${JSON.stringify(value)}`];
    return value.flatMap((item, index) => singleProblems(rule, item, `${at}[${index}]`));
  }
  if (Array.isArray(value)) return [`${at}: single-valued, got an array`];
  return singleProblems(rule, value, at);
}

function singleProblems(rule: Rule, value: unknown, at: string): string[] {
  const problem = typeProblem(rule, value, at);
  if (problem) return [problem];
  if (rule.type !== 'complex') return [];
  const subAttributes = typeof rule.subAttributes === 'function' ? rule.subAttributes() : (rule.subAttributes ?? []);
  return objectProblems(value as Json, subAttributes, `${at}.`);
}

/**
 * The problems of a resource of the given schema: `schemas` lists exactly that schema (RFC 7643
 * section 3: only the resource type's schema and extensions; these have none), then its
 * attributes and the common ones.
 */
export function resourceProblems(document: unknown, schema: SchemaRules): string[] {
  if (!isObject(document)) return ['the document is not a JSON object'];
  const problems: string[] = [];
  const { schemas, ...attributes } = document;
  if (!Array.isArray(schemas) || schemas.length === 0) problems.push('schemas: required, a non-empty array');
  else if (schemas.length !== 1 || schemas[0] !== schema.id) problems.push(`schemas: must be ["${schema.id}"] (no extension is defined for it), got ${JSON.stringify(schemas)}`);
  const rules = [...COMMON, ...schema.attributes].map((rule) => (rule.name === 'id' && schema.idRequired ? { ...rule, required: true } : rule));
  problems.push(...objectProblems(attributes, rules, ''));
  if (schema === SCHEMA) problems.push(...schemaDefinitionProblems(attributes));
  return problems;
}

/** RFC 7643 section 2.3.8 and 7: what a well-formed attribute definition must also satisfy. */
function schemaDefinitionProblems(schema: Json): string[] {
  const problems: string[] = [];
  const visit = (definitions: unknown, at: string, depth: number): void => {
    if (!Array.isArray(definitions)) return;
    for (const definition of definitions) {
      if (!isObject(definition)) continue;
      const where = `${at}.${String(definition.name)}`;
      const subAttributes = definition.subAttributes;
      const hasSubAttributes = Array.isArray(subAttributes) && subAttributes.length > 0;
      if (definition.type === 'complex' && !hasSubAttributes) problems.push(`${where}: a complex attribute lists its subAttributes`);
      if (definition.type !== 'complex' && subAttributes !== undefined) problems.push(`${where}: only a complex attribute has subAttributes`);
      if (definition.type === 'complex' && depth > 0) problems.push(`${where}: a sub-attribute cannot be complex (section 2.3.8)`);
      if (definition.type === 'reference' && !Array.isArray(definition.referenceTypes)) problems.push(`${where}: a reference lists its referenceTypes`);
      if (definition.type !== 'reference' && definition.referenceTypes !== undefined) problems.push(`${where}: only a reference has referenceTypes`);
      if (definition.mutability === 'writeOnly' && definition.returned !== 'never') problems.push(`${where}: a writeOnly attribute is returned "never"`);
      visit(subAttributes, where, depth + 1);
    }
  };
  visit(schema.attributes, String(schema.id), 0);
  return problems;
}

/** A ListResponse (RFC 7644 section 3.4.2, RFC 9865 section 2.2) whose Resources are each checked by `item`. */
export function listResponseProblems(document: unknown, item: (resource: unknown) => string[]): string[] {
  if (!isObject(document)) return ['the list is not a JSON object'];
  const problems: string[] = [];
  const { schemas, Resources: resources, ...rest } = document;
  if (!Array.isArray(schemas) || schemas.length !== 1 || schemas[0] !== LIST_RESPONSE_SCHEMA) problems.push(`schemas: must be ["${LIST_RESPONSE_SCHEMA}"], got ${JSON.stringify(schemas)}`);
  problems.push(
    ...objectProblems(rest, [integer('totalResults', required), integer('startIndex'), integer('itemsPerPage'), string('nextCursor'), string('previousCursor')], ''),
  );
  if (resources === undefined) {
    if (typeof rest.totalResults === 'number' && rest.totalResults > 0) problems.push('Resources: required when totalResults is not 0');
  } else if (!Array.isArray(resources)) {
    problems.push('Resources: must be an array');
  } else {
    resources.forEach((resource, index) => problems.push(...item(resource).map((problem) => `Resources[${index}].${problem}`)));
    if (typeof rest.itemsPerPage === 'number' && rest.itemsPerPage !== resources.length) problems.push(`itemsPerPage: ${rest.itemsPerPage}, but Resources holds ${resources.length}`);
  }
  return problems;
}
