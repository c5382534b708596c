import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentOwner, judgeOwner, parseOwner, processProbe, type LockOwner, type ProcessProbe } from './lock-owner.js';

// The embedded store (PGlite) is one process's database: a second Roster on the same directory
// would corrupt it. The lock is a directory beside the data, `<data>.lock`, created atomically
// (mkdir) and holding `owner.json` (lock-owner.ts); its modification time is refreshed while the
// owner runs. A lock whose owner is dead is taken over at once; one whose owner cannot be seen
// from here (another container or machine) only once it has not been refreshed for STALE_MS.
// Take-overs happen one at a time (`<data>.lock.takeover`), so two processes starting together
// after a crash cannot both take it.

const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** Told, in one line, when a dead owner's lock is taken over. */
  onTakeover?: (message: string) => void;
  /** For tests: who this process is, and how other processes are probed. */
  here?: LockOwner;
  probe?: ProcessProbe;
}

export const lockPathOf = (directory: string): string => `${directory}.lock`;

/** Locks this process holds: opening the same store twice in one process is refused like a second process. */
const heldHere = new Set<string>();
const ownerFile = (lockPath: string): string => join(lockPath, 'owner.json');

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return parseOwner(readFileSync(ownerFile(lockPath), 'utf8'));
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  try {
    mkdirSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  const temporary = join(lockPath, `.owner-${randomBytes(4).toString('hex')}`);
  writeFileSync(temporary, JSON.stringify(owner));
  renameSync(temporary, ownerFile(lockPath));
  return true;
}

function describe(owner: LockOwner | undefined): string {
  return owner ? `process ${owner.pid} on ${owner.hostname}, since ${owner.since}` : 'a process that left no record of itself';
}

/** Why the present lock may be taken over, or undefined while its owner may be alive. */
function takeoverReason(lockPath: string, here: LockOwner, probe: ProcessProbe): string | undefined {
  const owner = readOwner(lockPath);
  const age = ageMs(lockPath);
  if (age === undefined) return undefined;
  // No owner.json: one being written this instant, or a lock of an older Roster (refreshed the same way).
  if (owner === undefined) return age > STALE_MS ? `its lock names no owner and has not been refreshed for ${Math.round(age / 1000)} s` : undefined;
  const judged = judgeOwner(owner, here, probe);
  if (judged.verdict === 'dead') return `${describe(owner)} did not shut down cleanly: ${judged.reason}`;
  if (judged.verdict === 'unknown' && age > STALE_MS) return `${describe(owner)} has not refreshed its lock for ${Math.round(age / 1000)} s (${judged.reason})`;
  return undefined;
}

/** Runs `work` while holding `<lock>.takeover`; false if another process is taking over right now. */
function whileTakingOver(lockPath: string, work: () => void): boolean {
  const mutex = `${lockPath}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A take-over lasts milliseconds; one left behind by a process that died in it is removed.
    if ((ageMs(mutex) ?? 0) > 10_000) rmSync(mutex, { recursive: true, force: true });
    return false;
  }
  try {
    work();
    return true;
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}

/** Locks the embedded store's directory for this process, or throws DataDirLockedError with one sentence saying who has it. */
export async function lockDataDir(directory: string, options: LockOptions = {}): Promise<DataDirLock> {
  const lockPath = lockPathOf(directory);
  const here = options.here ?? currentOwner();
  const probe = options.probe ?? processProbe;
  if (heldHere.has(lockPath)) throw new DataDirLockedError(`The embedded store at ${directory} is already open in this process.`);
  const deadline = Date.now() + 2_000;
  for (;;) {
    if (tryCreate(lockPath, here)) break;
    let acquired = false;
    let takenFrom: string | undefined;
    whileTakingOver(lockPath, () => {
      // Judged again inside the mutex: only a take-over holder removes a lock it did not take.
      takenFrom = takeoverReason(lockPath, here, probe);
      if (takenFrom === undefined) return;
      rmSync(lockPath, { recursive: true, force: true });
      acquired = tryCreate(lockPath, here);
    });
    if (acquired) {
      options.onTakeover?.(`took over the embedded store at ${directory}: ${takenFrom}`);
      break;
    }
    const owner = readOwner(lockPath);
    // A lock just created whose owner.json is not written yet, or a take-over in progress: look again shortly.
    if (Date.now() < deadline && (owner === undefined || takenFrom !== undefined)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const judged = owner ? judgeOwner(owner, here, probe) : undefined;
    const unseen = judged?.verdict === 'unknown' ? ` (${judged.reason}; its lock is taken over once it has not been refreshed for ${STALE_MS / 1000} s)` : '';
    throw new DataDirLockedError(
      `The embedded store at ${directory} is in use by another Roster process (${describe(owner)})${unseen}: stop that process first, or set ROSTER_DATA_DIR to another directory.`,
    );
  }
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(lockPath, now, now);
    } catch {
      // The lock was removed under us (by hand); nothing to refresh.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  heldHere.add(lockPath);
  return {
    async release() {
      clearInterval(heartbeat);
      heldHere.delete(lockPath);
      const owner = readOwner(lockPath);
      // Never remove a lock that has passed to another process.
      if (owner && owner.pid === here.pid && owner.since === here.since && owner.hostname === here.hostname) rmSync(lockPath, { recursive: true, force: true });
    },
  };
}
