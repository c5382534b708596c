import type { SimGroup, SimUser } from '../directory-state.js';
import type { LeaverPolicy } from '../churn.js';
import type { Identity } from '../population.js';
import type { Random } from '../prng.js';
import type { RequestStyle, ScimClient } from '../scim-client.js';

export const PROVIDER_NAMES = ['okta', 'okta-aiw', 'entra', 'entra-aadOptscim062020', 'onelogin', 'jumpcloud', 'authentik', 'generic'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** What a provider works with during a run. */
export interface ProviderSession {
  client: ScimClient;
  random: Random;
  /** `--member-batch`: overrides how many member changes the provider puts in one request. */
  memberBatchSize?: number;
}

export interface GroupChange {
  before: SimGroup;
  after: SimGroup;
  added: SimUser[];
  removed: SimUser[];
  /** Every member after the change, for providers that send the full list. */
  members: SimUser[];
}

/**
 * One directory provider's request patterns (docs/providers.md). Each method does what that
 * provider does for one object, in as many requests as it really sends, and throws
 * `UnexpectedResponseError` when the server answers something the provider would not accept.
 */
export interface Provider extends Identity {
  readonly name: ProviderName;
  readonly style: RequestStyle;
  readonly leaver: LeaverPolicy;
  /** Once per run, before anything else (Entra's Test Connection, authentik's config read). */
  start(session: ProviderSession): Promise<void>;
  /**
   * Makes the app hold `user` exactly: a create for a new person, or (a reconcile, a re-run)
   * the provider's full update of one it finds. Returns the SCIM id.
   */
  pushUser(session: ProviderSession, user: SimUser): Promise<string>;
  /** Sends the change from `before` to `after` the way the provider sends updates. */
  updateUser(session: ProviderSession, before: SimUser, after: SimUser): Promise<void>;
  deleteUser(session: ProviderSession, user: SimUser): Promise<void>;
  /** Like pushUser for a group and its members (all of which have ids). Returns the SCIM id. */
  pushGroup(session: ProviderSession, group: SimGroup, members: SimUser[]): Promise<string>;
  updateGroup(session: ProviderSession, change: GroupChange): Promise<void>;
  deleteGroup(session: ProviderSession, group: SimGroup): Promise<void>;
}

/** The SCIM id of a user or group the run already pushed. */
export function idOf(resource: { id?: string; key: string }): string {
  if (!resource.id) throw new Error(`${resource.key} has no SCIM id: its push failed earlier`);
  return resource.id;
}

/** Waits for every task, then throws the first failure: no request is left running unseen. */
export async function settleAll(tasks: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  const step = Math.max(1, Math.floor(size));
  for (let index = 0; index < items.length; index += step) out.push(items.slice(index, index + step));
  return out;
}
