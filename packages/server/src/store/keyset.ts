import type { SqlParams } from './sql-params.js';

/**
 * One page of a keyset walk over a unique, sortable text key: the rows after `after`, or the
 * rows before `before` (walking back). Never OFFSET: a deep page costs what the first one does.
 */
export interface KeysetPage {
  limit: number;
  after?: string | undefined;
  before?: string | undefined;
}

/** The condition, order and limit of a page over `column`; one row more than asked shows whether more follow. */
export function keysetClauses(column: string, page: KeysetPage, params: SqlParams): { condition: string; order: string; limit: string } {
  const limit = params.add(page.limit + 1);
  if (page.before !== undefined) return { condition: `${column} < ${params.add(page.before)}`, order: `${column} DESC`, limit };
  const condition = page.after !== undefined ? `${column} > ${params.add(page.after)}` : 'true';
  return { condition, order: `${column} ASC`, limit };
}

/** The page's rows in ascending order, and whether more lay beyond in the direction read. */
export function keysetRows<Row>(rows: Row[], page: KeysetPage): { rows: Row[]; more: boolean } {
  const taken = rows.slice(0, page.limit);
  return { rows: page.before !== undefined ? taken.reverse() : taken, more: rows.length > page.limit };
}
