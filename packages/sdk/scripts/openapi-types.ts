import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

// Renders src/generated/openapi.ts from Roster's OpenAPI document. The generate script writes it;
// test/generated-types.test.ts renders it again from a live server and fails when the two differ.

const HEADER = [
  "// Generated from Roster's OpenAPI document by `npm run generate -w @roster/sdk`. Do not edit:",
  '// test/generated-types.test.ts fails when this file no longer matches what the server serves.',
  '',
  '',
].join('\n');

/** The OpenAPI document a Roster server serves at /api/openapi.json. */
export async function fetchOpenApiDocument(url: string): Promise<OpenAPI3> {
  const documentUrl = url.endsWith('.json') ? url : `${url.replace(/\/+$/, '')}/api/openapi.json`;
  const response = await fetch(documentUrl);
  if (!response.ok) throw new Error(`GET ${documentUrl} answered ${response.status}`);
  return (await response.json()) as OpenAPI3;
}

/** Components that are nothing but a $ref to themselves: their schema was lost, so nothing can type them. */
export function selfReferencingSchemas(document: OpenAPI3): string[] {
  return Object.entries(document.components?.schemas ?? {})
    .filter(([name, schema]) => '$ref' in schema && schema.$ref === `#/components/schemas/${name}`)
    .map(([name]) => name);
}

/** The TypeScript source of the SDK's generated types for one document. */
export async function renderOpenApiTypes(document: OpenAPI3): Promise<string> {
  const broken = selfReferencingSchemas(document);
  if (broken.length > 0) throw new Error(`the OpenAPI document's components.schemas only reference themselves: ${broken.join(', ')}`);
  // `servers` names the host that served the document; it says nothing about types.
  const { servers: _servers, ...portable } = document;
  return HEADER + astToString(await openapiTS(portable));
}
