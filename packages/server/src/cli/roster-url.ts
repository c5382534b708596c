/**
 * Where a command finds a running Roster when no --url is given: ROSTER_URL, else this machine on
 * PORT (the variable Roster itself listens on), else on Roster's default port, 8080.
 */
export function defaultRosterUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.ROSTER_URL?.trim();
  if (url) return url.replace(/\/+$/, '');
  return `http://localhost:${env.PORT?.trim() || '8080'}`;
}
