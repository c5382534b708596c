import { z } from 'zod';
import { EVENT_TYPES } from '../../events/event-types.js';
import { EVENT_CATALOGUE } from './event-catalogue.js';

// docs/events.md, rendered from the event catalogue: `npm run docs:events -w @roster/server`
// writes it, and test/event-catalogue.test.ts fails when the committed file differs.

type JsonSchema = { [key: string]: unknown };

const asSchema = (value: unknown): JsonSchema => (typeof value === 'object' && value !== null ? (value as JsonSchema) : {});

/** A JSON Schema's type in a few words: `string`, `string or null`, `array of string`, `"OKTA" \| ...`. */
function typeText(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map((option) => typeText(asSchema(option))).join(' or ');
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(', ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.type === 'array') return `array of ${typeText(asSchema(schema.items))}`;
  if (schema.type === 'object') return 'object';
  if (schema.format === 'date-time') return 'date-time string';
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  return typeof schema.type === 'string' ? schema.type : 'any JSON';
}

/** The top-level fields of a schema as a Markdown table. */
function fieldTable(schema: z.ZodType): string {
  const converted = asSchema(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }));
  // A schema with an id comes back as a $ref into $defs.
  const reference = typeof converted.$ref === 'string' ? converted.$ref.replace('#/$defs/', '') : undefined;
  const json = reference === undefined ? converted : asSchema(asSchema(converted.$defs)[reference]);
  const properties = asSchema(json.properties);
  const required = new Set(Array.isArray(json.required) ? json.required : []);
  const rows = Object.entries(properties).map(([name, value]) => {
    const property = asSchema(value);
    const description = typeof property.description === 'string' ? property.description.replaceAll('|', '\\|') : '';
    return `| \`${name}\` | ${typeText(property).replaceAll('|', '\\|')} | ${required.has(name) ? 'yes' : 'no'} | ${description} |`;
  });
  return ['| field | type | always there | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

const ENVELOPE_FIELDS = `| field | meaning |
|---|---|
| \`spec_version\` | \`"1"\` |
| \`id\` | \`evt_...\`, also the \`webhook-id\` header: the same on every retry, so receivers dedupe on it |
| \`type\` | one of the types below |
| \`occurred_at\` | when the change committed (RFC 3339) |
| \`environment_id\` | the Roster environment (\`env_...\`) |
| \`organization_id\`, \`directory_id\` | what the change belongs to |
| \`object\` | what \`data\` is: \`DirectoryUser\`, \`DirectoryGroup\`, \`Directory\` or \`DirectorySecret\` |
| \`data\` | the object, as listed for each type below |`;

export function renderEventsMarkdown(): string {
  const sections = EVENT_TYPES.map((type) => {
    const entry = EVENT_CATALOGUE[type];
    return [
      `## \`${type}\``,
      '',
      `${entry.summary}. ${entry.description}`,
      '',
      `\`object\`: \`${entry.object}\`. \`data\`:`,
      '',
      fieldTable(entry.data),
      '',
      'Example:',
      '',
      '```json',
      JSON.stringify(entry.example, null, 2),
      '```',
      '',
    ].join('\n');
  });
  return [
    '# Events',
    '',
    '<!-- Generated from packages/server/src/http/serializers/event-catalogue.ts by `npm run docs:events -w @roster/server`; do not edit. -->',
    '',
    'Every change Roster makes is an event, written in the same transaction as the change. Events are POSTed to',
    'webhook endpoints (signed per [Standard Webhooks](https://www.standardwebhooks.com): `webhook-id`,',
    '`webhook-timestamp`, `webhook-signature`; check them with `verifyWebhookPayload` from `@roster/sdk`) and listed',
    'in commit order by `GET /api/v1/events?after=<cursor>`. The same catalogue, with JSON Schemas, is the `webhooks`',
    'section of the OpenAPI document (`/api/openapi.json`).',
    '',
    'Every event has the same envelope:',
    '',
    ENVELOPE_FIELDS,
    '',
    '| type | object | when |',
    '|---|---|---|',
    ...EVENT_TYPES.map((type) => `| [\`${type}\`](#${type.replaceAll('.', '')}) | \`${EVENT_CATALOGUE[type].object}\` | ${EVENT_CATALOGUE[type].summary} |`),
    '',
    ...sections,
  ].join('\n');
}
