// What a server says about its rate limit, read from the IETF httpapi RateLimit-Policy header
// (a Structured Field list: `"directory";q=200;w=1, "daily";q=100000;w=86400`). The simulator
// paces itself below the strictest policy it finds, as a well-behaved provider would.

/** The share of the advertised rate the simulator sends at by default. */
export const PACE_SHARE = 0.8;

/** Requests a second the strictest policy allows, or undefined when the header names none. */
export function advertisedRate(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  let strictest: number | undefined;
  for (const item of header.split(',')) {
    const quota = /;\s*q=(\d+)(?=\s*(?:;|$))/.exec(item)?.[1];
    const window = /;\s*w=(\d+)(?=\s*(?:;|$))/.exec(item)?.[1];
    if (quota === undefined || window === undefined || Number(window) === 0) continue;
    const rate = Number(quota) / Number(window);
    strictest = strictest === undefined ? rate : Math.min(strictest, rate);
  }
  return strictest;
}
