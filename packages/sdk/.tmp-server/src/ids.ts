import { randomBytes } from 'node:crypto';

// Crockford base32: ids sort by creation time as text, so new rows land at the end
// of their primary-key index and keyset pages follow creation order.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastMillis = 0;
let sequence = 0;

function encodeTime(millis: number): string {
  let out = '';
  let value = millis;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** A new id with a type prefix (`org_`, `dir_`, ...), time-ordered and 80 bits of randomness. */
export function newId(prefix: string): string {
  const now = Date.now();
  // A counter within the same millisecond keeps ids from one process strictly ordered.
  sequence = now === lastMillis ? sequence + 1 : 0;
  lastMillis = now;
  const bytes = randomBytes(10);
  let random = ALPHABET[sequence % 32]! + ALPHABET[Math.floor(sequence / 32) % 32]!;
  for (const byte of bytes) random += ALPHABET[byte % 32]!;
  return `${prefix}_${encodeTime(now)}${random}`;
}
