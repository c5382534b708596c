import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

// Who holds the embedded store's lock, and whether that process still lives. A process killed
// with SIGKILL (or by the OOM killer, or a power cut) cannot release its lock; its successor must
// tell a dead owner from a live one at once instead of waiting for the lock to go stale. A pid
// alone is not enough: pids are reused, so the owner's start time is recorded with it. Both mean
// something only within one kernel (boot id) and one pid namespace (a container has its own);
// across them, the owner's heartbeat (the lock's modification time) decides.

/** What a process records about itself in the lock. */
export interface LockOwner {
  pid: number;
  /** Start time in clock ticks since boot (Linux /proc/<pid>/stat), when known. */
  startTime?: string;
  /** The kernel's boot id, when known: pids and start times compare only within one boot. */
  bootId?: string;
  /** The pid namespace, when known: a process in another container is invisible from this one. */
  pidNamespace?: string;
  hostname: string;
  /** When the lock was taken (ISO 8601), for messages. */
  since: string;
}

/** What can be asked about another process here. */
export interface ProcessProbe {
  alive(pid: number): boolean;
  startTime(pid: number): string | undefined;
}

export type OwnerVerdict =
  | { verdict: 'alive' }
  | { verdict: 'dead'; reason: string }
  /** Not visible from here (another container or machine): judged by its heartbeat. */
  | { verdict: 'unknown'; reason: string };

function readOptional(read: () => string): string | undefined {
  try {
    return read().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat, counted after the command name (which may hold spaces and parentheses). */
function linuxStartTime(pid: number): string | undefined {
  const stat = readOptional(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (stat === undefined) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

export const processProbe: ProcessProbe = {
  alive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists, under another user.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  startTime: linuxStartTime,
};

/** This process, as it records itself in a lock it takes. */
export function currentOwner(): LockOwner {
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
  const startTime = linuxStartTime(process.pid);
  const bootId = readOptional(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'));
  const pidNamespace = readOptional(() => readlinkSync('/proc/self/ns/pid'));
  if (startTime !== undefined) owner.startTime = startTime;
  if (bootId !== undefined) owner.bootId = bootId;
  if (pidNamespace !== undefined) owner.pidNamespace = pidNamespace;
  return owner;
}

/** Whether the lock's owner still runs, as far as can be told from `here`. */
export function judgeOwner(owner: LockOwner, here: LockOwner, probe: ProcessProbe): OwnerVerdict {
  const sameHost = owner.hostname === here.hostname;
  if (owner.bootId !== undefined && here.bootId !== undefined && owner.bootId !== here.bootId) {
    return sameHost ? { verdict: 'dead', reason: 'the machine has restarted since' } : { verdict: 'unknown', reason: `it runs on ${owner.hostname}` };
  }
  const sameKernel = owner.bootId !== undefined && owner.bootId === here.bootId;
  if (sameKernel ? owner.pidNamespace !== here.pidNamespace : !sameHost) {
    return { verdict: 'unknown', reason: sameKernel ? 'it runs in another container' : `it runs on ${owner.hostname}` };
  }
  if (owner.pid === here.pid) {
    // This very process (same start time), or one before it that had its pid (a container restarted: pid 1 again).
    if (owner.startTime !== undefined && owner.startTime === here.startTime) return { verdict: 'alive' };
    return { verdict: 'dead', reason: `its pid ${owner.pid} is now this process's` };
  }
  if (!probe.alive(owner.pid)) return { verdict: 'dead', reason: `process ${owner.pid} is gone` };
  const startTime = owner.startTime === undefined ? undefined : probe.startTime(owner.pid);
  if (startTime !== undefined && startTime !== owner.startTime) return { verdict: 'dead', reason: `pid ${owner.pid} now belongs to another process` };
  return { verdict: 'alive' };
}

/** Reads a lock's owner record; undefined when absent or unreadable. */
export function parseOwner(text: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (typeof record.pid !== 'number' || typeof record.hostname !== 'string' || typeof record.since !== 'string') return undefined;
    const owner: LockOwner = { pid: record.pid, hostname: record.hostname, since: record.since };
    for (const key of ['startTime', 'bootId', 'pidNamespace'] as const) if (typeof record[key] === 'string') owner[key] = record[key];
    return owner;
  } catch {
    return undefined;
  }
}
