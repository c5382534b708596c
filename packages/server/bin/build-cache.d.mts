// Types of build-cache.mjs, for src/web-build.ts.

export interface BuildTarget {
  /** What is built, for log lines: "the web UI". */
  name: string;
  /** The package directory; sources, the lock and the temporary build live under it. */
  root: string;
  /** Source files and folders, relative to root, whose contents make the hash. */
  sources: string[];
  /** A path under root whose absence means a deployment that ships only the build. */
  sourcesPresent: string;
  /** Files to leave out of the hash. */
  exclude?: (path: string) => boolean;
  distDirectory: string;
  /** A file every complete build has, relative to distDirectory. */
  probe: string;
  lockName: string;
  temporaryPrefix: string;
  /** Stops its child process when `abort` fires. */
  build(outDir: string, abort: AbortSignal): Promise<{ code: number | null; output: string }>;
}

export type BuildState = 'fresh' | 'missing' | 'stale' | 'no-sources';

export interface BuildLog {
  info(message: string): void;
}

export function sourceHash(target: BuildTarget): string | undefined;
export function buildState(target: BuildTarget): BuildState;
export function ensureBuild(target: BuildTarget, log: BuildLog): Promise<{ state: BuildState; failure?: string }>;
