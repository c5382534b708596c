import { GoneError, Roster, verifyWebhookPayload } from '@roster/sdk';
import { CursorExpiredError, type ReadEventsPage } from './catch-up.js';
import type { AppConfig } from './config.js';
import type { VerifySignature } from './webhook-handler.js';

// Where the app meets the Roster SDK: the Events API reader and the webhook signature check.

export function rosterClient(config: Pick<AppConfig, 'rosterUrl' | 'clientId' | 'clientSecret'>): Roster {
  return new Roster(config.rosterUrl, config.clientId, config.clientSecret);
}

export function eventsReader(config: Pick<AppConfig, 'rosterUrl' | 'clientId' | 'clientSecret'>, roster = rosterClient(config)): ReadEventsPage {
  return async (after, limit) => {
    try {
      return await roster.events.list({ limit, ...(after ? { after } : {}) });
    } catch (error) {
      if (error instanceof GoneError) throw new CursorExpiredError(error.message);
      throw error;
    }
  };
}

/** verifyWebhookPayload throws saying why a delivery is refused; the handler only needs yes or no. */
export function webhookVerifier(): VerifySignature {
  return (secret, headers, rawBody) => verifyWebhookPayload(secret, headers, rawBody);
}
