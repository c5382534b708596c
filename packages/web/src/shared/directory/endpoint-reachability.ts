// Cloud identity providers (Okta, Microsoft Entra ID, Google, OneLogin, ...) call the SCIM endpoint
// from the internet, over HTTPS. An endpoint Roster shows as http://127.0.0.1:8080/... (PUBLIC_URL
// unset, opened on the server itself) or on a private network cannot be reached by them; the UI
// says so instead of letting someone paste it and watch "Test Connection" fail.

export type ReachabilityProblem = 'invalid' | 'not-https' | 'private-host';

const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa', '.corp', '.intranet'];

function privateIPv4(host: string): boolean {
  const parts = host.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false;
  const [a = 0, b = 0] = parts;
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

function privateIPv6(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (!bare.includes(':')) return false;
  return bare === '::1' || bare === '::' || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare);
}

/** A host the internet cannot reach: loopback, private and link-local addresses, names without a dot, local-only suffixes. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (privateIPv4(host) || privateIPv6(host)) return true;
  if (host.startsWith('[')) return false;
  if (host === 'localhost' || !host.includes('.')) return true;
  return PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** What keeps an identity provider from reaching this SCIM endpoint, most fundamental first; none for https on a public host. */
export function reachabilityProblems(endpoint: string): ReachabilityProblem[] {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return ['invalid'];
  }
  const problems: ReachabilityProblem[] = [];
  if (isPrivateHost(url.hostname)) problems.push('private-host');
  if (url.protocol !== 'https:') problems.push('not-https');
  return problems;
}
