import { ScimError } from '../../scim/scim-error.js';
import { isDeadlock } from '../../store/errors.js';

/** Reads and writes are retried this often when another write keeps slipping in between. */
const ATTEMPTS = 20;

/**
 * Thrown inside a write's transaction to roll it back and run it again: what it locked first no
 * longer covers what it had to write (a group the user joined in between).
 */
export class LockedTooLittle extends Error {}

/**
 * Runs an optimistic write (read, then write if unchanged) until it goes through: `attempt`
 * returns undefined when another write came between its read and its write. Each retry reads
 * that write's result, so an If-Match that no longer holds fails on the retry, as it should. A
 * write the database rolled back to break a deadlock wrote nothing, so it is tried again too, as
 * is one that locked too little.
 */
export async function retryingConflicts<T>(attempt: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < ATTEMPTS; tries++) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
    } catch (error) {
      if (!(isDeadlock(error) || error instanceof LockedTooLittle) || tries === ATTEMPTS - 1) throw error;
    }
  }
  throw new ScimError(409, 'The resource kept changing while this request tried to write it; retry');
}
