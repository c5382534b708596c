import { z } from 'zod';

// The Runscope API-test export format (what Okta publishes its SCIM spec test as). Only the
// fields a run needs are read; unknown fields are ignored so newer exports still load.

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const runscopeAssertionSchema = z.object({
  source: z.string(),
  comparison: z.string(),
  property: z.string().nullish(),
  value: scalar.nullish(),
});
export type RunscopeAssertion = z.infer<typeof runscopeAssertionSchema>;

export const runscopeVariableSchema = z.object({
  name: z.string(),
  source: z.string(),
  property: z.string().nullish(),
});
export type RunscopeVariable = z.infer<typeof runscopeVariableSchema>;

const requestStepSchema = z.object({
  step_type: z.literal('request'),
  skipped: z.boolean().optional(),
  note: z.string().optional(),
  method: z.string(),
  url: z.string(),
  // Runscope stores each header as a list of values.
  headers: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional(),
  body: z.string().nullish(),
  assertions: z.array(runscopeAssertionSchema).default([]),
  variables: z.array(runscopeVariableSchema).default([]),
  scripts: z.array(z.string()).default([]),
  before_scripts: z.array(z.string()).default([]),
});
export type RunscopeRequestStep = z.infer<typeof requestStepSchema>;

// Pauses, conditions, subtests, ...: kept only to be reported as skipped.
const otherStepSchema = z.object({
  step_type: z.string().refine((type) => type !== 'request'),
  note: z.string().optional(),
  duration: z.number().optional(),
});
export type RunscopeOtherStep = z.infer<typeof otherStepSchema>;

export const runscopeTestSchema = z.object({
  name: z.string(),
  description: z.string().nullish(),
  steps: z.array(z.union([requestStepSchema, otherStepSchema])),
});
export type RunscopeTest = z.infer<typeof runscopeTestSchema>;
export type RunscopeStep = RunscopeTest['steps'][number];

export function isRequestStep(step: RunscopeStep): step is RunscopeRequestStep {
  return step.step_type === 'request';
}

/** Parses an export at the edge; the error names the first wrong field. */
export function parseRunscopeTest(json: unknown): RunscopeTest {
  const result = runscopeTestSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`not a Runscope test export: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}
