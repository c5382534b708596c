import { defaultChangeCount, planChurn } from './churn.js';
import type { DirectoryState, SimGroup, SimUser } from './directory-state.js';
import type { Progress } from './progress.js';
import type { Random } from './prng.js';
import type { Provider, ProviderSession } from './providers/provider.js';
import { UnexpectedResponseError } from './scim-client.js';
import { diffStates } from './state-diff.js';

export const SCENARIO_NAMES = ['initial-sync', 'churn', 'reconcile'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** An object the provider could not push, with why. */
export interface ObjectFailure {
  object: string;
  error: string;
}

export interface ScenarioContext {
  provider: Provider;
  session: ProviderSession;
  progress: Progress;
  /** How many objects are worked on at once. */
  concurrency: number;
  failures: ObjectFailure[];
}

export interface ScenarioResult {
  state: DirectoryState;
  objects: number;
  /** Churn only: how many of each kind of change. */
  changes?: Record<string, number>;
}

/** Runs `task` over `items`, `concurrency` at a time; a failed object is recorded, never fatal. */
async function each<T>(context: ScenarioContext, label: string, items: readonly T[], name: (item: T) => string, task: (item: T) => Promise<void>): Promise<void> {
  if (items.length === 0) return;
  context.progress.phase(label, items.length);
  let next = 0;
  let refused: UnexpectedResponseError | undefined;
  const worker = async () => {
    while (next < items.length && !refused) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        // A 401 or 403 stops the run, as it stops an IdP: every further request would fail alike.
        if (error instanceof UnexpectedResponseError && (error.status === 401 || error.status === 403)) refused = error;
        context.failures.push({ object: `${label} ${name(item)}`, error: error instanceof Error ? error.message : String(error) });
      }
      context.progress.tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(context.concurrency, items.length) }, worker));
  context.progress.done();
  if (refused) throw refused;
}

function membersOf(group: SimGroup, users: Map<string, SimUser>): SimUser[] {
  return group.members.map((key) => users.get(key)).filter((user): user is SimUser => user !== undefined);
}

const userName = (user: SimUser) => user.userName;
const groupName = (group: SimGroup) => group.displayName;

/** Pushes every user, then every group with its members: an initial sync, or a reconcile re-push. */
export async function pushAll(context: ScenarioContext, state: DirectoryState, label: string): Promise<ScenarioResult> {
  const { provider, session } = context;
  await each(context, `${label}: users`, state.users, userName, async (user) => {
    user.id = await provider.pushUser(session, user);
  });
  const users = new Map(state.users.map((user) => [user.key, user]));
  await each(context, `${label}: groups`, state.groups, groupName, async (group) => {
    group.id = await provider.pushGroup(session, group, membersOf(group, users));
  });
  return { state, objects: state.users.length + state.groups.length };
}

/** Plans a month of change, then sends it in dependency order: people, groups, then removals. */
export async function churn(context: ScenarioContext, before: DirectoryState, options: { random: Random; changes?: number }): Promise<ScenarioResult> {
  const { provider, session } = context;
  const planned = planChurn(options.random, before, { changes: options.changes ?? defaultChangeCount(before.users.length), leaver: provider.leaver, identity: provider });
  const diff = diffStates(before, planned.state);
  const users = new Map(planned.state.users.map((user) => [user.key, user]));
  await each(context, 'churn: new users', diff.createdUsers, userName, async (user) => {
    user.id = await provider.pushUser(session, user);
  });
  await each(context, 'churn: changed users', diff.updatedUsers, (update) => update.after.userName, (update) => provider.updateUser(session, update.before, update.after));
  await each(context, 'churn: new groups', diff.createdGroups, groupName, async (group) => {
    group.id = await provider.pushGroup(session, group, membersOf(group, users));
  });
  await each(context, 'churn: changed groups', diff.updatedGroups, (update) => update.after.displayName, (update) =>
    provider.updateGroup(session, {
      before: update.before,
      after: update.after,
      added: update.added.map((key) => users.get(key)).filter((user): user is SimUser => user !== undefined),
      removed: update.removed.map((key) => users.get(key)).filter((user): user is SimUser => user !== undefined),
      members: membersOf(update.after, users),
    }),
  );
  await each(context, 'churn: leavers', diff.deletedUsers, userName, (user) => provider.deleteUser(session, user));
  await each(context, 'churn: removed groups', diff.deletedGroups, groupName, (group) => provider.deleteGroup(session, group));
  const objects = Object.values(diff).reduce((sum, list: unknown[]) => sum + list.length, 0);
  return { state: planned.state, objects, changes: planned.counts };
}
