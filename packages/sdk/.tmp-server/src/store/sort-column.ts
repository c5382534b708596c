// What `sortBy` (RFC 7644 section 3.4.2.3) orders by, as a SQL expression over the row alias.
// The caller adds the direction, NULLS LAST and a tiebreaker (r.id).

import type { AttributeDefinition } from '../scim/schema/attribute.js';
import type { ResolvedPath, ResourceType } from '../scim/schema/resource-types.js';
import { columnOperand, jsonKeys, jsonValue, quoteLiteral } from './filter-to-sql.js';

export function sortExpression(resourceType: ResourceType, path: ResolvedPath, alias = 'r'): string {
  const definition = path.subAttribute === undefined ? path.definition : path.subDefinition;
  // Secrets never order anything (an order would leak them); members and a user's groups are
  // rows, not a value to sort by; meta.location is not stored.
  if (path.definition?.returned === 'never' || definition?.returned === 'never') return 'NULL';
  if (path.extension === undefined) {
    if (path.attribute === (resourceType.name === 'Group' ? 'members' : 'groups')) return 'NULL';
    // "Sorted by the primary value, or else the first" (section 3.4.2.3): that is primary_email.
    if (resourceType.name === 'User' && path.attribute === 'emails' && (path.subAttribute ?? 'value') === 'value') {
      return `lower(${alias}.primary_email)`;
    }
  }

  const column = columnOperand(resourceType, path, alias);
  if (column) {
    if (column.type === 'text') return column.caseExact ? column.sql : `lower(${column.sql})`;
    if (column.type !== 'json') return column.sql;
  }
  if (path.extension === undefined && path.attribute === 'meta') return 'NULL';

  const keys = jsonKeys(path);
  if (!path.definition?.multiValued) {
    if (path.subAttribute !== undefined) keys.push(path.subAttribute);
    else if (definition?.type === 'complex') return 'NULL';
    return byType(jsonValue({ base: `${alias}.resource`, keys }), jsonValue({ base: `${alias}.resource`, keys }, true), definition);
  }

  // Other multi-valued attributes: the primary element's sub-attribute, else the first element's.
  const sub = path.subAttribute ?? (path.definition.subAttributes?.some((attribute) => attribute.name === 'value') ? 'value' : undefined);
  if (sub === undefined) return 'NULL';
  const subDefinition = path.definition.subAttributes?.find((attribute) => attribute.name === sub);
  const array = jsonValue({ base: `${alias}.resource`, keys });
  const element = { base: 'e.v', keys: [sub] };
  return (
    `(SELECT ${byType(jsonValue(element), jsonValue(element, true), subDefinition)} ` +
    `FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${array}) = 'array' THEN ${array} ELSE '[]'::jsonb END) WITH ORDINALITY AS e(v, i) ` +
    `ORDER BY (e.v -> ${quoteLiteral('primary')} = 'true'::jsonb) IS TRUE DESC, e.i LIMIT 1)`
  );
}

/** Strings by their text (case-folded unless caseExact); booleans and numbers in jsonb's own order. */
function byType(json: string, text: string, definition: AttributeDefinition | undefined): string {
  const type = definition?.type;
  if (type === 'boolean' || type === 'integer' || type === 'decimal') return json;
  if (type === 'dateTime' || definition?.caseExact) return text;
  return `lower(${text})`;
}
