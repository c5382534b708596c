import type { LogPosition } from '../store/events.js';

// An Events API cursor is an opaque token for a log position (transaction id, order within it).

const PREFIX = 'ec1_';

export function encodeCursor(position: LogPosition): string {
  return PREFIX + Buffer.from(`${position.txid}.${position.seq}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined if it is not one of ours. */
export function decodeCursor(cursor: string): LogPosition | undefined {
  if (!cursor.startsWith(PREFIX)) return undefined;
  const match = /^(\d{1,20})\.(\d{1,18})$/.exec(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'));
  if (!match?.[1] || !match[2]) return undefined;
  const txid = BigInt(match[1]);
  const seq = Number(match[2]);
  if (txid >= 2n ** 64n || !Number.isSafeInteger(seq)) return undefined;
  return { txid: txid.toString(), seq };
}
