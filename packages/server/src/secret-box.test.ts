import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError, isSealed, parseEncryptionKey, sealedKeyId } from './secret-box.js';

const box = new SecretBox(randomBytes(32));
const SECRET = 'whsec_c2VjcmV0LWJ5dGVzLWZvci10aGUtdGVzdHMtb25seQ==';

test('round trip: what is sealed opens to the same text, with its context; each seal differs', () => {
  for (const plaintext of ['', SECRET, 'ünïcødé 😀', 'x'.repeat(10_000)]) {
    const sealed = box.seal(plaintext, 'row-1');
    assert.equal(box.open(sealed, 'row-1'), plaintext);
  }
  assert.notEqual(box.seal(SECRET), box.seal(SECRET), 'a fresh IV every time');
});

test('versioned format: rsb1, the key id, and nothing of the plaintext', () => {
  const sealed = box.seal(SECRET);
  assert.match(sealed, /^rsb1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
  assert.equal(sealedKeyId(sealed), box.keyId);
  assert.ok(isSealed(sealed));
  assert.ok(!isSealed(SECRET));
  assert.ok(!sealed.includes('whsec') && !sealed.includes(SECRET.slice(6, 20)));
  assert.throws(() => box.open(sealed.replace(/^rsb1/, 'rsb2')), /version rsb2 is not known/);
  assert.throws(() => box.open(SECRET), /not sealed text/);
});

test('tamper detection: any changed byte of IV, ciphertext or tag, or a truncation, is refused', () => {
  const sealed = box.seal(SECRET, 'ctx');
  const prefix = sealed.slice(0, sealed.lastIndexOf('.') + 1);
  const bytes = Buffer.from(sealed.slice(prefix.length), 'base64url');
  for (const index of [0, 11, 12, 20, bytes.length - 16, bytes.length - 1]) {
    const altered = Buffer.from(bytes);
    altered[index] = (altered[index] ?? 0) ^ 0x01;
    assert.throws(() => box.open(prefix + altered.toString('base64url'), 'ctx'), SecretBoxError, `byte ${index}`);
  }
  assert.throws(() => box.open(prefix + bytes.subarray(0, 20).toString('base64url'), 'ctx'), /truncated/);
});

test('another context (a value copied to another record) does not open', () => {
  assert.throws(() => box.open(box.seal(SECRET, 'endpoint-a'), 'endpoint-b'), /altered, or belongs to another record/);
});

test('a wrong key is named as such, and cannot open even with a forged key id', () => {
  const other = new SecretBox(randomBytes(32));
  const sealed = box.seal(SECRET);
  assert.throws(() => other.open(sealed), /sealed with another key/);
  const forged = sealed.replace(`.${box.keyId}.`, `.${other.keyId}.`);
  assert.throws(() => other.open(forged), SecretBoxError);
});

const keyCases: [string, string, RegExp | undefined][] = [
  ['openssl rand -base64 32', randomBytes(32).toString('base64'), undefined],
  ['base64url without padding', randomBytes(32).toString('base64url'), undefined],
  ['surrounding whitespace', ` ${randomBytes(32).toString('base64')}\n`, undefined],
  ['16 bytes', randomBytes(16).toString('base64'), /must decode to 32 bytes, not 16/],
  ['33 bytes', randomBytes(33).toString('base64'), /must decode to 32 bytes, not 33/],
  ['hex', randomBytes(32).toString('hex'), /must decode to 32 bytes, not 48/],
  ['not base64', 'this is not a key!', /must be base64/],
  ['empty', '', /must be base64/],
];

for (const [name, text, error] of keyCases) {
  test(`parseEncryptionKey: ${name}`, () => {
    if (error) assert.throws(() => parseEncryptionKey(text), error);
    else assert.equal(parseEncryptionKey(text).length, 32);
  });
}
