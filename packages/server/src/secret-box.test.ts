import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretBoxError, openSecret, sealSecret } from './secret-box.js';

const key = randomBytes(32);

test('a sealed secret opens with the same key and context', () => {
  for (const plaintext of ['', 'api-key-123', '{"refresh_token":"1//x"}', 'ünïcödé ✓'.repeat(500)]) {
    assert.equal(openSecret(key, sealSecret(key, plaintext, 'dir_1'), 'dir_1'), plaintext);
  }
});

test('sealing twice gives different text (a fresh nonce each time) that hides the plaintext', () => {
  const first = sealSecret(key, 'same');
  const second = sealSecret(key, 'same');
  assert.notEqual(first, second);
  assert.ok(!first.includes('same'));
});

test('another key, another context, or any altered part does not open', () => {
  const sealed = sealSecret(key, 'secret', 'dir_1');
  assert.throws(() => openSecret(randomBytes(32), sealed, 'dir_1'), SecretBoxError);
  assert.throws(() => openSecret(key, sealed, 'dir_2'), SecretBoxError);
  const parts = sealed.split('.');
  for (let index = 1; index < parts.length; index++) {
    const altered = [...parts];
    const part = altered[index] ?? '';
    altered[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
    assert.throws(() => openSecret(key, altered.join('.'), 'dir_1'), SecretBoxError, `part ${index}`);
  }
});

test('malformed values and short keys are refused with SecretBoxError', () => {
  for (const value of ['', 'v1', 'v2.a.b.c', 'v1.a.b.c.d', 'plain text']) assert.throws(() => openSecret(key, value), SecretBoxError, value);
  assert.throws(() => sealSecret(randomBytes(16), 'x'), SecretBoxError);
});
