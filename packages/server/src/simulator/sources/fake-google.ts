import { generateKeyPairSync, randomBytes, verify, type KeyObject } from 'node:crypto';
import { FakeServer, formOrJson, htmlEscape, json, pageOf, PageTokens, redirect, type FakeAnswer, type FakeRequest } from './fake-http.js';
import { GoogleDirectory, type GoogleUserJson } from './google-directory-data.js';

// A local Google Workspace for tests, benchmarks and `roster simulate --provider google`: the
// Admin SDK Directory API (users.list, groups.list, groups.get, members.list) and Google's OAuth
// 2.0 server (the consent screen, the token endpoint with authorization codes, refresh tokens
// and service-account JWT assertions with domain-wide delegation), speaking the request and
// response shapes Google documents: page tokens, `{error: {code, message, errors: [{reason}]}}`
// bodies, 401 for bad tokens, 403 for missing scopes or non-admins, 429 / 403
// rateLimitExceeded with Retry-After for quota, `invalid_grant` for revoked refresh tokens.

const USER_SCOPES = ['https://www.googleapis.com/auth/admin.directory.user.readonly', 'https://www.googleapis.com/auth/admin.directory.user'];
const GROUP_SCOPES = ['https://www.googleapis.com/auth/admin.directory.group.readonly', 'https://www.googleapis.com/auth/admin.directory.group'];
const MEMBER_SCOPES = ['https://www.googleapis.com/auth/admin.directory.group.member.readonly', 'https://www.googleapis.com/auth/admin.directory.group.member', ...GROUP_SCOPES];

export interface ServiceAccountKeyJson {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  universe_domain: string;
}

interface Grant {
  scopes: string[];
  /** The admin whose directory it reads. */
  admin: string;
}

interface AccessToken extends Grant {
  expiresAt: number;
  refreshToken?: string;
  serviceAccount?: string;
}

function googleError(code: number, message: string, reason: string, status: string, domain = 'global'): FakeAnswer {
  return json(code, { error: { code, message, errors: [{ message, domain, reason }], status } });
}

const unauthenticated = () =>
  googleError(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'authError', 'UNAUTHENTICATED');
const oauthError = (status: number, error: string, description: string) => json(status, { error, error_description: description });

export interface FakeGoogleOptions {
  customerId?: string;
  domain?: string;
  clientId?: string;
  clientSecret?: string;
  /** Administrators who may consent and be impersonated. */
  admins?: string[];
}

export class FakeGoogleWorkspace {
  readonly directory: GoogleDirectory;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly admins: Set<string>;
  readonly server: FakeServer;
  /** How long an access token lives (Google: an hour). */
  accessTokenSeconds = 3600;
  /** Each Directory API call: the access token it carried and when, to tell runs apart (tests). */
  readonly apiCalls: { token: string; at: number }[] = [];
  /** Keep apiCalls (off by default: a benchmark makes millions of calls). */
  recordCalls = false;
  private readonly codes = new Map<string, Grant & { clientId: string; redirectUri: string }>();
  private readonly refreshTokens = new Map<string, Grant & { clientId: string; revoked: boolean }>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly serviceAccounts = new Map<string, { publicKey: KeyObject; delegated: boolean; deleted: boolean }>();

  constructor(options: FakeGoogleOptions = {}) {
    this.directory = new GoogleDirectory(options.customerId ?? 'C03fake42', options.domain ?? 'acme.example');
    this.clientId = options.clientId ?? 'roster-test.apps.googleusercontent.com';
    this.clientSecret = options.clientSecret ?? `GOCSPX-${randomBytes(12).toString('base64url')}`;
    this.admins = new Set((options.admins ?? [`admin@${this.directory.domain}`]).map((email) => email.toLowerCase()));
    this.server = new FakeServer((request) => this.route(request));
  }

