import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { operationDocProblems, type OperationSpec } from '../src/http/openapi-route.js';
import { http } from './support/api-client.js';
import { describeEachStore } from './support/each-store.js';

// Every management operation in the OpenAPI document says what it does and shows a request and
// a response: a summary, a description, an example of the body it takes and of the body it answers.
// The examples are checked against the operation's own schemas when the server starts under test
// (openapi-route.ts), so a wrong one stops every suite; here the served document is checked whole.

type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
};

describeEachStore('the OpenAPI document documents every operation', (fixture) => {
  test('each has a summary, a description, a request example when it takes a body and a response example when it answers one', async () => {
    const response = await http<{ paths: Record<string, Record<string, Operation>> }>('GET', `${fixture.server().baseUrl}/api/openapi.json`);
    assert.equal(response.status, 200, response.text);
    const operations = Object.values(response.body.paths).flatMap((item) => Object.values(item));
    assert.ok(operations.length >= 49, `only ${operations.length} operations`);
    const problems: string[] = [];
    for (const operation of operations) {
      const at = operation.operationId;
      if (!operation.summary?.trim()) problems.push(`${at}: no summary`);
      if (!operation.description?.trim() || operation.description.trim() === operation.summary?.trim()) problems.push(`${at}: no description of its own`);
      for (const [mediaType, content] of Object.entries(operation.requestBody?.content ?? {})) {
        if (content.example === undefined) problems.push(`${at}: no example of its ${mediaType} request body`);
      }
      for (const [status, answer] of Object.entries(operation.responses).filter(([status]) => status.startsWith('2'))) {
        for (const [mediaType, content] of Object.entries(answer.content ?? {})) {
          if (content.example === undefined) problems.push(`${at}: no example of its ${status} ${mediaType} response`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});

test('an operation without a description, or with an example its schemas refuse, is reported', () => {
  const spec = {
    method: 'POST',
    path: '/api/v1/things',
    operationId: 'createThing',
    tag: 'Things',
    summary: 'Create a thing',
    description: ' ',
    body: z.object({ name: z.string().min(1) }),
    status: 201,
    response: z.strictObject({ thing: z.strictObject({ id: z.string() }) }),
  } satisfies OperationSpec;
  assert.deepEqual(operationDocProblems(spec), ['createThing: no description', 'createThing: no request example', 'createThing: no response example']);
  const wrong = operationDocProblems({ ...spec, description: 'Makes a thing.', examples: { request: { name: '' }, response: { thing: { id: 'x' } } } });
  assert.equal(wrong.length, 1);
  assert.match(wrong[0] ?? '', /createThing: its request example does not parse/);
  const extra = operationDocProblems({ ...spec, description: 'Makes a thing.', examples: { request: { name: 'a' }, response: { thing: { id: 'x', colour: 'red' } } as never } });
  assert.match(extra[0] ?? '', /createThing: its response example does not match/);
  assert.deepEqual(operationDocProblems({ ...spec, description: 'Makes a thing.', examples: { request: { name: 'a' }, response: { thing: { id: 'x' } } } }), []);
});
