import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestServer } from '../../server/test/support/test-server.js';
import { fetchOpenApiDocument } from '../scripts/openapi-types.js';
import { Roster } from '../src/index.js';

// Every operation of the server's OpenAPI document has an SDK method: the table below names the
// call that makes each one, and each call, sent through a recording fetch, must send the
// operation's method and path. A new operation without a method fails here (the Python, Go and
// Java SDKs hold the same table). Parameters and bodies are checked by the compiler: the calls go
// through openapi-fetch with the generated types (generated-types.test.ts keeps them current).

const ORG = 'org_1';
const DIR = 'dir_1';
type Call = (roster: Roster) => Promise<unknown> | AsyncGenerator<unknown>;

const OPERATIONS: Record<string, Call | null> = {
  // Sent by the client itself before its first call (and again to renew the token).
  getAccessToken: null,
  createOrganization: (r) => r.organization.createOrganization('Acme'),
  listOrganizations: (r) => r.organization.listOrganizations(),
  getOrganizationByExternalId: (r) => r.organization.getOrganizationByExternalId('acme'),
  getOrganization: (r) => r.organization.getOrganization(ORG),
  updateOrganization: (r) => r.organization.updateOrganization(ORG, { displayName: 'Acme 2' }),
  deleteOrganization: (r) => r.organization.deleteOrganization(ORG),
  updateOrganizationSettings: (r) => r.organization.updateOrganizationSettings(ORG, { features: [{ name: 'scim', enabled: true }] }),
  createDirectory: (r) => r.directory.createDirectory(ORG, { directoryProvider: 'OKTA' }),
  listDirectories: (r) => r.directory.listDirectories(ORG),
  getDirectory: (r) => r.directory.getDirectory(ORG, DIR),
  updateDirectory: (r) => r.directory.updateDirectory(ORG, DIR, { name: 'Okta' }),
  deleteDirectory: (r) => r.directory.deleteDirectory(ORG, DIR),
  enableDirectory: (r) => r.directory.enableDirectory(ORG, DIR),
  disableDirectory: (r) => r.directory.disableDirectory(ORG, DIR),
  getSampleData: (r) => r.directory.getSampleData(ORG, DIR),
  removeSampleData: (r) => r.directory.removeSampleData(ORG, DIR),
  updateDirectorySource: (r) => r.directory.updateDirectorySource(ORG, DIR, { syncIntervalMinutes: 60 }),
  syncDirectory: (r) => r.directory.syncDirectory(ORG, DIR),
  listDirectorySyncRuns: (r) => r.directory.listDirectorySyncRuns(ORG, DIR),
  approveDirectorySyncRun: (r) => r.directory.approveDirectorySyncRun(ORG, DIR, 'syncrun_1'),
  createDirectorySecret: (r) => r.directory.createDirectorySecret(ORG, DIR),
  regenerateDirectorySecret: (r) => r.directory.regenerateDirectorySecret(ORG, DIR),
  revokeDirectorySecret: (r) => r.directory.revokeDirectorySecret(ORG, DIR, 'dirsec_1'),
  listDirectoryUsers: (r) => r.directory.listDirectoryUsers(ORG, DIR),
  getDirectoryUser: (r) => r.directory.getDirectoryUser(ORG, DIR, 'diruser_1'),
  listDirectoryGroups: (r) => r.directory.listDirectoryGroups(ORG, DIR),
  getDirectoryGroup: (r) => r.directory.getDirectoryGroup(ORG, DIR, 'dirgroup_1'),
  listDirectoryGroupMembers: (r) => r.directory.listDirectoryGroupMembers(ORG, DIR, 'dirgroup_1'),
  assignDirectoryGroupRoles: (r) => r.directory.assignDirectoryGroupRoles(ORG, DIR, { assignments: [{ groupId: 'dirgroup_1', roleName: 'admin' }] }),
  updateDirectoryAttributeMappings: (r) => r.directory.updateDirectoryAttributeMappings(ORG, DIR, { attributes: [{ key: 'title', mapTo: 'custom_attributes.title' }] }),
  getDirectoryEventSettings: (r) => r.directory.getDirectoryEventSettings(ORG, DIR),
  updateDirectoryEventSettings: (r) => r.directory.updateDirectoryEventSettings(ORG, DIR, { deactivationAsDeletion: true }),
  createRole: (r) => r.role.createRole({ name: 'admin' }),
  listRoles: (r) => r.role.listRoles(),
  getRole: (r) => r.role.getRole('admin'),
  updateRole: (r) => r.role.updateRole('admin', { displayName: 'Admin' }),
  deleteRole: (r) => r.role.deleteRole('admin'),
  generatePortalLink: (r) => r.organization.generatePortalLink(ORG),
  listPortalLinks: (r) => r.organization.listPortalLinks(ORG),
  revokePortalLink: (r) => r.organization.revokePortalLink(ORG, 'plink_1'),
  createApiClient: (r) => r.apiClients.create('backend'),
  listApiClients: (r) => r.apiClients.list(),
  getApiClient: (r) => r.apiClients.get('client_1'),
  revokeApiClient: (r) => r.apiClients.revoke('client_1'),
  listEvents: (r) => r.events.list(),
  getEvent: (r) => r.events.get('evt_1'),
  createWebhook: (r) => r.webhooks.create({ url: 'https://app.example/hooks' }),
  listWebhooks: (r) => r.webhooks.list(),
  getWebhook: (r) => r.webhooks.get('ep_1'),
  updateWebhook: (r) => r.webhooks.update('ep_1', { enabled: false }),
  deleteWebhook: (r) => r.webhooks.delete('ep_1'),
  rotateWebhookSecret: (r) => r.webhooks.rotateSecret('ep_1'),
  replayWebhook: (r) => r.webhooks.replay('ep_1', { eventId: 'evt_1' }),
  listWebhookDeliveries: (r) => r.webhooks.listDeliveries('ep_1'),
  getWebhookDelivery: (r) => r.webhooks.getDelivery('ep_1', 'evt_1'),
};