  static async start(options: FakeGoogleOptions & { port?: number; host?: string } = {}): Promise<FakeGoogleWorkspace> {
    const fake = new FakeGoogleWorkspace(options);
    await fake.server.listen(options.port, options.host);
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** A new service account key (as Google Cloud downloads it), authorized for domain-wide delegation unless told otherwise. */
  createServiceAccountKey(options: { delegated?: boolean } = {}): ServiceAccountKeyJson {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const email = `roster-sync-${randomBytes(3).toString('hex')}@roster-fake.iam.gserviceaccount.com`;
    this.serviceAccounts.set(email, { publicKey, delegated: options.delegated ?? true, deleted: false });
    return {
      type: 'service_account',
      project_id: 'roster-fake',
      private_key_id: randomBytes(20).toString('hex'),
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: String(100_000_000_000_000_000_000n + BigInt(this.serviceAccounts.size)),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      universe_domain: 'googleapis.com',
    };
  }

  /** The customer's admin revokes Roster's access: refresh tokens stop working, and so do tokens issued from them. */
  revokeConsent(): void {
    for (const token of this.refreshTokens.values()) token.revoked = true;
    for (const [value, token] of this.accessTokens) if (token.refreshToken) this.accessTokens.delete(value);
  }

  /** The service account's key is deleted in Google Cloud. */
  deleteServiceAccount(email: string): void {
    const account = this.serviceAccounts.get(email);
    if (account) account.deleted = true;
    for (const [value, token] of this.accessTokens) if (token.serviceAccount === email) this.accessTokens.delete(value);
  }

  /** Every access token expires now (the next call refreshes). */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** Quota: every n-th API call answered as Google does when a quota is exceeded. */
  throttleEvery(every: number, style: '429' | '403' = '429', retryAfterSeconds = 1): void {
    this.server.throttling = {
      every,
      answer: () =>
        style === '429'
          ? { ...googleError(429, "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'", 'rateLimitExceeded', 'RESOURCE_EXHAUSTED'), headers: { 'retry-after': String(retryAfterSeconds) } }
          : { ...googleError(403, 'User Rate Limit Exceeded', 'userRateLimitExceeded', 'PERMISSION_DENIED', 'usageLimits'), headers: { 'retry-after': String(retryAfterSeconds) } },
    };
  }

  private async route(request: FakeRequest): Promise<FakeAnswer & { name: string; api?: boolean }> {
    const path = request.url.pathname;
    if (path === '/o/oauth2/v2/auth' && request.method === 'GET') return { name: 'consent', ...this.consentPage(request) };
    if (path === '/o/oauth2/v2/auth/decide' && request.method === 'POST') return { name: 'consent.decide', ...this.decide(request) };
    if (path === '/token' && request.method === 'POST') return { name: 'token', ...this.token(request) };
    const match = /^\/admin\/directory\/v1\/(users|groups)(?:\/([^/]+))?(?:\/(members))?$/.exec(path);
    if (match && request.method === 'GET') {
      const [, collection, key, members] = match;
      if (collection === 'users' && !key) return { name: 'users.list', api: true, ...this.api(request, USER_SCOPES, () => this.listUsers(request)) };
      if (collection === 'groups' && !key) return { name: 'groups.list', api: true, ...this.api(request, GROUP_SCOPES, () => this.listGroups(request)) };
      if (collection === 'groups' && key && !members) return { name: 'groups.get', api: true, ...this.api(request, GROUP_SCOPES, () => this.getGroup(decodeURIComponent(key))) };
      if (collection === 'groups' && key && members) return { name: 'members.list', api: true, ...this.api(request, MEMBER_SCOPES, () => this.listMembers(request, decodeURIComponent(key))) };
    }
    return { name: 'unknown', ...googleError(404, `Not Found: ${path}`, 'notFound', 'NOT_FOUND') };
  }

  // --- OAuth 2.0 ----------------------------------------------------------------------------

  private consentPage(request: FakeRequest): FakeAnswer {
    const query = request.url.searchParams;
    if (query.get('client_id') !== this.clientId) return { status: 400, body: 'Error 401: invalid_client. The OAuth client was not found.' };
    if (query.get('response_type') !== 'code' || !query.get('redirect_uri')) return { status: 400, body: 'Error 400: invalid_request. Missing required parameter.' };
    const hidden = ['client_id', 'redirect_uri', 'scope', 'state', 'access_type']
      .map((name) => `<input type="hidden" name="${name}" value="${htmlEscape(query.get(name) ?? '')}">`)
      .join('');
    const scopes = (query.get('scope') ?? '').split(' ').map((scope) => `<li>${htmlEscape(scope)}</li>`).join('');
    const admin = [...this.admins][0] ?? '';
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<!doctype html><html><head><title>Sign in - Google Accounts (fake)</title></head><body>
<h1>Roster wants to access your Google Account</h1>
<form method="post" action="/o/oauth2/v2/auth/decide">${hidden}
<label>Signed in as <input name="login" value="${htmlEscape(admin)}"></label>
<p>This will allow Roster to:</p><ul>${scopes}</ul>
<button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Cancel</button>
</form></body></html>`,
    };
  }

  private decide(request: FakeRequest): FakeAnswer {
    const form = formOrJson(request);
    const target = new URL(form.redirect_uri ?? '');
    if (form.state) target.searchParams.set('state', form.state);
    if (form.decision !== 'allow') {
      target.searchParams.set('error', 'access_denied');
      return redirect(target.toString());
    }
    const code = `4/0A${randomBytes(24).toString('base64url')}`;
    this.codes.set(code, { clientId: form.client_id ?? '', redirectUri: form.redirect_uri ?? '', scopes: (form.scope ?? '').split(' ').filter(Boolean), admin: (form.login ?? '').toLowerCase() });
    target.searchParams.set('code', code);
    target.searchParams.set('scope', form.scope ?? '');
    return redirect(target.toString());
  }

  private clientOf(request: FakeRequest, form: Record<string, string>): { id: string; secret: string } {
    const basic = /^Basic (.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
    if (basic) {
      const [id = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':');
      return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
    }
    return { id: form.client_id ?? '', secret: form.client_secret ?? '' };
  }

  private issue(grant: Grant, extra: { refreshToken?: string; serviceAccount?: string; includeRefresh?: boolean }): object {
    const accessToken = `ya29.${randomBytes(32).toString('base64url')}`;
    this.accessTokens.set(accessToken, {
      ...grant,
      expiresAt: Date.now() + this.accessTokenSeconds * 1000,
      ...(extra.refreshToken ? { refreshToken: extra.refreshToken } : {}),
      ...(extra.serviceAccount ? { serviceAccount: extra.serviceAccount } : {}),
    });
    return {
      access_token: accessToken,
      expires_in: this.accessTokenSeconds,
      scope: grant.scopes.join(' '),
      token_type: 'Bearer',
      ...(extra.includeRefresh && extra.refreshToken ? { refresh_token: extra.refreshToken } : {}),
    };
  }

  private token(request: FakeRequest): FakeAnswer {
    const form = formOrJson(request);
    const grantType = form.grant_type;
    if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') return this.serviceAccountToken(form.assertion ?? '');
    const client = this.clientOf(request, form);
    if (client.id !== this.clientId || client.secret !== this.clientSecret) return oauthError(401, 'invalid_client', 'Unauthorized');
    if (grantType === 'authorization_code') {
      const code = this.codes.get(form.code ?? '');
      this.codes.delete(form.code ?? '');
      if (!code || code.clientId !== client.id) return oauthError(400, 'invalid_grant', 'Malformed auth code.');
      if (code.redirectUri !== form.redirect_uri) return oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
      const refreshToken = `1//0${randomBytes(30).toString('base64url')}`;
      this.refreshTokens.set(refreshToken, { ...code, revoked: false });
      return json(200, this.issue(code, { refreshToken, includeRefresh: true }));
    }
    if (grantType === 'refresh_token') {
      const refresh = this.refreshTokens.get(form.refresh_token ?? '');
      if (!refresh || refresh.revoked || refresh.clientId !== client.id) return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
      return json(200, this.issue(refresh, { refreshToken: form.refresh_token ?? '' }));
    }
    return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
  }

