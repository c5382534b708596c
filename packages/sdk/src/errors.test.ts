import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GoneError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RosterError,
  ServerError,
  errorFromResponse,
} from './errors.js';

test('each status is its own error class and kind', () => {
  const cases: [number, new (...args: never[]) => RosterError, string][] = [
    [400, BadRequestError, 'bad_request'],
    [413, BadRequestError, 'bad_request'],
    [401, AuthenticationError, 'authentication'],
    [403, PermissionDeniedError, 'permission_denied'],
    [404, NotFoundError, 'not_found'],
    [409, ConflictError, 'conflict'],
    [410, GoneError, 'gone'],
    [429, RateLimitError, 'rate_limited'],
    [500, ServerError, 'server'],
    [503, ServerError, 'server'],
  ];
  for (const [status, type, kind] of cases) {
    const error = errorFromResponse(status, { code: 'some_code', message: 'Some message' });
    assert.ok(error instanceof type && error instanceof RosterError && error instanceof Error, String(status));
    assert.equal(error.kind, kind);
    assert.equal(error.status, status);
    assert.equal(error.name, type.name);
  }
});

test('the body is read as the API error shape when it is one', () => {
  const shaped = errorFromResponse(400, { code: 'invalid_argument', message: 'page_size: must be at most 100', details: { parameter: 'page_size' } }, new Headers({ 'x-request-id': 'r1' }));
  assert.equal(shaped.code, 'invalid_argument');
  assert.equal(shaped.message, 'page_size: must be at most 100');
  assert.equal(shaped.parameter, 'page_size');
  assert.equal(shaped.headers?.get('x-request-id'), 'r1');

  const text = errorFromResponse(502, '<html>Bad gateway</html>');
  assert.deepEqual([text.code, text.message, text.details, text.parameter], ['http_502', '<html>Bad gateway</html>', {}, undefined]);
  const empty = errorFromResponse(503, undefined);
  assert.deepEqual([empty.code, empty.message], ['http_503', 'HTTP 503']);
  const odd = errorFromResponse(404, { code: 7, message: 'not the shape' });
  assert.equal(odd.code, 'http_404');
});