interface DocumentOperation {
  method: string;
  pattern: RegExp;
}

function documentOperations(document: { paths?: Record<string, Record<string, unknown>> }): Map<string, DocumentOperation> {
  const found = new Map<string, DocumentOperation>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const id = (operation as { operationId?: string }).operationId;
      if (!id) continue;
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
      found.set(id, { method: method.toUpperCase(), pattern });
    }
  }
  return found;
}

/** A fetch that answers the token request and records every other request, answering it 404. */
function recorder() {
  const sent: { method: string; path: string }[] = [];
  const send = (request: Request): Promise<Response> => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    if (path === '/oauth/token') return Promise.resolve(Response.json({ access_token: 'token', token_type: 'Bearer', expires_in: 3600 }));
    sent.push({ method: request.method, path });
    return Promise.resolve(Response.json({ code: 'not_found', message: 'recorded' }, { status: 404 }));
  };
  return { sent, send };
}

test("every operation of the server's OpenAPI document has an SDK method that sends it", async () => {
  const server = await startTestServer({ store: 'embedded' });
  let operations: Map<string, DocumentOperation>;
  try {
    operations = documentOperations((await fetchOpenApiDocument(server.baseUrl)) as { paths?: Record<string, Record<string, unknown>> });
  } finally {
    await server.close();
  }
  assert.deepEqual([...operations.keys()].filter((id) => !(id in OPERATIONS)).sort(), [], 'operations without an SDK method (add one, and list it in OPERATIONS)');
  assert.deepEqual(Object.keys(OPERATIONS).filter((id) => !operations.has(id)).sort(), [], 'OPERATIONS names operations the document no longer has');

  const problems: string[] = [];
  for (const [id, call] of Object.entries(OPERATIONS)) {
    const operation = operations.get(id);
    if (!call || !operation) continue;
    const { sent, send } = recorder();
    const roster = new Roster('http://roster.test', 'id', 'secret', { fetch: send, retry: { maxRetries: 0 } });
    const result = call(roster);
    await ('next' in result ? result.next() : result).catch(() => undefined);
    const [request] = sent;
    if (!request || request.method !== operation.method || !operation.pattern.test(request.path)) {
      problems.push(`${id}: sent ${request ? `${request.method} ${request.path}` : 'nothing'}, the document says ${operation.method} ${operation.pattern.source}`);
    }
  }
  assert.deepEqual(problems, []);
});
