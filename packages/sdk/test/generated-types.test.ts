import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startTestServer } from '../../server/test/support/test-server.js';
import { fetchOpenApiDocument, renderOpenApiTypes, selfReferencingSchemas } from '../scripts/openapi-types.js';

// The SDK's types come from the server's OpenAPI document, so the SDK cannot drift from the
// server unnoticed: this fails when the committed file is not what the document makes today.

const GENERATED = new URL('../src/generated/openapi.ts', import.meta.url);

function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  const line = want.findIndex((text, index) => text !== got[index]);
  const at = line < 0 ? Math.min(want.length, got.length) : line;
  return `line ${at + 1}: generated now ${JSON.stringify(want[at])}, committed ${JSON.stringify(got[at])}`;
}

test("src/generated/openapi.ts is what `npm run generate -w @roster/sdk` makes from the server's document", async () => {
  const server = await startTestServer({ store: 'embedded' });
  try {
    const document = await fetchOpenApiDocument(server.baseUrl);
    assert.deepEqual(selfReferencingSchemas(document), [], 'components.schemas that only reference themselves (their schemas were lost)');
    const expected = await renderOpenApiTypes(document);
    const committed = await readFile(GENERATED, 'utf8');
    assert.ok(expected === committed, `src/generated/openapi.ts is stale; run \`npm run generate -w @roster/sdk\`. First difference at ${firstDifference(expected, committed)}`);
  } finally {
    await server.close();
  }
});
