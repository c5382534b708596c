import { PATCH_OP_SCHEMA } from '../schema/urns.js';
import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { findHostileKey, findKey, isPlainObject } from '../resource/json-object.js';

export type PatchOpName = 'add' | 'replace' | 'remove';

export interface PatchOperation {
  op: PatchOpName;
  /** Absent when the operation targets the resource itself. */
  path?: string;
  /** Absent when the operation carried no `value` member. */
  value?: unknown;
  hasValue: boolean;
}

const invalidSyntax = (detail: string) => fail(badRequest('invalidSyntax', detail));

/**
 * Reads a PatchOp request (RFC 7644 3.5.2). Lenient where real clients differ from the RFC:
 * `op` in any case (Entra sends "Replace"), member names (`Operations`, `op`, `path`, `value`) in
 * any case, and a missing `schemas` (every known client sends it; a body whose `schemas` names
 * something else is still refused, since it is most likely a resource sent to the wrong method).
 */
export function parsePatchRequest(body: unknown): Result<PatchOperation[]> {
  if (!isPlainObject(body)) return invalidSyntax('The PATCH body must be a JSON object');
  const hostile = findHostileKey(body);
  if (hostile !== undefined) return invalidSyntax(`The key "${hostile}" is not allowed`);

  const schemasKey = findKey(body, 'schemas');
  if (schemasKey !== undefined) {
    const schemas = body[schemasKey];
    const list = Array.isArray(schemas) ? schemas : [schemas];
    if (!list.some((urn) => typeof urn === 'string' && urn.toLowerCase() === PATCH_OP_SCHEMA.toLowerCase())) {
      return invalidSyntax(`A PATCH body's "schemas" must contain "${PATCH_OP_SCHEMA}"`);
    }
  }

  const operationsKey = findKey(body, 'Operations');
  const operations = operationsKey === undefined ? undefined : body[operationsKey];
  if (!Array.isArray(operations) || operations.length === 0) return invalidSyntax('"Operations" must be a non-empty array');

  const parsed: PatchOperation[] = [];
  for (const [index, operation] of operations.entries()) {
    const result = parseOperation(operation, index);
    if (!result.ok) return result;
    parsed.push(result.value);
  }
  return ok(parsed);
}

function parseOperation(operation: unknown, index: number): Result<PatchOperation> {
  const at = `Operations[${index}]`;
  if (!isPlainObject(operation)) return invalidSyntax(`${at} must be an object`);
  const opKey = findKey(operation, 'op');
  const rawOp = opKey === undefined ? undefined : operation[opKey];
  const op = typeof rawOp === 'string' ? rawOp.trim().toLowerCase() : undefined;
  if (op !== 'add' && op !== 'replace' && op !== 'remove') {
    return invalidSyntax(`${at}.op must be "add", "replace" or "remove", got ${JSON.stringify(rawOp ?? null)}`);
  }

  const pathKey = findKey(operation, 'path');
  const rawPath = pathKey === undefined ? undefined : operation[pathKey];
  if (rawPath !== undefined && rawPath !== null && typeof rawPath !== 'string') {
    return fail(badRequest('invalidPath', `${at}.path must be a string`));
  }
  const valueKey = findKey(operation, 'value');
  const hasValue = valueKey !== undefined;

  const parsed: PatchOperation = { op, hasValue };
  // An empty path is read as no path (the operation targets the resource).
  if (typeof rawPath === 'string' && rawPath.trim() !== '') parsed.path = rawPath.trim();
  if (valueKey !== undefined) parsed.value = operation[valueKey];

  // RFC 7644 3.5.2.1 and 3.5.2.3: add and replace carry a value.
  if (op !== 'remove' && !hasValue) return fail(badRequest('invalidValue', `${at} (${op}) has no "value"`));
  // RFC 7644 3.5.2.2: remove without a path is refused with noTarget.
  if (op === 'remove' && parsed.path === undefined) return fail(badRequest('noTarget', `${at}: "remove" needs a "path"`));
  return ok(parsed);
}
