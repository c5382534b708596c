import type { z } from 'zod';
import type { Config } from '../config.js';
import type { SourceFetch } from './source-fetch.js';

// What a pulled source is to the sync framework. A source knows how to reach one kind of
// directory (Google Workspace, BambooHR, ...) and how to describe what it holds as SCIM
// resources; the framework does the rest (schedule, lease, diff, safety, apply, record). A
// third source is one more file implementing PulledSource, and one line in source-registry.ts.

export const PULLED_DIRECTORY_TYPES = ['GOOGLE_WORKSPACE', 'BAMBOOHR'] as const;
export type PulledDirectoryType = (typeof PULLED_DIRECTORY_TYPES)[number];

export function isPulledDirectoryType(value: string): value is PulledDirectoryType {
  return (PULLED_DIRECTORY_TYPES as readonly string[]).includes(value);
}

/** One user as the source holds it, already shaped as a SCIM User body. */
export interface SourceUser {
  /** The source's own stable id; stored as the user's externalId, and how runs match users. */
  sourceId: string;
  /** A SCIM User body (RFC 7643): userName, name, emails, active, extensions. Volatile fields left out. */
  scim: Record<string, unknown>;
}

/** One group as the source holds it, shaped as a SCIM Group body without members. */
export interface SourceGroup {
  sourceId: string;
  scim: Record<string, unknown>;
  /** How the source finds the group's members again (Google: the group's id). */
  key: string;
}

export interface SourceMember {
  sourceId: string;
  type: 'User' | 'Group';
}

/** One run's view of the source: everything it lists, page by page. */
export interface SourceReader {
  /** The users in the sync's scope, a page at a time. */
  users(): AsyncIterable<SourceUser[]>;
  /** The groups in the sync's scope, a page at a time. */
  groups(): AsyncIterable<SourceGroup[]>;
  /** Every direct member of one group (users and nested groups). */
  members(group: SourceGroup): Promise<SourceMember[]>;
}

/** What a source is given to reach its service during a run. */
export interface SourceContext {
  config: Config;
  /** fetch for every outbound call: logged (redacted) in the request log, counted, retried on 429/503. */
  fetch: SourceFetch;
  signal: AbortSignal;
}

export interface PulledSource<Settings extends Record<string, unknown> = Record<string, unknown>, Credentials = unknown> {
  type: PulledDirectoryType;
  /** The directory_provider its directories carry. */
  provider: string;
  /** For messages: "Google Workspace". */
  displayName: string;
  /** Settings that are not secret, as the management API takes and returns them. */
  settingsSchema: z.ZodType<Settings>;
  /** The credentials, as sealed at rest (never returned). */
  credentialsSchema: z.ZodType<Credentials>;
  /**
   * What may be shown about the credentials, never a secret: `kind` (oauth, service_account,
   * api_key) and what helps an administrator recognize them (the service account's email).
   */
  describeCredentials(credentials: Credentials): { kind: string } & Record<string, string>;
  /** Answers whether this response means "slow down" (beyond 429 and 503, which always do). */
  isThrottled?(status: number, body: string): boolean;
  open(context: SourceContext, settings: Settings, credentials: Credentials): SourceReader;
}

export type SourceErrorKind = 'invalid_credentials' | 'unavailable' | 'bad_response' | 'misconfigured';

/**
 * A failure of the source, classified: `invalid_credentials` (401/403, consent revoked, key
 * deleted) stops the run before anything is removed and marks the directory; the others make
 * the run fail and the directory back off.
 */
export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
