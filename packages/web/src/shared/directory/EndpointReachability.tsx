import { Callout } from '../ui/feedback.js';
import { reachabilityProblems } from './endpoint-reachability.js';

function why(endpoint: string): string {
  const problems = reachabilityProblems(endpoint);
  const host = (() => {
    try {
      return new URL(endpoint).host;
    } catch {
      return endpoint;
    }
  })();
  const reasons = [
    problems.includes('private-host') ? `${host} is an address of this machine or a private network` : undefined,
    problems.includes('not-https') ? 'it is not HTTPS' : undefined,
  ].filter((reason) => reason !== undefined);
  return reasons.join(', and ');
}

/**
 * Says plainly when identity providers cannot reach the SCIM endpoint shown (not HTTPS, or not on
 * a public host), and what to change: for the customer's IT admin in the portal, who must ask the
 * app's team, and for that team in the dashboard, who set PUBLIC_URL.
 */
export function EndpointReachability({ endpoint, audience }: { endpoint: string; audience: 'portal' | 'dashboard' }) {
  if (reachabilityProblems(endpoint).length === 0) return null;
  return (
    <div data-testid="endpoint-unreachable">
      <Callout tone="warning" title="Your identity provider cannot reach this URL">
        {audience === 'portal' ? (
          <>
            Okta, Microsoft Entra ID and other cloud identity providers connect over the internet, to public HTTPS addresses, and {why(endpoint)}. Provisioning will fail
            with this URL. Ask the team of the application that sent you here to give Roster its public HTTPS address (its <code>PUBLIC_URL</code> setting); this page then
            shows the URL to use.
          </>
        ) : (
          <>
            Cloud identity providers connect over the internet, to public HTTPS addresses, and {why(endpoint)}. Set <code>PUBLIC_URL</code> to the HTTPS address Roster is
            reached at from the internet (usually a reverse proxy that terminates TLS: see “Running behind a reverse proxy” in the README) and restart Roster; the
            directory’s endpoint follows it.
          </>
        )}
      </Callout>
    </div>
  );
}
