import type { BearerTokens } from './transport.js';

// The client_credentials access token (POST /oauth/token), fetched when first needed, shared by
// concurrent calls, and fetched again shortly before it expires so no request carries a token
// that lapses on the way.

export interface IssuedToken {
  access_token: string;
  /** Seconds the token is valid for. */
  expires_in: number;
}

/** How long before expiry a token is replaced: a fifth of its lifetime, at most a minute. */
export const refreshMarginMs = (lifetimeMs: number): number => Math.min(60_000, lifetimeMs / 5);

export class AccessTokenCache implements BearerTokens {
  private current: { token: string; refreshAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly now: () => number,
  ) {}

  get(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt) return Promise.resolve(this.current.token);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async fetchToken(): Promise<string> {
    const requestedAt = this.now();
    const issued = await this.issue();
    const lifetimeMs = issued.expires_in * 1000;
    // Counted from when it was asked for: the server's clock started no later than that.
    this.current = { token: issued.access_token, refreshAt: requestedAt + lifetimeMs - refreshMarginMs(lifetimeMs) };
    return issued.access_token;
  }
}
