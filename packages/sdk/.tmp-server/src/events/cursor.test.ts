import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCursor, encodeCursor } from './cursor.js';

test('cursors round-trip positions, including 64-bit transaction ids', () => {
  for (const position of [{ txid: '0', seq: 0 }, { txid: '755', seq: 12 }, { txid: '18446744073709551615', seq: 9_007_199_254_740_991 }]) {
    assert.deepEqual(decodeCursor(encodeCursor(position)), position);
  }
});

test('anything else is not a cursor', () => {
  const bad = ['', 'abc', 'ec1_', 'ec1_!!!', `ec1_${Buffer.from('1.x').toString('base64url')}`, `ec1_${Buffer.from('18446744073709551616.1').toString('base64url')}`, `ec1_${Buffer.from('-1.2').toString('base64url')}`];
  for (const cursor of bad) assert.equal(decodeCursor(cursor), undefined, cursor);
});
