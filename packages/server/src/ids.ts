import { randomBytes } from 'node:crypto';

// Crockford base32: ids sort by creation time as text, so new rows land at the end
// of their primary-key index and keyset pages follow creation order.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastMillis = 0;
let sequence = 0;

// Random bytes drawn a few kilobytes at a time: a 10k-member change makes 10k event ids, and one
// call into the CSPRNG per id cost more than the rest of the id. (Ids are unique, not secret.)
const POOL_BYTES = 4_096;
let pool = Buffer.alloc(0);
let offset = 0;

function randomTen(): Buffer {
  if (offset + 10 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  offset += 10;
  return pool.subarray(offset - 10, offset);
}

function encodeTime(millis: number): string {
  let out = '';
  let value = millis;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** A new id with a type prefix (`org_`, `dir_`, ...), time-ordered, with 50 random bits. */
export function newId(prefix: string): string {
  // A counter within the same millisecond, most significant digit first, keeps ids from one
  // process strictly ordered; past 1,024 ids in a millisecond the clock is borrowed ahead.
  const now = Date.now();
  if (now > lastMillis) {
    lastMillis = now;
    sequence = 0;
  } else if (++sequence >= 1024) {
    lastMillis++;
    sequence = 0;
  }
  const bytes = randomTen();
  let random = ALPHABET[Math.floor(sequence / 32)]! + ALPHABET[sequence % 32]!;
  for (const byte of bytes) random += ALPHABET[byte % 32]!;
  return `${prefix}_${encodeTime(lastMillis)}${random}`;
}
