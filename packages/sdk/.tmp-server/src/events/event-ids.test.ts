import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '../ids.js';
import { eventIdBefore } from './event-ids.js';

test('eventIdBefore(T) sorts after ids made before T and before ids made at or after T', async () => {
  const earlier = newId('evt');
  await new Promise((resolve) => setTimeout(resolve, 3));
  const boundary = eventIdBefore(new Date());
  const later = newId('evt');
  assert.ok(earlier < boundary, `${earlier} < ${boundary}`);
  assert.ok(boundary <= later, `${boundary} <= ${later}`);
});
