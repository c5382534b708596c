// Browser events the portal posts to the app that embeds it in an iframe, shaped like
// Scalekit's: {event_type, object, organization_id, message, data}. They go only to the
// environment's allowed origins: postMessage with an explicit targetOrigin is dropped by the
// browser unless the parent's origin is exactly that origin, so no other page can read them.

export type PortalEventType = 'ORGANIZATION_DIRECTORY_ENABLED' | 'ORGANIZATION_DIRECTORY_DISABLED' | 'PORTAL_SESSION_WARNING' | 'PORTAL_SESSION_EXPIRY';

export interface PortalEvent {
  event_type: PortalEventType;
  object: 'directory' | 'session';
  organization_id: string;
  message: string;
  data: Record<string, unknown>;
}

let allowedOrigins: string[] = [];
let organizationId = '';

export function configureEmbedEvents(origins: string[], organization: string): void {
  allowedOrigins = origins;
  organizationId = organization;
}

export const isEmbedded = (): boolean => window.parent !== window;

/** Posts to the parent frame for each allowed origin; only the one the parent really has receives it. */
export function postPortalEvent(type: PortalEventType, object: PortalEvent['object'], message: string, data: Record<string, unknown>): void {
  if (!isEmbedded()) return;
  const event: PortalEvent = { event_type: type, object, organization_id: organizationId, message, data };
  for (const origin of allowedOrigins) {
    try {
      window.parent.postMessage(event, origin);
    } catch {
      // A malformed origin: nothing to deliver to.
    }
  }
}

/** Minutes before expiry when PORTAL_SESSION_WARNING is posted and the banner shows. */
export const WARNING_MINUTES = 5;
