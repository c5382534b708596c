import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from './password-hash.js';

// A low cost keeps the table fast; the format and checks are the same at any cost.
const cost = { logN: 10, r: 8, p: 1 };

describe('password hashes (scrypt)', () => {
  it('verifies the password it was made from, and nothing else', async () => {
    const stored = await hashPassword('correct horse battery staple', cost);
    assert.match(stored, /^scrypt\$10\$8\$1\$[\w-]+\$[\w-]+$/);
    const cases: [string, boolean][] = [
      ['correct horse battery staple', true],
      ['Correct horse battery staple', false],
      ['correct horse battery stapl', false],
      ['', false],
    ];
    for (const [attempt, expected] of cases) assert.equal(await verifyPassword(attempt, stored), expected, attempt);
  });

  it('salts each hash', async () => {
    assert.notEqual(await hashPassword('same password', cost), await hashPassword('same password', cost));
  });

  it('normalizes Unicode, so the same password typed on two keyboards matches', async () => {
    const stored = await hashPassword('caf\u00e9-passw0rd', cost);
    assert.equal(await verifyPassword('cafe\u0301-passw0rd', stored), true);
  });

  it('never matches a malformed or tampered hash', async () => {
    const stored = await hashPassword('secret-password', cost);
    const parts = stored.split('$');
    const tampered = [...parts.slice(0, 5), Buffer.alloc(32).toString('base64url')].join('$');
    for (const bad of ['', 'plain', 'scrypt$10$8$1$$', 'bcrypt$10$8$1$a$b', stored.replace('scrypt$10', 'scrypt$30'), tampered]) {
      assert.equal(await verifyPassword('secret-password', bad), false, bad);
    }
  });
});
