// A build kept beside its sources and rebuilt only when they change: the compiled server
// (packages/server/dist, by bin/server-build.mjs) and the web UI (packages/web/dist, by
// src/web-build.ts). A hash of the sources is stamped into the build; a build whose stamp differs
// is stale. Builds go to a temporary folder that replaces the old one at the end, under a lock, so
// two processes (or two test files) starting together build once and never run a half-written one.
// Plain JavaScript: it runs before the server is compiled.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import lockfile from 'proper-lockfile';

const STAMP = '.roster-build.json';

function filesUnder(path, exclude, found = []) {
  if (!existsSync(path)) return found;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (!entry.startsWith('.')) filesUnder(join(path, entry), exclude, found);
    }
  } else if (!exclude(path)) found.push(path);
  return found;
}

/** A hash of every source file, or undefined when the sources are not there (a deployment that ships only the build). */
export function sourceHash(target) {
  if (!existsSync(join(target.root, target.sourcesPresent))) return undefined;
  const exclude = target.exclude ?? (() => false);
  const hash = createHash('sha256');
  for (const file of target.sources.flatMap((source) => filesUnder(join(target.root, source), exclude))) {
    hash.update(relative(target.root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function builtHash(distDirectory) {
  try {
    const stamp = JSON.parse(readFileSync(join(distDirectory, STAMP), 'utf8'));
    return typeof stamp === 'object' && stamp !== null && typeof stamp.sourceHash === 'string' ? stamp.sourceHash : undefined;
  } catch {
    return undefined;
  }
}

/** 'fresh', 'missing', 'stale', or 'no-sources' (neither sources nor a build). */
export function buildState(target) {
  const source = sourceHash(target);
  const present = existsSync(join(target.distDirectory, target.probe));
  if (source === undefined) return present ? 'fresh' : 'no-sources';
  const built = present ? builtHash(target.distDirectory) : undefined;
  if (built === undefined) return 'missing';
  return built === source ? 'fresh' : 'stale';
}

/**
 * Builds when the build is missing or stale and returns the state it leaves. `target.build(outDir,
 * abortSignal)` writes a complete build into outDir and resolves with { code, output }, or stops
 * its child when aborted; a failed build leaves the previous one in place and is returned as
 * { state, failure }. SIGTERM or SIGINT during a build stops it, releases the lock, and then ends
 * this process as that signal would have.
 */
export async function ensureBuild(target, log) {
  const state = buildState(target);
  if (state === 'fresh' || state === 'no-sources') return { state };
  mkdirSync(target.root, { recursive: true });
  let release;
  let interrupted;
  try {
    release = await lockfile.lock(target.root, {
      lockfilePath: join(target.root, target.lockName),
      stale: 300_000,
      update: 10_000,
      retries: { retries: 600, minTimeout: 1000, maxTimeout: 1000 },
    });
    // Another process may have built it while this one waited for the lock.
    const now = buildState(target);
    if (now === 'fresh') return { state: now };
    const hash = sourceHash(target);
    log.info(`building ${target.name} (${now})`);
    // Leftovers of builds whose process died mid-way.
    for (const entry of readdirSync(target.root)) if (entry.startsWith(`.${target.temporaryPrefix}-`)) rmSync(join(target.root, entry), { recursive: true, force: true });
    const temporary = join(target.root, `.${target.temporaryPrefix}-${process.pid}`);
    const result = await buildStoppable(target, temporary);
    if (result.signal !== undefined) {
      rmSync(temporary, { recursive: true, force: true });
      interrupted = result.signal;
      return { state: now, failure: `interrupted by ${result.signal}` };
    }
    if (result.code !== 0) {
      rmSync(temporary, { recursive: true, force: true });
      return { state: now, failure: result.output.trim() };
    }
    writeFileSync(join(temporary, STAMP), JSON.stringify({ sourceHash: hash, builtAt: new Date().toISOString() }));
    rmSync(target.distDirectory, { recursive: true, force: true });
    renameSync(temporary, target.distDirectory);
    log.info(`built ${target.name}`);
    return { state: 'fresh' };
  } catch (error) {
    return { state, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await release?.().catch(() => undefined);
    // The build's child is stopped and the lock released: now end as the signal asked.
    if (interrupted !== undefined) process.kill(process.pid, interrupted);
  }
}

/**
 * Runs the build with SIGTERM and SIGINT stopping it: the builder is a child process, which a
 * signal to this process would otherwise leave running.
 */
async function buildStoppable(target, outDir) {
  const controller = new AbortController();
  let received;
  const stop = (signal) => {
    received = signal;
    controller.abort();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    const result = await target.build(outDir, controller.signal);
    return received === undefined ? result : { ...result, signal: received };
  } finally {
    process.removeListener('SIGTERM', stop);
    process.removeListener('SIGINT', stop);
  }
}
