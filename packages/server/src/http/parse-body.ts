import type { z } from 'zod';
import { ApiError } from '../directory/api-error.js';

/** Where a NUL character hides in a JSON value, as a dotted parameter path, or undefined. */
function nulAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, path === '' ? key : `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Parses a management request body or query with zod; a mistake is a 400 naming the parameter. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  // PostgreSQL text cannot hold NUL: refused here, not as a database error.
  const nul = nulAt(input, '');
  if (nul !== undefined) throw new ApiError(400, 'invalid_argument', `${nul || 'body'}: must not contain NUL characters`, { parameter: nul || 'body' });
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new ApiError(400, 'invalid_argument', `${parameter}: ${issue?.message ?? 'invalid'}`, {
    parameter,
    issues: result.error.issues.map((each) => ({ parameter: each.path.join('.'), message: each.message })),
  });
}
