import { data, defined, type RosterApi } from '../api.js';
import { eachItem, type PageOptions } from '../pagination.js';
import type { ApiClient } from '../types.js';

/** `roster.apiClients`: the credentials backends use to call Roster. */
export class ApiClientsClient {
  constructor(private readonly api: RosterApi) {}

  /** `plain_secret` is in this answer only. */
  create(name: string) {
    return data(this.api.POST('/api/v1/clients', { body: { name } }));
  }

  list(options: PageOptions = {}) {
    return data(this.api.GET('/api/v1/clients', { params: { query: defined({ page_size: options.pageSize, page_token: options.pageToken }) } }));
  }

  iterate(options: { pageSize?: number } = {}): AsyncGenerator<ApiClient, void, undefined> {
    return eachItem((pageToken) => this.list({ ...options, ...defined({ pageToken }) }), (page) => page.clients);
  }

  get(clientId: string) {
    return data(this.api.GET('/api/v1/clients/{client_id}', { params: { path: { client_id: clientId } } }));
  }

  /** Its secret and access tokens stop working at once; the last active client cannot be revoked (ConflictError). */
  revoke(clientId: string) {
    return data(this.api.POST('/api/v1/clients/{client_id}:revoke', { params: { path: { client_id: clientId } } }));
  }
}
