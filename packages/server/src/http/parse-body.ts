import type { z } from 'zod';
import { ApiError } from '../directory/api-error.js';
import { findJsonNode, jsonPath } from '../json-walk.js';

/** Where a NUL character hides in a JSON value, as a dotted parameter path ('' for the value itself), or undefined. */
function nulAt(value: unknown): string | undefined {
  const found = findJsonNode(value, (node) => typeof node.value === 'string' && node.value.includes('\u0000'));
  return found && jsonPath(found).join('.');
}

/** Parses a management request body or query with zod; a mistake is a 400 naming the parameter. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  // PostgreSQL text cannot hold NUL: refused here, not as a database error.
  const nul = nulAt(input);
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
