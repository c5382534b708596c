// Every failed call throws a RosterError carrying the management API's one error shape
// ({code, message, details}) and the HTTP status. Subclasses (and `kind`, for a switch) tell the
// statuses apart; a 400's `parameter` names the request parameter the server refused.

export type RosterErrorKind =
  | 'bad_request'
  | 'authentication'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'rate_limited'
  | 'server'
  | 'connection'
  | 'unexpected';

export interface RosterErrorInit {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  headers?: Headers;
  cause?: unknown;
}

export class RosterError extends Error {
  readonly kind: RosterErrorKind;
  /** The HTTP status; 0 when no response came (see ConnectionError). */
  readonly status: number;
  /** The API's stable error code: invalid_argument, unauthenticated, not_found, already_exists, ... */
  readonly code: string;
  readonly details: Record<string, unknown>;
  /** The response's headers, when there was a response. */
  readonly headers: Headers | undefined;

  constructor(init: RosterErrorInit, kind: RosterErrorKind = 'unexpected') {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.headers = init.headers;
  }

  /** The request parameter a 400 names (`details.parameter`), e.g. `page_size` or `attributes.0.key`. */
  get parameter(): string | undefined {
    return typeof this.details.parameter === 'string' ? this.details.parameter : undefined;
  }
}

export class BadRequestError extends RosterError {
  declare readonly kind: 'bad_request';
  constructor(init: RosterErrorInit) {
    super(init, 'bad_request');
  }
}

/** 401: credentials refused (invalid_client) or an access token the server no longer accepts. */
export class AuthenticationError extends RosterError {
  declare readonly kind: 'authentication';
  constructor(init: RosterErrorInit) {
    super(init, 'authentication');
  }
}

/** 403: not allowed in the current state, e.g. a directory of an organization without the scim feature. */
export class PermissionDeniedError extends RosterError {
  declare readonly kind: 'permission_denied';
  constructor(init: RosterErrorInit) {
    super(init, 'permission_denied');
  }
}

/** 404: unknown id, including another organization's ids. */
export class NotFoundError extends RosterError {
  declare readonly kind: 'not_found';
  constructor(init: RosterErrorInit) {
    super(init, 'not_found');
  }
}

export class ConflictError extends RosterError {
  declare readonly kind: 'conflict';
  constructor(init: RosterErrorInit) {
    super(init, 'conflict');
  }
}

/** 410: an events cursor older than the retention period (cursor_expired). */
export class GoneError extends RosterError {
  declare readonly kind: 'gone';
  constructor(init: RosterErrorInit) {
    super(init, 'gone');
  }
}

/** 429 after the retries ran out. */
export class RateLimitError extends RosterError {
  declare readonly kind: 'rate_limited';
  constructor(init: RosterErrorInit) {
    super(init, 'rate_limited');
  }
}

/** 5xx after the retries ran out (or at once for a POST, which may have been applied). */
export class ServerError extends RosterError {
  declare readonly kind: 'server';
  constructor(init: RosterErrorInit) {
    super(init, 'server');
  }
}

/** No response: the connection failed or the request timed out. `status` is 0. */
export class ConnectionError extends RosterError {
  declare readonly kind: 'connection';
  constructor(message: string, cause: unknown) {
    super({ status: 0, code: 'connection_failed', message, cause }, 'connection');
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The typed error for a non-2xx response whose body (parsed JSON, text or nothing) is `body`. */
export function errorFromResponse(status: number, body: unknown, headers?: Headers): RosterError {
  const shaped = isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string';
  const init: RosterErrorInit = {
    status,
    code: shaped ? String(body.code) : `http_${status}`,
    message: shaped ? String(body.message) : typeof body === 'string' && body !== '' ? body.slice(0, 500) : `HTTP ${status}`,
    details: shaped && isRecord(body.details) ? body.details : {},
    ...(headers ? { headers } : {}),
  };
  if (status === 400) return new BadRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 410) return new GoneError(init);
  if (status === 429) return new RateLimitError(init);
  if (status >= 500) return new ServerError(init);
  // Other 4xx (413 payload_too_large, 415 unsupported_media_type): the request itself is wrong.
  if (status >= 400) return new BadRequestError(init);
  return new RosterError(init);
}
