import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Administrator passwords are stored as scrypt hashes (RFC 7914) with a random salt per
// password and the cost parameters written beside the hash, so they can be raised later
// without invalidating stored hashes: `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url).

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** N = 2^15, r = 8, p = 1: OWASP's minimum for scrypt; about 32 MiB and a few tens of milliseconds. */
export const DEFAULT_COST = { logN: 15, r: 8, p: 1 };

function derive(password: string, salt: Buffer, cost: { logN: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** cost.logN;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map((part) => Number.parseInt(part ?? '', 10));
  if (!logN || !r || !p || logN > 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, salt, { logN, r, p });
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password: checked against when an email is unknown, so a login takes as long either way. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
