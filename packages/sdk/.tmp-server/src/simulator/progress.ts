/** Where progress goes: a terminal gets a redrawn bar, anything else a line every few seconds. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** Starts a phase of `total` objects. */
  phase(label: string, total: number): void;
  tick(): void;
  /** Ends the current phase with a last line. */
  done(): void;
}

export const silentProgress: Progress = { phase() {}, tick() {}, done() {} };

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** One progress line: counts, share, request rate and the time left at the current pace. */
export function progressLine(label: string, done: number, total: number, requests: number, elapsedSeconds: number, barWidth?: number): string {
  const share = total > 0 ? done / total : 1;
  const rate = elapsedSeconds > 0 ? requests / elapsedSeconds : 0;
  const eta = done > 0 ? ((total - done) * elapsedSeconds) / done : Number.POSITIVE_INFINITY;
  const bar = barWidth ? ` [${'#'.repeat(Math.round(share * barWidth)).padEnd(barWidth, '.')}]` : '';
  return `${label}${bar} ${done}/${total} ${Math.floor(share * 100)}%  ${rate.toFixed(0)} req/s  ETA ${done >= total ? '0s' : duration(eta)}`;
}

/** A progress reporter on `output`; `requests()` reads how many requests were sent so far. */
export function createProgress(output: ProgressOutput, requests: () => number, intervalMillis?: number): Progress {
  const tty = output.isTTY === true;
  const every = intervalMillis ?? (tty ? 100 : 5000);
  let label = '';
  let total = 0;
  let done = 0;
  let started = 0;
  let firstRequest = 0;
  let timer: NodeJS.Timeout | undefined;
  const line = () => progressLine(label, done, total, requests() - firstRequest, (performance.now() - started) / 1000, tty ? 30 : undefined);
  const draw = () => output.write(tty ? `\r${line()}\x1b[K` : `${line()}\n`);
  return {
    phase(name, count) {
      label = name;
      total = count;
      done = 0;
      started = performance.now();
      firstRequest = requests();
      timer = setInterval(draw, every);
      timer.unref();
    },
    tick() {
      done++;
    },
    done() {
      if (timer) clearInterval(timer);
      timer = undefined;
      output.write(tty ? `\r${line()}\x1b[K\n` : `${line()}\n`);
    },
  };
}
