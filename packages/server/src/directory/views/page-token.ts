import { createHash } from 'node:crypto';
import type { KeysetPage } from '../../store/keyset.js';
import { invalidArgument } from '../api-error.js';

// The one pagination helper of the management API and the web UI's own lists: opaque page
// tokens over keyset pages.
// A token names the key to continue after (next page) or before (previous page), and a hash of
// the list it belongs to, so a token from one list (or one set of filters) is refused by another
// (AIP-158: other parameters must match the call that produced the token).

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface Page<Item> {
  items: Item[];
  /** Empty when this is the last page. */
  next_page_token: string;
  /** Empty when this is the first page. */
  prev_page_token: string;
  total_size: number;
}

export interface PageRequest {
  pageSize?: number | undefined;
  pageToken?: string | undefined;
}

type Token = [scope: string, direction: 'a' | 'b', key: string];

const scopeHash = (scope: string): string => createHash('sha256').update(scope).digest('base64url').slice(0, 16);

function encode(scope: string, direction: 'a' | 'b', key: string): string {
  const token: Token = [scopeHash(scope), direction, key];
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

function decode(text: string): Token | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && (value[1] === 'a' || value[1] === 'b') && typeof value[2] === 'string') {
      if (value[2].includes('\u0000')) return undefined;
      const token: Token = [value[0], value[1], value[2]];
      // Base64 decoding forgives stray characters; a token is only one this server wrote.
      return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url') === text ? token : undefined;
    }
  } catch {
    // Not base64url JSON: reported below like any other malformed token.
  }
  return undefined;
}

/** The keyset page a request asks for; a token from another list or filter is a 400 naming page_token. */
export function keysetPage(scope: string, request: PageRequest): KeysetPage {
  const limit = request.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!request.pageToken) return { limit };
  const token = decode(request.pageToken);
  if (!token) throw invalidArgument('page_token', 'is not a page token this server issued');
  if (token[0] !== scopeHash(scope)) throw invalidArgument('page_token', 'belongs to another list or to other filter parameters');
  return token[1] === 'a' ? { limit, after: token[2] } : { limit, before: token[2] };
}

/**
 * The page of `rows` (ascending, as the store returned them) with its tokens. Walking forward,
 * a next token exists when more rows followed; walking back, a previous one when more preceded.
 */
export function pageOf<Row, Item>(
  scope: string,
  page: KeysetPage,
  read: { rows: Row[]; more: boolean },
  keyOf: (row: Row) => string,
  items: Item[],
  totalSize: number,
): Page<Item> {
  const first = read.rows[0];
  const last = read.rows[read.rows.length - 1];
  const backward = page.before !== undefined;
  const hasNext = backward ? last !== undefined : read.more;
  const hasPrev = backward ? read.more : page.after !== undefined && first !== undefined;
  return {
    items,
    next_page_token: hasNext && last !== undefined ? encode(scope, 'a', keyOf(last)) : '',
    prev_page_token: hasPrev && first !== undefined ? encode(scope, 'b', keyOf(first)) : '',
    total_size: totalSize,
  };
}

/**
 * For a list read one way only (the dashboard's events and the request log, newest first): the
 * key the page continues from (undefined for the first page); a token of another list is a 400.
 */
export function feedPosition(scope: string, pageToken: string | undefined): string | undefined {
  const page = keysetPage(scope, { pageToken });
  if (page.before !== undefined) throw invalidArgument('page_token', 'is not a page token of this list');
  return page.after;
}

/** The token of the page after one that ended at `lastKey`; empty when the page was not full (the last one). */
export function nextFeedToken(scope: string, lastKey: string | undefined, full: boolean): string {
  return full && lastKey !== undefined ? encode(scope, 'a', lastKey) : '';
}