  /** RFC 7523: a JWT signed with the service account's key, impersonating `sub`. */
  private serviceAccountToken(assertion: string): FakeAnswer {
    const [header, payload, signature] = assertion.split('.');
    if (!header || !payload || !signature) return oauthError(400, 'invalid_grant', 'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.');
    let claims: { iss?: string; sub?: string; scope?: string; aud?: string; exp?: number; iat?: number };
    let alg: unknown;
    try {
      alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown }).alg;
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return oauthError(400, 'invalid_grant', 'Invalid JWT.');
    }
    const account = this.serviceAccounts.get(claims.iss ?? '');
    const signed = account && alg === 'RS256' && verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), account.publicKey, Buffer.from(signature, 'base64url'));
    if (!account || account.deleted || !signed) return oauthError(400, 'invalid_grant', 'Invalid JWT Signature.');
    const now = Math.floor(Date.now() / 1000);
    if (!claims.exp || claims.exp < now || !claims.aud?.endsWith('/token')) return oauthError(400, 'invalid_grant', 'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.');
    // Delegation lets the service account act as any user of the domain; whether that user may
    // read the directory is the API's question (403 for a non-admin), not the token endpoint's.
    const admin = (claims.sub ?? '').toLowerCase();
    if (!account.delegated || !admin.endsWith(`@${this.directory.domain}`)) {
      return oauthError(401, 'unauthorized_client', 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.');
    }
    return json(200, this.issue({ scopes: (claims.scope ?? '').split(' ').filter(Boolean), admin }, { serviceAccount: claims.iss ?? '' }));
  }

  // --- Directory API ------------------------------------------------------------------------

  private api(request: FakeRequest, scopes: string[], answer: () => FakeAnswer): FakeAnswer {
    const bearer = /^Bearer (.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
    const token = bearer ? this.accessTokens.get(bearer) : undefined;
    if (this.recordCalls && bearer) this.apiCalls.push({ token: bearer, at: Date.now() });
    if (!token || token.expiresAt < Date.now()) return unauthenticated();
    if (!token.scopes.some((scope) => scopes.includes(scope))) return googleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions', 'PERMISSION_DENIED');
    if (!this.admins.has(token.admin)) return googleError(403, 'Not Authorized to access this resource/api', 'forbidden', 'PERMISSION_DENIED');
    return answer();
  }

  private pageSize(request: FakeRequest, fallback: number, maximum: number): number | FakeAnswer {
    const raw = request.url.searchParams.get('maxResults');
    if (raw === null) return fallback;
    const size = Number(raw);
    if (!Number.isInteger(size) || size < 1 || size > maximum) return googleError(400, 'Invalid Input: maxResults', 'invalid', 'INVALID_ARGUMENT');
    return size;
  }

  /** The customer or domain a list names: one is required, and it must be this one. */
  private scopeError(request: FakeRequest): FakeAnswer | undefined {
    const customer = request.url.searchParams.get('customer');
    const domain = request.url.searchParams.get('domain');
    if (!customer && !domain) return googleError(400, 'Bad Request', 'badRequest', 'INVALID_ARGUMENT');
    if (customer && customer !== 'my_customer' && customer !== this.directory.customerId) return googleError(404, 'Resource Not Found: customer', 'notFound', 'NOT_FOUND');
    if (domain && domain.toLowerCase() !== this.directory.domain) return googleError(403, 'Not Authorized to access this resource/api', 'forbidden', 'PERMISSION_DENIED');
    return undefined;
  }

  private page<T>(request: FakeRequest, items: T[], size: number): { page: T[]; next: string | undefined } | FakeAnswer {
    const params = new URLSearchParams(request.url.searchParams);
    params.delete('pageToken');
    const query = `${request.url.pathname}?${[...params].sort().map(([key, value]) => `${key}=${value}`).join('&')}`;
    const token = request.url.searchParams.get('pageToken');
    const offset = token ? PageTokens.read(query, token) : 0;
    if (offset === undefined) return googleError(400, 'Invalid Input: pageToken', 'invalid', 'INVALID_ARGUMENT');
    return pageOf(items, offset, size, query);
  }

  private listUsers(request: FakeRequest): FakeAnswer {
    const scope = this.scopeError(request);
    if (scope) return scope;
    const size = this.pageSize(request, 100, 500);
    if (typeof size !== 'number') return size;
    const query = request.url.searchParams.get('query');
    let users = [...this.directory.users.values()];
    if (query) {
      // orgUnitPath='/Sales' matches the unit and the units below it, as Google documents.
      const unit = /^orgUnitPath='([^']*)'$/.exec(query.trim())?.[1];
      if (unit === undefined) return googleError(400, 'Invalid Input: query', 'invalid', 'INVALID_ARGUMENT');
      users = users.filter((user) => user.orgUnitPath === unit || user.orgUnitPath.startsWith(`${unit.replace(/\/$/, '')}/`));
    }
    const paged = this.page(request, users, size);
    if ('status' in paged) return paged;
    // Activity Google records on its own: last logins and etags change between two reads.
    const now = new Date().toISOString();
    const page = paged.page.map((user): GoogleUserJson => ({ ...user, lastLoginTime: now, etag: `"${randomBytes(12).toString('base64url')}"` }));
    return json(200, { kind: 'admin#directory#users', etag: `"${randomBytes(12).toString('base64url')}"`, users: page, ...(paged.next ? { nextPageToken: paged.next } : {}) });
  }

  private listGroups(request: FakeRequest): FakeAnswer {
    const scope = this.scopeError(request);
    if (scope) return scope;
    const size = this.pageSize(request, 200, 200);
    if (typeof size !== 'number') return size;
    const paged = this.page(request, [...this.directory.groups.values()], size);
    if ('status' in paged) return paged;
    return json(200, { kind: 'admin#directory#groups', etag: `"${randomBytes(12).toString('base64url')}"`, groups: paged.page, ...(paged.next ? { nextPageToken: paged.next } : {}) });
  }

  private getGroup(key: string): FakeAnswer {
    const group = this.directory.findGroup(key);
    if (!group) return googleError(404, 'Resource Not Found: groupKey', 'notFound', 'NOT_FOUND');
    return json(200, group);
  }

  private listMembers(request: FakeRequest, key: string): FakeAnswer {
    const group = this.directory.findGroup(key);
    if (!group) return googleError(404, 'Resource Not Found: groupKey', 'notFound', 'NOT_FOUND');
    const size = this.pageSize(request, 200, 200);
    if (typeof size !== 'number') return size;
    const members = (this.directory.members.get(group.id) ?? []).map((member) => {
      const user = member.type === 'USER' ? this.directory.users.get(member.id) : undefined;
      return user ? { ...member, status: user.suspended ? ('SUSPENDED' as const) : ('ACTIVE' as const) } : member;
    });
    const paged = this.page(request, members, size);
    if ('status' in paged) return paged;
    return json(200, { kind: 'admin#directory#members', etag: `"${randomBytes(12).toString('base64url')}"`, members: paged.page, ...(paged.next ? { nextPageToken: paged.next } : {}) });
  }
}
