// PostgreSQL error codes the use cases turn into client errors (Appendix A of the PostgreSQL manual).
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const DEADLOCK_DETECTED = '40P01';

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === code;
}

export const isUniqueViolation = (error: unknown): boolean => hasCode(error, UNIQUE_VIOLATION);
export const isForeignKeyViolation = (error: unknown): boolean => hasCode(error, FOREIGN_KEY_VIOLATION);
/** Two writers locked rows in opposite orders (a user's delete and a PATCH of one of its groups); one was rolled back. */
export const isDeadlock = (error: unknown): boolean => hasCode(error, DEADLOCK_DETECTED);

/**
 * Class 22 (data exception): a value the database cannot hold, such as a NUL character in text
 * or jsonb, or a number out of range. It came from the client's input.
 */
export const isDataException = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith('22');
