import type { z } from 'zod';
import { ApiError } from '../directory/api-error.js';

/** Parses a management request body or query with zod; a mistake is a 400 naming the parameter. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new ApiError(400, 'invalid_argument', `${parameter}: ${issue?.message ?? 'invalid'}`, {
    parameter,
    issues: result.error.issues.map((each) => ({ parameter: each.path.join('.'), message: each.message })),
  });
}
