/**
 * The positional parameters of one SQL statement: `add` stores a value and returns its
 * placeholder (`$1`, `$2`, ...), so statements are built from fragments without ever
 * putting a client's value into the SQL text.
 */
export class SqlParams {
  readonly values: unknown[];

  /** Continue numbering after `values` already bound by the caller (they are kept, not copied). */
  constructor(values: unknown[] = []) {
    this.values = values;
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
