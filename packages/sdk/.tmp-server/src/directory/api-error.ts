/** An error of the management API: one JSON shape everywhere, `{code, message, details}`. Use cases throw it; http/ maps it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { code: string; message: string; details?: Record<string, unknown> } {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, 'not_found', `${what} ${id} was not found`, { id });
export const invalidArgument = (parameter: string, message: string) =>
  new ApiError(400, 'invalid_argument', `${parameter}: ${message}`, { parameter });
export const conflict = (message: string, details?: Record<string, unknown>) => new ApiError(409, 'already_exists', message, details);
export const failedPrecondition = (message: string, details?: Record<string, unknown>) =>
  new ApiError(400, 'failed_precondition', message, details);
