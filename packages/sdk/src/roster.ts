import createClient from 'openapi-fetch';
import { AccessTokenCache } from './access-token.js';
import { data, type RosterApi } from './api.js';
import { ApiClientsClient } from './clients/api-clients-client.js';
import { DirectoryClient } from './clients/directory-client.js';
import { EventClient } from './clients/event-client.js';
import { OrganizationClient } from './clients/organization-client.js';
import { RoleClient } from './clients/role-client.js';
import { WebhookClient } from './clients/webhook-client.js';
import type { paths } from './generated/openapi.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { authorizedFetch, retryingFetch } from './transport.js';
import { verifyWebhookPayload, type VerifyWebhookOptions, type WebhookHeaders } from './webhook-verification.js';

export interface RosterOptions {
  /** Retries on 429 and 5xx (see retry-policy.ts); `{ maxRetries: 0 }` turns them off. */
  retry?: Partial<RetryPolicy>;
  /** Per attempt, in milliseconds (default 30 seconds). */
  timeoutMs?: number;
  /** The fetch to send requests with (default globalThis.fetch): for proxies, instrumentation, tests. */
  fetch?: (request: Request, init?: RequestInit) => Promise<Response>;
  /** The clock deciding when the access token is renewed (default Date.now). */
  now?: () => number;
  /** How to wait between retries (default setTimeout). */
  sleep?: (milliseconds: number) => Promise<void>;
}

const wait = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/**
 * A client of one Roster environment's management API:
 *
 *   const roster = new Roster(process.env.ROSTER_ENVIRONMENT_URL, process.env.ROSTER_CLIENT_ID, process.env.ROSTER_CLIENT_SECRET);
 *   const { directories } = await roster.directory.listDirectories(organizationId);
 *
 * It exchanges the API client's credentials for an access token (POST /oauth/token), keeps it,
 * renews it before it expires and when the server refuses it, and retries 429 and 5xx answers with
 * backoff. A failed call throws a RosterError (NotFoundError, BadRequestError, ...).
 */
export class Roster {
  readonly organization: OrganizationClient;
  readonly directory: DirectoryClient;
  readonly role: RoleClient;
  readonly events: EventClient;
  readonly webhooks: WebhookClient;
  readonly apiClients: ApiClientsClient;

  constructor(envUrl: string, clientId: string, clientSecret: string, options: RosterOptions = {}) {
    if (!envUrl || !clientId || !clientSecret) throw new TypeError('new Roster(envUrl, clientId, clientSecret) needs all three');
    const baseUrl = new URL(envUrl).toString().replace(/\/+$/, '');
    const now = options.now ?? Date.now;
    const send = retryingFetch({
      fetch: options.fetch ?? ((request, init) => fetch(request, init)),
      policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      timeoutMs: options.timeoutMs ?? 30_000,
      now,
      sleep: options.sleep ?? wait,
    });

    const tokenApi = createClient<paths>({ baseUrl, fetch: send });
    const tokens = new AccessTokenCache(
      () => data(tokenApi.POST('/oauth/token', { body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } })),
      now,
    );
    const api: RosterApi = createClient<paths>({ baseUrl, fetch: authorizedFetch(send, tokens) });

    this.organization = new OrganizationClient(api);
    this.directory = new DirectoryClient(api);
    this.role = new RoleClient(api);
    this.events = new EventClient(api);
    this.webhooks = new WebhookClient(api);
    this.apiClients = new ApiClientsClient(api);
  }

  /** verifyWebhookPayload as a method, as Scalekit's client has it. */
  verifyWebhookPayload(secret: string, headers: WebhookHeaders, rawBody: string | Uint8Array, options?: VerifyWebhookOptions): true {
    return verifyWebhookPayload(secret, headers, rawBody, options);
  }
}
