import { ScimError } from '../scim/scim-error.js';
import { isDataException } from '../store/errors.js';

/**
 * A database refusal caused by what the client sent (a NUL character, a value out of range),
 * as the 400 it is; undefined for anything else, which stays a server fault.
 */
export function scimErrorFromStore(error: unknown): ScimError | undefined {
  if (!isDataException(error)) return undefined;
  const reason = error instanceof Error ? error.message : 'invalid value';
  return new ScimError(400, `A value in the request cannot be stored: ${reason}`, 'invalidValue');
}
